package org.patientinsight.serving.analysis;

/** One follow-up question on an analysis and the answer given. */
public record QuestionAnswer(String id, String askedAt, String question, String answer,
    String generator, Usage usage, long generationMs) {}
