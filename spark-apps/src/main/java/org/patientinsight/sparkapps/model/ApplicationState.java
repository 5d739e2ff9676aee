package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * {@code status.applicationState}. The state is a free string in the CRD; the operator treats only
 * COMPLETED and FAILED as terminal (SUBMISSION_FAILED turns into FAILED once retries run out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApplicationState {
  public static final String SUBMITTED = "SUBMITTED";
  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
  private static final Set<String> TERMINAL = Set.of(COMPLETED, FAILED);

  private String state;
  private String errorMessage;

  public ApplicationState() {
  }

  public ApplicationState(String state, String errorMessage) {
    this.state = state;
    this.errorMessage = errorMessage;
  }

  public static boolean isTerminal(String state) {
    return state != null && TERMINAL.contains(state);
  }

  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public String getErrorMessage() { return errorMessage; }
  public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }
}
