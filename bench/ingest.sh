#!/usr/bin/env bash
# Ingest benchmark (issue 2): a 1,000,000-point CSV uploaded through POST /series against the same
# rows loaded with COPY (psql) into a scratch table, side by side in one run; then the whole series
# read back through the service's storage code against a plain SELECT of the same values.
# Goals: upload <= 2.0x COPY, read-back <= 2.0x SELECT.
#
# Usage: bench/ingest.sh            (env: BENCH_DB=forecast_bench_ingest PGHOST=127.0.0.1 PGUSER=postgres
#                                    BENCH_PORT=18081 BENCH_POINTS=1000000 BENCH_ROUNDS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DB=${BENCH_DB:-forecast_bench_ingest}
HOST=${PGHOST:-127.0.0.1}
USER_NAME=${PGUSER:-postgres}
PORT=${BENCH_PORT:-18081}
POINTS=${BENCH_POINTS:-1000000}
ROUNDS=${BENCH_ROUNDS:-3}
OUT=bench/out
mkdir -p "$OUT"
CSV="$OUT/ingest-$POINTS.csv"
URL="jdbc:postgresql://$HOST:5432/$DB"
psql_db() { psql -X -q -h "$HOST" -U "$USER_NAME" -d "$DB" "$@"; }

echo "== building the service jar"
./mvnw -q -B -DskipTests package
JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)

echo "== fresh database $DB"
dropdb -h "$HOST" -U "$USER_NAME" --if-exists --force "$DB"
createdb -h "$HOST" -U "$USER_NAME" "$DB"

if [ ! -s "$CSV" ]; then
  echo "== generating $POINTS hourly points in $CSV"
  # Plain POSIX awk (no strftime): hourly points from 2000-01-01, civil date from the day number.
  awk -v n="$POINTS" 'function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
      z += 719468; era = int(z / 146097); doe = z - era * 146097;
      yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365);
      y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100)); mp = int((5 * doy + 2) / 153);
      d = doy - int((153 * mp + 2) / 5) + 1; m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y++;
      return sprintf("%04d-%02d-%02d", y, m, d) }
    BEGIN {
    print "time,value"; srand(42);
    for (i = 0; i < n; i++) {
      day = 10957 + int(i / 24);
      printf "%s %02d:00:00,%.4f\n", civil(day), i % 24, 100 + 50 * sin(i / 24.0) + rand() * 10;
    }
  }' > "$CSV"
fi
ls -l "$CSV" | awk '{printf "   %s bytes\n", $5}'

echo "== starting the service on port $PORT"
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$USER_NAME" SERVER_PORT="$PORT" \
  FORECAST_WORKER_ENABLED=false java -Xmx2g -jar "$JAR" > "$OUT/ingest-service.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
wait_healthy "http://127.0.0.1:$PORT" "$APP" "$OUT/ingest-service.log" 120

psql_db -c "create table bench_points (t timestamp not null, v double precision not null)"

upload_times=(); copy_times=(); series_id=""
for round in $(seq 1 "$ROUNDS"); do
  psql_db -c "truncate bench_points"
  start=$(date +%s.%N)
  answer=$(curl -fs -X POST -H 'Content-Type: text/csv' --data-binary @"$CSV" \
    "http://127.0.0.1:$PORT/series?name=bench-$round")
  end=$(date +%s.%N)
  upload_times+=("$(echo "$end - $start" | bc -l)")
  series_id=$(echo "$answer" | sed -E 's/.*"id":([0-9]+).*/\1/')
  start=$(date +%s.%N)
  psql_db -c "\\copy bench_points (t, v) from '$CSV' with (format csv, header true)"
  end=$(date +%s.%N)
  copy_times+=("$(echo "$end - $start" | bc -l)")
  printf "   round %d: upload %.3f s, COPY %.3f s\n" "$round" "${upload_times[-1]}" "${copy_times[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
up=$(median "${upload_times[@]}")
cp=$(median "${copy_times[@]}")
length=$(curl -fs "http://127.0.0.1:$PORT/series/$series_id" | sed -E 's/.*"length":([0-9]+).*/\1/')
[ "$length" = "$POINTS" ] || { echo "stored length $length != $POINTS"; exit 1; }

echo "== results ($POINTS points, medians of $ROUNDS rounds)"
printf "upload through POST /series: %.3f s\n" "$up"
printf "COPY into a scratch table:   %.3f s\n" "$cp"
printf "upload ratio service/COPY: %.2f (goal <= 2.0)\n" "$(echo "$up / $cp" | bc -l)"

kill $APP 2>/dev/null || true
echo "== reading the series back"
./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.forecast.bench.SeriesReadBenchmark \
  -Dexec.args="$URL $USER_NAME $series_id $POINTS bench_points"
