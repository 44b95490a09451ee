#!/bin/sh
# A private PostgreSQL for the tests: `start DIR` makes a cluster in DIR (initdb), starts it
# on a Unix socket in DIR with no TCP port, and creates the login `fidelis_owner` (LOGIN
# CREATEROLE CREATEDB) that owns the tests' databases; `stop DIR` stops it and removes DIR.
# The tests run it with fsync off, for speed; `start DIR durable` keeps fsync on, as a
# county's server has it, so that bench_server's commit times include the flush to disk.
# Run as root it runs the server as the `postgres` system user (PostgreSQL refuses root).
# The tests find it through FIDELIS_TEST_PG_SOCKET=DIR.
# `start DIR PORT CERT KEY` also listens on 127.0.0.1:PORT with TLS (CERT, KEY) and admits
# TCP logins only by `hostssl` and SCRAM, as a county's server should (pg_tls_test.sh).
set -eu
cmd=$1
dir=$2
fsync=off
if [ "${3:-}" = durable ]; then
    fsync=on
    set -- "$1" "$2"
fi
port=${3:-5432}
cert=${4:-}
key=${5:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg_server.sh: PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 1; }
as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    # The owner and the superuser by trust over the socket; every other login by password
    # (SCRAM), as a county's server would have it.
    cat >"$dir/hba" <<HBA
local all postgres trust
local all fidelis_owner trust
local all all scram-sha-256
HBA
    listen="''"
    if [ -n "$cert" ]; then
        # No plain `host` line: a connection without TLS must find no rule and be refused.
        echo "hostssl all all 127.0.0.1/32 scram-sha-256" >>"$dir/hba"
        # The server refuses a key that others may read; it must own it with mode 0600.
        cp "$cert" "$dir/server.crt"
        cp "$key" "$dir/server.key"
        chmod 600 "$dir/server.key"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/server.crt" "$dir/server.key"
        # log_connections: the server's log then says of each session whether it was TLS.
        listen="'127.0.0.1' -c ssl=on -c ssl_cert_file='$dir/server.crt' -c ssl_key_file='$dir/server.key' -c log_connections=on"
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/hba"
    as_server sh -c "cp '$dir/hba' '$dir/data/pg_hba.conf'"
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=$listen -c port=$port -c unix_socket_directories='$dir' -c fsync=$fsync -c password_encryption=scram-sha-256" \
        start >/dev/null
    as_server "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE fidelis_owner LOGIN CREATEROLE CREATEDB" >/dev/null
    echo "PostgreSQL for the tests on $dir"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg_server.sh start DIR [PORT CERT KEY] | stop DIR" >&2
    exit 2
    ;;
esac
