package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.generate.CaseDescription;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Analyses kept under an S3 prefix, against a real S3-compatible server (S3Proxy) on loopback. */
class S3AnalysisRepositoryTest {
  private static Process proxy;
  private static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    String jar = System.getProperty("pi.s3proxy.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("S3Proxy jar not found at " + jar + " (the build copies it)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("s3proxy");
    Path props = dir.resolve("s3proxy.properties");
    Files.writeString(props, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=ak", "s3proxy.credential=sk",
        "jclouds.provider=transient", "jclouds.identity=x", "jclouds.credential=x", ""));
    proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar, "--properties", props.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        break;
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline || !proxy.isAlive()) {
          throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("log")));
        }
        Thread.sleep(100);
      }
    }
    s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("ak", "sk")))
        .build();
    s3.createBucket(b -> b.bucket("analyses"));
  }

  @AfterAll
  static void stop() {
    s3.close();
    proxy.destroy();
  }

  @Test
  void savesFindsAndSurvivesANewRepositoryInstance() {
    String id = UUID.randomUUID().toString();
    StoredAnalysis a = new StoredAnalysis(id, "2026-01-01T00:00:00Z",
        new CaseDescription("cough", 40.0, "M"), 3, SearchFilter.NONE, "bm25",
        List.of(new RetrievedCase("1-1", "1", "t", 0.7, "s", 40.0, "M", "note")),
        new RetrievalStats(0.7, 0.7, 0.7, false), "report", "extractive", false,
        new Usage(0, 0, null), Map.of("totalMs", 5L), List.of());
    new S3AnalysisRepository(s3, "analyses", "serving/v1").save(a);
    S3AnalysisRepository fresh = new S3AnalysisRepository(s3, "analyses", "serving/v1/");
    StoredAnalysis back = fresh.find(id).orElseThrow();
    assertEquals(a, back);
    assertTrue(s3.headObject(b -> b.bucket("analyses").key("serving/v1/" + id + ".json"))
        .contentLength() > 0);
    fresh.save(back.withQuestion(new QuestionAnswer("q", "now", "why?", "because", "extractive",
        new Usage(0, 0, null), 1)));
    assertEquals(1, fresh.find(id).orElseThrow().questions().size());
    assertTrue(fresh.find(UUID.randomUUID().toString()).isEmpty(), "unknown id");
    assertTrue(fresh.find("../../etc/passwd").isEmpty(), "malformed id");
  }
}
