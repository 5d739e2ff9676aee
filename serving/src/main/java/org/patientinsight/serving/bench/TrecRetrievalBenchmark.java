package org.patientinsight.serving.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.core.vector.VectorRecord;
import org.patientinsight.serving.retrieval.CaseRetriever;
import org.patientinsight.serving.retrieval.RetrievalMode;
import org.patientinsight.serving.retrieval.RetrievedCase;

/**
 * Retrieval quality on the 60 real TREC CDS 2014/2015 topics: index the descriptions with the
 * real embedder in a fresh local store, query with the summaries through the service's own
 * retriever, and print recall@1, recall@3 and MRR per mode.
 * Usage: {@code TrecRetrievalBenchmark [dir with topics2014.xml and topics2015A.xml]}.
 */
public final class TrecRetrievalBenchmark {
  private TrecRetrievalBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/trec-cds");
    List<TrecTopics.Topic> topics = new ArrayList<>(TrecTopics.read(dir.resolve("topics2014.xml"), "2014"));
    topics.addAll(TrecTopics.read(dir.resolve("topics2015A.xml"), "2015A"));
    // -Dpi.embed.model=int8 runs the same evaluation with the quantized model
    MiniLmEmbedder embedder = MiniLmEmbedder.shared(
        EmbeddingModel.fromSetting(System.getProperty("pi.embed.model", "fp32")));
    Path index = Files.createTempDirectory("trec-index");
    long t0 = System.nanoTime();
    try (LocalVectorStore store = LocalVectorStore.open(index)) {
      List<VectorRecord> records = new ArrayList<>();
      for (TrecTopics.Topic t : topics) {
        records.add(new VectorRecord(t.id(), embedder.embed(t.description()),
            Map.of("title", "TREC topic " + t.id(), "text", t.description())));
      }
      store.upsert(records);
      long indexMs = (System.nanoTime() - t0) / 1_000_000;
      int n = topics.size();
      CaseRetriever retriever = new CaseRetriever(embedder, store, 60, n);
      Map<RetrievalMode, RankingMetrics> results = new EnumMap<>(RetrievalMode.class);
      for (RetrievalMode mode : RetrievalMode.values()) {
        RankingMetrics m = new RankingMetrics();
        for (TrecTopics.Topic t : topics) {
          List<RetrievedCase> ranked = retriever.retrieve(t.summary(), n, SearchFilter.NONE, mode);
          int rank = 0;
          for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).patientUid().equals(t.id())) {
              rank = i + 1;
              break;
            }
          }
          m.add(rank);
        }
        results.put(mode, m);
      }
      System.out.printf(Locale.ROOT, "TREC CDS retrieval: %d descriptions indexed in %d ms, "
          + "%d summary queries, RRF k=60, model %s%n", n, indexMs, n, embedder.modelId());
      System.out.println("| mode   | recall@1 | recall@3 | MRR   |");
      System.out.println("|--------|----------|----------|-------|");
      results.forEach((mode, m) -> System.out.printf(Locale.ROOT, "| %-6s | %8.3f | %8.3f | %.3f |%n",
          mode.label(), m.recallAt1(), m.recallAt3(), m.mrr()));
    }
  }
}
