#!/usr/bin/env bash
# A global neural model on the 1428 monthly M3 series (issue 19), one command, no service or database:
#
#   bench/global-model.sh [--validation] [--data DIR] [--threads 1] [--window N] [--units N] ...
#
# Trains a global model (GlobalTrainer, nbeats by default, settings from CollectionDefaults and
# GlobalTrainer.Options unless given: 5 networks for each of the lookbacks 36, 54 and 72, median)
# on the windows of the monthly training parts of ../shared/data/m3/m3.csv (DIR; see its SOURCES.md),
# forecasts the 18 points after each training part and prints the monthly sMAPE beside THETA's 13.89
# and the participants' monthly table, with the training wall time and the load average.
# --validation is the tuning split: the model sees each training part less its last 18 points and is
# scored on those 18 (beside naive and the service's theta on the same split); the test parts are not
# used. Other options (see GlobalModelBenchmark): --window --units --batch --epochs --per-member
# --floor --lr --loss --networks (of each lookback) --windows 36,54,72 --refit true --min-input --patience --holdout --seed. Compiles the test classes
# first unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
esac
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -o test-compile -Dspring-javaformat.skip=true
fi
echo "uptime: $(uptime)"
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}" ./mvnw -q -B exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.forecast.bench.GlobalModelBenchmark -Dexec.args="$*"
echo "uptime: $(uptime)"
