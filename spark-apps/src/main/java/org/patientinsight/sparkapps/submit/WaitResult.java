package org.patientinsight.sparkapps.submit;

import java.time.Duration;

/**
 * @param lastState last state seen, or null if the operator never reported one
 * @param errorMessage the operator's error message for a failed application, else null
 */
public record WaitResult(WaitOutcome outcome, String lastState, String errorMessage, Duration waited) {
}
