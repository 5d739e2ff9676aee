#!/usr/bin/env bash
# Embedding throughput: raw embedder (batch 1, a caller per core) vs the Spark `embed` stage
# (local[*], end to end) vs the int8 model (raw, and its cosine to fp32) vs langchain4j's embedAll, on the same 512 ~200-word notes.
# Prints texts/s, tokens/s, peak RSS and ratios. Arguments go to EmbedBenchmark:
#   bench/embed-benchmark.sh [--notes N] [--modes raw,int8,spark,langchain4j] [--repeat R]
#                            [--tasks-per-slot T]
# (settings take turns R times, default 3; each figure comes from its best run)
# Builds into jobs/target-embedbench (and the same dir of the modules jobs needs).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/jobs-bench.sh" target-embedbench 3g org.patientinsight.jobs.embed.EmbedBenchmark "$@"
