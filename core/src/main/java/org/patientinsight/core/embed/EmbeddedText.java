package org.patientinsight.core.embed;

/**
 * A text's embedding together with the number of tokens the model saw for it ([CLS]/[SEP]
 * included, after truncation), so throughput can be reported without tokenising twice.
 */
public record EmbeddedText(float[] vector, int tokens) {}
