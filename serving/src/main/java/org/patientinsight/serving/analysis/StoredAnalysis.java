package org.patientinsight.serving.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.generate.CaseDescription;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;

/**
 * An analysis as it is kept: who created it (the API key's hash id, never the key), the
 * request, the cases with the text the report was grounded in (so follow-up questions stay
 * grounded even if the index changes), the report, and the questions asked since.
 *
 * @param owner the creating key's id ({@link org.patientinsight.serving.http.ApiKeyAuth});
 *     null on analyses written before ownership existed, which only admin keys may read
 */
public record StoredAnalysis(String id, String owner, String createdAt, CaseDescription current,
    int topK, SearchFilter filters, String retrievalMode, List<RetrievedCase> similarCases,
    RetrievalStats retrieval, String report, String generator, boolean languageModel,
    Usage usage, Map<String, Long> timings, List<QuestionAnswer> questions) {

  public StoredAnalysis {
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public StoredAnalysis withQuestions(List<QuestionAnswer> more) {
    List<QuestionAnswer> q = new ArrayList<>(questions);
    q.addAll(more);
    return new StoredAnalysis(id, owner, createdAt, current, topK, filters, retrievalMode,
        similarCases, retrieval, report, generator, languageModel, usage, timings, q);
  }

  public StoredAnalysis withoutQuestions() {
    return new StoredAnalysis(id, owner, createdAt, current, topK, filters, retrievalMode,
        similarCases, retrieval, report, generator, languageModel, usage, timings, List.of());
  }
}
