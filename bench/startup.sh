#!/usr/bin/env bash
# Measures the web host's time from process start to /health/ready = 200, and its resident memory (VmRSS) once
# the reference data are loaded: first on a fresh database (cold), then restarted on it (warm). Usage: bench/startup.sh sqlite|postgres [runs]
# For postgres, CARAVAN_TEST_POSTGRES (or scripts/services/postgres.sh) provides a server; a new database is
# created and dropped for each run. The host is the Release build, started with `dotnet Caravan.Web.dll`.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
runs=${2:-3}
port=${CARAVAN_BENCH_PORT:-5099}

dotnet build src/Caravan.Web -c Release -v quiet -nologo >/dev/null
dll=src/Caravan.Web/bin/Release/net10.0/Caravan.Web.dll

for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  env_args=(ASPNETCORE_ENVIRONMENT=Production "Caravan__Database__DataDirectory=$work")
  if [ "$provider" = postgres ]; then
    admin=${CARAVAN_TEST_POSTGRES:-$(scripts/services/postgres.sh url)}
    db="caravan_bench_${run}_$$"
    psql "$(echo "$admin" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Password=([^;]+);Database=([^;]+)/host=\1 port=\2 user=\3 password=\4 dbname=\5/')" -qc "CREATE DATABASE $db" >/dev/null
    conn=$(echo "$admin" | sed -E "s/Database=[^;]+/Database=$db/")
    env_args+=(Caravan__Database__Provider=Postgres "Caravan__Database__ConnectionString=$conn" Caravan__Database__MigrateOnStart=true)
  fi

  # cold: a fresh database (migrations and the whole import); warm: a restart on that database (import skipped).
  for phase in cold warm; do
    start=$(date +%s%N)
    env "${env_args[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/host-$phase.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
      sleep 0.05
      if ! kill -0 "$pid" 2>/dev/null; then echo "host exited; log:"; cat "$work/host-$phase.log"; exit 1; fi
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 1 # let start-up garbage settle before reading memory
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    # A page and an API call, to read memory in use after the first requests too.
    curl -s -o /dev/null "http://127.0.0.1:$port/hs/5205"; curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/border-crossings"
    rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$provider run $run $phase: ready after ${ready} ms, RSS at ready $((rss / 1024)) MiB, after first requests $((rss_after / 1024)) MiB"
  done
  if [ "$provider" = postgres ]; then
    psql "$(echo "$admin" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Password=([^;]+);Database=([^;]+)/host=\1 port=\2 user=\3 password=\4 dbname=\5/')" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
  fi
  rm -rf "$work"
done
