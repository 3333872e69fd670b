#!/usr/bin/env bash
# HTTP load over loopback with wrk, every hot endpoint side by side in one run, each with its
# ratio to the practical ceiling: the JDK's own HttpServer answering a fixed body
# (scripts/BareServer.java, started by this script on the same machine).
#   scripts/bench-http.sh                   wrk -t2 -c32, 20 s per measurement, two rounds
#   THREADS=1 scripts/bench-http.sh         one wrk thread (the p99 target's second setting)
#   FLOOD=60s scripts/bench-http.sh         also a flood of random well-formed tokens: resident
#                                           memory and valid-token throughput before and after
#   SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/hot.jfr scripts/bench-http.sh
# Starts its own servers on 127.0.0.1 (Latchkey on ${PORT:-18080}, its management port on
# PORT+1, the bare server on PORT+2) with an embedded database in a temporary folder, and stops
# them at the end. docs/performance.md has the figures and what explains them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${PORT:-18080}
MANAGEMENT_PORT=$((PORT + 1))
BARE_PORT=$((PORT + 2))
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-2}
FLOOD=${FLOOD:-}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
build_jar

work="$(mktemp -d)"
trap 'stop_servers; rm -rf "$work"' EXIT
export SPRING_DATASOURCE_URL="jdbc:h2:file:$work/latchkey;AUTO_SERVER=TRUE;WRITE_DELAY=0"
export LATCHKEY_ADMIN_PASSWORD="benchmark-password"

"$JAVA" "$ROOT/scripts/BareServer.java" "$BARE_PORT" >"$work/bare.log" 2>&1 &
PIDS+=($!)
# A fixed, pre-touched heap, as in production: resident memory then shows what grows outside
# the heap, and the live heap after a full collection shows what grows inside it.
"$JAVA" ${SERVER_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch} -jar "$ROOT/target/latchkey.jar" --server.port="$PORT" --server.address=127.0.0.1 \
  --management.server.port="$MANAGEMENT_PORT" >"$work/server.log" 2>&1 &
server_pid=$!
PIDS+=($server_pid)
wait_healthy "$PORT"
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$BARE_PORT/" >/dev/null 2>&1 && break; sleep 0.5; done

token="$("$JAVA" -jar "$ROOT/target/latchkey.jar" operator issue-token --user admin --name wrk 2>/dev/null)"
base="http://127.0.0.1:$PORT"
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
organisation="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/me" | json "['organisation']['name']")"
client="$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"wrk"}' "$base/api/v1/clients")"
client_id="$(json "['clientId']" <<<"$client")"
client_secret="$(json "['clientSecret']" <<<"$client")"
export TOKEN="$token" CLIENT_BASIC="$(printf '%s:%s' "$client_id" "$client_secret" | base64 -w0)"
# The console's icon and stylesheet, by the fingerprinted addresses its pages link to.
page="$(curl -fs "$base/login")"
icon="$(grep -o '/favicon[^"]*\.svg' <<<"$page" | head -1)"
stylesheet="$(grep -o '/css/console[^"]*\.css' <<<"$page" | head -1)"

bare="http://127.0.0.1:$BARE_PORT/"
verify="$base/auth/verify?organisation=$organisation"
me="$base/api/v1/me"
introspect="$base/oauth2/introspect"
info="http://127.0.0.1:$MANAGEMENT_PORT/actuator/info"
label() { sed 's/-[0-9a-f]\{32\}\././' <<<"$1"; }

check() { [[ "$1" == 200 ]] || { echo "$2 answered $1, not 200" >&2; exit 1; }; }
check "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$verify")" "$verify"
check "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$me")" "$me"
[[ "$(curl -s -u "$client_id:$client_secret" -d "token=$token" "$introspect")" == *'"active":true'* ]] \
  || { echo "introspection did not answer active" >&2; exit 1; }
check "$(curl -s -o /dev/null -w '%{http_code}' "$base$icon")" "$base$icon"
check "$(curl -s -o /dev/null -w '%{http_code}' "$base$stylesheet")" "$base$stylesheet"
check "$(curl -s -o /dev/null -w '%{http_code}' "$info")" "$info"

load() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "${@:2}"; }
measure() {
  local name="$1"; shift
  load "$DURATION" "$@" | awk -v name="$name" -v ceiling="${CEILING:-0}" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    END {
      ratio = (ceiling > 0) ? sprintf("%.2f", rps / ceiling) : "-"
      printf "%-34s %10s %7s %10s %10s %s\n", name, rps, ratio, p50, p99, (errors ? "non-2xx: " errors : "")
    }'
}
endpoints=(
  "bare JDK HttpServer|$bare"
  "GET /auth/verify|$verify|-H|Authorization: Bearer $token"
  "POST /oauth2/introspect|$introspect|-s|$ROOT/scripts/wrk/introspect.lua"
  "GET /api/v1/me|$me|-H|Authorization: Bearer $token"
  "GET /actuator/info|$info"
  "GET $(label "$icon") ($(wc -c < <(curl -fs "$base$icon")) bytes)|$base$icon"
  "GET $(label "$stylesheet") ($(wc -c < <(curl -fs "$base$stylesheet")) bytes)|$base$stylesheet"
)

echo "warming up ($WARMUP each) ..." >&2
for entry in "${endpoints[@]}"; do
  IFS='|' read -r -a parts <<<"$entry"
  load "$WARMUP" "${parts[@]:1}" >/dev/null
done

machine_summary
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per measurement"
printf "%-34s %10s %7s %10s %10s\n" endpoint "req/s" "× bare" p50 p99
for round in $(seq 1 "$ROUNDS"); do
  CEILING=0
  for entry in "${endpoints[@]}"; do
    IFS='|' read -r -a parts <<<"$entry"
    line="$(measure "${parts[0]} (round $round)" "${parts[@]:1}")"
    echo "$line"
    if [[ "${parts[0]}" == "bare JDK HttpServer" ]]; then CEILING="$(awk '{print $(NF-3)}' <<<"$line")"; fi
  done
done

if [[ -n "$FLOOD" ]]; then
  rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$server_pid/status"; }
  live_heap() {
    "$(dirname "$JAVA")/jcmd" "$server_pid" GC.run >/dev/null
    "$(dirname "$JAVA")/jcmd" "$server_pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ print int($1 / 1024) }'
  }
  echo
  echo "flood: random well-formed tokens at GET /auth/verify for $FLOOD"
  before="$(rss)"
  heap_before="$(live_heap)"
  CEILING=0 measure "GET /auth/verify before the flood" "$verify" -H "Authorization: Bearer $token"
  echo "resident memory before: ${before} MB, live heap after a full collection: ${heap_before} MB"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$FLOOD" -s "$ROOT/scripts/wrk/random-tokens.lua" "$verify" \
    | awk '/Requests\/sec/ { print "flood: " $2 " req/s" } /Non-2xx/ { print "flood answers other than 200: " $NF }'
  after="$(rss)"
  heap_after="$(live_heap)"
  echo "resident memory after:  ${after} MB (grew $((after - before)) MB), live heap: ${heap_after} MB (grew $((heap_after - heap_before)) MB)"
  CEILING=0 measure "GET /auth/verify after the flood" "$verify" -H "Authorization: Bearer $token"
fi
