/**
 * The case check suite as Deequ checks. Internal to the quality module (holds Deequ types);
 * callers use {@link org.patientinsight.quality.QualityGate}.
 */
package org.patientinsight.quality.checks;
