# Serving image: Java 17 JRE plus the shaded serving jar.
# Build from the repository root after `mvn package`:
#   docker build -f spark-apps/docker/serving.Dockerfile -t <repo>:<tag> .
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /opt/patient-insight --shell /usr/sbin/nologin app \
 && mkdir -p /opt/patient-insight \
 && chown app:app /opt/patient-insight
COPY --chown=app:app serving/target/patient-insight-serving.jar /opt/patient-insight/patient-insight-serving.jar

USER 10001:10001
WORKDIR /opt/patient-insight
EXPOSE 8080
# JAVA_TOOL_OPTIONS (set in the Deployment) sizes the heap relative to the container limit
ENTRYPOINT ["java", "-cp", "/opt/patient-insight/patient-insight-serving.jar", "org.patientinsight.serving.ServeMain"]
