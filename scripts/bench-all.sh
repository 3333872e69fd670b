#!/usr/bin/env bash
# Every measurement of docs/performance.md, one after the other, each into target/bench/.
# About 25 minutes. Run it on a quiet machine: each part prints `uptime` next to its figures.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p target/bench
./mvnw -q -B -DskipTests package
ensure_database latchkey_bench
jmh() {
  { machine_summary; ./mvnw -B -q -Pbenchmarks -DskipTests test-compile exec:exec \
      -Djmh.args="dev.latchkey.token.$1 -rf json -rff target/bench/$2.json" 2>&1; echo "after:   $(uptime)"; } \
    > "target/bench/$2.txt"
}
jmh VerificationBenchmarks jmh-cached
jmh ColdVerificationBenchmarks jmh-cold
jmh AllowlistBenchmarks jmh-allowlist
scripts/bench-datasize.sh > target/bench/datasize.txt 2>&1
FLOOD=60s scripts/bench-http.sh > target/bench/http.txt 2>&1
THREADS=1 scripts/bench-http.sh > target/bench/http-t1.txt 2>&1
scripts/bench-revocation.sh > target/bench/revocation.txt 2>&1
uptime
grep -hE "uptime|after|Benchmarks\.[a-zA-Z]+(:p0.50|:p0.99)? |req/s|round|flood|resident|refuses|accepted|B latchkey" target/bench/*.txt
