# Shared by the benchmark scripts: source it with  . bench/lib.sh  (the scripts run from the repository root)

# wait_healthy BASE_URL PID LOG [SECONDS]: waits until the service answers its readiness probe; stops
# the script with the tail of LOG when the process dies or SECONDS (180) pass first.
wait_healthy() {
  local base=$1 pid=$2 log=$3 limit=${4:-180}
  for _ in $(seq 1 "$limit"); do
    curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start:"; tail -50 "$log"; exit 1; }
    sleep 1
  done
  echo "the service is not ready after ${limit} s:"; tail -50 "$log"; exit 1
}

# need COMMAND PACKAGE: installs the Debian PACKAGE when COMMAND is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 (for $1)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y "$2" >/dev/null; else sudo apt-get install -y "$2" >/dev/null; fi
}

# start_m3_service NAME: for the M3 benchmarks. Checks DATA holds m3.csv and m3_participants.csv (and
# makes it absolute), installs what is missing, recreates the database DB on HOST, builds the jar
# unless SKIP_BUILD=1 (and one exists), and starts the service without workers on PORT against URL
# (APP_ARGS added). Sets STARTED, LOG (the service's log), APP (its pid, stopped on exit) and BASE.
start_m3_service() {
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
  LOG=$(mktemp -t "$1-bench.XXXXXX.log")
  FORECAST_WORKER_ENABLED=false java -Xmx1g -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$URL" \
    --logging.level.root=WARN ${APP_ARGS:-} >"$LOG" 2>&1 &
  APP=$!
  trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
  BASE="http://127.0.0.1:$PORT"
  wait_healthy "$BASE" "$APP" "$LOG" 180
}
