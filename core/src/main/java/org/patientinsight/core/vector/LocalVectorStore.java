package org.patientinsight.core.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded vector store: one Lucene index on disk holding each case's vector (HNSW, cosine),
 * its metadata, and its note text for BM25, so serving can do dense, keyword and hybrid search
 * with no service to run.
 *
 * <p>Two ways to open it. {@link #open} (the pipeline's writer, one per index at a time: Lucene's
 * write lock enforces it) commits durably at the end of every {@link #upsert} and
 * {@link #delete}. {@link #openReadOnly} (serving, any number of processes) sees those commits
 * within {@link #READ_ONLY_REFRESH_MILLIS} ms, or at once after {@link #refresh()}.
 *
 * <p>The metadata key {@value CaseDocuments#TEXT_KEY} is the note text: it is indexed for
 * {@link #searchText} and never stored or returned. {@link #query} scores are cosine
 * similarities; {@link #searchText} scores are BM25 scores.
 */
public final class LocalVectorStore implements VectorStore {
  /** How stale a read-only store may be before a search looks for new commits. */
  public static final long READ_ONLY_REFRESH_MILLIS = 1000;
  /** The smallest HNSW candidate pool a vector query uses (see {@link #candidatePool}). */
  public static final int MIN_CANDIDATES = 100;
  /** HNSW candidates per requested hit (see {@link #candidatePool}). */
  public static final int CANDIDATES_PER_HIT = 10;
  private static final int MAX_TOP_K = 10_000;
  private static final String ANALYSIS_COMMIT_KEY = "pi.text_analysis";
  private static final String MODEL_COMMIT_KEY = "pi.model_id";
  private static final Logger LOG = LoggerFactory.getLogger(LocalVectorStore.class);

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final Object writeLock = new Object();
  private final int maxSegments;
  private volatile long lastRefresh = System.currentTimeMillis();
  private volatile boolean closed;

  private LocalVectorStore(Path dir, Directory directory, IndexWriter writer,
      SearcherManager searchers, Analyzer analyzer, int maxSegments) {
    this.maxSegments = maxSegments;
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.analyzer = analyzer;
  }

  /** Opens (creating if missing) a writable index with English text analysis. */
  public static LocalVectorStore open(Path dir) {
    return open(dir, TextAnalysis.ENGLISH);
  }

  /** Opens the index the {@code vector.local.*} settings point at, writable. */
  public static LocalVectorStore open(LocalStoreSettings settings) {
    return open(settings.dir(), settings.textAnalysis(), settings.maxSegments());
  }

  /** As {@link #open(Path, TextAnalysis, int)} with {@link LocalStoreSettings#DEFAULT_MAX_SEGMENTS}. */
  public static LocalVectorStore open(Path dir, TextAnalysis analysis) {
    return open(dir, analysis, LocalStoreSettings.DEFAULT_MAX_SEGMENTS);
  }

  /**
   * Opens (creating if missing) a writable index. An existing index keeps the text analysis it
   * was created with; asking for another one is an error (re-create the index to change it).
   * {@link #compact()} merges it down to {@code maxSegments} segments.
   */
  public static LocalVectorStore open(Path dir, TextAnalysis analysis, int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be at least 1, got " + maxSegments);
    }
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (DirectoryReader.indexExists(directory)) {
        TextAnalysis existing = recordedAnalysis(directory, dir);
        if (existing != analysis) {
          throw new IllegalStateException("local vector index " + dir + " was built with "
              + existing.id() + " text analysis, not " + analysis.id()
              + " (set vector.local.text_analyzer=" + existing.id()
              + " or delete the index to rebuild it)");
        }
      }
      Analyzer analyzer = analysis.newAnalyzer();
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      Map<String, String> commitData = new HashMap<>();
      if (DirectoryReader.indexExists(directory)) {
        commitData.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
      }
      commitData.put(ANALYSIS_COMMIT_KEY, analysis.id());
      IndexWriter writer = new IndexWriter(directory, cfg);
      writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
      writer.commit(); // a new index is readable (and records its analysis) from the start
      SearcherManager searchers = new SearcherManager(writer, null);
      LOG.info("local vector store opened for writing at {}", dir);
      return new LocalVectorStore(dir, directory, writer, searchers, analyzer, maxSegments);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new IllegalStateException("local vector index " + dir
          + " is already open for writing by another process or store", e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot open local vector index " + dir, e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  /** Opens an existing index for searching only (serving); fails clearly if there is none. */
  public static LocalVectorStore openReadOnly(Path dir) {
    Directory directory = null;
    try {
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("no local vector index at " + dir
            + " (run the embed/sync stage first)");
      }
      directory = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(directory)) {
        throw new IllegalStateException("no local vector index at " + dir
            + " (run the embed/sync stage first)");
      }
      Analyzer analyzer = recordedAnalysis(directory, dir).newAnalyzer();
      SearcherManager searchers = new SearcherManager(directory, null);
      LOG.info("local vector store opened read-only at {}", dir);
      return new LocalVectorStore(dir, directory, null, searchers, analyzer,
          LocalStoreSettings.DEFAULT_MAX_SEGMENTS);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot open local vector index " + dir, e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  private static TextAnalysis recordedAnalysis(Directory directory, Path dir) throws IOException {
    String id = SegmentInfos.readLatestCommit(directory).getUserData().get(ANALYSIS_COMMIT_KEY);
    if (id == null) {
      throw new IllegalStateException("directory " + dir
          + " holds a Lucene index that is not a PatientInsight vector index");
    }
    return TextAnalysis.fromId(id, "text analysis recorded in " + dir);
  }

  @Override
  public String name() {
    return "local";
  }

  /**
   * The id of the embedding model whose vectors the index holds, as recorded by
   * {@link #useModel}; null if none was recorded (a new index, or one built before models were
   * recorded).
   */
  public String modelId() {
    return search(searcher -> recordedModel(searcher));
  }

  /**
   * Makes the index hold vectors of this model only, so two models' vectors (whose cosines are
   * not comparable) never mix. An index recorded for another model is emptied and then
   * recorded for this one, in one commit; the caller pushes every vector again. A non-empty
   * index with no record predates model ids and holds {@code unrecordedModelId}'s vectors.
   *
   * @return true if the index was emptied
   */
  @Override
  public boolean useModel(String modelId, String unrecordedModelId) {
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("model id is null or blank");
    }
    IndexWriter w = requireWriter("useModel");
    synchronized (writeLock) {
      String recorded = search(searcher -> {
        String r = recordedModel(searcher);
        return r == null && searcher.getIndexReader().numDocs() > 0 ? unrecordedModelId : r;
      });
      if (modelId.equals(recorded)) {
        return false;
      }
      boolean wipe = recorded != null;
      try {
        if (wipe) {
          w.deleteAll();
        }
        Map<String, String> data = new HashMap<>();
        w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        data.put(MODEL_COMMIT_KEY, modelId);
        w.setLiveCommitData(Map.copyOf(data).entrySet());
        commit(w);
      } catch (IOException | RuntimeException e) {
        throw failedWrite("useModel", e);
      }
      if (wipe) {
        LOG.warn("local vector index {} held vectors of model {}; emptied it for model {}",
            dir, recorded, modelId);
      }
      return wipe;
    }
  }

  private String recordedModel(IndexSearcher searcher) throws IOException {
    if (writer != null) {
      // the writer's commit data is what its next (and last) commit records
      for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
        if (MODEL_COMMIT_KEY.equals(e.getKey())) {
          return e.getValue();
        }
      }
      return null;
    }
    if (searcher.getIndexReader() instanceof DirectoryReader dr) {
      return dr.getIndexCommit().getUserData().get(MODEL_COMMIT_KEY);
    }
    return null;
  }

  /** Where the index lives. */
  public Path dir() {
    return dir;
  }

  public boolean isReadOnly() {
    return writer == null;
  }

  /**
   * Inserts or replaces records by id and commits. Every record is checked before anything is
   * written, so a bad record changes nothing. Within one call a repeated id keeps the last.
   */
  @Override
  public void upsert(List<VectorRecord> records) {
    IndexWriter w = requireWriter("upsert");
    if (records.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(records.size());
    int dim = records.get(0).values().length;
    for (VectorRecord r : records) {
      if (r == null) {
        throw new IllegalArgumentException("upsert got a null record");
      }
      if (r.values().length != dim) {
        throw new IllegalArgumentException("record " + r.id() + " has " + r.values().length
            + " dimensions, the batch has " + dim);
      }
      docs.add(CaseDocuments.toDocument(r));
    }
    synchronized (writeLock) {
      int indexDim = vectorDimension();
      if (indexDim > 0 && indexDim != dim) {
        throw new IllegalArgumentException("records have " + dim
            + " dimensions but the index holds " + indexDim + "-dimensional vectors");
      }
      try {
        for (int i = 0; i < docs.size(); i++) {
          w.updateDocument(new Term(CaseDocuments.ID, records.get(i).id()), docs.get(i));
        }
        commit(w);
      } catch (IOException | RuntimeException e) {
        throw failedWrite("upsert", e);
      }
    }
  }

  @Override
  public void delete(Collection<String> ids) {
    IndexWriter w = requireWriter("delete");
    if (ids.isEmpty()) {
      return;
    }
    List<Term> terms = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("delete got a null or empty id");
      }
      terms.add(new Term(CaseDocuments.ID, id));
    }
    synchronized (writeLock) {
      try {
        w.deleteDocuments(terms.toArray(new Term[0]));
        commit(w);
      } catch (IOException | RuntimeException e) {
        throw failedWrite("delete", e);
      }
    }
  }

  private void commit(IndexWriter w) throws IOException {
    w.commit();
    searchers.maybeRefreshBlocking();
  }

  /**
   * A failed write may leave buffered changes in the writer; roll them back (which closes the
   * writer) rather than let a later commit publish half of this call.
   */
  private RuntimeException failedWrite(String op, Exception e) {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException suppressed) {
      e.addSuppressed(suppressed);
    }
    close();
    if (e instanceof IllegalArgumentException iae) {
      return new IllegalArgumentException("local vector store " + op + " rejected: "
          + iae.getMessage() + " (store closed; reopen it)", e);
    }
    return new IllegalStateException("local vector store " + op + " failed at " + dir
        + "; nothing from this call was kept and the store is closed: " + e.getMessage(), e);
  }

  @Override
  public List<ScoredMatch> query(float[] vector, int topK, SearchFilter filter) {
    return query(vector, topK, filter, candidatePool(topK));
  }

  /** As {@link #query}, with the HNSW candidate pool given (the benchmark's anchor uses k). */
  List<ScoredMatch> query(float[] vector, int topK, SearchFilter filter, int pool) {
    checkTopK(topK);
    if (pool < topK || pool > MAX_TOP_K) {
      throw new IllegalArgumentException("candidate pool must be in [topK, 10000], got " + pool);
    }
    float[] target = CaseDocuments.unitVector(vector, "query");
    return search(searcher -> {
      int indexDim = dimensionOf(searcher.getIndexReader());
      if (indexDim == 0) {
        return List.of(); // empty index
      }
      if (indexDim != vector.length) {
        throw new IllegalArgumentException("query vector has " + vector.length
            + " dimensions, the index holds " + indexDim);
      }
      // HNSW asked for exactly k misses a quarter of the true top 3 at 167k vectors; asked for
      // a larger pool it finds nearly all of them. Its scores are exact dot products of the
      // stored float vectors, so the best k of the pool need no re-scoring.
      Query q = new KnnFloatVectorQuery(CaseDocuments.VECTOR, target, pool,
          FilterQueries.of(filter));
      // Lucene scores a unit-vector dot product as (1 + cos) / 2; hand back the cosine itself
      return hits(searcher, searcher.search(q, topK), s -> 2.0 * s - 1.0);
    });
  }

  /**
   * How many nearest candidates a query of {@code topK} asks HNSW for (per segment) before
   * keeping the best {@code topK}: {@value #MIN_CANDIDATES} or {@value #CANDIDATES_PER_HIT}
   * per requested hit, whichever is more (at most 10,000). This is what makes recall near
   * exact; it costs a wider graph walk (see README, "Search at scale").
   */
  public static int candidatePool(int topK) {
    return Math.min(MAX_TOP_K, Math.max(MIN_CANDIDATES, CANDIDATES_PER_HIT * topK));
  }

  /** How many segments the index has now (each one is searched on its own). */
  public int segmentCount() {
    return search(searcher -> searcher.getIndexReader().leaves().size());
  }

  /**
   * Merges the index down to {@code vector.local.max_segments} segments when it has more, and
   * commits. Every segment is a separate HNSW graph that each query walks with the whole
   * candidate pool, so many small segments (one per upsert commit) cost both latency and
   * recall. Merging rebuilds graphs, which is why it runs once after a sync, not per commit.
   */
  @Override
  public void compact() {
    IndexWriter w = requireWriter("compact");
    synchronized (writeLock) {
      int before = segmentCount();
      if (before <= maxSegments) {
        return;
      }
      long start = System.nanoTime();
      try {
        w.forceMerge(maxSegments);
        commit(w);
      } catch (IOException | RuntimeException e) {
        throw failedWrite("compact", e);
      }
      LOG.info("local vector index {} merged from {} to {} segment(s) in {} ms", dir, before,
          segmentCount(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * The cosine similarity of the query vector to each of these records (exact, not
   * approximate; ids the store does not hold are absent). Lets a keyword hit carry the same
   * kind of score as a vector hit.
   */
  public java.util.Map<String, Double> similarities(float[] vector, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    float[] target = CaseDocuments.unitVector(vector, "query");
    java.util.List<org.apache.lucene.util.BytesRef> terms = new java.util.ArrayList<>();
    for (String id : ids) {
      terms.add(new org.apache.lucene.util.BytesRef(id));
    }
    return search(searcher -> {
      if (dimensionOf(searcher.getIndexReader()) == 0) {
        return java.util.Map.of();
      }
      Query only = new org.apache.lucene.search.TermInSetQuery(CaseDocuments.ID, terms);
      Query q = new KnnFloatVectorQuery(CaseDocuments.VECTOR, target, ids.size(), only);
      java.util.Map<String, Double> out = new java.util.HashMap<>();
      for (ScoredMatch m : hits(searcher, searcher.search(q, ids.size()), s -> 2.0 * s - 1.0)) {
        out.put(m.id(), m.score());
      }
      return out;
    });
  }

  /**
   * BM25 search over the notes' text (metadata key {@value CaseDocuments#TEXT_KEY}), filtered
   * like {@link #query}. Scores are BM25 scores, not cosines. Query syntax characters have no
   * meaning: the text is analysed into terms, any of which may match.
   */
  @Override
  public boolean searchesText() {
    return true;
  }

  @Override
  public List<ScoredMatch> searchText(String query, int topK, SearchFilter filter) {
    checkTopK(topK);
    if (query == null) {
      throw new IllegalArgumentException("text query is null");
    }
    Query text = new QueryBuilder(analyzer).createBooleanQuery(CaseDocuments.TEXT, query);
    if (text == null) {
      return List.of(); // only stop words or punctuation
    }
    Query filterQuery = FilterQueries.of(filter);
    Query q = text;
    if (filterQuery != null) {
      q = new BooleanQuery.Builder()
          .add(text, BooleanClause.Occur.MUST)
          .add(filterQuery, BooleanClause.Occur.FILTER)
          .build();
    }
    Query finalQuery = q;
    return search(searcher -> {
      try {
        return hits(searcher, searcher.search(finalQuery, topK), s -> s);
      } catch (IndexSearcher.TooManyClauses e) {
        throw new IllegalArgumentException("text query has too many distinct terms (more than "
            + IndexSearcher.getMaxClauseCount() + ")", e);
      }
    });
  }

  @Override
  public long count() {
    return search(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  /** Looks for new commits now (read-only stores otherwise do so at most once a second). */
  public void refresh() {
    ensureOpen();
    try {
      searchers.maybeRefreshBlocking();
      lastRefresh = System.currentTimeMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh local vector index " + dir, e);
    }
  }

  private interface SearchAction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T search(SearchAction<T> action) {
    ensureOpen();
    if (writer == null && System.currentTimeMillis() - lastRefresh >= READ_ONLY_REFRESH_MILLIS) {
      try {
        if (searchers.maybeRefresh()) {
          lastRefresh = System.currentTimeMillis();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot refresh local vector index " + dir, e);
      }
    }
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search local vector index " + dir, e);
    }
    try {
      return action.apply(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search local vector index " + dir, e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        LOG.warn("releasing a searcher of {} failed: {}", dir, e.toString());
      }
    }
  }

  private static List<ScoredMatch> hits(IndexSearcher searcher, TopDocs top,
      java.util.function.DoubleUnaryOperator score) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<ScoredMatch> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = stored.document(sd.doc);
      out.add(new ScoredMatch(doc.get(CaseDocuments.ID), score.applyAsDouble(sd.score),
          CaseDocuments.metadata(doc)));
    }
    return out;
  }

  /** The dimension of the vectors in the newest visible index, 0 if it holds none. */
  private int vectorDimension() {
    return search(searcher -> dimensionOf(searcher.getIndexReader()));
  }

  private static int dimensionOf(org.apache.lucene.index.IndexReader reader) {
    FieldInfo fi = FieldInfos.getMergedFieldInfos(reader).fieldInfo(CaseDocuments.VECTOR);
    return fi == null ? 0 : fi.getVectorDimension();
  }

  private static void checkTopK(int topK) {
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be in [1, 10000], got " + topK);
    }
  }

  private IndexWriter requireWriter(String op) {
    ensureOpen();
    if (writer == null) {
      throw new IllegalStateException("local vector store at " + dir + " is open read-only; "
          + op + " needs LocalVectorStore.open");
    }
    return writer;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("local vector store at " + dir + " is closed");
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      Map<String, Exception> errors = new HashMap<>();
      try {
        searchers.close();
      } catch (IOException | RuntimeException e) {
        errors.put("searchers", e);
      }
      if (writer != null && writer.isOpen()) {
        try {
          writer.close();
        } catch (IOException | RuntimeException e) {
          errors.put("writer", e);
        }
      }
      analyzer.close();
      closeQuietly(directory);
      errors.forEach((what, e) -> LOG.warn("closing {} of {} failed: {}", what, dir, e.toString()));
    }
  }

  private static void closeQuietly(Directory d) {
    if (d != null) {
      try {
        d.close();
      } catch (IOException | RuntimeException ignored) {
        // closing after another failure: the first error is the one that matters
      }
    }
  }
}
