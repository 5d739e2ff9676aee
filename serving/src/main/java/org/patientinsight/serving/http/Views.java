package org.patientinsight.serving.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.serving.analysis.QuestionAnswer;
import org.patientinsight.serving.analysis.SearchOutcome;
import org.patientinsight.serving.analysis.StoredAnalysis;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;

/** The API's JSON shapes, built from the service's records (notes themselves stay inside). */
final class Views {
  private Views() {}

  static Map<String, Object> analysis(StoredAnalysis a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("createdAt", a.createdAt());
    m.put("report", a.report());
    m.put("similarCases", cases(a.similarCases()));
    m.put("retrieval", retrieval(a.retrieval(), a.retrievalMode()));
    m.put("generator", a.generator());
    m.put("languageModel", a.languageModel());
    m.put("usage", a.usage());
    m.put("timings", a.timings());
    m.put("questions", a.questions().stream().map(Views::answer).toList());
    return m;
  }

  static Map<String, Object> search(SearchOutcome s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("similarCases", cases(s.cases()));
    m.put("retrieval", retrieval(s.stats(), s.mode().label()));
    m.put("timings", Map.of("retrievalMs", s.retrievalMs()));
    return m;
  }

  static Map<String, Object> answer(QuestionAnswer qa) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", qa.id());
    m.put("askedAt", qa.askedAt());
    m.put("question", qa.question());
    m.put("answer", qa.answer());
    m.put("generator", qa.generator());
    m.put("usage", qa.usage());
    m.put("timings", Map.of("generationMs", qa.generationMs()));
    return m;
  }

  static List<Map<String, Object>> cases(List<RetrievedCase> cases) {
    return cases.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("patientUid", c.patientUid());
      m.put("pmid", c.pmid());
      m.put("title", c.title());
      m.put("score", c.score());
      m.put("snippet", c.snippet());
      m.put("age", c.age());
      m.put("sex", c.sex());
      return m;
    }).toList();
  }

  static Map<String, Object> retrieval(RetrievalStats s, String mode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode);
    m.put("min", s.min());
    m.put("mean", s.mean());
    m.put("max", s.max());
    m.put("lowScore", s.lowScore());
    return m;
  }
}
