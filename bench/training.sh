#!/usr/bin/env bash
# Training benchmark, one command: bench/training.sh
#
# In one run, on sunspots (2940 training windows of 60, 235 validation windows):
#   1. the service (fat jar, bounded memory flags) trains the default model for $EPOCHS epochs through
#      POST /train (early stopping off), while the peak RSS of the service process and its training
#      process is sampled;
#   2. the same network, data and batch size trained by a bare DL4J fit(iterator, epochs) loop
#      (dev.forecast.model.training.BareFitBenchmark, a test-scope main, run on the jar's classes and
#      dependencies with the same JVM flags);
#   3. with ACCURACY=1, a run with nothing but the series id (the defaults) for the accuracy goal.
# Prints samples/s of both sides, their ratio (goal >= 0.9), seconds per epoch and peak RSS (goal < 1.5 GB).
#
# Environment: EPOCHS (40), PORT (18089), BENCH_DB (bench_training, recreated), ACCURACY (0),
#              JAVA_OPTS (the memory flags below).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

EPOCHS=${EPOCHS:-40}
PORT=${PORT:-18089}
BENCH_DB=${BENCH_DB:-bench_training}
ACCURACY=${ACCURACY:-0}
DATA=src/test/resources/data/sunspots.csv
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -Dorg.bytedeco.javacpp.maxbytes=512m -Dorg.bytedeco.javacpp.maxphysicalbytes=1200m"}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

JAR=$(ls target/forecast-service-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)
fi

dropdb -h 127.0.0.1 -U postgres --if-exists --force "$BENCH_DB"
createdb -h 127.0.0.1 -U postgres "$BENCH_DB"

LOG=$(mktemp /tmp/bench-training.XXXXXX.log)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" --forecast.worker.threads=1 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$PID" "$LOG" 120

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
# the service and its training process (forecast.worker.isolation: process trains in a child JVM)
rss_kb() {
  local total kb
  total=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
  for kb in $(ps --ppid "$PID" -o rss= 2>/dev/null); do total=$((total + kb)); done
  echo "$total"
}

SERIES=$(curl -fs -H 'Content-Type: text/csv' --data-binary @"$DATA" "$BASE/series?name=sunspots" | json "d['id']")

# Trains one run and waits for it, sampling RSS; prints the final run JSON.
train() {
  local run peak=0 rss status
  run=$(curl -fs -H 'Content-Type: application/json' -d "$1" "$BASE/train" | json "d['id']")
  # cheap polling (no python per sample): RSS every 0.5 s, the run's status every 2 s
  local i=0
  while :; do
    rss=$(rss_kb); [ "$rss" -gt "$peak" ] && peak=$rss
    if [ $((i % 4)) -eq 0 ]; then
      status=$(curl -fs "$BASE/runs/$run" | grep -o '"status":"[A-Z]*"' | head -n 1 | cut -d'"' -f4)
      case $status in SUCCEEDED|FAILED|CANCELLED) break ;; esac
    fi
    i=$((i + 1))
    sleep 0.5
  done
  echo "$peak" >"$LOG.peak"
  curl -fs "$BASE/runs/$run"
}

echo "service: training the default model for $EPOCHS epochs through POST /train ..."
RUN=$(train "{\"series\": $SERIES, \"epochs\": $EPOCHS, \"earlyStopping\": {\"patience\": 0}}")
PEAK_KB=$(cat "$LOG.peak")
read -r S_STATUS S_WALL S_EPOCH S_MEDIAN S_MAE S_BEST S_BATCH < <(echo "$RUN" | python3 -c "
import json,sys,datetime,statistics
d=json.load(sys.stdin)
p=lambda s: datetime.datetime.fromisoformat(s.replace('Z','+00:00'))
wall=(p(d['finishedAt'])-p(d['startedAt'])).total_seconds()
secs=[c['seconds'] for c in d['curve']] or [0]
m=d.get('metrics') or {}
print(d['status'], wall, sum(secs)/len(secs), statistics.median(secs), m.get('valMae'), m.get('bestEpoch'), d['spec']['batchSize'])")

if [ "$ACCURACY" = "1" ]; then
  echo "service: a run with only the series id (the defaults) ..."
  ACC=$(train "{\"series\": $SERIES}")
  echo "$ACC" | python3 -c "
import json,sys,datetime
d=json.load(sys.stdin); m=d.get('metrics') or {}
p=lambda s: datetime.datetime.fromisoformat(s.replace('Z','+00:00'))
print('defaults: status=%s valMae=%s bestEpoch=%s epochsRun=%d wall=%.0f s (goal: valMae <= 15.0 within 600 s)' % (d['status'], m.get('valMae'), m.get('bestEpoch'), len(d['curve']), (p(d['finishedAt'])-p(d['startedAt'])).total_seconds()))"
fi
kill $PID; wait $PID 2>/dev/null || true
trap - EXIT

echo "bare: the same network in a plain DL4J fit loop ..."
# shellcheck disable=SC2086
# benchmark mains live in src/test: exec:exec starts a plain java with the test class path
BARE=$(./mvnw -q -B test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="$JAVA_OPTS -cp %classpath dev.forecast.model.training.BareFitBenchmark $DATA $EPOCHS $S_BATCH 1" \
  2>/dev/null | grep '^bare')
B_RATE=$(echo "$BARE" | sed -E 's/.*samples\/s=([0-9.]+).*/\1/')
B_EPOCH=$(echo "$BARE" | sed -E 's/.* seconds\/epoch=([0-9.]+).*/\1/')
B_MEDIAN=$(echo "$BARE" | sed -E 's/.*median-seconds\/epoch=([0-9.]+).*/\1/')
B_MAE=$(echo "$BARE" | sed -E 's/.*valMae=([0-9.]+).*/\1/')

python3 - "$EPOCHS" "$S_STATUS" "$S_WALL" "$S_EPOCH" "$S_MEDIAN" "$S_MAE" "$S_BEST" "$B_RATE" "$B_EPOCH" "$B_MEDIAN" "$B_MAE" "$PEAK_KB" <<'PY'
import sys
epochs, status, wall, s_epoch, s_median, s_mae, s_best, b_rate, b_epoch, b_median, b_mae, peak = sys.argv[1:]
epochs = int(epochs); windows = 2940
s_rate = windows * epochs / float(wall)
print(f"service: status={status} samples/s={s_rate:.1f} (run wall time {float(wall):.1f} s incl. claim, validation, "
      f"curve writes, model save) seconds/epoch={float(s_epoch):.2f} median={float(s_median):.2f} "
      f"valMae(best epoch {s_best})={s_mae}")
print(f"bare:    samples/s={float(b_rate):.1f} seconds/epoch={float(b_epoch):.2f} median={float(b_median):.2f} "
      f"valMae(last epoch)={b_mae}")
print(f"ratio service/bare samples/s = {s_rate / float(b_rate):.3f} over the whole runs (goal >= 0.9)")
print(f"ratio of median epoch times bare/service = {float(b_median) / float(s_median):.3f} "
      f"(robust to load spikes from other processes; the service's epochs include validation)")
print(f"peak RSS of the service over the {epochs}-epoch run = {int(peak) / 1024:.0f} MB (goal < 1536 MB)")
PY
