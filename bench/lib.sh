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
