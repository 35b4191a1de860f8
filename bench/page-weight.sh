#!/usr/bin/env bash
# Bytes on the wire for one visit of a page with everything it loads (its scripts and style sheets):
#   bench/page-weight.sh sqlite DATA_DIR [PATH]
#   bench/page-weight.sh postgres CONNECTION_STRING [PATH]
# PATH defaults to the public release-time dashboard for the busiest crossing over the last year (fill the database
# with `caravan simulate --days 365` first; docs/simulation.md). Starts the Release host on the database with the
# source web root (no live traffic), loads the page once to warm the server's compressed copies, then fetches the
# page and each asset as a client that accepts no encoding (the baseline: what every browser got before ADR 0012)
# and as Chromium does over HTTPS (Accept-Encoding: gzip, deflate, br, zstd), and prints both sizes per resource.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?data directory or connection string}
path=${3:-}
port=${CARAVAN_BENCH_PORT:-5098}

source bench/start-host.sh
start_host "$provider" "$target" "$port" --contentRoot "$PWD/src/Caravan.Web"
if [ -z "$path" ]; then
  to=$(date -u +%F)
  from=$(date -u -d "$to - 365 days" +%F)
  crossing=$(curl -s "$base/api/v1/analytics/release-times?from=$from&to=$to&groupBy=crossing" |
    python3 -c 'import json,sys; g=json.load(sys.stdin)["groups"]; print(max(g, key=lambda x: x["controls"])["key"])')
  path="/release-times?crossing=$crossing&from=$from&to=$to"
fi

browser="gzip, deflate, br, zstd"
# The page, then every script and style sheet it names (relative to the site root).
resources=("$path")
while read -r asset; do resources+=("$asset"); done < <(curl -s "$base$path" | grep -oE '(src|href)="/[^"]+\.(js|css)(\?[^"]*)?"' | sed -E 's/^(src|href)="//; s/"$//; s/&amp;/\&/g' | sort -u)
for r in "${resources[@]}"; do curl -s -o /dev/null -H "Accept-Encoding: $browser" "$base$r"; done
sleep 3 # Brotli copies are made in the background after the first request.

echo "$path ($(nproc) cores)"
printf '%-60s %12s %12s %7s  %s\n' resource "no encoding" "browser" ratio encoding
total_plain=0 total_browser=0
for r in "${resources[@]}"; do
  plain=$(curl -s -o /dev/null -w '%{size_download}' "$base$r")
  read -r wire encoding < <(curl -s -o /dev/null -D - -w '%{size_download}\n' -H "Accept-Encoding: $browser" "$base$r" |
    awk 'tolower($1) == "content-encoding:" { e = $2 } /^[0-9]+$/ { n = $1 } END { gsub("\r", "", e); print n, (e == "" ? "identity" : e) }')
  total_plain=$((total_plain + plain)) total_browser=$((total_browser + wire))
  printf '%-60s %12d %12d %7.3f  %s\n' "${r:0:60}" "$plain" "$wire" "$(awk -v a="$wire" -v b="$plain" 'BEGIN { print a / b }')" "$encoding"
done
printf '%-60s %12d %12d %7.3f\n' "whole visit" "$total_plain" "$total_browser" "$(awk -v a="$total_browser" -v b="$total_plain" 'BEGIN { print a / b }')"
