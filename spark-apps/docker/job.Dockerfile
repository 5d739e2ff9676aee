# Job image: the official Apache Spark 3.5 image (Scala 2.12, Java 17) plus the shaded jobs jar.
# Build from the repository root after `mvn package` (CI does both):
#   docker build -f spark-apps/docker/job.Dockerfile --build-arg SPARK_VERSION=<spark.version> -t <repo>:<tag> .
# SPARK_VERSION must equal the parent pom's spark.version (CD reads it from the pom).
# The jobs jar carries Delta, hadoop-aws and the AWS SDK S3 classes; Spark and Hadoop's
# client come from the image.
ARG SPARK_VERSION=3.5.9
FROM apache/spark:${SPARK_VERSION}-scala2.12-java17-ubuntu

USER root
RUN mkdir -p /opt/patient-insight && chown spark:spark /opt/patient-insight
COPY --chown=spark:spark jobs/target/patient-insight-jobs.jar /opt/patient-insight/patient-insight-jobs.jar

# the image's entrypoint runs driver and executor as the unprivileged `spark` user (uid 185)
USER spark
WORKDIR /opt/spark/work-dir
