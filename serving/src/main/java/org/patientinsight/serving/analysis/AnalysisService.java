package org.patientinsight.serving.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.patientinsight.serving.alert.LowScoreEvent;
import org.patientinsight.serving.alert.LowScoreNotifier;
import org.patientinsight.serving.api.AnalysisRequest;
import org.patientinsight.serving.generate.Generation;
import org.patientinsight.serving.generate.GenerationException;
import org.patientinsight.serving.generate.Generator;
import org.patientinsight.serving.log.EventLog;
import org.patientinsight.serving.metrics.ServingMetrics;
import org.patientinsight.serving.retrieval.CaseRetriever;
import org.patientinsight.serving.retrieval.RetrievalMode;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;

/**
 * Search, analyse (search + report, kept), and follow-up questions on a kept analysis. Every
 * kept analysis belongs to the key that created it: other keys are told it does not exist.
 */
public final class AnalysisService {
  private final CaseRetriever retriever;
  private final Generator reportGenerator;
  private final Generator questionGenerator;
  private final AnalysisRepository repository;
  private final ServingMetrics metrics;
  private final LowScoreNotifier lowScore;
  private final RetrievalMode defaultMode;
  private final double lowScoreThreshold;
  private final Clock clock;
  private final Duration retention;
  private final long analysesPerKey;

  /** How long analyses are kept and how many one key may hold. */
  public record Retention(Clock clock, int retentionDays, long analysesPerKey) {}

  public AnalysisService(CaseRetriever retriever, Generator reportGenerator,
      Generator questionGenerator, AnalysisRepository repository, ServingMetrics metrics,
      LowScoreNotifier lowScore, RetrievalMode defaultMode, double lowScoreThreshold,
      Retention retention) {
    this.retriever = retriever;
    this.reportGenerator = reportGenerator;
    this.questionGenerator = questionGenerator;
    this.repository = repository;
    this.metrics = metrics;
    this.lowScore = lowScore;
    this.defaultMode = defaultMode;
    this.lowScoreThreshold = lowScoreThreshold;
    this.clock = retention.clock();
    this.retention = Duration.ofDays(retention.retentionDays());
    this.analysesPerKey = retention.analysesPerKey();
  }

  public Generator reportGenerator() {
    return reportGenerator;
  }

  /** @throws AnalysisRefusedException when the store cannot search in the asked mode */
  public SearchOutcome search(AnalysisRequest req, String requestId) {
    RetrievalMode mode = req.mode() == null ? defaultMode : req.mode();
    if (!retriever.supports(mode)) {
      throw AnalysisRefusedException.invalid("retrievalMode",
          "retrievalMode " + mode.label() + " needs the local index; this store supports dense only");
    }
    long t0 = System.nanoTime();
    List<RetrievedCase> cases = retriever.retrieve(req.current().symptoms(), req.topK(),
        req.filter(), mode);
    long nanos = System.nanoTime() - t0;
    RetrievalStats stats = RetrievalStats.of(cases, lowScoreThreshold);
    metrics.retrieval(mode.label(), nanos / 1e9, stats.max(),
        cases.stream().map(RetrievedCase::score).toList());
    EventLog.info("retrieval").code("request_id", requestId).code("mode", mode.label())
        .num("symptoms_chars", req.current().symptoms().length()).num("top_k", req.topK())
        .flag("filtered", !req.filter().isEmpty()).num("cases", cases.size())
        .num("best_score", stats.max()).num("mean_score", stats.mean())
        .flag("low_score", stats.lowScore()).num("ms", nanos / 1_000_000).log();
    if (stats.lowScore()) {
      metrics.lowScore();
      lowScore.notify(new LowScoreEvent(requestId, stats.max(), lowScoreThreshold, cases.size(),
          mode.label()));
    }
    return new SearchOutcome(cases, stats, mode, nanos / 1_000_000);
  }

