package org.patientinsight.serving.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.core.embed.TextEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.core.vector.VectorStore;

/**
 * Finds the cases most similar to a description. Dense search always runs (it gives every
 * returned case its cosine score, which the low-score check and the page use); BM25 runs in
 * bm25 and hybrid modes when the store offers it; hybrid fuses both by reciprocal rank.
 */
public final class CaseRetriever {
  private final TextEmbedder embedder;
  private final VectorStore store;
  private final RankFusion fusion;
  private final int depth;

  /** Keyword and fused modes need a store that {@linkplain VectorStore#searchesText searches text}. */
  public CaseRetriever(TextEmbedder embedder, VectorStore store, int rrfK, int fusionDepth) {
    this.embedder = embedder;
    this.store = store;
    this.fusion = new RankFusion(rrfK);
    this.depth = fusionDepth;
  }

  public boolean supports(RetrievalMode mode) {
    return mode == RetrievalMode.DENSE || store.searchesText();
  }

  public List<RetrievedCase> retrieve(String text, int topK, SearchFilter filter,
      RetrievalMode mode) {
    if (!supports(mode)) {
      throw new IllegalStateException("retrieval mode " + mode.label() + " needs a keyword index; "
          + store.name() + " has none");
    }
    float[] vector = embedder.embed(text);
    int denseDepth = mode == RetrievalMode.DENSE ? topK : Math.max(depth, topK);
    List<ScoredMatch> dense = store.query(vector, denseDepth, filter);
    Map<String, ScoredMatch> byId = new LinkedHashMap<>();
    Map<String, Double> cosine = new HashMap<>();
    for (ScoredMatch m : dense) {
      byId.put(m.id(), m);
      cosine.put(m.id(), m.score());
    }
    List<String> order;
    if (mode == RetrievalMode.DENSE) {
      order = ids(dense);
    } else {
      List<ScoredMatch> bm25 = store.searchText(text, Math.max(depth, topK), filter);
      for (ScoredMatch m : bm25) {
        byId.putIfAbsent(m.id(), m);
      }
      if (mode == RetrievalMode.BM25) {
        order = ids(bm25);
      } else {
        order = new ArrayList<>();
        for (RankFusion.Fused f : fusion.fuse(List.of(ids(dense), ids(bm25)), topK)) {
          order.add(f.id());
        }
      }
    }
    List<String> chosen = order.subList(0, Math.min(topK, order.size()));
    List<String> unscored = new ArrayList<>();
    for (String id : chosen) {
      if (!cosine.containsKey(id)) {
        unscored.add(id);
      }
    }
    if (!unscored.isEmpty() && store instanceof LocalVectorStore local) {
      // keyword hits beyond the dense candidates: score them the same way (exact cosine)
      cosine.putAll(local.similarities(vector, unscored));
    }
    List<RetrievedCase> out = new ArrayList<>(chosen.size());
    for (String id : chosen) {
      out.add(RetrievedCase.from(byId.get(id), cosine.get(id)));
    }
    return out;
  }

  private static List<String> ids(List<ScoredMatch> matches) {
    List<String> ids = new ArrayList<>(matches.size());
    for (ScoredMatch m : matches) {
      ids.add(m.id());
    }
    return ids;
  }
}
