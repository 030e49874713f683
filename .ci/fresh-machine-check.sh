#!/usr/bin/env bash
# The README's two commands on a machine with only Java (issue 17), checked here: in a network
# namespace of its own (loopback only, so nothing answers on 5432 and no registry is reachable),
# on a fresh copy of the committed tree (no target/, no data/), with the Maven repository as it is:
#
#   1. ./mvnw -o spring-boot:run   POST /series with sunspots.csv answers 201 (embedded PostgreSQL)
#   2. the same again              the series is still there after the restart
#   3. ./mvnw -o verify            passes (SKIP_VERIFY=1 leaves it out)
#
# Prints the seconds each step took and Spring's own start-up time (goal: under 20 s with the
# embedded database). Needs root (unshare -n), ip, curl; the Maven repository filled by an earlier
# online build. Usage: .ci/fresh-machine-check.sh   (PORT=18084, VERIFY_TIMEOUT=3600 seconds)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${PORT:-18084}"
VERIFY_TIMEOUT="${VERIFY_TIMEOUT:-3600}"

if [ -z "${FRESH_MACHINE_NETNS:-}" ]; then
  WORK="$(mktemp -d /tmp/fresh-machine.XXXXXX)"
  chmod 755 "$WORK"
  git -C "$ROOT" archive HEAD | tar -x -C "$WORK"
  echo "fresh copy of $(git -C "$ROOT" rev-parse --short HEAD) in $WORK; load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  status=0
  FRESH_MACHINE_NETNS=1 WORK="$WORK" unshare -n bash "$0" "$@" || status=$?
  [ "$status" -eq 0 ] && rm -rf "$WORK" || echo "kept $WORK for a look"
  exit "$status"
fi

# ---- inside the network namespace ----
ip link set lo up
cd "$WORK"
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD TEST_DATABASE_URL DOCKER_HOST
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "FAIL: something answers on 127.0.0.1:5432 inside the namespace"; exit 1
fi
echo "network namespace: $(ip -brief addr | tr -s ' ' | tr '\n' ';') nothing on 5432"

APP_PID=""
MVN_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
  fi
  [ -n "$MVN_PID" ] && wait "$MVN_PID" 2>/dev/null || true
  APP_PID=""
  MVN_PID=""
}
trap stop_app EXIT

# starts ./mvnw -o spring-boot:run and waits for readiness; WALL: the seconds until then
WALL=""
run_app() {
  local log="$1" start
  start=$(date +%s%N)
  SERVER_PORT="$PORT" ./mvnw -B -o spring-boot:run >"$log" 2>&1 &
  MVN_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
      APP_PID=$(pgrep -P "$MVN_PID" java | head -n 1)
      WALL=$(( ($(date +%s%N) - start) / 1000000 ))
      WALL="$(( WALL / 1000 )).$(printf %03d $(( WALL % 1000 )))"
      return 0
    fi
    kill -0 "$MVN_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "FAIL: the service did not start; the end of $log:" >&2
  tail -n 40 "$log" >&2
  return 1
}

spring_startup() { grep -o 'Started ForecastApplication in [0-9.]* seconds' "$1" | grep -o '[0-9.]*' | head -n 1; }

# 1. first start: initdb, Flyway, upload
run_app run1.log
grep -q 'EMBEDDED PostgreSQL' run1.log || { echo "FAIL: no embedded-database notice in the log"; exit 1; }
code=$(curl -s -o upload.json -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/series?name=sunspots" \
  -H 'Content-Type: text/csv' --data-binary @src/test/resources/data/sunspots.csv)
[ "$code" = 201 ] || { echo "FAIL: POST /series answered $code: $(cat upload.json)"; exit 1; }
id=$(grep -o '"id":[0-9]*' upload.json | head -n 1 | cut -d: -f2)
echo "first start:  ready after ${WALL} s (mvnw, compile included), Spring started in $(spring_startup run1.log) s; POST /series -> 201, series $id"
stop_app
[ ! -e data/postgres/postmaster.pid ] || { echo "FAIL: the embedded PostgreSQL was left running"; exit 1; }

# 2. restart: the series is still there
run_app run2.log
code=$(curl -s -o series.json -w '%{http_code}' "http://127.0.0.1:$PORT/series/$id")
grep -q '"name":"sunspots"' series.json && grep -q '"length":3235' series.json && [ "$code" = 200 ] \
  || { echo "FAIL: after the restart GET /series/$id answered $code: $(cat series.json)"; exit 1; }
echo "restart:      ready after ${WALL} s, Spring started in $(spring_startup run2.log) s; GET /series/$id -> 200, sunspots, 3235 points"
grep -o 'EMBEDDED PostgreSQL.*started in [0-9]* ms[^.]*' run2.log | sed 's/^/              /' | head -n 1
stop_app

# 3. the tests
if [ -n "${SKIP_VERIFY:-}" ]; then
  echo "verify:       skipped (SKIP_VERIFY)"; exit 0
fi
start=$(date +%s)
status=0
timeout "$VERIFY_TIMEOUT" ./mvnw -B -o verify >verify.log 2>&1 || status=$?
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' verify.log | tail -n 1
grep -E 'Skipped: [1-9].* -- in ' verify.log | sed 's/^.* -- in /              skipped in: /' || true
echo "verify:       exit $status after $(( $(date +%s) - start )) s; load now $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" -eq 0 ] || { grep -E 'FAIL|ERROR\]' verify.log | head -n 30; exit 1; }
echo "fresh-machine check passed"
