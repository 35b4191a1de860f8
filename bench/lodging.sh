#!/usr/bin/env bash
# Lodging throughput and latency against a real host: bench/lodging.sh sqlite|postgres [seconds] [concurrency]
# Starts the Release host with --demo on a fresh database, runs bench/Caravan.LoadGenerator against it (the demo
# trader's machine client lodges realistic consignments; the same workers then measure /health/live, the ceiling),
# prints the figures and the host's peak memory, and stops the host.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
seconds=${2:-20}
concurrency=${3:-8}
port=${CARAVAN_BENCH_PORT:-5099}

dotnet build src/Caravan.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Caravan.LoadGenerator -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d)
env_args=(ASPNETCORE_ENVIRONMENT=Production "Caravan__Database__DataDirectory=$work" Caravan__Security__AllowHttpTokens=true)
if [ "$provider" = postgres ]; then
  admin=${CARAVAN_TEST_POSTGRES:-$(scripts/services/postgres.sh url)}
  libpq=$(echo "$admin" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Password=([^;]+);Database=([^;]+)/host=\1 port=\2 user=\3 password=\4 dbname=\5/')
  db="caravan_lodging_$$"
  psql "$libpq" -qc "CREATE DATABASE $db" >/dev/null
  env_args+=(Caravan__Database__Provider=Postgres "Caravan__Database__ConnectionString=$(echo "$admin" | sed -E "s/Database=[^;]+/Database=$db/")" Caravan__Database__MigrateOnStart=true)
fi

env "${env_args[@]}" dotnet src/Caravan.Web/bin/Release/net10.0/Caravan.Web.dll --urls "http://127.0.0.1:$port" --demo >"$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ "$provider" = postgres ] && psql "$libpq" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
done
echo "$provider, $concurrency workers, $seconds s each, $(nproc) cores"
dotnet bench/Caravan.LoadGenerator/bin/Release/net10.0/Caravan.LoadGenerator.dll "http://127.0.0.1:$port/" "$seconds" "$concurrency" "$pid"
