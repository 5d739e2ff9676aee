package org.patientinsight.core.tracking;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.GetExperimentByName;
import org.mlflow.api.proto.Service.LogBatch;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.UpdateRun;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.MessageOrBuilder;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * The MLflow REST calls run tracking makes, in one place for every server. Request and response
 * shapes are MLflow's own protobuf messages from {@code org.mlflow:mlflow-client} (the same
 * classes and JSON printer its MlflowClient uses, so field names and int64-as-string encoding
 * match the server exactly); the bytes travel over {@link MlflowTransport}.
 */
final class MlflowRestApi {
  /** A created run as the server reports it. */
  record CreatedRun(String runId, String experimentId, String artifactUri) {
  }

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
      .omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private final MlflowTransport transport;

  MlflowRestApi(MlflowTransport transport) {
    this.transport = transport;
  }

  MlflowTransport transport() {
    return transport;
  }

  /** GET experiments/get-by-name; empty when the server answers RESOURCE_DOES_NOT_EXIST. */
  Optional<String> findExperimentId(String name) throws IOException, MlflowApiException {
    try {
      String json = transport.get("experiments/get-by-name", Map.of("experiment_name", name));
      GetExperimentByName.Response.Builder r = GetExperimentByName.Response.newBuilder();
      parse(json, r, "experiments/get-by-name");
      return Optional.of(r.getExperiment().getExperimentId());
    } catch (MlflowApiException e) {
      if (e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Finds the experiment, creating it when missing (and re-reading if another run won). */
  String getOrCreateExperiment(String name) throws IOException, MlflowApiException {
    Optional<String> found = findExperimentId(name);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      String json = transport.post("experiments/create",
          print(CreateExperiment.newBuilder().setName(name)));
      CreateExperiment.Response.Builder r = CreateExperiment.Response.newBuilder();
      parse(json, r, "experiments/create");
      return r.getExperimentId();
    } catch (MlflowApiException e) {
      if ("RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
        Optional<String> raced = findExperimentId(name);
        if (raced.isPresent()) {
          return raced.get();
        }
      }
      throw e;
    }
  }

  CreatedRun createRun(String experimentId, String runName, long startMillis, String user)
      throws IOException, MlflowApiException {
    CreateRun.Builder b = CreateRun.newBuilder().setExperimentId(experimentId)
        .setRunName(runName).setStartTime(startMillis);
    if (user != null && !user.isBlank()) {
      b.setUserId(user);
    }
    String json = transport.post("runs/create", print(b));
    CreateRun.Response.Builder r = CreateRun.Response.newBuilder();
    parse(json, r, "runs/create");
    RunInfo info = r.getRun().getInfo();
    String runId = info.getRunId().isEmpty() ? info.getRunUuid() : info.getRunId();
    if (runId.isEmpty()) {
      throw new IOException("runs/create answered without a run id");
    }
    return new CreatedRun(runId, experimentId, info.getArtifactUri());
  }

  void logBatch(String runId, LogBatchChunker.Batch batch, long timestamp)
      throws IOException, MlflowApiException {
    transport.post("runs/log-batch", logBatchJson(runId, batch, timestamp));
  }

  /** The runs/log-batch body; every metric point at step 0, stamped with the run's end. */
  static String logBatchJson(String runId, LogBatchChunker.Batch batch, long timestamp)
      throws IOException {
    LogBatch.Builder b = LogBatch.newBuilder().setRunId(runId);
    batch.params().forEach((k, v) -> b.addParams(Param.newBuilder().setKey(k).setValue(v)));
    batch.tags().forEach((k, v) -> b.addTags(RunTag.newBuilder().setKey(k).setValue(v)));
    batch.metrics().forEach((k, v) -> b.addMetrics(Metric.newBuilder().setKey(k).setValue(v)
        .setTimestamp(timestamp).setStep(0)));
    return print(b);
  }

  void updateRun(String runId, String status, long endMillis)
      throws IOException, MlflowApiException {
    UpdateRun.Builder b = UpdateRun.newBuilder().setRunId(runId).setRunUuid(runId)
        .setStatus(RunStatus.valueOf(status)).setEndTime(endMillis);
    transport.post("runs/update", print(b));
  }

  static String print(MessageOrBuilder message) throws IOException {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("cannot encode MLflow request: " + e.getMessage(), e);
    }
  }

  private static void parse(String json, Message.Builder into, String call) throws IOException {
    try {
      PARSER.merge(json, into);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(call + " answered with JSON MLflow cannot read: " + e.getMessage(),
          e);
    }
  }
}
