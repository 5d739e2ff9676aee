#!/usr/bin/env bash
# Acceptance 3: recall@1, recall@3 and MRR of dense, BM25 and hybrid retrieval on the 60 TREC
# CDS topics (descriptions indexed, summaries as queries). Usage: trec-bench.sh [trec-cds dir]
# env EMBED_MODEL=int8: the same with the quantized model (default fp32)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../../shared/data/trec-cds}"
cp="$("$here/classpath.sh")"
exec java -cp "$cp" -Dlog4j2.configurationFile=log4j2-serving.xml -Dpi.embed.model="${EMBED_MODEL:-fp32}" \
  org.patientinsight.serving.bench.TrecRetrievalBenchmark "$data"
