#!/usr/bin/env bash
# Runs the nginx example end to end on loopback and checks it:
#   no token -> 401 with the Bearer challenge; a valid token -> the API sees the user and never the
#   token; another organisation's valid token -> 401; a client flooding bad tokens -> 429 for it
#   and nobody else, and its own valid token still passes; scopes: a read_api token may GET the
#   read-only location but not POST there nor use the deploy or api locations, a token with the
#   organisation's scope deploy opens only the deploy location, the 403 names the missing scope;
#   IP allowlists: a token allowlisted elsewhere -> 401, one allowlisted for the client -> 200;
#   a revoked token -> 401.
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
# Scopes: a read-only location (read_api) and a location for the organisation's own scope
# deploy. The api token defines the scope and creates a token for each.
latchkey="http://127.0.0.1:$LATCHKEY_PORT"
create_token() {
  curl -s "$latchkey/api/v1/tokens" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$1" \
    | python3 -c 'import json,sys; body=json.load(sys.stdin); print(body.get("token") or sys.exit(f"create_token: {body}"))'
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "the api token defines the scope deploy" \
  "$(status "$latchkey/api/v1/scopes" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"name":"deploy","description":"deployments through nginx"}')" "201"
read_token="$(create_token '{"name":"dashboard","scopes":["read_api"]}')"
deploy_token="$(create_token '{"name":"ci-deploy","scopes":["deploy"]}')"
reports="http://127.0.0.1:$PROXY_PORT/reports/weekly"
deploys="http://127.0.0.1:$PROXY_PORT/deploy/orders"
check "a read_api token may GET the read-only location" "$(status "$reports" -H "Authorization: Bearer $read_token")" "200"
check "a read_api token may not POST there" \
  "$(status -X POST "$reports" -H "Authorization: Bearer $read_token" -d 'x=1')" "403"
check "the 403 names the scope it needs" \
  "$(curl -s -D - -o /dev/null -X POST "$reports" -H "Authorization: Bearer $read_token" -d 'x=1' \
      | tr -d '\r' | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: .*error="\([a-z_]*\)".*scope="\([^"]*\)".*/\1 \2/p')" \
  "insufficient_scope read_api"
check "a read_api token may not use the deploy location" "$(status "$deploys" -H "Authorization: Bearer $read_token")" "403"
check "a read_api token may GET the api location (read_api grants api's safe methods)" \
  "$(status "$proxy" -H "Authorization: Bearer $read_token")" "200"
check "a read_api token may not POST to the api location" \
  "$(status -X POST "$proxy" -H "Authorization: Bearer $read_token" -d 'x=1')" "403"
check "a deploy token may POST to the deploy location" \
  "$(status -X POST "$deploys" -H "Authorization: Bearer $deploy_token" -d 'version=42')" "200"
check "the API sees the token's scopes" \
  "$(curl -s "$deploys" -H "Authorization: Bearer $deploy_token" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("x-latchkey-scopes"))')" \
  "deploy"
check "a deploy token may not use the read-only location" "$(status "$reports" -H "Authorization: Bearer $deploy_token")" "403"
check "an api token may POST to the read-only location" \
  "$(status -X POST "$reports" -H "Authorization: Bearer $token" -d 'x=1')" "200"
# IP allowlists: nginx tells Latchkey the client's address (127.0.0.1 here).
elsewhere_token="$(create_token '{"name":"other-network","allowedIps":["203.0.113.0/24"]}')"
here_token="$(create_token '{"name":"this-host","allowedIps":["127.0.0.1","::1"]}')"
check "a token allowlisted elsewhere is refused like an unknown one" \
  "$(status "$proxy" -H "Authorization: Bearer $elsewhere_token")" "401"
check "a token allowlisted for this address passes" "$(status "$proxy" -H "Authorization: Bearer $here_token")" "200"
me="$(curl -s "http://127.0.0.1:$LATCHKEY_PORT/api/v1/me" -H "Authorization: Bearer $token")"
id="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["token"]["id"])' "$me")"
curl -s -o /dev/null -X POST "http://127.0.0.1:$LATCHKEY_PORT/api/v1/tokens/$id/revoke" -H "Authorization: Bearer $token"
check "a revoked token is refused" "$(curl -s -o /dev/null -w '%{http_code}' "$proxy" -H "Authorization: Bearer $token")" "401"

echo "nginx example: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
