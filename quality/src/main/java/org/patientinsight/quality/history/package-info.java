/**
 * The cross-run anomaly rules (Deequ strategies). Internal to the quality module; callers use
 * {@link org.patientinsight.quality.QualityHistory} and {@link org.patientinsight.quality.QualityGate}.
 */
package org.patientinsight.quality.history;
