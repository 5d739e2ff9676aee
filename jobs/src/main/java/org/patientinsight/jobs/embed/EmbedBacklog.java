package org.patientinsight.jobs.embed;

/**
 * What the embed stage has to do, counted before the model runs: {@code changed} cases have
 * no vector for their (content_hash, model) yet, {@code noNote} of them have nothing to embed,
 * and {@code replacing} of the rest already have some row in {@code embeddings} (an edit, or
 * another model), so their vectors must be merged rather than appended.
 */
record EmbedBacklog(long changed, long noNote, long replacing) {

  EmbedBacklog {
    if (changed < 0 || noNote < 0 || replacing < 0 || noNote > changed
        || replacing > changed - noNote) {
      throw new IllegalArgumentException("inconsistent backlog: changed " + changed
          + ", no note " + noNote + ", replacing " + replacing);
    }
  }

  long toEmbed() {
    return changed - noNote;
  }

  /** Only new uids: a plain append is enough (and far cheaper than a MERGE). */
  boolean appendOnly() {
    return replacing == 0;
  }
}
