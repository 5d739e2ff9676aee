package org.patientinsight.jobs.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generated rows in file order. Articles get increasing 7-8 digit PMIDs and one to six
 * notes each ({@code patient_uid} = PMID-k); a share of rows gets one kind of dirt, the kinds
 * taken in turn so that even a small sample holds every kind. One random source drives
 * everything, so a seed always gives the same rows.
 */
final class CaseStream implements Iterator<SampleCase> {

  /** Dirt kinds in the order they are handed out; a huge note joins every fourth round. */
  private static final DirtType[] ROUND = {
    DirtType.MALFORMED_AGE, DirtType.MISSING_AGE, DirtType.MISSING_GENDER, DirtType.UNKNOWN_GENDER,
    DirtType.EMPTY_NOTE, DirtType.REPEATED_UID, DirtType.HTML_MARKUP, DirtType.CONTROL_AND_UNICODE
  };
  private static final int HUGE_NOTE_EVERY_ROUNDS = 4;
  private static final int RECENT_KEPT = 64;
  private static final double MALE_SHARE = 0.52;
  /** PMIDs start in the 7-digit range and grow into 8 digits, as PubMed's have. */
  private static final long FIRST_PMID = 5_000_000L;
  private static final long OLDEST_PMID = 1_000_000L;

  private record Prior(SampleCase row, SampledAge age) {
  }

  private final SampleSpec spec;
  private final SplittableRandom rng;
  private final AgeSampler ages;
  private final NoteLengths lengths = new NoteLengths();
  private final ArrayDeque<Prior> recent = new ArrayDeque<>();
  private final int meanPmidGap;

  private long emitted;
  private long pmid;
  private int notesInArticle;
  private int noteInArticle;
  private String title;
  private String filePath;
  private int dirtRound;
  private int dirtSlot;

  CaseStream(SampleSpec spec) {
    this.spec = spec;
    this.rng = new SplittableRandom(spec.seed());
    this.ages = new AgeSampler(spec.ageMix());
    long articles = Math.max(1, spec.rows() * 10 / 16); // about 1.6 notes per article
    this.meanPmidGap = (int) Math.max(1, Math.min(20_000, 30_000_000L / articles));
    this.pmid = FIRST_PMID + rng.nextInt(meanPmidGap);
  }

  @Override
  public boolean hasNext() {
    return emitted < spec.rows();
  }

