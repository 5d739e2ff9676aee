package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;

/** Fields the driver and executor pod specs share. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class SparkPodSpec {
  private Integer cores;
  private String coreLimit;
  private String memory;
  private String memoryOverhead;
  private String serviceAccount;
  private Map<String, String> labels;
  private Map<String, String> annotations;
  private List<EnvVar> env;
  private String javaOptions;

  public Integer getCores() { return cores; }
  public void setCores(Integer cores) { this.cores = cores; }
  public String getCoreLimit() { return coreLimit; }
  public void setCoreLimit(String coreLimit) { this.coreLimit = coreLimit; }
  public String getMemory() { return memory; }
  public void setMemory(String memory) { this.memory = memory; }
  public String getMemoryOverhead() { return memoryOverhead; }
  public void setMemoryOverhead(String memoryOverhead) { this.memoryOverhead = memoryOverhead; }
  public String getServiceAccount() { return serviceAccount; }
  public void setServiceAccount(String serviceAccount) { this.serviceAccount = serviceAccount; }
  public Map<String, String> getLabels() { return labels; }
  public void setLabels(Map<String, String> labels) { this.labels = labels; }
  public Map<String, String> getAnnotations() { return annotations; }
  public void setAnnotations(Map<String, String> annotations) { this.annotations = annotations; }
  public List<EnvVar> getEnv() { return env; }
  public void setEnv(List<EnvVar> env) { this.env = env; }
  public String getJavaOptions() { return javaOptions; }
  public void setJavaOptions(String javaOptions) { this.javaOptions = javaOptions; }
}
