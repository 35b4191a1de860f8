#!/usr/bin/env bash
# Release-time dashboard latency on a database with history (issue 9):
#   bench/release-times.sh sqlite DATA_DIR [calls]
#   bench/release-times.sh postgres CONNECTION_STRING [calls]
# Fill the database first with `caravan simulate --days 365` (docs/simulation.md). Starts the Release host on it
# (no live traffic, so the figures do not move), waits until ready, finds the busiest crossing and the period of the
# history, then times each request with curl (time_total: the whole HTTP request, one at a time, after 3 warm-ups)
# and prints the median, min and max over the calls. /health/live, timed the same way, is the baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?data directory or connection string}
calls=${3:-20}
port=${CARAVAN_BENCH_PORT:-5097}

source bench/start-host.sh
start_host "$provider" "$target" "$port"
to=$(date -u +%F)
from=$(date -u -d "$to - 365 days" +%F)
month=$(date -u -d "$to - 29 days" +%F)
# The busiest crossing of the year, from the API itself.
busiest=$(curl -s "$base/api/v1/analytics/release-times?from=$from&to=$to&groupBy=crossing" |
  python3 -c 'import json,sys; g=json.load(sys.stdin)["groups"]; print(max(g, key=lambda x: x["controls"])["key"], max(x["controls"] for x in g), sum(x["controls"] for x in g))')
read -r crossing busiest_controls all_controls <<<"$busiest"
echo "$provider: $all_controls controls lodged $from to $to; busiest crossing $crossing ($busiest_controls controls); $calls calls each, $(nproc) cores"

time_it() { # name url
  local name=$1 url=$2
  for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
  for _ in $(seq "$calls"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done |
    sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%-58s median %8.1f ms  min %8.1f  max %8.1f\n", name, m, t[1], t[NR] }'
}

time_it "baseline: /health/live" "$base/health/live"
time_it "API, $crossing, year, groupBy=crossing" "$base/api/v1/analytics/release-times?crossing=$crossing&from=$from&to=$to&groupBy=crossing"
time_it "API, $crossing, year, groupBy=week" "$base/api/v1/analytics/release-times?crossing=$crossing&from=$from&to=$to&groupBy=week"
time_it "API, $crossing, last 30 days, groupBy=crossing" "$base/api/v1/analytics/release-times?crossing=$crossing&from=$month&to=$to&groupBy=crossing"
time_it "API, every crossing, year, groupBy=crossing" "$base/api/v1/analytics/release-times?from=$from&to=$to&groupBy=crossing"
time_it "CSV, every crossing, year, groupBy=side" "$base/api/v1/analytics/release-times.csv?from=$from&to=$to&groupBy=side"
time_it "API distribution, every crossing, year" "$base/api/v1/analytics/release-times/distribution?from=$from&to=$to"
time_it "page /release-times, $crossing, year" "$base/release-times?crossing=$crossing&from=$from&to=$to"
time_it "page /release-times, every crossing, year" "$base/release-times?from=$from&to=$to"
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
echo "host peak resident memory: $((rss / 1024)) MiB"