  /**
   * @throws AnalysisFailedException when the generator fails (the search result rides along)
   * @throws AnalysisRefusedException when the caller's key holds its maximum of analyses
   */
  public StoredAnalysis analyse(AnalysisRequest req, Caller caller) {
    // cheap early refusal before retrieval and generation; createWithin decides for good
    if (repository.countOwnedBy(caller.keyId()) >= analysesPerKey) {
      throw quotaFull();
    }
    long t0 = System.nanoTime();
    String id = UUID.randomUUID().toString();
    SearchOutcome s = search(req, id);
    Generation g = generate("report", reportGenerator, s,
        () -> reportGenerator.writeReport(req.current(), s.cases()));
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("retrievalMs", s.retrievalMs());
    timings.put("generationMs", g.latencyMillis());
    timings.put("totalMs", (System.nanoTime() - t0) / 1_000_000);
    StoredAnalysis a = new StoredAnalysis(id, caller.keyId(), clock.instant().toString(), req.current(), req.topK(),
        req.filter(), s.mode().label(), s.cases(), s.stats(), g.text(), reportGenerator.name(),
        reportGenerator.isLanguageModel(), Usage.of(g), timings, List.of());
    if (!repository.createWithin(a, analysesPerKey)) {
      throw quotaFull();
    }
    EventLog.info("analysis_created").code("analysis_id", id).code("generator", a.generator())
        .num("report_chars", g.text().length()).num("prompt_tokens", g.promptTokens())
        .num("completion_tokens", g.completionTokens()).num("total_ms", timings.get("totalMs")).log();
    return a;
  }

  private AnalysisRefusedException quotaFull() {
    return AnalysisRefusedException.quotaFull(analysesPerKey);
  }

  /** Empty when the analysis does not exist or belongs to another (non-admin) key. */
  public Optional<StoredAnalysis> find(String id, Caller caller) {
    return repository.find(id).filter(caller::canRead);
  }

  /** Empty when the analysis does not exist or is not the caller's. */
  public Optional<QuestionAnswer> ask(String id, String question, Caller caller) {
    Optional<StoredAnalysis> found = repository.find(id).filter(caller::owns);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredAnalysis a = found.get();
    Generation g = timedGeneration("answer", questionGenerator,
        () -> questionGenerator.answer(question, a.report(), a.similarCases()));
    QuestionAnswer qa = new QuestionAnswer(UUID.randomUUID().toString(), clock.instant().toString(),
        question, g.text(), questionGenerator.name(), Usage.of(g), g.latencyMillis());
    // an append, not a rewrite: concurrent questions from any replica are all kept
    if (!repository.appendQuestion(id, qa)) {
      return Optional.empty(); // deleted while the answer was written
    }
    EventLog.info("question_answered").code("analysis_id", id).code("question_id", qa.id())
        .num("question_chars", question.length()).num("answer_chars", g.text().length())
        .code("generator", qa.generator()).num("ms", g.latencyMillis()).log();
    return Optional.of(qa);
  }

  /** False when there is no such analysis of the caller's. */
  public boolean delete(String id, Caller caller) {
    boolean deleted = repository.find(id).filter(caller::owns).isPresent() && repository.delete(id);
    if (deleted) {
      EventLog.info("analysis_deleted").code("analysis_id", id).log();
    }
    return deleted;
  }

  /** Deletes analyses older than the retention period; returns how many. */
  public int purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    int n = repository.deleteCreatedBefore(cutoff);
    EventLog.info("analyses_purged").num("deleted", n).code("cutoff", cutoff.toString()).log();
    return n;
  }

  private Generation generate(String task, Generator gen, SearchOutcome s,
      Supplier<Generation> call) {
    try {
      return timedGeneration(task, gen, call);
    } catch (GenerationException e) {
      throw new AnalysisFailedException(e, s);
    }
  }

  private Generation timedGeneration(String task, Generator gen,
      Supplier<Generation> call) {
    long t0 = System.nanoTime();
    try {
      Generation g = call.get();
      metrics.generation(gen.name(), task, true, (System.nanoTime() - t0) / 1e9,
          g.promptTokens(), g.completionTokens());
      return g;
    } catch (GenerationException e) {
      metrics.generation(gen.name(), task, false, (System.nanoTime() - t0) / 1e9, null, null);
      EventLog.warn("generation_failed").code("generator", gen.name()).code("task", task)
          .code("kind", e.kind().code).num("ms", (System.nanoTime() - t0) / 1_000_000).log();
      throw e;
    }
  }
}