  @Override
  public SampleCase next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String patientId = Long.toString(emitted++);
    if (rng.nextDouble() < spec.dirtRate()) {
      DirtType type = nextDirtType();
      if (type == DirtType.REPEATED_UID && !recent.isEmpty()) {
        return repeat(patientId);
      }
      if (type == DirtType.REPEATED_UID) {
        type = DirtType.HTML_MARKUP; // nothing earlier to repeat yet
      }
      return dirty(type, freshPrior(patientId));
    }
    Prior clean = freshPrior(patientId);
    remember(clean);
    return clean.row;
  }

  private Prior freshPrior(String patientId) {
    if (noteInArticle == notesInArticle) {
      startArticle();
    }
    noteInArticle++;
    SampledAge age = ages.next(rng);
    String sex = rng.nextDouble() < MALE_SHARE ? "M" : "F";
    String note = new CaseProse(rng, age, sex).note(lengths.next(rng));
    SampleCase row = new SampleCase(patientId, pmid + "-" + noteInArticle, Long.toString(pmid), filePath, title,
        note, age.literal(), sex, relevantArticles(), similarPatients(), age.years(), sex, null, note);
    return new Prior(row, age);
  }

  private void startArticle() {
    pmid += 1 + rng.nextInt(2 * meanPmidGap);
    double u = rng.nextDouble();
    notesInArticle = u < 0.62 ? 1 : u < 0.82 ? 2 : u < 0.92 ? 3 : 4 + rng.nextInt(3);
    noteInArticle = 0;
    title = CaseProse.title(rng);
    filePath = "oa_comm/PMC" + (1_000_000 + rng.nextInt(9_000_000)) + ".xml";
  }

  /** Cited PMIDs (score 1, sometimes 2), all older than this article, none twice. */
  private String relevantArticles() {
    int n = rng.nextInt(9);
    Set<Long> cited = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      cited.add(olderPmid());
    }
    List<String> entries = new ArrayList<>(cited.size());
    for (long c : cited) {
      entries.add("'" + c + "': " + (rng.nextInt(7) == 0 ? 2 : 1));
    }
    return "{" + String.join(", ", entries) + "}";
  }

  private long olderPmid() {
    return pmid - 1 - rng.nextLong(Math.min(5_000_000L, pmid - OLDEST_PMID));
  }

  /** The other notes of this article score 2; notes in cited articles score 1. */
  private String similarPatients() {
    List<String> entries = new ArrayList<>();
    for (int k = 1; k <= notesInArticle; k++) {
      if (k != noteInArticle) {
        entries.add("'" + pmid + "-" + k + "': 2");
      }
    }
    int cited = rng.nextInt(3);
    Set<Long> others = new LinkedHashSet<>();
    for (int i = 0; i < cited; i++) {
      others.add(olderPmid());
    }
    for (long other : others) {
      entries.add("'" + other + "-1': 1");
    }
    return "{" + String.join(", ", entries) + "}";
  }

  private DirtType nextDirtType() {
    boolean hugeTurn = dirtRound % HUGE_NOTE_EVERY_ROUNDS == 0;
    int roundSize = ROUND.length + (hugeTurn ? 1 : 0);
    DirtType type = dirtSlot < ROUND.length ? ROUND[dirtSlot] : DirtType.HUGE_NOTE;
    if (++dirtSlot == roundSize) {
      dirtSlot = 0;
      dirtRound++;
    }
    return type;
  }

  private SampleCase dirty(DirtType type, Prior p) {
    SampleCase c = p.row;
    return switch (type) {
      case MALFORMED_AGE -> DirtInjector.malformedAge(c, rng);
      case MISSING_AGE -> DirtInjector.missingAge(c, rng);
      case MISSING_GENDER -> DirtInjector.missingGender(c);
      case UNKNOWN_GENDER -> DirtInjector.unknownGender(c, rng);
      case EMPTY_NOTE -> DirtInjector.emptyNote(c, rng);
      case HTML_MARKUP -> DirtInjector.htmlMarkup(c, rng);
      case CONTROL_AND_UNICODE -> DirtInjector.controlAndUnicode(c, rng);
      case HUGE_NOTE -> hugeNote(p);
      case REPEATED_UID -> throw new IllegalStateException("repeats are built from an earlier row");
    };
  }

  /** The same patient with a note regrown past 100,000 characters. */
  private SampleCase hugeNote(Prior p) {
    return DirtInjector.hugeNote(p.row,
        new CaseProse(rng, p.age, p.row.trueSex()).note(NoteLengths.hugeTarget(rng)));
  }

  /** An earlier clean row's uid again, same patient, newer note text: ingest keeps this one. */
  private SampleCase repeat(String patientId) {
    Prior prior = pickRecent();
    SampleCase old = prior.row;
    String note = new CaseProse(rng, prior.age, old.trueSex()).note(lengths.next(rng))
        + "\nAddendum: the case was updated after " + (2 + rng.nextInt(20)) + " months of follow-up.";
    return new SampleCase(patientId, old.patientUid(), old.pmid(), old.filePath(), old.title(), note, old.age(),
        old.gender(), old.relevantArticles(), old.similarPatients(), old.trueAgeYears(), old.trueSex(),
        DirtType.REPEATED_UID, note);
  }

  private Prior pickRecent() {
    int skip = rng.nextInt(recent.size());
    Iterator<Prior> it = recent.iterator();
    for (int i = 0; i < skip; i++) {
      it.next();
    }
    return it.next();
  }

  private void remember(Prior p) {
    if (recent.size() == RECENT_KEPT) {
      recent.removeFirst();
    }
    recent.addLast(p);
  }
}
