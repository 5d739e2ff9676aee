package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;

/**
 * The page in a real headless chromium: type symptoms and the API key, submit, and see the
 * report and the similar cases with scores and PubMed links. Saves a screenshot under the
 * build directory (and to -Dpi.screenshot.out when set).
 */
class PageBrowserTest {
  @Test
  void submittingTheFormShowsReportAndCases() throws Exception {
    try (TestServer s = new TestServer(Files.createTempDirectory("page"));
        WebDriverClient browser = new WebDriverClient()) {
      browser.open(s.uri("/").toString());
      assertEquals("", browser.text("#status"));
      browser.type("#symptoms", "Sudden headache with neck stiffness, fever and dislike of light");
      browser.type("#age", "23");
      browser.type("#apikey", TestServer.KEY);
      browser.click("#submit");
      long deadline = System.currentTimeMillis() + 15_000;
      while (browser.count("#cases li") == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(3, browser.count("#cases li"), "three similar cases shown");
      assertTrue(browser.text("#report").startsWith("EXTRACTIVE SUMMARY"));
      assertTrue(browser.text("#generator").contains("not LLM-written"));
      String first = browser.text("#cases li");
      assertTrue(first.contains("Bacterial meningitis"), first);
      assertTrue(first.matches("(?s)^0\\.\\d{3}.*"), "score shown first: " + first);
      assertEquals(3, browser.count("#cases li a[href^='https://pubmed.ncbi.nlm.nih.gov/']"));
      byte[] png = browser.screenshot();
      assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
      Path out = Path.of(System.getProperty("java.io.tmpdir"), "serving-page.png");
      Files.write(out, png);
      String extra = System.getProperty("pi.screenshot.out");
      if (extra != null && !extra.isBlank()) {
        Files.createDirectories(Path.of(extra).toAbsolutePath().getParent());
        Files.write(Path.of(extra), png);
      }
    }
  }
}
