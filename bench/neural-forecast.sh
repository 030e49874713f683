#!/usr/bin/env bash
# Neural forecast serving benchmark (issue 6), one command:
#
#   bench/neural-forecast.sh
#
# Builds the jar (unless SKIP_BUILD=1), starts the service against a local PostgreSQL database
# (BENCH_DATABASE, default forecast_bench_neural, created when missing), uploads sunspots and trains
# (or reuses, when that database already has them) two conv_lstm models through POST /train: one
# with horizon 12 (12 steps in one pass) and one with horizon 1 (12 steps = 12 recursive passes),
# EPOCHS (2) epochs each: enough for a speed measurement. Then, for each model,
# GET /forecast?method=neural&horizon=12&run=... with CONNECTIONS (8) concurrent clients (wrk) for
# DURATION (20s) after warming up (see JIT_WARMUP); then, in the same run and with the service
# stopped, the bare network (restored from the same stored bytes) computing the same 12-step
# forecast in a loop for as long: one thread with one network, two threads with a network each,
# and, for reference, the h12 model through DL4J's own output (as serving ran before the JVM pass).
# Prints p50/p99 and throughputs, the ratios service/bare (goal >= 0.7), the p50 of the horizon-12
# model (goal <= 30 ms) and the service's resident memory after the warm-up and after every request
# that followed (the heap is fixed and pre-touched, so growth is native memory). APP_ARGS adds service
# arguments (e.g. --forecast.neural.max-batch=1).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION=${DURATION:-20}
# On 2 cores the JIT takes about three minutes of this load to settle (C2 compiles Spring's request
# path on the same cores; measured h12 p50 with 8 clients: 46 ms after 5 s of load, 37 ms after 60 s,
# 28 ms after 2 min, 24 ms after 3 min and flat after): JIT_WARMUP seconds of load come first, then
# WARMUP seconds per model.
JIT_WARMUP=${JIT_WARMUP:-180}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-8}
EPOCHS=${EPOCHS:-2}
PORT=${PORT:-18086}
HOST=${PGHOST_ADDR:-127.0.0.1}
DB=${BENCH_DATABASE:-forecast_bench_neural}
URL="jdbc:postgresql://$HOST:5432/$DB"
DATA=src/test/resources/data/sunspots.csv
NAME=sunspots-neural-bench

need wrk wrk
need curl curl
need psql postgresql-client
need jq jq

pg_isready -h "$HOST" -q || { echo "PostgreSQL does not answer on $HOST"; exit 1; }
if ! psql -h "$HOST" -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  createdb -h "$HOST" -U postgres "$DB"
fi
sql() { psql -X -q -h "$HOST" -U postgres -d "$DB" -tAc "$1" 2>/dev/null || true; }

if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/forecast-service-*.jar >/dev/null 2>&1; then
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B test-compile
fi
JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)

LOG=$(mktemp -t neural-bench.XXXXXX.log)
# one OpenMP thread per op: parallelism comes from the inference threads (see docs/neural.md)
# a fixed, pre-touched heap: resident memory then grows only if native memory does
OMP_NUM_THREADS=1 java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dorg.bytedeco.javacpp.maxbytes=1g \
  -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$URL" --logging.level.root=WARN \
  --logging.level.dev.forecast.training=INFO ${APP_ARGS:-} >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$APP" "$LOG" 180

SERIES=$(sql "select id from series where name = '$NAME' order by id desc limit 1")
if [ -z "$SERIES" ]; then
  SERIES=$(curl -fs -H 'Content-Type: text/csv' --data-binary @"$DATA" "$BASE/series?name=$NAME" | jq .id)
fi
run_for() { # horizon -> a succeeded conv_lstm run id, trained when missing
  local id
  id=$(sql "select id from training_run where series_id = $SERIES and status = 'SUCCEEDED'
            and spec->>'model' = 'conv_lstm' and (spec->>'horizon')::int = $1 order by id desc limit 1")
  if [ -z "$id" ]; then
    id=$(curl -fs -H 'Content-Type: application/json' "$BASE/train" -d "{\"series\": $SERIES, \"model\": \"conv_lstm\",
      \"horizon\": $1, \"epochs\": $EPOCHS, \"earlyStopping\": {\"patience\": 0}}" | jq .id)
    echo "training run $id (conv_lstm, horizon $1, $EPOCHS epochs)..." >&2
  fi
  echo "$id"
}
R12=$(run_for 12)
R1=$(run_for 1)
for run in $R12 $R1; do
  for _ in $(seq 1 1800); do
    status=$(curl -fs "$BASE/runs/$run" | jq -r .status)
    [ "$status" = SUCCEEDED ] && break
    case "$status" in FAILED|CANCELLED) echo "run $run $status"; curl -s "$BASE/runs/$run"; exit 1;; esac
    sleep 2
  done
done
echo "series $SERIES, runs: horizon 12 -> $R12, horizon 1 -> $R1"

