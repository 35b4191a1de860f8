# Sourced by bench scripts: start_host PROVIDER TARGET PORT [host arguments...]
# Builds and starts the Release host on an existing database — PROVIDER sqlite (TARGET: data directory) or postgres
# (TARGET: connection string) —, without live traffic, and waits until /health/ready answers 200. Sets `pid`, `log`
# and `base` (http://127.0.0.1:PORT) and stops the host when the script exits.
start_host() {
  local provider=$1 target=$2 port=$3
  shift 3
  dotnet build src/Caravan.Web -c Release -v quiet -nologo >/dev/null
  local env_args=(ASPNETCORE_ENVIRONMENT=Production Caravan__Demo__LiveTraffic=false)
  if [ "$provider" = postgres ]; then
    env_args+=(Caravan__Database__Provider=Postgres "Caravan__Database__ConnectionString=$target")
  else
    env_args+=("Caravan__Database__DataDirectory=$target")
  fi
  log=$(mktemp)
  env "${env_args[@]}" dotnet src/Caravan.Web/bin/Release/net10.0/Caravan.Web.dll --urls "http://127.0.0.1:$port" "$@" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
    sleep 0.2
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  done
  base="http://127.0.0.1:$port"
}
