package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code spec} of a SparkApplication: only the fields this project sets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "mode", "sparkVersion", "image", "imagePullPolicy", "mainClass", "mainApplicationFile",
    "arguments", "sparkConf", "hadoopConf", "driver", "executor", "dynamicAllocation", "restartPolicy", "timeToLiveSeconds"})
public class SparkApplicationSpec {
  private String type;
  private String mode;
  private String sparkVersion;
  private String image;
  private String imagePullPolicy;
  private String mainClass;
  private String mainApplicationFile;
  private List<String> arguments = new ArrayList<>();
  private Map<String, String> sparkConf = new LinkedHashMap<>();
  private Map<String, String> hadoopConf;
  private DriverSpec driver;
  private ExecutorSpec executor;
  private DynamicAllocation dynamicAllocation;
  private RestartPolicy restartPolicy;
  private Long timeToLiveSeconds;

  public String getType() { return type; }
  public void setType(String type) { this.type = type; }
  public String getMode() { return mode; }
  public void setMode(String mode) { this.mode = mode; }
  public String getSparkVersion() { return sparkVersion; }
  public void setSparkVersion(String sparkVersion) { this.sparkVersion = sparkVersion; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public String getImagePullPolicy() { return imagePullPolicy; }
  public void setImagePullPolicy(String imagePullPolicy) { this.imagePullPolicy = imagePullPolicy; }
  public String getMainClass() { return mainClass; }
  public void setMainClass(String mainClass) { this.mainClass = mainClass; }
  public String getMainApplicationFile() { return mainApplicationFile; }
  public void setMainApplicationFile(String mainApplicationFile) { this.mainApplicationFile = mainApplicationFile; }
  public List<String> getArguments() { return arguments; }
  public void setArguments(List<String> arguments) { this.arguments = arguments; }
  public Map<String, String> getSparkConf() { return sparkConf; }
  public void setSparkConf(Map<String, String> sparkConf) { this.sparkConf = sparkConf; }
  public Map<String, String> getHadoopConf() { return hadoopConf; }
  public void setHadoopConf(Map<String, String> hadoopConf) { this.hadoopConf = hadoopConf; }
  public DriverSpec getDriver() { return driver; }
  public void setDriver(DriverSpec driver) { this.driver = driver; }
  public ExecutorSpec getExecutor() { return executor; }
  public void setExecutor(ExecutorSpec executor) { this.executor = executor; }
  public DynamicAllocation getDynamicAllocation() { return dynamicAllocation; }
  public void setDynamicAllocation(DynamicAllocation dynamicAllocation) { this.dynamicAllocation = dynamicAllocation; }
  public RestartPolicy getRestartPolicy() { return restartPolicy; }
  public void setRestartPolicy(RestartPolicy restartPolicy) { this.restartPolicy = restartPolicy; }
  public Long getTimeToLiveSeconds() { return timeToLiveSeconds; }
  public void setTimeToLiveSeconds(Long timeToLiveSeconds) { this.timeToLiveSeconds = timeToLiveSeconds; }
}
