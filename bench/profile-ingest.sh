#!/usr/bin/env bash
# Profiles one `ingest` run with the JDK Flight Recorder and prints the hottest frames
# (top-of-stack, and inclusive for our own code) from jdk.ExecutionSample events.
# Usage: bench/profile-ingest.sh INPUT.csv [MASTER]     (recording under bench-out/)
set -euo pipefail
cd "$(dirname "$0")/.."
input="$1"; master="${2:-local[2]}"
out="bench-out"; mkdir -p "$out"
rm -rf "$out/warehouse-profile"
PI_JAVA_OPTS="-XX:StartFlightRecording=filename=$out/ingest.jfr,settings=profile,dumponexit=true" \
  ./patient-insight ingest --input "$input" --warehouse "$out/warehouse-profile" \
  --summary-json "$out/summary-profile.json" --set tracking.enabled=false --conf spark.master="$master" ${PROFILE_ARGS:-} \
  >"$out/profile.log" 2>&1
jfr print --stack-depth 64 --events jdk.ExecutionSample "$out/ingest.jfr" > "$out/samples.txt"
python3 - "$out/samples.txt" <<'PY'
import collections, re, sys
top, incl, n = collections.Counter(), collections.Counter(), 0
stack = None
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and re.match(r"\s+[\w$.<>]+\(.*\)\s+line:", line):
        stack.append(re.sub(r"\s+line:.*", "", line.strip()))
    elif stack is not None and line.strip() == "]" and stack:
        n += 1
        top[stack[0]] += 1
        for f in set(stack):
            if "patientinsight" in f:
                incl[f] += 1
        stack = None
print(f"{n} samples")
print("top of stack:")
for f, c in top.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")
print("inclusive, our code:")
for f, c in incl.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")
PY
