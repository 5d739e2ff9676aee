#!/usr/bin/env bash
# Before/after: the wrk load benchmark (load-bench.sh) on an older commit's tree and on this
# one, one after the other on the same index, same machine, same settings; prints both tables.
# Usage: load-bench-compare.sh [base-ref (default: the commit before issue 18's work)] [warehouse]
# env DURATION (default 15s), CONNECTIONS (8), THREADS (2), ROUNDS (2: before, after, before,
# after — alternating, so a change in the machine's load hits both sides). Bounded: ROUNDS x
# 2 trees x 2 routes x (5 s warm-up + DURATION), plus the builds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:-7ae6356}"
export DURATION="${DURATION:-15s}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp="$("$here/classpath.sh")"
warehouse="${2:-$root/serving/${PI_BUILD_DIR:-target-serving}/bench-warehouse}"
if [ ! -d "$warehouse/vector_index" ]; then
  java -cp "$cp" -Dlog4j2.configurationFile=log4j2-serving.xml \
    org.patientinsight.serving.bench.SyntheticIndexBuilder "$warehouse" "${NOTES:-1000}" | grep -v '^{'
fi
mkdir -p "$work/base"
git -C "$root" archive "$base" | tar -x -C "$work/base"
# the same benchmark on both sides: our load-bench.sh, and our classpath.sh (the older one
# looked up core's jar in ~/.m2, absent without mvn install); only the server code differs
cp "$here/classpath.sh" "$here/load-bench.sh" "$work/base/serving/scripts/"
ln -s "$root/../shared" "$work/shared" 2>/dev/null || true
for round in $(seq 1 "${ROUNDS:-2}"); do
  echo "== round $round, before: $base ($(git -C "$root" log -1 --format=%s "$base" | cut -c1-60))"
  PORT=18181 "$work/base/serving/scripts/load-bench.sh" "$warehouse"
  echo "== round $round, after: this working tree (HEAD $(git -C "$root" rev-parse --short HEAD))"
  PORT=18182 "$here/load-bench.sh" "$warehouse"
done
