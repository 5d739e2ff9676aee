#!/usr/bin/env bash
# Embedding drift + near-duplicate detection on a PMC-Patients-sized batch (167,034 cases):
# generated notes (1 % planted near-duplicates, 5 % of words changed) and synthetic 384-d unit
# vectors, on real Delta tables, through the real EmbeddingDriftStage and NearDuplicateStage.
# Prints seconds per stage, their total (target <= 60 s on 2 cores), planted-pair recall, peak
# RSS, and, side by side, MLlib's approxSimilarityJoin vs our banding on the first N notes.
#   bench/drift-benchmark.sh [--cases N] [--baseline N] [--anchor-rows N (0 = skip)] [--dir D] [--set KEY=VALUE]
# Builds into jobs/target-driftbench (and the same dir of the modules jobs needs).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/jobs-bench.sh" target-driftbench 6g org.patientinsight.jobs.drift.DriftBenchmark "$@"
