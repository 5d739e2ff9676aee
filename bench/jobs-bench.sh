#!/usr/bin/env bash
# Shared launcher of the jobs-module benchmarks (their harnesses live in jobs' test classes):
# compiles into its own build dir, then runs MAIN_CLASS with Spark's JVM opens.
# Usage: bench/jobs-bench.sh BUILD_DIR HEAP MAIN_CLASS [args…]
set -euo pipefail
build="$1"; heap="$2"; main="$3"; shift 3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl jobs -am -Dpi.build.dir="$build" test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$build/bench.classpath"
cp="jobs/$build/test-classes:jobs/$build/classes:$(cat "jobs/$build/bench.classpath")"
tmp="$root/jobs/$build/tmp"
mkdir -p "$tmp"
opens=$(mvn -B -ntp -q -N -Dstyle.color=never help:evaluate -Dexpression=spark.jvm.opens -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
# shellcheck disable=SC2086
exec java -Xmx"$heap" $opens -Djava.io.tmpdir="$tmp" -cp "$cp" "$main" "$@"
