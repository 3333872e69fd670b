#!/usr/bin/env bash
# HTTP load over loopback with wrk, in one run: GET /api/v1/me with a valid (cached) token
# against the cheapest unauthenticated endpoint of the same port, GET /livez (the liveness probe:
# no database, no token). /actuator/info, the comparison point until the actuator moved to its
# own port, is no longer served on the public port.
#   scripts/bench-http.sh                 32 connections, 30 s per measurement
#   DURATION=60s scripts/bench-http.sh
#   SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/me.jfr scripts/bench-http.sh   (a profile)
# Starts its own server on 127.0.0.1:${PORT:-18080} with an embedded database in a temporary
# folder, and stops it at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-32}
# One wrk thread: on a 2-core machine a second one takes the server's core away, and the tail then
# measures the scheduler, not the server (docs/performance.md).
THREADS=${THREADS:-1}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-15s}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
build_jar

work="$(mktemp -d)"
trap 'stop_servers; rm -rf "$work"' EXIT
export SPRING_DATASOURCE_URL="jdbc:h2:file:$work/latchkey;AUTO_SERVER=TRUE;WRITE_DELAY=0"
export LATCHKEY_ADMIN_PASSWORD="benchmark-password"

"$JAVA" ${SERVER_JAVA_OPTS:-} -jar "$ROOT/target/latchkey.jar" --server.port="$PORT" --server.address=127.0.0.1 --management.server.port=0 >"$work/server.log" 2>&1 &
PIDS+=($!)
wait_healthy "$PORT"
token="$("$JAVA" -jar "$ROOT/target/latchkey.jar" operator issue-token --user admin --name wrk 2>/dev/null)"

me="http://127.0.0.1:$PORT/api/v1/me"
info="http://127.0.0.1:$PORT/livez"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$me")" == 200 ]]

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "${@:2}"; }
summary() {
  awk -v name="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    END { printf "%-32s %12s %10s %10s %10s %s\n", name, rps, p50, p90, p99, (errors ? "non-2xx: " errors : "") }'
}

echo "warming up ($WARMUP each) ..." >&2
run "$WARMUP" "$info" >/dev/null
run "$WARMUP" -H "Authorization: Bearer $token" "$me" >/dev/null

machine_summary
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per measurement"
printf "%-32s %12s %10s %10s %10s\n" endpoint "req/s" p50 p90 p99
for round in 1 2; do
  run "$DURATION" "$info" | summary "GET /livez (round $round)"
  run "$DURATION" -H "Authorization: Bearer $token" "$me" | summary "GET /api/v1/me (round $round)"
done
