#!/usr/bin/env bash
# Embedding throughput: raw embedder (batch 1, a caller per core) vs the Spark `embed` stage
# (local[*], end to end) vs the int8 model (raw, and its cosine to fp32) vs langchain4j's embedAll, on the same 512 ~200-word notes.
# Prints texts/s, tokens/s, peak RSS and ratios. Arguments go to EmbedBenchmark:
#   bench/embed-benchmark.sh [--notes N] [--modes raw,int8,spark,langchain4j] [--repeat R]
#                            [--tasks-per-slot T]
# (settings take turns R times, default 3; each figure comes from its best run)
# Builds into jobs/target-embedbench (and the same dir of the modules jobs needs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=target-embedbench
cd "$root"
mvn -B -ntp -q -pl jobs -am -Dpi.build.dir=$build test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=$build/bench.classpath
cp="jobs/$build/test-classes:jobs/$build/classes:$(cat jobs/$build/bench.classpath)"
tmp="$root/jobs/$build/tmp"
mkdir -p "$tmp"
opens=$(mvn -B -ntp -q -N -Dstyle.color=never help:evaluate -Dexpression=spark.jvm.opens -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
# shellcheck disable=SC2086
exec java -Xmx3g $opens -Djava.io.tmpdir="$tmp" -cp "$cp" \
  org.patientinsight.jobs.embed.EmbedBenchmark "$@"
