package org.patientinsight.sparkapps.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code spec.driver}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriverSpec extends SparkPodSpec {
}
