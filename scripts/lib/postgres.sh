# A throwaway PostgreSQL cluster on loopback for the server's tests against PostgreSQL.
# Sourced by scripts/test after lib/setup.sh. Installs Debian's PostgreSQL when missing, makes a new
# cluster in a temporary folder (fsync on: the durability check refuses anything else), starts it
# on 127.0.0.1:$PG_PORT and stops and removes it when the calling shell exits. When a step fails it
# prints initdb's and pg_ctl's output and the server's log first.
# shellcheck shell=bash

PG_PORT=${PG_PORT:-55432}
# Seconds pg_ctl waits for the first start; a timed-out start is retried once with twice as long.
PG_START_TIMEOUT=${PG_START_TIMEOUT:-60}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

ensure_postgres_installed() {
  if [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/postgres" ]; then return; fi
  say "installing Debian's PostgreSQL"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Prints what the cluster's tools wrote (initdb's and pg_ctl's output, the server's own log) to
# stderr, so a failure explains itself before stop_test_postgres removes the folder.
show_postgres_logs() {
  local f
  for f in initdb.out pg_ctl.out log; do
    [ -s "$PG_DIR/$f" ] || continue
    printf -- '---- %s\n' "$PG_DIR/$f" >&2
    tail -n 100 "$PG_DIR/$f" >&2
  done
  printf -- '---- end of the PostgreSQL logs\n' >&2
}

# pg_ctl start, waiting up to $1 s for the server to accept connections; its output in pg_ctl.out.
pg_ctl_start() {
  as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t "$1" start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c max_connections=200" \
    >"$PG_DIR/pg_ctl.out" 2>&1
}

# Starts the cluster and exports TEST_DATABASE_URL for `cargo test -p server`. On a failure it
# prints the logs and returns 1 (the caller's set -e stops the run; the EXIT trap then removes the
# folder). A start that only ran out of time (a busy machine: recovery, fsync) is stopped and
# tried once more, with twice the time.
start_test_postgres() {
  ensure_postgres_installed
  local bin; bin=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/intake-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  trap stop_test_postgres EXIT
  say "starting PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  if ! as_pg "$bin/initdb" -D "$PG_DIR/data" -U intake --auth=trust -E UTF8 --no-locale \
    >"$PG_DIR/initdb.out" 2>&1; then
    echo "postgres: initdb failed" >&2
    show_postgres_logs
    return 1
  fi
  if ! pg_ctl_start "$PG_START_TIMEOUT"; then
    if grep -q "did not start in time" "$PG_DIR/pg_ctl.out"; then
      echo "postgres: the server did not start within $PG_START_TIMEOUT s; stopping it and trying once more" >&2
      show_postgres_logs
      as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
      pg_ctl_start $((PG_START_TIMEOUT * 2 + 1)) || {
        echo "postgres: pg_ctl could not start the server on 127.0.0.1:$PG_PORT (second try)" >&2
        show_postgres_logs
        return 1
      }
    else
      echo "postgres: pg_ctl could not start the server on 127.0.0.1:$PG_PORT" >&2
      show_postgres_logs
      return 1
    fi
  fi
  if ! as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U intake intake_test \
    >"$PG_DIR/createdb.out" 2>&1; then
    echo "postgres: createdb failed: $(cat "$PG_DIR/createdb.out")" >&2
    show_postgres_logs
    return 1
  fi
  export TEST_DATABASE_URL="postgres://intake@127.0.0.1:$PG_PORT/intake_test"
}

stop_test_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
