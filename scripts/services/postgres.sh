#!/usr/bin/env bash
# Local PostgreSQL for Caravan's integration tests and dev runs.
#
#   scripts/services/postgres.sh start   # start the Debian cluster, create role + database (idempotent)
#   scripts/services/postgres.sh stop    # stop the cluster
#   scripts/services/postgres.sh url     # print the Npgsql connection string
#
# Uses the Debian packaging (postgresql-common: pg_lsclusters/pg_ctlcluster/pg_conftool) and must run
# as root: that is how CI runs, and initdb/postgres refuse to run as root directly, so everything that
# touches the server goes through pg_ctlcluster or `su postgres`.
set -euo pipefail

PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
DB_USER=caravan
# A throw-away password for a server that only listens on loopback; tests get it from `url`.
DB_PASSWORD=caravan
DB_NAME=caravan

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Major version: CARAVAN_PG_VERSION, else the version of an existing "main" cluster, else the newest
# installed server. This machine has 15; a fresh CI image may come with whatever Debian ships.
pg_version() {
  if [[ -n "${CARAVAN_PG_VERSION:-}" ]]; then echo "$CARAVAN_PG_VERSION"; return; fi
  local v
  v=$(pg_lsclusters -h 2>/dev/null | awk -v c="$PG_CLUSTER" '$2 == c { print $1; exit }')
  if [[ -z "$v" ]]; then
    v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
  fi
  [[ -n "$v" ]] || die "no PostgreSQL server installed (apt-get install postgresql)"
  echo "$v"
}

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (pg_ctlcluster and 'su postgres' are used)"
  command -v pg_ctlcluster >/dev/null || die "pg_ctlcluster not found (apt-get install postgresql)"
}

is_running() { pg_ctlcluster "$1" "$PG_CLUSTER" status >/dev/null 2>&1; }

# Run SQL from stdin as the postgres superuser over the local socket (peer auth).
# `cd /` because postgres cannot read the caller's working directory (e.g. /root, /work/...).
psql_admin() { su postgres -c "cd / && psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres"; }

cmd_start() {
  require_root
  local ver; ver=$(pg_version)

  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v c="$PG_CLUSTER" '$1 == v && $2 == c { f = 1 } END { exit !f }'; then
    log "no cluster $ver/$PG_CLUSTER: creating it"
    pg_createcluster -p "$PG_PORT" "$ver" "$PG_CLUSTER" >/dev/null
  fi

  # Loopback only (Debian's default 'localhost' also binds ::1). Set in a conf.d drop-in, which
  # postgresql.conf includes last: pg_conftool would write 127.0.0.1 unquoted (it takes it for a
  # number), which PostgreSQL rejects. Rewrite only when the content differs, and restart a running
  # cluster if we did.
  local changed=0 confd="/etc/postgresql/$ver/$PG_CLUSTER/conf.d" dropin want
  dropin="$confd/50-caravan.conf"
  want="# Written by scripts/services/postgres.sh (Caravan): listen on loopback only.
listen_addresses = '$PG_HOST'"
  if [[ ! -f "$dropin" || "$(cat "$dropin")" != "$want" ]]; then
    mkdir -p "$confd"
    printf '%s\n' "$want" >"$dropin"
    chown postgres:postgres "$dropin"
    changed=1
  fi
  # The port `url` advertises; a number, so pg_conftool writes it correctly.
  if [[ "$(pg_conftool -s "$ver" "$PG_CLUSTER" show port 2>/dev/null || true)" != "$PG_PORT" ]]; then
    pg_conftool "$ver" "$PG_CLUSTER" set port "$PG_PORT"
    changed=1
  fi

  if is_running "$ver"; then
    if [[ $changed -eq 1 ]]; then
      log "configuration changed: restarting cluster $ver/$PG_CLUSTER"
      pg_ctlcluster "$ver" "$PG_CLUSTER" restart
    fi
  else
    log "starting cluster $ver/$PG_CLUSTER"
    pg_ctlcluster "$ver" "$PG_CLUSTER" start
  fi

  # pg_ctlcluster returns once the postmaster is up, but wait for it to accept TCP connections.
  local i
  for ((i = 0; i < 60; i++)); do
    if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 1; then break; fi
    sleep 0.5
  done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 1 \
    || die "server not accepting connections on $PG_HOST:$PG_PORT (see /var/log/postgresql/)"

  # Role: create it, or reset it to the expected state so a re-run repairs a drifted role.
  # CREATEDB because tests create and drop their own throw-away databases.
  psql_admin <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SQL
  # CREATE DATABASE cannot run inside DO/a transaction: generate it conditionally and \gexec it.
  psql_admin <<SQL
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '$DB_NAME') \gexec
SQL
  log "ready: $PG_HOST:$PG_PORT, role $DB_USER, database $DB_NAME (cluster $ver/$PG_CLUSTER)"
}

cmd_stop() {
  require_root
  local ver; ver=$(pg_version)
  if is_running "$ver"; then
    pg_ctlcluster "$ver" "$PG_CLUSTER" stop
    log "stopped cluster $ver/$PG_CLUSTER"
  else
    log "cluster $ver/$PG_CLUSTER is not running"
  fi
}

cmd_url() {
  echo "Host=$PG_HOST;Port=$PG_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
