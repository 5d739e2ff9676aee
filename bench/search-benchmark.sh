#!/usr/bin/env bash
# The local vector index at PMC-Patients scale (a command, not a test):
#   bench/search-benchmark.sh [N]          N vectors, default 167034
# env: JDK=/path/to/jdk   run the benchmark and the server on that JDK (default: java on PATH);
#                         on JDK 21+ Lucene's SIMD vector scoring is switched on
#      SERVE=0            skip the serving load test
#      DURATION=20s CONNECTIONS=8   the wrk load (loopback, bounded to 8 connections)
# Builds an N-vector index of clustered 384-d vectors (SearchBenchmark: build s, size, segments,
# one-thread p50/p99 and recall@3/@10 vs exact for dense, BM25 and hybrid latency), then starts
# the real `serve` on that index and drives it with wrk (serving/scripts/load-bench.sh).
# Builds into */target-searchbench; the index is kept in core/target-searchbench/bench-warehouse-N.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-167034}"
build=target-searchbench
cd "$root"
java_bin="java"
if [ -n "${JDK:-}" ]; then
  java_bin="$JDK/bin/java"
  export PATH="$JDK/bin:$PATH"
fi
mvn -B -ntp -q -pl core -am -Dpi.build.dir=$build test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=$build/bench.classpath
cp="core/$build/test-classes:core/$build/classes:$(cat core/$build/bench.classpath)"
feature="$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
vector_opts=()
if [ "${feature%%.*}" -ge 21 ]; then
  vector_opts=(--add-modules jdk.incubator.vector)
fi
warehouse="$root/core/$build/bench-warehouse-$n-java$feature"
rm -rf "$warehouse"
mkdir -p "$warehouse"
/usr/bin/time -f 'benchmark JVM peak RSS %M KB' "$java_bin" -Xmx3g "${vector_opts[@]}" -cp "$cp" \
  -Dlog4j2.level=warn org.patientinsight.core.vector.SearchBenchmark "$n" "$warehouse/vector_index"
if [ "${SERVE:-1}" != 0 ]; then
  echo "serving on this index (default retrieval mode, real embedder, loopback):"
  JAVA_TOOL_OPTIONS="${vector_opts[*]}" PI_BUILD_DIR=$build \
    "$root/serving/scripts/load-bench.sh" "$warehouse" 2>&1 | grep -v 'Picked up JAVA_TOOL_OPTIONS'
fi
