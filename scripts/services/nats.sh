#!/usr/bin/env bash
# Local NATS server (with JetStream) for Caravan's integration tests and dev runs.
#
#   scripts/services/nats.sh start   # start in the background (idempotent), wait until it answers
#   scripts/services/nats.sh stop    # stop the server this script started, by its PID
#   scripts/services/nats.sh url     # print the client URL
#
# State (PID file, log, JetStream store) lives under $CARAVAN_SERVICES_DIR (default
# /tmp/caravan-services/nats), never in the repository.
set -euo pipefail

NATS_HOST=127.0.0.1
NATS_PORT=4222
STATE_DIR="${CARAVAN_SERVICES_DIR:-/tmp/caravan-services}/nats"
PID_FILE="$STATE_DIR/nats.pid"
LOG_FILE="$STATE_DIR/nats.log"
# nats-server keeps JetStream data in <-sd>/jetstream, so -sd is the state dir itself.
STORE_DIR="$STATE_DIR"

log() { echo "nats.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# PID from the PID file if that process is still a nats-server (guards against a stale file whose
# PID was reused by something else).
our_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == nats-server ]] || return 1
  echo "$pid"
}

# Print the server's INFO line; fails if nothing answers. A NATS server sends INFO right after
# accept, so this also proves it is ready for clients. Pure bash: no nc/curl needed on CI.
# Subshell body: the `exec 3<>` redirection (and its "connection refused" noise) stays in it.
nats_info() (
  exec 2>/dev/null 3<>"/dev/tcp/$NATS_HOST/$NATS_PORT" || exit 1
  read -r -t 2 line <&3 || exit 1
  [[ "$line" == INFO* ]] || exit 1
  echo "$line"
)

cmd_start() {
  command -v nats-server >/dev/null || die "nats-server not found (apt-get install nats-server)"
  local pid info i
  if pid=$(our_pid); then
    log "already running (pid $pid) on $NATS_HOST:$NATS_PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  # Something else owns the port: reuse it if it is a NATS with JetStream, otherwise refuse.
  if info=$(nats_info); then
    if [[ "$info" == *'"jetstream":true'* ]]; then
      log "a NATS server with JetStream not started by this script already answers on $NATS_HOST:$NATS_PORT: reusing it"
      return 0
    fi
    die "port $NATS_PORT is taken by something that is not a NATS server with JetStream"
  fi

  mkdir -p "$STORE_DIR"
  # nats-server appends to its log: keep one previous log so a start-up failure shows its own lines.
  if [[ -f "$LOG_FILE" ]]; then mv -f "$LOG_FILE" "$LOG_FILE.old"; fi
  # -a: loopback only (nats-server binds 0.0.0.0 by default). nohup + a background job of a
  # non-interactive shell: it survives this script, a closed terminal and Ctrl-C of the caller.
  # No fd of ours stays open in it (stdio to /dev/null), so a caller piping our output (CI, tee)
  # is not left waiting for EOF. nohup execs, so $! is the nats-server PID.
  nohup nats-server -js -a "$NATS_HOST" -p "$NATS_PORT" -sd "$STORE_DIR" -l "$LOG_FILE" \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"

  for ((i = 0; i < 100; i++)); do
    if nats_info >/dev/null; then
      log "started (pid $pid) on $NATS_HOST:$NATS_PORT, JetStream store $STORE_DIR/jetstream"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
      die "nats-server exited during startup (log: $LOG_FILE)"
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  die "nats-server did not answer on $NATS_HOST:$NATS_PORT within 10 s (log: $LOG_FILE)"
}

cmd_stop() {
  local pid i
  if ! pid=$(our_pid); then
    rm -f "$PID_FILE"
    log "not running (no live PID in $PID_FILE)"
    return 0
  fi
  kill "$pid"
  # nats-server shuts down gracefully on SIGTERM (flushes JetStream); give it time, then force.
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for 10 s: killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped (pid $pid)"
}

cmd_url() { echo "nats://$NATS_HOST:$NATS_PORT"; }

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
