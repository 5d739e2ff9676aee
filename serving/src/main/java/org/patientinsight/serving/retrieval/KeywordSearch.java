package org.patientinsight.serving.retrieval;

import java.util.List;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;

/** BM25 over the case notes; the local index provides it ({@code LocalVectorStore::searchText}). */
@FunctionalInterface
public interface KeywordSearch {
  List<ScoredMatch> search(String query, int topK, SearchFilter filter);
}
