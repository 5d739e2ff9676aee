package org.patientinsight.jobs.testing;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real S3-compatible server (S3Proxy over its in-memory nio2 store, which honours conditional
 * writes such as {@code If-None-Match: *}) on 127.0.0.1, speaking
 * the S3 REST protocol with V2/V4 signatures, for the S3A path of the jobs. It runs as its own
 * JVM: S3Proxy's jclouds needs an older Gson than the one our embedder's tokenizer brings.
 */
public final class LocalS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret";

  private final Process process;
  private final int port;
  private final AmazonS3 client;

  public LocalS3() throws Exception {
    String jar = System.getProperty("pi.s3proxy.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("S3Proxy jar not found (system property pi.s3proxy.jar = " + jar
          + "); the jobs build copies it to target/s3proxy");
    }
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("s3proxy");
    Path props = dir.resolve("s3proxy.properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient-nio2",
        "jclouds.identity=local",
        "jclouds.credential=local",
        ""));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar, "--properties", props.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("s3proxy.log").toFile())
        .start();
    waitForPort(dir.resolve("s3proxy.log"));
    client = AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint(), "us-east-1"))
        .withPathStyleAccessEnabled(true)
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  private void waitForPort(Path log) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("S3Proxy did not start within 60 s");
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** An S3 client (AWS SDK) for setting up and inspecting buckets in tests. */
  public AmazonS3 client() {
    return client;
  }

  public void createBucket(String bucket) {
    client.createBucket(bucket);
  }

  public void put(String bucket, String key, String content) {
    client.putObject(bucket, key, content);
  }

  public boolean exists(String bucket, String key) {
    return client.doesObjectExist(bucket, key);
  }

  /** The --conf settings a job needs to talk to this server (as a user would pass them). */
  public Map<String, String> sparkConf(String secretKey) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("spark.hadoop.fs.s3a.endpoint", endpoint());
    c.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
    c.put("spark.hadoop.fs.s3a.path.style.access", "true");
    c.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
    c.put("spark.hadoop.fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    c.put("spark.hadoop.fs.s3a.access.key", ACCESS_KEY);
    c.put("spark.hadoop.fs.s3a.secret.key", secretKey);
    c.put("spark.hadoop.fs.s3a.buffer.dir", System.getProperty("java.io.tmpdir") + "/s3a");
    c.put("spark.hadoop.fs.s3a.attempts.maximum", "1");
    c.put("spark.hadoop.fs.s3a.retry.limit", "1");
    c.put("spark.hadoop.fs.s3a.connection.establish.timeout", "2000");
    c.put("spark.hadoop.fs.s3a.connection.timeout", "10000");
    // S3A caches file systems per bucket; a fresh one per run sees the current settings
    c.put("spark.hadoop.fs.s3a.impl.disable.cache", "true");
    return c;
  }

  @Override
  public void close() {
    client.shutdown();
    process.destroy();
  }
}
