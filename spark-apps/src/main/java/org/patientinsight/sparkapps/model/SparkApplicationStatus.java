package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code status}, written by the operator; unknown fields are ignored because the operator owns this shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SparkApplicationStatus {
  private ApplicationState applicationState;
  private String sparkApplicationId;
  private String submissionID;
  private Integer executionAttempts;
  private Integer submissionAttempts;
  private String terminationTime;

  public ApplicationState getApplicationState() { return applicationState; }
  public void setApplicationState(ApplicationState applicationState) { this.applicationState = applicationState; }
  public String getSparkApplicationId() { return sparkApplicationId; }
  public void setSparkApplicationId(String sparkApplicationId) { this.sparkApplicationId = sparkApplicationId; }
  public String getSubmissionID() { return submissionID; }
  public void setSubmissionID(String submissionID) { this.submissionID = submissionID; }
  public Integer getExecutionAttempts() { return executionAttempts; }
  public void setExecutionAttempts(Integer executionAttempts) { this.executionAttempts = executionAttempts; }
  public Integer getSubmissionAttempts() { return submissionAttempts; }
  public void setSubmissionAttempts(Integer submissionAttempts) { this.submissionAttempts = submissionAttempts; }
  public String getTerminationTime() { return terminationTime; }
  public void setTerminationTime(String terminationTime) { this.terminationTime = terminationTime; }
}
