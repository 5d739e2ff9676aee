package org.patientinsight.sparkapps.submit;

/** Told about every state change the waiter observes. */
@FunctionalInterface
public interface StateListener {
  /**
   * @param previous the state seen before, or null at the first observation
   * @param current the new state, or null while the operator has not reported one
   */
  void onChange(String previous, String current);
}
