#!/usr/bin/env bash
# Load benchmark of GET /forecast against GET /actuator/health, side by side in one run.
#
#   bench/forecast-load.sh
#
# Builds the jar (unless SKIP_BUILD=1), starts the service against a local PostgreSQL database
# (BENCH_DATABASE, default forecast_bench, created when missing), uploads sunspots, then drives
# each endpoint the same way with wrk: CONNECTIONS (50) concurrent connections for DURATION (20s)
# after a short warm-up. Prints both throughputs, p50/p99 latencies and the ratio
# forecast/health (goal >= 0.5). APP_ARGS adds service arguments, for example
# APP_ARGS=--forecast.forecast.cache-values=0 to measure without the fitted-forecast cache.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PORT=${PORT:-18083}
PGHOST_ADDR=${PGHOST_ADDR:-127.0.0.1}
PGPORT_NUM=${PGPORT_NUM:-5432}
DB=${BENCH_DATABASE:-forecast_bench}
DATA=src/test/resources/data/sunspots.csv

need wrk wrk
need curl curl
need psql postgresql-client
need java openjdk-17-jdk-headless

pg_isready -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -q || { echo "PostgreSQL does not answer on $PGHOST_ADDR:$PGPORT_NUM"; exit 1; }
if ! psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  createdb -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres "$DB"
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/forecast-service-*.jar >/dev/null 2>&1; then
  ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)

LOG=$(mktemp -t forecast-bench.XXXXXX.log)
java -Xmx1g -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST_ADDR:$PGPORT_NUM/$DB" \
  --logging.level.root=WARN ${APP_ARGS:-} >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT

BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$APP" "$LOG" 120

ID=$(curl -fs -H 'Content-Type: text/csv' --data-binary @"$DATA" "$BASE/series?name=sunspots-bench" \
  | sed -E 's/.*"id":([0-9]+).*/\1/')
FORECAST="$BASE/forecast?series=$ID&method=naive&horizon=12"
curl -fs "$FORECAST" >/dev/null || { echo "GET /forecast failed"; curl -s "$FORECAST"; exit 1; }
HEALTH="$BASE/actuator/health"

run() { # url -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1"
}
rps() { awk '/^Requests\/sec:/ {print $2}'; }
pct() { # percentile label (50%, 99%) -> latency in ms
  awk -v p="$1" '$1 == p {
    v = $2; unit = v; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", v);
    if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000;
    printf "%.2f", v }'
}
errors() { awk '/Non-2xx|Socket errors/ {print}'; }

echo "warming up ($WARMUP each)..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$FORECAST" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$HEALTH" >/dev/null

echo "measuring: $CONNECTIONS connections, $DURATION each, $(nproc) cores shared by wrk, the service and PostgreSQL"
F=$(run "$FORECAST")
H=$(run "$HEALTH")

F_RPS=$(echo "$F" | rps); H_RPS=$(echo "$H" | rps)
printf '\n%-34s %12s %10s %10s\n' endpoint "requests/s" "p50 ms" "p99 ms"
printf '%-34s %12s %10s %10s\n' "GET /forecast (naive, h=12)" "$F_RPS" "$(echo "$F" | pct 50%)" "$(echo "$F" | pct 99%)"
printf '%-34s %12s %10s %10s\n' "GET /actuator/health" "$H_RPS" "$(echo "$H" | pct 50%)" "$(echo "$H" | pct 99%)"
echo "$F" | errors | sed 's/^/forecast: /'
echo "$H" | errors | sed 's/^/health: /'
awk -v f="$F_RPS" -v h="$H_RPS" 'BEGIN { r = f / h; printf "\nratio forecast/health: %.2f (goal >= 0.5: %s)\n", r, (r >= 0.5 ? "met" : "NOT met") }'

curl -fs -X DELETE "$BASE/series/$ID" >/dev/null || true
