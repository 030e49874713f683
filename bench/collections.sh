#!/usr/bin/env bash
# Collections on M3 (issue 19), one command:
#
#   bench/collections.sh [--method theta] [--check-every 30] [--data DIR]
#
# Builds the jar (unless SKIP_BUILD=1), starts the service on port PORT (18083) against a fresh local
# PostgreSQL database BENCH_DATABASE (bench_collections, dropped and created), converts the training
# parts of the 3003 M3 series (DIR, default ../shared/data/m3 from the repository root; see its
# SOURCES.md) to one long table (unique_id,ds,y on each series' calendar, as bench/m3.sh uploads them)
# and sends it in ONE POST /collections (goal: under 10 s on 2 cores); then forecasts every member with
# METHOD (theta) in ONE GET /collections/{id}/forecast (CSV, horizon 18, each series scored on its
# competition horizon; goal: under 30 s), checks every N-th member (30) against a single GET /forecast
# (same values and 80%/95% intervals), and prints the sMAPE against the test parts beside the original
# THETA's on the same series; then backtests every member with naive, seasonal_naive and METHOD in one
# GET /collections/{id}/evaluation (one step ahead over each series' last tenth) and prints its wall
# time and the per-method summary. APP_ARGS adds service arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-18083}
HOST=${PGHOST_ADDR:-127.0.0.1}
DB=${BENCH_DATABASE:-bench_collections}
URL="jdbc:postgresql://$HOST:5432/$DB"
DATA=../shared/data/m3
METHOD=theta
CHECK_EVERY=30
while [ $# -gt 0 ]; do
  case "$1" in
    --method) METHOD=$2; shift 2;;
    --check-every) CHECK_EVERY=$2; shift 2;;
    --data) DATA=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option $1 (see bench/collections.sh --help)"; exit 2;;
  esac
done
[ -f "$DATA/m3.csv" ] && [ -f "$DATA/m3_participants.csv" ] \
  || { echo "no m3.csv and m3_participants.csv in $DATA (pass --data DIR)"; exit 1; }
DATA=$(cd "$DATA" && pwd)

need curl curl
need psql postgresql-client
need java openjdk-17-jdk-headless

STARTED=$(date +%s)
pg_isready -h "$HOST" -q || { echo "PostgreSQL does not answer on $HOST"; exit 1; }
dropdb -h "$HOST" -U postgres --if-exists --force "$DB"
createdb -h "$HOST" -U postgres "$DB"

if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/forecast-service-*.jar >/dev/null 2>&1; then
  echo "building the service jar and the benchmark client..."
  ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)

LOG=$(mktemp -t collections-bench.XXXXXX.log)
FORECAST_WORKER_ENABLED=false java -Xmx1g -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$URL" \
  --logging.level.root=WARN ${APP_ARGS:-} >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$APP" "$LOG" 180

./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.CollectionsBenchmark \
  -Dexec.args="--base $BASE --data $DATA --method $METHOD --check-every $CHECK_EVERY"

echo
echo "bench/collections.sh took $(( $(date +%s) - STARTED )) s in all (build, start, upload, forecasts); service log: $LOG"
