/**
 * Run tracking in MLflow: each pipeline (or stage) run becomes one MLflow run with its params,
 * metrics, tags and report artifacts.
 *
 * <p>Entry points: build a {@link org.patientinsight.core.tracking.TrackedRun} at the end of a
 * run, get a {@link org.patientinsight.core.tracking.RunTracker} from
 * {@link org.patientinsight.core.tracking.RunTrackers#fromSettings} (or {@code fromEnvironment})
 * and call {@code record}; it never throws, the
 * {@link org.patientinsight.core.tracking.TrackingOutcome} says what happened.
 *
 * <p>Backends, chosen by {@code MLFLOW_TRACKING_URI}:
 * <ul>
 *   <li>unset, {@code file:} or a path: {@link org.patientinsight.core.tracking.FileStoreRunTracker}
 *       writes MLflow's file-store layout (./mlruns). Recent MLflow versions only open this
 *       layout with {@code MLFLOW_ALLOW_FILE_STORE=true}, e.g.
 *       {@code MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri ./mlruns}.
 *   <li>{@code http(s)://}: a tracking server, bearer ({@code MLFLOW_TRACKING_TOKEN}) or basic
 *       ({@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}) auth; artifacts go
 *       through the server's artifact proxy ({@code mlflow-artifacts:} runs) or to S3
 *       ({@code s3://} runs).
 *   <li>a SageMaker MLflow tracking-server ARN: SigV4-signed calls, artifacts to S3.
 * </ul>
 *
 * <p><b>Why the servers share one small transport instead of calling {@code MlflowClient}.</b>
 * The issue asked for {@code org.mlflow:mlflow-client} on plain servers and a separate signed
 * path for SageMaker, keeping one code path for the request shapes. We keep mlflow-client for
 * what it is good at (MLflow's generated protobuf request/response messages and its JSON
 * printer, used in {@link org.patientinsight.core.tracking.MlflowRestApi}, so bodies match the
 * server's API definition field for field, int64s as strings) and send them with our own
 * java.net.http {@link org.patientinsight.core.tracking.MlflowTransport}, for every server:
 * <ul>
 *   <li>MlflowClient's HTTP caller is package-private over a relocated Apache client, so its
 *       requests cannot be SigV4-signed; SageMaker needs its own transport anyway, and with
 *       one transport there is one path for shapes, errors and retries, not two.</li>
 *   <li>MlflowClient retries every 4xx/5xx except 429 three times without back-off: a 404
 *       from experiments/get-by-name (the normal "create it" case) is sent three times, and a
 *       log-batch that failed after the server applied part of it is re-sent, duplicating metric
 *       points. Our transport retries only what the server cannot have acted on (connection
 *       refused, 429, 503) and backs off.</li>
 *   <li>Artifact uploads need our own HTTP code (MlflowClient.logArtifact shells out to a
 *       Python MLflow install) with the same auth headers; one transport carries both.</li>
 * </ul>
 * mlflow-client's slf4j-api 1.7 is excluded in core's pom (it would win over Spark's 2.0 and
 * silence logging).
 */
package org.patientinsight.core.tracking;
