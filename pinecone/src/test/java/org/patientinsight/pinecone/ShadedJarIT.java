package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package}, on the shaded jar: loaded in a fresh class loader BEHIND the
 * Guava 14 and protobuf 3.x that a Spark 3.5 classpath carries, the store still upserts,
 * queries and counts against the loopback Pinecone server. The same classes unshaded, in the
 * same spot, break — so this test would catch a shading that stopped relocating.
 */
@Tag("shaded-jar")
class ShadedJarIT {

  private static final String KEY = "it-key";
  private static FakePineconeServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new FakePineconeServer(TestRecords.DIM, KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Path shadedJar() {
    Path jar = Path.of(System.getProperty("pinecone.shaded.jar", "missing"));
    assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
    return jar;
  }

  private static List<URL> sparkLikeJars() throws Exception {
    Path dir = Path.of(System.getProperty("pinecone.spark.like.jars", "missing"));
    try (Stream<Path> files = Files.list(dir)) {
      List<URL> urls = new ArrayList<>();
      for (Path p : files.sorted().toList()) {
        urls.add(p.toUri().toURL());
      }
      assertEquals(2, urls.size(), "expected guava and protobuf-java in " + dir);
      return urls;
    }
  }

  private static URL locationOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void jarHoldsOnlyOurPackagesAndRelocatedOnes() throws Exception {
    try (JarFile jar = new JarFile(shadedJar().toFile())) {
      List<String> classes = jar.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class")).toList();
      List<String> outside = classes.stream()
          .filter(n -> !n.startsWith("org/patientinsight/pinecone/")).toList();
      assertEquals(List.of(), outside);
      for (String pkg : List.of("com/google/protobuf/", "com/google/common/", "io/grpc/",
          "io/netty/", "okhttp3/", "okio/", "kotlin/", "com/google/gson/", "io/pinecone/")) {
        assertTrue(classes.stream().anyMatch(
            n -> n.startsWith("org/patientinsight/pinecone/shaded/" + pkg)), pkg);
      }
      assertTrue(jar.stream().noneMatch(e -> e.getName().contains("tcnative")));
      assertTrue(jar.getEntry("META-INF/services/"
          + "org.patientinsight.pinecone.shaded.io.grpc.ManagedChannelProvider") != null);
    }
  }

  @Test
  void shadedStoreWorksBehindSparksGuavaAndProtobuf() throws Exception {
    List<URL> urls = new ArrayList<>(sparkLikeJars()); // first, as on a Spark classpath
    urls.add(shadedJar().toUri().toURL());
    urls.add(locationOf(org.patientinsight.core.vector.VectorStore.class));
    urls.add(locationOf(org.patientinsight.core.config.Settings.class));
    urls.add(locationOf(com.fasterxml.jackson.databind.ObjectMapper.class));
    urls.add(locationOf(com.fasterxml.jackson.core.JsonFactory.class));
    urls.add(locationOf(com.fasterxml.jackson.annotation.JsonProperty.class));
    urls.add(locationOf(org.slf4j.LoggerFactory.class));
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      // the old libraries really are the visible ones
      assertTrue(locationOf(loader.loadClass("com.google.common.base.Preconditions"))
          .getPath().contains("guava-14"));
      assertThrows(ClassNotFoundException.class,
          () -> loader.loadClass("com.google.protobuf.RuntimeVersion")); // protobuf 4.x only
      assertTrue(locationOf(loader.loadClass("org.patientinsight.pinecone.PineconeVectorStore"))
          .getPath().endsWith(".jar"));

      Object store = newStore(loader);
      try {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          records.add(newRecord(loader, i));
        }
        invoke(store, "upsert", List.copyOf(records));
        assertEquals(5L, invoke(store, "count"));
        Object none = loader.loadClass("org.patientinsight.core.vector.SearchFilter")
            .getField("NONE").get(null);
        List<?> hits = (List<?>) invoke(store, "query", TestRecords.unitVector(3), 2, none);
        assertEquals(2, hits.size());
        assertEquals("uid-3", invoke(hits.get(0), "id"));
      } finally {
        invoke(store, "close");
      }
    }
    assertEquals(5, server.namespace("it").size());
  }

  @Test
  void tlsWorksWithoutNettyTcnative() throws Exception {
    // tcnative is dropped: the channel must build its TLS context (with ALPN) on the JDK's
    // provider. The loopback server speaks plaintext, so the handshake itself then fails —
    // as a transient UNAVAILABLE after the configured attempts, not as a missing class.
    List<URL> urls = new ArrayList<>(sparkLikeJars());
    urls.add(shadedJar().toUri().toURL());
    urls.add(locationOf(org.patientinsight.core.vector.VectorStore.class));
    urls.add(locationOf(org.patientinsight.core.config.Settings.class));
    urls.add(locationOf(com.fasterxml.jackson.databind.ObjectMapper.class));
    urls.add(locationOf(com.fasterxml.jackson.core.JsonFactory.class));
    urls.add(locationOf(com.fasterxml.jackson.annotation.JsonProperty.class));
    urls.add(locationOf(org.slf4j.LoggerFactory.class));
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Object store = newStore(loader, true);
      try {
        Exception e = assertThrows(Exception.class, () -> invoke(store, "count"));
        assertEquals("org.patientinsight.pinecone.PineconeStoreException", e.getClass().getName());
        assertEquals("UNAVAILABLE", invoke(e, "status"));
      } finally {
        invoke(store, "close");
      }
    }
  }

  @Test
  void theSameClassesUnshadedBreakThere() throws Exception {
    // control: the unshaded client and its own Guava/protobuf, behind Spark's versions
    List<URL> urls = new ArrayList<>(sparkLikeJars());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("guava-") || name.startsWith("protobuf-java-")
          || name.equals("test-classes")) {
        continue;
      }
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      assertFalse(locationOf(loader.loadClass("org.patientinsight.pinecone.PineconeVectorStore"))
          .getPath().endsWith(".jar"));
      Throwable failure = assertThrows(Throwable.class, () -> {
        Object store = newStore(loader);
        try {
          invoke(store, "count");
        } finally {
          invoke(store, "close");
        }
      });
      assertTrue(hasLinkageError(failure), "expected a LinkageError, got " + failure);
      System.out.println("unshaded client behind Spark's Guava/protobuf fails with: " + failure);
    }
  }

  private static boolean hasLinkageError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LinkageError) {
        return true;
      }
    }
    return false;
  }

  private static Object newStore(ClassLoader loader) throws Exception {
    return newStore(loader, false);
  }

  private static Object newStore(ClassLoader loader, boolean tls) throws Exception {
    Class<?> settingsType = loader.loadClass("org.patientinsight.pinecone.PineconeSettings");
    Constructor<?> canonical = Arrays.stream(settingsType.getDeclaredConstructors())
        .filter(c -> c.getParameterCount() == 14).findFirst().orElseThrow();
    Object settings = canonical.newInstance(KEY, server.host(), null, null, "it", tls, 100,
        1_800_000, 50.0, 1, 5_000L, 3, 1L, 5L);
    return construct(loader.loadClass("org.patientinsight.pinecone.PineconeVectorStore"),
        settings);
  }

  private static Object newRecord(ClassLoader loader, int i) throws Exception {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("pmid", "3000000" + i);
    meta.put("age_years", 30.0 + i);
    meta.put("gender", "F");
    return construct(loader.loadClass("org.patientinsight.core.vector.VectorRecord"),
        "uid-" + i, TestRecords.unitVector(i), meta);
  }

  private static Object construct(Class<?> type, Object... args) throws Exception {
    for (Constructor<?> c : type.getConstructors()) {
      if (c.getParameterCount() == args.length) {
        try {
          return c.newInstance(args);
        } catch (InvocationTargetException e) {
          throw rethrow(e);
        }
      }
    }
    throw new NoSuchMethodException(type.getName());
  }

  private static Object invoke(Object target, String name, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw rethrow(e);
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static Exception rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof Exception ex ? ex : e;
  }
}
