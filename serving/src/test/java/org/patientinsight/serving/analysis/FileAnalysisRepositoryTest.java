package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileAnalysisRepositoryTest extends AnalysisRepositoryContract {
  private Path dir;

  @BeforeEach
  void newDirectory() throws IOException {
    dir = Files.createTempDirectory("file-analyses");
  }

  @Override
  AnalysisRepository open() {
    return new FileAnalysisRepository(dir);
  }

  @Test
  void aQuestionLineCutShortByACrashIsSkipped() throws IOException {
    StoredAnalysis a = analysis("k1", Instant.parse("2026-01-01T00:00:00Z"));
    try (AnalysisRepository r = open()) {
      r.create(a);
      r.appendQuestion(a.id(), question("kept"));
      Files.write(dir.resolve(a.id() + ".questions.jsonl"), "{\"id\":\"half".getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.APPEND);
      assertEquals(List.of("kept"), r.find(a.id()).orElseThrow().questions().stream()
          .map(QuestionAnswer::question).toList());
    }
  }

}
