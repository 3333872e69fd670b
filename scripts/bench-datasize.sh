#!/usr/bin/env bash
# Cold verification (cache cleared before every call) on PostgreSQL with 1,000 and with
# 1,000,000 tokens in the table, bulk-inserted with generate_series; JMH, p50/p99 per size.
#   scripts/bench-datasize.sh
# Uses the scratch database latchkey_bench (one fresh schema per size, dropped afterwards).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_database latchkey_bench
machine_summary
cd "$ROOT"
./mvnw -B -q -Pbenchmarks -DskipTests test-compile exec:exec \
  -Djmh.args="ColdVerificationBenchmarks.cacheMissValidToken -p database=postgres -p tokens=1000,1000000 -rf json -rff target/jmh-datasize.json"
