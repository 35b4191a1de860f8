#!/usr/bin/env bash
# Caravan's test command: `scripts/test.sh [extra dotnet test args]`.
#
# 1. Provides the real servers the integration tests need, unless the caller already points the
#    tests at some via the environment:
#      CARAVAN_TEST_POSTGRES  Npgsql connection string  (scripts/services/postgres.sh; needs root)
#      CARAVAN_TEST_NATS      NATS URL                  (scripts/services/nats.sh)
#      CARAVAN_TEST_CHROMIUM  Chromium executable       (/usr/bin/chromium, for Playwright)
#    There is no Docker here, so no Testcontainers: tests read these variables instead.
# 2. Runs `dotnet test Caravan.slnx -c Release "$@"`, tee'd to $CARAVAN_TEST_LOG
#    (default artifacts/test/dotnet-test.log, git-ignored).
# 3. Adds up the per-project VSTest summary lines and prints, as the very last line,
#    `N passed, N failed` (`, N skipped` when any were skipped). CI relies on that last line.
#
# Exit status: non-zero if dotnet test failed or printed no summary line at all; in both cases the
# last line shows at least one failure, so a broken build never reads as green.
#
# Services this script starts are LEFT RUNNING on purpose: `start` is idempotent, so the next run
# reuses them instead of paying the start-up again, and other people on this machine (and concurrent
# test runs) use the same PostgreSQL cluster, so stopping it on exit would pull it from under them.
# Stop them by hand with scripts/services/{postgres,nats}.sh stop.
#
# The file can be sourced (functions only, main is not run) to test the summary parsing, e.g.
#   bash -c 'source scripts/test.sh; summarize sample.log 1'
set -euo pipefail

# Reads a dotnet test log, prints "FOUND PASSED FAILED SKIPPED" summed over every per-project line:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 3 s - X.Tests.dll (net10.0)
#   Failed!  - Failed:     1, Passed:    11, Skipped:     2, Total:    14, Duration: 3 s - Y.Tests.dll (net10.0)
# Colour codes are stripped first; plain POSIX awk (Debian's default is mawk).
count_summaries() {
  awk '
    function num(key,   s) {
      if (!match($0, key ":[ \t]*[0-9]+")) return 0
      s = substr($0, RSTART, RLENGTH)
      sub(/^[^0-9]*/, "", s)
      return s + 0
    }
    { gsub(/\033\[[0-9;]*[A-Za-z]/, "") }
    /(Passed|Failed)![ \t]*-[ \t]*Failed:[ \t]*[0-9]+/ {
      found++
      passed += num("Passed"); failed += num("Failed"); skipped += num("Skipped")
    }
    END { printf "%d %d %d %d\n", found, passed, failed, skipped }
  ' "$1"
}

# summarize LOG DOTNET_EXIT_CODE: prints the verdict, the summary line last; returns the exit code.
summarize() {
  local log=$1 rc=$2 found=0 passed=0 failed=0 skipped=0 status=0
  # A missing log (dotnet or tee never ran) counts as "no summary line", not as a crash of this script.
  if [[ -r "$log" ]]; then
    read -r found passed failed skipped < <(count_summaries "$log")
  fi
  if ((found == 0)); then
    echo "test.sh: no per-project test summary in $log (build failure, no test project, or a crash): counting it as 1 failure"
    passed=0 failed=1 status=1
  elif ((rc != 0 && failed == 0)); then
    # e.g. one test project failed to build or its test host crashed while the others passed.
    echo "test.sh: dotnet test exited with $rc although no test failed: counting it as 1 failure"
    failed=1
  fi
  ((rc != 0)) && status=$rc
  ((failed > 0 && status == 0)) && status=1
  echo "test.sh: $found test run summary line(s) in $log, dotnet test exit code $rc"
  if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  return "$status"
}

# Connection strings carry a password: never print it.
mask() { sed -E 's/(Password|Pwd)=[^;]*/\1=***/Ig; s#(://[^:/@]*:)[^@]*@#\1***@#'; }

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  local started=() v rc=0 log
  # Before anything else can fail: a failed service start must still end with a failure line.
  fail_early() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

  if [[ -z "${CARAVAN_TEST_POSTGRES:-}" ]] && command -v pg_ctlcluster >/dev/null && [[ $(id -u) -eq 0 ]]; then
    scripts/services/postgres.sh start || fail_early "PostgreSQL did not start"
    CARAVAN_TEST_POSTGRES=$(scripts/services/postgres.sh url)
    export CARAVAN_TEST_POSTGRES
    started+=(postgresql)
  fi
  if [[ -z "${CARAVAN_TEST_NATS:-}" ]] && command -v nats-server >/dev/null; then
    scripts/services/nats.sh start || fail_early "NATS did not start"
    CARAVAN_TEST_NATS=$(scripts/services/nats.sh url)
    export CARAVAN_TEST_NATS
    started+=(nats)
  fi
  if [[ -z "${CARAVAN_TEST_CHROMIUM:-}" && -x /usr/bin/chromium ]]; then
    export CARAVAN_TEST_CHROMIUM=/usr/bin/chromium
  fi

  echo "test.sh: services this script started (or found running and reused): ${started[*]:-none}"
  for v in CARAVAN_TEST_POSTGRES CARAVAN_TEST_NATS CARAVAN_TEST_CHROMIUM; do
    if [[ -n "${!v:-}" ]]; then
      echo "test.sh:   $v=$(printf '%s' "${!v}" | mask)"
    else
      echo "test.sh:   $v is unset: tests that need it cannot use it"
    fi
  done

  # English output (the summary lines are localized otherwise) and the classic console logger:
  # the terminal logger would rewrite the per-project lines this script sums up.
  export DOTNET_CLI_UI_LANGUAGE=en MSBUILDTERMINALLOGGER=off

  log=${CARAVAN_TEST_LOG:-artifacts/test/dotnet-test.log}
  mkdir -p "$(dirname "$log")"
  echo "test.sh: dotnet test Caravan.slnx -c Release${*:+ $*} (log: $log)"
  # pipefail: rc is dotnet's exit code (tee does not fail), not tee's 0.
  dotnet test Caravan.slnx -c Release "$@" 2>&1 | tee "$log" || rc=$?

  summarize "$log" "$rc"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
