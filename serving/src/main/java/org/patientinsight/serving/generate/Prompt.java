package org.patientinsight.serving.generate;

/** A chat prompt: the system instruction and the user message. */
public record Prompt(String system, String user) {}
