# A throwaway PostgreSQL cluster on loopback for the server's tests against PostgreSQL.
# Sourced by scripts/test after lib/setup.sh. Installs Debian's PostgreSQL when missing, makes a new
# cluster in a temporary folder (fsync on: the durability check refuses anything else), starts it
# on 127.0.0.1:$PG_PORT and stops and removes it when the calling shell exits.
# shellcheck shell=bash

PG_PORT=${PG_PORT:-55432}

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

# Starts the cluster and exports TEST_DATABASE_URL for `cargo test -p server`.
start_test_postgres() {
  ensure_postgres_installed
  local bin; bin=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/intake-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  trap stop_test_postgres EXIT
  say "starting PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  as_pg "$bin/initdb" -D "$PG_DIR/data" -U intake --auth=trust -E UTF8 --no-locale >/dev/null
  as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c max_connections=200" \
    >/dev/null
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U intake intake_test
  export TEST_DATABASE_URL="postgres://intake@127.0.0.1:$PG_PORT/intake_test"
}

stop_test_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
