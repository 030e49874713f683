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
start_m3_service m3

METHOD_LIST=$(IFS=,; echo "${METHODS[*]}")
./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.M3Benchmark \
  -Dexec.args="--base $BASE --data $DATA --methods $METHOD_LIST --clients $CLIENTS --every $EVERY --period ${PERIOD:-ALL} --warmup ${WARMUP:-all}"

echo
echo "bench/m3.sh took $(( $(date +%s) - STARTED )) s in all (build, start, upload, forecasts); service log: $LOG"
