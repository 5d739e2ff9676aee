package org.patientinsight.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.ConsoleRun;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * The SQL the docs and the notebook give runs as written, through {@code sql}, against a
 * warehouse built by two real {@code pipeline} runs (so every table the docs query exists and
 * drift has a comparison): every ```sql block of the project's Markdown, and every
 * {@code spark.sql("""…""")} of {@code notebooks/*.ipynb}.
 */
class DocsSqlTest {
  private static final Pattern MARKDOWN_SQL = Pattern.compile("(?s)```sql\\n(.*?)```");
  private static final Pattern NOTEBOOK_SQL = Pattern.compile("(?s)spark\\.sql\\(\"\"\"(.*?)\"\"\"\\)");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir
  static Path dir;
  static CliRun cli;

  @BeforeAll
  static void buildWarehouse() throws Exception {
    SharedSpark.get();
    cli = new CliRun(dir);
    JsonNode first = cli.run(0, "pipeline", "n1", "--input", sample("first.csv", 30, 31).toString());
    assertEquals("SUCCEEDED", first.path("status").asText(), first.toString());
    JsonNode second = cli.run(0, "pipeline", "n2", "--input", sample("second.csv", 30, 32).toString());
    assertEquals("SUCCEEDED", second.path("status").asText(), second.toString());
  }

  private static Path sample(String name, long rows, long seed) throws Exception {
    Path f = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      SampleGenerator.writeCsv(new SampleSpec(rows, seed, 0.3, AgeMix.ADULT_DEFAULT), w);
    }
    return f;
  }

  private static ConsoleRun sql(String statement) {
    return ConsoleRun.of("sql", "--warehouse", cli.warehouse().toString(), statement, "--format", "csv");
  }

  private static List<Path> files(String suffix) throws Exception {
    try (Stream<Path> s = Files.walk(ROOT, 3)) {
      return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains("/target/"))
          .sorted().collect(Collectors.toList());
    }
  }

  /** Every ```sql block of the project's Markdown runs as written and returns rows. */
  @Test
  void everySqlSnippetInTheDocsRuns() throws Exception {
    int snippets = 0;
    for (Path doc : files(".md")) {
      Matcher m = MARKDOWN_SQL.matcher(Files.readString(doc));
      while (m.find()) {
        ConsoleRun r = sql(m.group(1));
        assertEquals(0, r.exitCode(), doc + ": " + m.group(1) + " -> " + r.err());
        assertTrue(r.out().lines().count() >= 2, doc + ": " + m.group(1) + " returned no rows: " + r.out());
        snippets++;
      }
    }
    assertTrue(snippets >= 6, "found the docs' SQL snippets (quality/README.md, docs/notebooks.md): " + snippets);
  }

  /** The notebook is valid nbformat 4, and the SQL of each of its cells runs and returns rows. */
  @Test
  void theNotebooksQueriesRun() throws Exception {
    List<Path> notebooks = files(".ipynb");
    assertTrue(!notebooks.isEmpty(), "notebooks/ holds a notebook");
    List<String> ran = new ArrayList<>();
    for (Path nb : notebooks) {
      JsonNode root = new ObjectMapper().readTree(nb.toFile());
      assertEquals(4, root.path("nbformat").asInt(), nb + " is nbformat 4");
      for (JsonNode cell : root.path("cells")) {
        assertTrue(cell.path("source").isArray(), nb + ": a cell without source");
        if (!"code".equals(cell.path("cell_type").asText())) {
          continue;
        }
        StringBuilder src = new StringBuilder();
        cell.path("source").forEach(line -> src.append(line.asText()));
        assertEquals(0, cell.path("outputs").size(), nb + " is committed without outputs (no patient text)");
        Matcher m = NOTEBOOK_SQL.matcher(src);
        while (m.find()) {
          ConsoleRun r = sql(m.group(1));
          assertEquals(0, r.exitCode(), nb + ": " + m.group(1) + " -> " + r.err());
          assertTrue(r.out().lines().count() >= 2, nb + ": " + m.group(1) + " returned no rows");
          ran.add(m.group(1));
        }
      }
    }
    assertTrue(ran.size() >= 5, "the notebook's five queries ran: " + ran.size());
  }

  /** The drift query's second run has figures: the docs' "drift over runs" is not empty. */
  @Test
  void driftOverRunsHasAComparison() {
    ConsoleRun r = sql("SELECT count(*) AS n FROM drift_reports WHERE scope = 'batch' AND ks_d IS NOT NULL");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("n\r\n1\r\n", r.out());
  }
}
