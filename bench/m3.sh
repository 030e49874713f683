#!/usr/bin/env bash
# Forecast accuracy on the M3 competition (issue 14), one command:
#
#   bench/m3.sh [METHOD ...] [--every N] [--period YEARLY,MONTHLY] [--clients N] [--data DIR] [--warmup N]
#
# Builds the jar (unless SKIP_BUILD=1), starts the service on port PORT (18082) against a fresh local
# PostgreSQL database BENCH_DATABASE (bench_m3, dropped and created), uploads the training parts of
# the 3003 M3 series (DIR, default ../shared/data/m3 from the repository root; see its SOURCES.md)
# through POST /series, one series per M3 id on a calendar of its frequency (yearly and "other":
# YEARLY, quarterly: QUARTERLY, monthly: MONTHLY, from the published start; year 1 becomes 2000),
# then forecasts every series at its competition horizon with each METHOD through GET /forecast
# with --clients (4) concurrent clients, and scores the forecasts against the test parts with the
# competition's sMAPE. Prints one Markdown table: the mean sMAPE per period (ALL, YEARLY,
# QUARTERLY, MONTHLY, OTHER) of each of the service's methods beside the 24 original participants
# (computed from m3_participants.csv on the same series), sorted by ALL; then each method's wall
# time for all its forecasts, the series it failed on (with the first errors) and the methods the
# service does not know ("not available": skipped). Methods default to naive, seasonal_naive,
# theta, ets, arima and auto. --every N keeps every N-th series (N0001, N0001+N, ...) and --period
# one or more periods, for quick checks; the participants are then scored on the same subset. Before
# the timed runs, --warmup (all) series are forecast once with a method no run asks for
# (moving_average, window 1): the JIT and PostgreSQL's cache are then warm for every method alike,
# and no timed forecast is a hit of the service's fitted-forecast cache. A METHOD may carry
# parameters: 'moving_average&window=3'.
# APP_ARGS adds service arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-18082}
HOST=${PGHOST_ADDR:-127.0.0.1}
DB=${BENCH_DATABASE:-bench_m3}
URL="jdbc:postgresql://$HOST:5432/$DB"
DATA=../shared/data/m3
CLIENTS=4
EVERY=1
PERIOD=
WARMUP=
METHODS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --every) EVERY=$2; shift 2;;
    --period) PERIOD=$2; shift 2;;
    --clients) CLIENTS=$2; shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --data) DATA=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) echo "unknown option $1 (see bench/m3.sh --help)"; exit 2;;
    *) METHODS+=("$1"); shift;;
  esac
done
[ ${#METHODS[@]} -gt 0 ] || METHODS=(naive seasonal_naive theta ets arima auto)
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

LOG=$(mktemp -t m3-bench.XXXXXX.log)
FORECAST_WORKER_ENABLED=false java -Xmx1g -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$URL" \
  --logging.level.root=WARN ${APP_ARGS:-} >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$APP" "$LOG" 180

METHOD_LIST=$(IFS=,; echo "${METHODS[*]}")
./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.M3Benchmark \
  -Dexec.args="--base $BASE --data $DATA --methods $METHOD_LIST --clients $CLIENTS --every $EVERY --period ${PERIOD:-ALL} --warmup ${WARMUP:-all}"

echo
echo "bench/m3.sh took $(( $(date +%s) - STARTED )) s in all (build, start, upload, forecasts); service log: $LOG"
