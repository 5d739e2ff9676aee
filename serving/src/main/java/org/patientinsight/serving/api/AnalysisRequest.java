package org.patientinsight.serving.api;

import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.generate.CaseDescription;
import org.patientinsight.serving.retrieval.RetrievalMode;

/** A validated analysis (or search) request; {@code mode} is null for the configured default. */
public record AnalysisRequest(CaseDescription current, int topK, SearchFilter filter,
    RetrievalMode mode) {}
