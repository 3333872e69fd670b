#!/usr/bin/env bash
# Cross-instance revocation: two servers (127.0.0.1:18081 = A, :18082 = B; management ports
# 18091 and 18092) on one PostgreSQL database; revoke on A, poll B; COUNT revocations (default
# 100); p50 / p99 / max of the time until B refuses. Creates the scratch database
# latchkey_bench_cluster afresh, stops both servers at the end.
#   scripts/bench-revocation.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

COUNT=${COUNT:-100}
DB=latchkey_bench_cluster
build_jar
ensure_database "$DB" fresh

work="$(mktemp -d)"
trap 'stop_servers; rm -rf "$work"' EXIT
export SPRING_PROFILES_ACTIVE=postgres
export LATCHKEY_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB"
export LATCHKEY_DB_USERNAME="$PG_USER"
export LATCHKEY_ADMIN_PASSWORD="benchmark-password"

"$JAVA" -jar "$ROOT/target/latchkey.jar" --server.port=18081 --server.address=127.0.0.1 --management.server.port=18091 >"$work/a.log" 2>&1 &
PIDS+=($!)
wait_healthy 18081
"$JAVA" -jar "$ROOT/target/latchkey.jar" --server.port=18082 --server.address=127.0.0.1 --management.server.port=18092 >"$work/b.log" 2>&1 &
PIDS+=($!)
wait_healthy 18082
token="$("$JAVA" -jar "$ROOT/target/latchkey.jar" operator issue-token --user admin --name revocation-driver 2>/dev/null)"

machine_summary
"$JAVA" "$ROOT/scripts/RevocationTiming.java" http://127.0.0.1:18081 http://127.0.0.1:18082 "$token" "$COUNT"
for metric in latchkey.invalidation.listener.connected latchkey.invalidation.notices.received; do
  echo "B $metric: $(curl -s "http://127.0.0.1:18092/actuator/metrics/$metric" | sed -n 's/.*"value":\([0-9.E]*\).*/\1/p')"
done
