/**
 * Glue between Java and Deequ's Scala API (Options, Seqs, Maps, metric values). Internal to
 * the quality module: nothing outside {@code org.patientinsight.quality} sees a Scala type.
 */
package org.patientinsight.quality.deequ;
