package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code spec.executor}: the pod spec plus how many executors to start with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutorSpec extends SparkPodSpec {
  private Integer instances;

  public Integer getInstances() { return instances; }
  public void setInstances(Integer instances) { this.instances = instances; }
}
