#!/usr/bin/env bash
# Worker memory benchmark, one command: bench/worker-rss.sh
#
# Starts the fat jar as the README says (java -jar, no memory flags) on its own port and database, uploads
# a small series and trains $RUNS (30) small runs one after another on one worker. After each run it prints
# the resident memory (RSS) of the service process and the peak RSS of the training process (the child JVM
# that trains the run, sampled every 0.2 s; none with ISOLATION=thread), then the ratio of the service's RSS
# after the last run to that after the first (goal: <= 1.2, memory bounded over many runs).
#
# Environment: RUNS (30), EPOCHS (2), PORT (18093), BENCH_DB (bench_worker_rss, recreated),
#              ISOLATION (process; thread trains in the service's JVM, for comparison), MODEL (conv_lstm).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

RUNS=${RUNS:-30}
EPOCHS=${EPOCHS:-2}
PORT=${PORT:-18093}
BENCH_DB=${BENCH_DB:-bench_worker_rss}
ISOLATION=${ISOLATION:-process}
MODEL=${MODEL:-conv_lstm}

# (re)build the jar when it is missing or older than the sources
JAR=$(ls target/forecast-service-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -type f | head -n 1)" ]; then
  ./mvnw -q -B -o -DskipTests package
  JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)
fi

dropdb -h 127.0.0.1 -U postgres --if-exists --force "$BENCH_DB"
createdb -h 127.0.0.1 -U postgres "$BENCH_DB"

LOG=$(mktemp /tmp/bench-worker-rss.XXXXXX.log)
java -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
  --forecast.worker.threads=1 --forecast.worker.isolation="$ISOLATION" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$PID" "$LOG" 180

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
children_mb() { # the summed RSS of the service's child processes (the training JVM)
  local total=0 kb
  for kb in $(ps --ppid "$PID" -o rss= 2>/dev/null); do total=$((total + kb)); done
  echo $((total / 1024))
}

VALUES=$(python3 -c "import math; print(','.join('%.3f' % (50 + 30 * math.sin(i * 2 * math.pi / 12) + (i * 7 % 5)) for i in range(300)))")
SERIES=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"name\":\"rss\",\"start\":\"1970-01-31\",\"frequency\":\"MONTHLY\",\"values\":[$VALUES]}" "$BASE/series" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
SPEC="{\"series\": $SERIES, \"model\": \"$MODEL\", \"epochs\": $EPOCHS, \"earlyStopping\": {\"patience\": 0}}"

echo "java -jar (no memory flags), isolation $ISOLATION: $RUNS runs of $MODEL, $EPOCHS epochs, on a 300-point series"
echo "service RSS before the first run: $(rss_mb "$PID") MB"
printf '%4s  %-9s  %7s  %16s  %22s\n' run status seconds "service RSS, MB" "training process peak"
FIRST=0 LAST=0 PEAK_CHILD=0
for n in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  run=$(curl -fs -H 'Content-Type: application/json' -d "$SPEC" "$BASE/train" |
    python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  peak=0 i=0 status=QUEUED
  while :; do
    c=$(children_mb); [ "$c" -gt "$peak" ] && peak=$c
    if [ $((i % 5)) -eq 0 ]; then
      status=$(curl -fs "$BASE/runs/$run" | grep -o '"status":"[A-Z]*"' | head -n 1 | cut -d'"' -f4)
      case $status in SUCCEEDED|FAILED|CANCELLED) break ;; esac
    fi
    i=$((i + 1))
    sleep 0.2
  done
  seconds=$(python3 -c "import time; print('%.1f' % (time.time() - $start))")
  rss=$(rss_mb "$PID")
  [ "$n" -eq 1 ] && FIRST=$rss
  LAST=$rss
  [ "$peak" -gt "$PEAK_CHILD" ] && PEAK_CHILD=$peak
  child=$([ "$ISOLATION" = thread ] && echo "-" || echo "$peak MB")
  printf '%4d  %-9s  %7s  %16s  %22s\n' "$n" "$status" "$seconds" "$rss" "$child"
done
python3 -c "print('service RSS after run 1: $FIRST MB, after run $RUNS: $LAST MB, ratio last/first %.2f (goal <= 1.2);' % ($LAST / $FIRST), 'training process peak: $PEAK_CHILD MB')"
