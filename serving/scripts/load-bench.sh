#!/usr/bin/env bash
# Acceptance 4: wrk load benchmark on loopback for retrieval-only (POST /api/v1/search) and
# full extractive analyses (POST /api/v1/analyses). Prints requests/s, p50 and p99.
# Then /health/live while 40 slow request bodies are held open (each sent its headers and one
# byte of a 1,000-byte body) and normal search traffic runs: p99 and the slowest probe are what
# a kubelet would see (the bound is 100 ms for every probe).
# Usage: load-bench.sh [warehouse] ; env DURATION (default 20s), CONNECTIONS (8), THREADS (2).
# Uses <warehouse>/vector_index; when there is none it builds one from synthetic notes.
# The per-key limits are raised for the run (one key drives all the load); the admission gate
# and thread pool keep their defaults. load-bench-compare.sh runs this against an older tree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
warehouse="$(realpath -m "${1:-$here/../../warehouse}")"
duration="${DURATION:-20s}"; conns="${CONNECTIONS:-8}"; threads="${THREADS:-2}"
port="${PORT:-18080}"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk missing: apt-get install -y wrk" >&2; exit 2
  fi
fi
cp="$("$here/classpath.sh")"
work="$(mktemp -d)"
if [ ! -d "$warehouse/vector_index" ]; then
  synthetic="$here/../${PI_BUILD_DIR:-target-serving}/bench-warehouse"
  echo "no index at $warehouse/vector_index: using synthetic notes in $synthetic" >&2
  warehouse="$(realpath -m "$synthetic")"
  if [ ! -d "$warehouse/vector_index" ]; then
    java -cp "$cp" -Dlog4j2.configurationFile=log4j2-serving.xml \
      org.patientinsight.serving.bench.SyntheticIndexBuilder "$warehouse" "${NOTES:-1000}" | grep -v '^{'
  fi
fi
key="bench-$RANDOM$RANDOM"
hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
PATIENT_INSIGHT_API_KEY_HASHES="$hash" PI_SERVING_ANALYSES_DIR="$work/analyses" \
  PI_SERVING_RATE_LIMIT_REQUESTS_PER_MINUTE=1000000 PI_SERVING_RATE_LIMIT_ANALYSES_PER_KEY=100000000 \
  java -Xmx1g -cp "$cp" org.patientinsight.serving.ServeMain --port "$port" \
  --warehouse "$warehouse" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { tail -20 "$work/server.log"; exit 1; }
cat > "$work/bodies.lua" <<LUA
local bodies = {
  '{"symptoms":"crushing chest pain radiating to the left arm with sweating","age":60,"sex":"F"}',
  '{"symptoms":"fever, productive cough and breathlessness for three days","age":8}',
  '{"symptoms":"headache, neck stiffness and dislike of bright light","topK":5}',
  '{"symptoms":"sudden right-sided weakness and slurred speech","filters":{"ageMin":50}}',
  '{"symptoms":"weight loss, palpitations and tremor in a young woman","sex":"F"}'
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", wrk.path, {["Content-Type"]="application/json",
    ["Authorization"]="Bearer $key"}, bodies[(i % #bodies) + 1])
end
LUA
run() { # name path
  # warm-up (JIT, ONNX Runtime, Lucene caches); not measured
  wrk -t1 -c2 -d5s -s "$work/bodies.lua" "http://127.0.0.1:$port$2" >/dev/null
  out="$(wrk -t"$threads" -c"$conns" -d"$duration" --latency -s "$work/bodies.lua" "http://127.0.0.1:$port$2")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errs="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '| %-22s | %9s | %8s | %8s | %s\n' "$1" "$rps" "$p50" "$p99" "${errs:-no errors}"
}
echo "index: $warehouse/vector_index; wrk -t$threads -c$conns -d$duration on 127.0.0.1; $(nproc) cores"
echo "| route                  | req/s     | p50      | p99      |"
run "search (retrieval)" /api/v1/search
run "analyses (extractive)" /api/v1/analyses
# 40 slow bodies from one valid key, held open on bash's /dev/tcp while wrk probes /health/live
slow=()
for _ in $(seq 1 40); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /api/v1/analyses HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{' "$key" >&"$fd"
  slow+=("$fd")
done
# normal API traffic at the same time (answers must be 200 or 503, never hang)
wrk -t1 -c4 -d10s --timeout 5s -s "$work/bodies.lua" "http://127.0.0.1:$port/api/v1/search" > "$work/normal.txt" &
normal=$!
out="$(wrk -t1 -c2 -d10s --timeout 2s --latency "http://127.0.0.1:$port/health/live")"
wait $normal
echo "normal search traffic meanwhile: $(awk '/Requests\/sec/ {print $2}' "$work/normal.txt") req/s, $(grep -E 'Non-2xx|Socket errors|timeout' "$work/normal.txt" || echo 'all 2xx, no timeouts')"
rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
max="$(awk '$1=="Latency" {print $4; exit}' <<<"$out")"
errs="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
printf '| %-22s | %9s | %8s | %8s | %s\n' "live, 40 slow bodies" "$rps" "${p50:--}" "${p99:--}" "${errs:-no errors}"
# the kubelet's bound is on every probe, not a percentile: the slowest of the whole run
echo "live, 40 slow bodies: slowest of $(awk '/requests in/ {print $1}' <<<"$out") probes ${max:--} (bound: 100ms)"
for fd in "${slow[@]}"; do exec {fd}>&-; done
