#!/usr/bin/env bash
# Ingest benchmark: the seed's pandas preprocessing (bench/pandas_preprocess.py) against our
# `ingest` (quality gate on, fresh warehouse) on the same PMC-Patients-layout file, side by
# side, at 167,034 rows (the real dataset's size) and at 1,000,000 rows; ours on local[2]
# and local[1] for the scaling ratio. Wall time includes start-up; peak RSS is from
# /usr/bin/time -v. Files are generated once under bench-out/ and reused.
# Usage: bench/ingest-benchmark.sh [ROWS ...]      (default: 167034 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(167034 1000000)
out="bench-out"
mkdir -p "$out"

# Debian's python3-pandas lives with /usr/bin/python3 (a pyenv or venv python3 on PATH lacks it)
py=/usr/bin/python3
if ! "$py" -c 'import pandas' 2>/dev/null; then
  echo "installing python3-pandas (Debian)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null
fi
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
./patient-insight --help >/dev/null   # build once, outside the measurements

# runs a command under /usr/bin/time -v; prints "wall_seconds peak_rss_mib"
measure() {
  local log="$1"; shift
  /usr/bin/time -v "$@" >"$log" 2>&1 || { echo "failed: $*; see $log" >&2; tail -5 "$log" >&2; exit 1; }
  python3 - "$log" <<'PY'
import re, sys
t = open(sys.argv[1], errors="replace").read()
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{secs:.1f} {rss:.0f}")
PY
}

ours() {  # rows master -> "wall rss parse_clean_seconds"
  local input="$1" master="$2" tag="$3"
  rm -rf "$out/warehouse-$tag"
  read -r wall rss < <(measure "$out/ours-$tag.log" ./patient-insight ingest --input "$input" \
      --warehouse "$out/warehouse-$tag" --summary-json "$out/summary-$tag.json" \
      --set tracking.enabled=false --conf spark.master="$master")
  pc=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['stage_seconds']; \
print(round(s.get('split-input',0)+s['stage'],1))" "$out/summary-$tag.json")
  echo "$wall $rss $pc"
}

report=()
for rows in "${sizes[@]}"; do
  input="$out/pmc_patients_${rows}.csv"
  if [ ! -f "$input" ]; then
    echo "generating $rows rows (once)…"
    ./patient-insight sample --rows "$rows" --seed 7 --out "$input" >/dev/null
  fi
  mb=$(( $(stat -c %s "$input") / 1000000 ))
  echo "== $rows rows ($mb MB)"
  read -r p_wall p_rss < <(measure "$out/pandas-$rows.log" "$py" bench/pandas_preprocess.py "$input" "$out/pandas-$rows.out.csv")
  echo "pandas            wall ${p_wall}s  peak RSS ${p_rss} MiB"
  read -r o2_wall o2_rss o2_pc < <(ours "$input" "local[2]" "${rows}-l2")
  echo "ours local[2]     wall ${o2_wall}s  peak RSS ${o2_rss} MiB  parse+clean ${o2_pc}s"
  python3 - "$out/summary-${rows}-l2.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("                  " + s["reconciliation"])
print("                  stages: " + ", ".join(f"{k} {v:.1f}" for k, v in s["stage_seconds"].items()))
PY
  read -r o1_wall o1_rss o1_pc < <(ours "$input" "local[1]" "${rows}-l1")
  echo "ours local[1]     wall ${o1_wall}s  peak RSS ${o1_rss} MiB  parse+clean ${o1_pc}s"
  line=$(python3 -c "p,o2,o1,pc2,pc1,r2=map(float,'$p_wall $o2_wall $o1_wall $o2_pc $o1_pc $o2_rss'.split()); \
print(f'$rows rows: pandas/ours {p/o2:.2f} (wall {p:.1f}s vs {o2:.1f}s); parse+clean local[1]/local[2] {pc1/pc2:.2f} ({pc1:.1f}s vs {pc2:.1f}s); wall local[1]/local[2] {o1/o2:.2f}; peak RSS ours {r2:.0f} MiB, pandas $p_rss MiB')")
  report+=("$line")
done
echo
echo "== summary"
printf '%s\n' "${report[@]}"
