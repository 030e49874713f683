#!/usr/bin/env bash
# Collections on M3 (issue 19), one command:
#
#   bench/collections.sh [--method theta] [--check-every 30] [--data DIR] [--neural | --neural-only]
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
# time and the per-method summary. With --neural (after the above) or --neural-only (instead of it): the
# third goal, a GLOBAL neural model through the service as a user trains one: the 1428 monthly training
# parts as their own collection, one POST /train {"collection": id, "horizon": 18} with every other field
# at its default, the run followed epoch by epoch (goal: under 30 minutes on 2 cores), then one
# GET /collections/{id}/forecast?method=neural scored on the test parts, which the service never sees,
# beside the M3 participants' monthly sMAPE (goal: at most THETA's 13.89). APP_ARGS adds service
# arguments.
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
CLASSICAL=1
NEURAL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --method) METHOD=$2; shift 2;;
    --check-every) CHECK_EVERY=$2; shift 2;;
    --data) DATA=$2; shift 2;;
    --neural) NEURAL=1; shift;;
    --neural-only) NEURAL=1; CLASSICAL=0; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option $1 (see bench/collections.sh --help)"; exit 2;;
  esac
done
# the global model trains on the service's own worker (start_m3_service starts it without)
[ "$NEURAL" = 1 ] && APP_ARGS="${APP_ARGS:-} --forecast.worker.enabled=true"
start_m3_service collections

if [ "$CLASSICAL" = 1 ]; then
  ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.CollectionsBenchmark \
    -Dexec.args="--base $BASE --data $DATA --method $METHOD --check-every $CHECK_EVERY"
fi
if [ "$NEURAL" = 1 ]; then
  echo
  ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.GlobalCollectionBenchmark \
    -Dexec.args="--base $BASE --data $DATA"
fi

echo
echo "bench/collections.sh took $(( $(date +%s) - STARTED )) s in all (build, start, upload, forecasts); service log: $LOG"
