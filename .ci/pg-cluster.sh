#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster as a non-root user and prints its DATABASE_URL; or a streaming replica
# of such a cluster (pg_basebackup -R, hot standby on another port) and prints its URL.
# Usage: .ci/pg-cluster.sh start DIR [PORT] | replica DIR PORT PRIMARY_PORT | stop DIR
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cmd=${1:?start|replica|stop}; dir=${2:?directory}; port=${3:-55432}
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
opts="-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    run_as "$BIN/initdb -D '$dir/pgdata' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    run_as "$BIN/pg_ctl -D '$dir/pgdata' -o \"$opts\" -l '$dir/pg.log' -w start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  replica)
    primary=${4:?primary port}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL made meanwhile.
    run_as "$BIN/pg_basebackup -h 127.0.0.1 -p $primary -U postgres -D '$dir/pgdata' -R -X stream -c fast" >/dev/null
    run_as "$BIN/pg_ctl -D '$dir/pgdata' -o \"$opts -c hot_standby=on\" -l '$dir/pg.log' -w start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    run_as "$BIN/pg_ctl -D '$dir/pgdata' -m fast stop" >/dev/null || true
    ;;
esac
