#!/usr/bin/env bash
# Embedding drift + near-duplicate detection on a PMC-Patients-sized batch (167,034 cases):
# generated notes (1 % planted near-duplicates, 5 % of words changed) and synthetic 384-d unit
# vectors, on real Delta tables, through the real EmbeddingDriftStage and NearDuplicateStage.
# Prints seconds per stage, their total (target <= 60 s on 2 cores), planted-pair recall, peak
# RSS, and, side by side, MLlib's approxSimilarityJoin vs our banding on the first N notes.
#   bench/drift-benchmark.sh [--cases N] [--baseline N] [--anchor-rows N (0 = skip)] [--dir D] [--set KEY=VALUE]
# Builds into jobs/target-driftbench (and the same dir of the modules jobs needs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=target-driftbench
cd "$root"
mvn -B -ntp -q -pl jobs -am -Dpi.build.dir=$build test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=$build/bench.classpath
cp="jobs/$build/test-classes:jobs/$build/classes:$(cat jobs/$build/bench.classpath)"
tmp="$root/jobs/$build/tmp"
mkdir -p "$tmp"
opens=$(mvn -B -ntp -q -N -Dstyle.color=never help:evaluate -Dexpression=spark.jvm.opens -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
# shellcheck disable=SC2086
exec java -Xmx6g $opens -Djava.io.tmpdir="$tmp" -cp "$cp" \
  org.patientinsight.jobs.drift.DriftBenchmark "$@"
