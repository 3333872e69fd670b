#!/usr/bin/env bash
# Runs the nginx example end to end on loopback and checks it:
#   no token -> 401 with the Bearer challenge; a valid token -> the API sees the user and never the
#   token; another organisation's valid token -> 401; a client flooding bad tokens -> 429 for it
#   and nobody else, and its own valid token still passes; a revoked token -> 401.
#   Installs Debian's nginx if it is missing (as root).
# Ports: LATCHKEY_PORT (18080), its management port MANAGEMENT_PORT (18081, loopback only),
# API_PORT (19000), PROXY_PORT (18000).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
LATCHKEY_PORT="${LATCHKEY_PORT:-18080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18081}"
API_PORT="${API_PORT:-19000}"
PROXY_PORT="${PROXY_PORT:-18000}"

if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "nginx example: installing Debian's nginx"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export SERVER_PORT="$LATCHKEY_PORT"
export MANAGEMENT_SERVER_PORT="$MANAGEMENT_PORT"
export SPRING_DATASOURCE_URL="jdbc:h2:file:$work/db/latchkey;AUTO_SERVER=TRUE;WRITE_DELAY=0"
export LATCHKEY_ADMIN_PASSWORD="nginx-example-password"
# nginx (on loopback) is the only trusted proxy: client addresses come from its X-Forwarded-For.
export SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES='127\.0\.0\.1'
export LATCHKEY_AUTH_REFUSALSPERWINDOW=5
"$root/bin/latchkey" >"$work/latchkey.log" 2>&1 &
pids+=($!)
python3 "$here/upstream.py" "$API_PORT" &
pids+=($!)

mkdir -p "$work/tmp" "$work/logs"
sed -e "s/127.0.0.1:8080/127.0.0.1:$LATCHKEY_PORT/; s/127.0.0.1:9000/127.0.0.1:$API_PORT/; s/127.0.0.1:8000/127.0.0.1:$PROXY_PORT/" \
  "$here/nginx.conf" >"$work/nginx.conf"

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$LATCHKEY_PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done
"$NGINX" -p "$work" -c "$work/nginx.conf"

operator() { "$root/bin/latchkey" operator "$@" 2>>"$work/operator.err" || { cat "$work/operator.err" "$work/latchkey.log" >&2; exit 1; }; }
token="$(operator issue-token --user admin --name nginx-example)"
# A second organisation on the same Latchkey, with a valid token of its own.
operator create-organisation --name other --seats 2 >/dev/null
operator create-user --organisation other --username other-admin --role ORG_ADMIN --licensed >/dev/null
other_token="$(operator issue-token --user other-admin --name elsewhere)"
passed=0
failed=0
check() {
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); echo "  ok   $1"
  else failed=$((failed + 1)); echo "  FAIL $1: expected '$3', got '$2'"; fi
}
proxy="http://127.0.0.1:$PROXY_PORT/orders"

echo "nginx example: Latchkey :$LATCHKEY_PORT, API :$API_PORT, nginx :$PROXY_PORT"
check "no token is refused" "$(curl -s -o /dev/null -w '%{http_code}' "$proxy")" "401"
check "the refusal carries the Bearer challenge" \
  "$(curl -s -D - -o /dev/null "$proxy" | tr -d '\r' | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: //p')" 'Bearer realm="latchkey"'
seen="$(curl -s "$proxy" -H "Authorization: Bearer $token")"
check "a valid token reaches the API" "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("x-latchkey-user"))' "$seen")" "admin"
check "the API never sees the token" "$(grep -c "$token" <<<"$seen" || true)" "0"
check "the API sees no Authorization header" \
  "$(python3 -c 'import json,sys; print("authorization" in json.loads(sys.argv[1]))' "$seen")" "False"
check "another organisation's valid token is refused" \
  "$(curl -s -o /dev/null -w '%{http_code}' "$proxy" -H "Authorization: Bearer $other_token")" "401"
# One client (127.0.0.5) keeps sending a bad token; others behind the same nginx are unaffected.
# The limit counts per minute-long window, aligned to the clock: start well inside one.
while (( 10#$(date +%S) >= 45 )); do sleep 1; done
for _ in $(seq 1 8); do curl -s -o /dev/null --interface 127.0.0.5 "$proxy" -H "Authorization: Bearer lkp_expired"; done
check "the flooding client is slowed down with 429" \
  "$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.5 "$proxy" -H "Authorization: Bearer lkp_expired")" "429"
check "the 429 says when to retry" \
  "$(curl -s -D - -o /dev/null --interface 127.0.0.5 "$proxy" -H "Authorization: Bearer lkp_expired" | tr -d '\r' | grep -ci '^retry-after: [0-9]')" "1"
check "another client's bad token is still just 401" \
  "$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.6 "$proxy" -H "Authorization: Bearer lkp_expired")" "401"
check "the flooding client's valid token still passes" \
  "$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.5 "$proxy" -H "Authorization: Bearer $token")" "200"
me="$(curl -s "http://127.0.0.1:$LATCHKEY_PORT/api/v1/me" -H "Authorization: Bearer $token")"
id="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["token"]["id"])' "$me")"
curl -s -o /dev/null -X POST "http://127.0.0.1:$LATCHKEY_PORT/api/v1/tokens/$id/revoke" -H "Authorization: Bearer $token"
check "a revoked token is refused" "$(curl -s -o /dev/null -w '%{http_code}' "$proxy" -H "Authorization: Bearer $token")" "401"

echo "nginx example: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
