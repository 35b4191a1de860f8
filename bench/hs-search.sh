#!/usr/bin/env bash
# HS search latency against a real host (issue 8): bench/hs-search.sh [seconds] [concurrency]
# Starts the Release host on a fresh SQLite database, waits until it is ready (reference data loaded, search index
# built), runs bench/Caravan.LoadGenerator in its "hs" scenario (the same workers call /health/live, the ceiling, then
# GET /api/v1/hs?q= with 20 trade descriptions in English, Russian and Chinese), prints the figures and the host's
# peak memory, and stops the host.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
concurrency=${2:-8}
port=${CARAVAN_BENCH_PORT:-5098}

dotnet build src/Caravan.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Caravan.LoadGenerator -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d)
env ASPNETCORE_ENVIRONMENT=Production "Caravan__Database__DataDirectory=$work" \
  dotnet src/Caravan.Web/bin/Release/net10.0/Caravan.Web.dll --urls "http://127.0.0.1:$port" >"$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
done
echo "sqlite, $concurrency workers, $seconds s each, $(nproc) cores"
dotnet bench/Caravan.LoadGenerator/bin/Release/net10.0/Caravan.LoadGenerator.dll "http://127.0.0.1:$port/" "$seconds" "$concurrency" "$pid" hs
