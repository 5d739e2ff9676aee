package org.patientinsight.serving.analysis;

import java.util.List;
import org.patientinsight.serving.retrieval.RetrievalMode;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;

/** The similar cases found for one request and how long finding them took. */
public record SearchOutcome(List<RetrievedCase> cases, RetrievalStats stats, RetrievalMode mode,
    long retrievalMs) {}