pct() { # label (50.000%, 99.000%) -> ms, from wrk --latency
  awk -v p="$1" '$1 == p {
    v = $2; unit = v; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", v);
    if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000;
    printf "%.2f", v }'
}
declare -A SRPS SP50 SP99
echo "warming up: ${JIT_WARMUP}s of load, then ${WARMUP}s per model"
wrk -t2 -c"$CONNECTIONS" -d"${JIT_WARMUP}s" --timeout 30s "$BASE/forecast?series=$SERIES&method=neural&horizon=12&run=$R12" >/dev/null
RSS_WARM=$(( $(ps -o rss= -p "$APP") / 1024 ))
SERVED=0 # requests answered after the JIT warm-up
served() { awk '/requests in/ {print $1}'; }
for run in $R12 $R1; do
  FORECAST="$BASE/forecast?series=$SERIES&method=neural&horizon=12&run=$run"
  curl -fs "$FORECAST" >/dev/null || { echo "GET /forecast failed:"; curl -s "$FORECAST"; exit 1; }
  SERVED=$(( SERVED + $(wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s "$FORECAST" | served) ))
  OUT=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$FORECAST")
  if echo "$OUT" | grep -qE 'Non-2xx|Socket errors'; then echo "$OUT" | grep -E 'Non-2xx|Socket errors'; fi
  SERVED=$(( SERVED + $(echo "$OUT" | served) ))
  SRPS[$run]=$(echo "$OUT" | awk '/^Requests\/sec:/ {print $2}')
  SP50[$run]=$(echo "$OUT" | pct 50%)
  SP99[$run]=$(echo "$OUT" | pct 99%)
done
# one client alone: the latency of a forecast without queueing behind the other clients
ONE=$(wrk -t1 -c1 -d"${DURATION}s" --timeout 30s --latency "$BASE/forecast?series=$SERIES&method=neural&horizon=12&run=$R12")
ONE_RPS=$(echo "$ONE" | awk '/^Requests\/sec:/ {print $2}'); ONE_P50=$(echo "$ONE" | pct 50%); ONE_P99=$(echo "$ONE" | pct 99%)
SERVED=$(( SERVED + $(echo "$ONE" | served) ))
RSS_MB=$(( $(ps -o rss= -p "$APP") / 1024 ))
kill "$APP"; wait "$APP" 2>/dev/null || true

BARE_LOG=$(mktemp -t neural-bench-bare.XXXXXX.log)
if ! OMP_NUM_THREADS=1 ./mvnw -q -B exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.forecast.bench.NeuralForecastBenchmark \
  -Dexec.args="$URL postgres $DURATION 12 $SERIES $R12 $R1" >"$BARE_LOG" 2>&1; then
  echo "the bare side failed:"; tail -n 30 "$BARE_LOG"; exit 1
fi
BARE=$(grep '^bare ' "$BARE_LOG")

echo
echo "== 12-step neural forecasts of sunspots, $CONNECTIONS concurrent clients, ${DURATION}s each"
printf "%-26s %-34s %10s %9s %9s\n" model side "req/s" "p50 ms" "p99 ms"
for run in $R12 $R1; do
  label=$([ "$run" = "$R12" ] && echo "conv_lstm h12 (direct)" || echo "conv_lstm h1 (recursive)")
  printf "%-26s %-34s %10s %9s %9s\n" "$label" "service GET /forecast" "${SRPS[$run]}" "${SP50[$run]}" "${SP99[$run]}"
  while read -r _ r mode rps p50 p99; do
    side="bare network, $mode thread(s)"; [ "$mode" = dl4j ] && side="bare DL4J output, 1 thread"
    [ "$r" = "$run" ] && printf "%-26s %-34s %10s %9s %9s\n" "" "$side" "$rps" "$p50" "$p99"
  done <<< "$BARE"
done
echo
for run in $R12 $R1; do
  label=$([ "$run" = "$R12" ] && echo "h12" || echo "h1 ")
  one=$(echo "$BARE" | awk -v r="$run" '$2 == r && $3 == 1 {print $4}')
  two=$(echo "$BARE" | awk -v r="$run" '$2 == r && $3 == 2 {print $4}')
  printf "%s ratio service/bare: %.2f vs the 1-thread loop, %.2f vs 2 threads (goal >= 0.7)\n" "$label" \
    "$(echo "${SRPS[$run]} / $one" | bc -l)" "$(echo "${SRPS[$run]} / $two" | bc -l)"
done
printf "h12 service p50: %s ms with %s clients (goal <= 30 ms); one client alone: %s req/s, p50 %s ms, p99 %s ms\n" \
  "${SP50[$R12]}" "$CONNECTIONS" "$ONE_RPS" "$ONE_P50" "$ONE_P99"
printf "service resident memory: %s MB after the warm-up, %s MB after %s more requests (%+.1f KB per request;" \
  "$RSS_WARM" "$RSS_MB" "$SERVED" "$(echo "($RSS_MB - $RSS_WARM) * 1024 / $SERVED" | bc -l)"
echo " heap fixed at 512 MB)"
