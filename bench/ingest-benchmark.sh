#!/usr/bin/env bash
# Ingest benchmark: generates a PMC-Patients-sized file once (167,034 rows, the size of the
# real dataset), ingests it into a fresh warehouse on local Spark, and prints rows/s, wall
# seconds and peak memory. Usage: bench/ingest-benchmark.sh [ROWS]   (files under bench-out/)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-167034}"
out="bench-out"
mkdir -p "$out"
input="$out/pmc_patients_${rows}.csv"
if [ ! -f "$input" ]; then
  echo "generating $rows rows (once)…"
  t0=$(date +%s.%N)
  ./patient-insight sample --rows "$rows" --seed 7 --out "$input"
  echo "generated in $(python3 -c "print(round($(date +%s.%N) - $t0, 1))") s"
fi
rm -rf "$out/warehouse"
t0=$(date +%s.%N)
./patient-insight ingest --input "$input" --warehouse "$out/warehouse" \
  --summary-json "$out/ingest-summary.json" --set tracking.enabled=false >/dev/null 2>"$out/ingest.log" \
  || { echo "ingest failed; see $out/ingest.log"; tail -5 "$out/ingest.log"; exit 1; }
wall=$(python3 -c "print($(date +%s.%N) - $t0)")
python3 - "$out/ingest-summary.json" "$wall" "$(du -b "$input" | cut -f1)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); wall = float(sys.argv[2]); size = int(sys.argv[3])
c = s["counts"]
job = sum(s["stage_seconds"].values())
print(f"input            {size/1e6:.0f} MB, {c['read']} rows")
print(f"reconciliation   {s['reconciliation']}")
print(f"wall seconds     {wall:.1f}  (whole command: JVM + Spark start + ingest)")
print(f"stage seconds    {job:.1f}  " + ", ".join(f"{k} {v:.1f}" for k, v in s["stage_seconds"].items()))
print(f"rows/s           {c['read']/wall:.0f} (wall)   {c['read']/job:.0f} (stages)")
print(f"peak RSS         {s['resources']['peak_rss_mib']:.0f} MiB on {s['resources']['cores']} cores")
PY
