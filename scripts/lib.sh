# Shared by the benchmark scripts: a Java 21+ runtime, the jar, scratch databases, servers.
# Everything listens on and talks to loopback only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_HOST=127.0.0.1
PG_USER=${PG_USER:-postgres}

java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

find_java() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      version="$(java_version "$candidate")"
      if [[ "${version%%.*}" =~ ^[0-9]+$ && "${version%%.*}" -ge 21 ]]; then
        echo "$candidate"; return 0
      fi
    fi
  done
  echo "no Java 21 or newer found; install one or set JAVA_HOME" >&2
  return 1
}

JAVA="$(find_java)"

build_jar() {
  if [[ ! -f "$ROOT/target/latchkey.jar" ]]; then
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  fi
}

# ensure_database NAME [fresh]: creates the scratch database; with "fresh", drops it first.
ensure_database() {
  if [[ "${2:-}" == fresh ]]; then
    dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$1"
  fi
  if [[ -z "$(psql -h "$PG_HOST" -U "$PG_USER" -d postgres -Atc "select 1 from pg_database where datname = '$1'")" ]]; then
    createdb -h "$PG_HOST" -U "$PG_USER" "$1"
  fi
}

# wait_healthy PORT: up to 60 s for /actuator/health to answer.
wait_healthy() {
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "server on port $1 did not become healthy" >&2
  return 1
}

PIDS=()
stop_servers() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

machine_summary() {
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc:   $(nproc)"
  echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "java:    $("$JAVA" -version 2>&1 | head -1)"
  echo "uptime:  $(uptime)"
}
