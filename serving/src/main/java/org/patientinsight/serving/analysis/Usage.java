package org.patientinsight.serving.analysis;

import org.patientinsight.serving.generate.Generation;

/** Tokens and cost of a generation as the API reports them (null when unknown). */
public record Usage(Integer promptTokens, Integer completionTokens, Double costUsd) {
  public static Usage of(Generation g) {
    return new Usage(g.promptTokens(), g.completionTokens(), g.costUsd());
  }
}
