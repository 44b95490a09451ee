#!/bin/bash
# Issue 13 point 3, checked as a user meets it: fidelis-cli against a PostgreSQL that admits
# TCP logins only over TLS (`hostssl`, SCRAM), with a throwaway CA made here by openssl.
# sslmode=verify-full with the right CA and host name connects; a certificate from another
# CA, a host name the certificate does not name, a missing CA file and a connection without
# TLS are refused with Fidelis' own sentence, in English and Swedish, never libpq's text.
# The password is in a PGPASSFILE, never in the address, as README.md tells users to do.
# Usage: pg_tls_test.sh FIDELIS-CLI (CTest passes the built one; label `server`).
set -u
cli=$1
here=$(cd "$(dirname "$0")" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# Only what this script sets may reach libpq: a PGSSLMODE or PGHOST from the caller's shell
# would change what is being tested.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGSERVICEFILE \
      PGSSLMODE PGSSLROOTCERT PGSSLCERT PGSSLKEY PGREQUIRESSL PGCONNECT_TIMEOUT LC_ALL LC_MESSAGES
export LANG=C.UTF-8

# In /tmp with a short name: the server runs as the `postgres` user, who must reach its
# folder, and the Unix socket's path must stay under 108 bytes.
work=$(mktemp -d /tmp/fidelis-tls-XXXXXX) || exit 1
chmod 711 "$work"
certs=$work/certs
server=$work/pg
mkdir -m 700 "$certs"

failed=0
cleanup() {
    if [ "$failed" -ne 0 ] && [ -f "$server/server.log" ]; then
        echo "--- the server's log:"
        tail -n 30 "$server/server.log"
    fi
    sh "$here/pg_server.sh" stop "$server" >/dev/null 2>&1 || true
    rm -rf "$work"
}
# EXIT runs on every way out, a failed step, a signal or the end, so no server outlives us.
trap cleanup EXIT
trap 'failed=1; exit 130' INT TERM HUP

die() {
    echo "FAIL: $*"
    failed=1
    exit 1
}

# A port nobody listens on: the kernel's pick if python3 is there, else a random one that
# neither `ss` lists nor accepts a connection. Another test may take it before the server
# starts, so the start below tries again with a new port.
free_port() {
    if command -v python3 >/dev/null 2>&1 &&
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null; then
        return 0
    fi
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 30000))
        if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htan "sport = :$p" 2>/dev/null)" ]; then continue; fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
        echo "$p"
        return 0
    done
    return 1
}

# The CA that signed the server's certificate, a second CA that did not, and a certificate
# for `localhost` only (CN and SAN), as a region's IT department would issue for its host.
make_ca() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=$2" -keyout "$1.key" -out "$1.crt" >/dev/null 2>&1 || die "openssl could not make $2"
}
command -v openssl >/dev/null 2>&1 || die "openssl is not installed (apt-get install openssl)"
make_ca "$certs/ca" "Fidelis test CA"
make_ca "$certs/other-ca" "Some other CA"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
    -keyout "$certs/server.key" -out "$certs/server.csr" >/dev/null 2>&1 || die "openssl could not make the server's key"
printf 'subjectAltName = DNS:localhost\nextendedKeyUsage = serverAuth\n' >"$certs/server.ext"
openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" -CAcreateserial \
    -days 2 -extfile "$certs/server.ext" -out "$certs/server.crt" >/dev/null 2>&1 || die "openssl could not sign the server's certificate"

started=0
for _ in 1 2 3 4 5; do
    port=$(free_port) || die "no free TCP port found"
    if sh "$here/pg_server.sh" start "$server" "$port" "$certs/server.crt" "$certs/server.key" >/dev/null 2>"$work/start.err"; then
        started=1
        break
    fi
done
[ "$started" -eq 1 ] || die "the TLS server did not start: $(cat "$work/start.err")"
echo "PostgreSQL with TLS only on 127.0.0.1:$port"

# The database and its owner's password, over the Unix socket (trust for the owner there);
# from the network every login must come by TLS and SCRAM.
owner_password="owner-$RANDOM$RANDOM"
leader_password="leader-$RANDOM$RANDOM"
"$bin/psql" -h "$server" -p "$port" -U fidelis_owner -d postgres -qAt -v ON_ERROR_STOP=1 \
    -c "ALTER ROLE fidelis_owner PASSWORD '$owner_password'" -c "CREATE DATABASE fidelis_tls" >/dev/null ||
    die "could not create the database"

# The documented way to hand libpq a password: a password file readable only by its owner.
export PGPASSFILE=$work/pgpass
printf '%s\n' "localhost:$port:fidelis_tls:fidelis_owner:$owner_password" \
    "localhost:$port:fidelis_tls:lisa.lind:$leader_password" >"$PGPASSFILE"
chmod 600 "$PGPASSFILE"

verified="postgresql://localhost:$port/fidelis_tls?sslmode=verify-full&sslrootcert=$certs/ca.crt"

# a. The right CA and the name in the certificate: the owner sets the database up and adds
# a login, and that login reads the county, every step over verified TLS.
step() {
    local what=$1
    shift
    if "$@" >"$work/out" 2>"$work/err"; then
        echo "ok - $what"
    else
        echo "FAIL - $what (exit $?): $(cat "$work/err")"
        failed=1
    fi
}
step "server init over verify-full" "$cli" server init --db "$verified&user=fidelis_owner" --county 06
step "server user add over verify-full" sh -c 'printf "%s\n" "$1" | "$2" server user add --db "$3" --login lisa.lind --role leader --password-stdin' \
    sh "$leader_password" "$cli" "$verified&user=fidelis_owner"
step "teams as the new login over verify-full" "$cli" teams --db "$verified&user=lisa.lind"
# The server's own word that Fidelis' sessions (application_name=Fidelis) were encrypted:
# pg_server.sh turns on log_connections in its TLS mode.
for login in fidelis_owner lisa.lind; do
    if grep -q "connection authorized: user=$login database=fidelis_tls application_name=Fidelis SSL enabled" \
        "$server/server.log"; then
        echo "ok - the server logged $login's session from Fidelis as TLS"
    else
        echo "FAIL - the server logged no TLS session of $login from Fidelis"
        failed=1
    fi
done

# libpq's own words, any of which on stderr means our mapping let its text through.
raw_texts=("SSL error" "certificate verify failed" "does not match host name" "root certificate file"
           "no pg_hba.conf entry" "no encryption" "connection to server" "FATAL" "Either provide")

# refused NAME URI ENGLISH SWEDISH: `teams` on URI fails, and stderr is exactly our sentence
# ({1} is the address as Fidelis shows it; here no password is in it) in each language.
refused() {
    local what=$1 uri=$2 lang sentence want err rc raw
    for lang in en sv; do
        if [ "$lang" = en ]; then sentence=$3; else sentence=$4; fi
        want="fidelis-cli: ${sentence//\{1\}/"$uri"}"
        LANGUAGE=$([ "$lang" = sv ] && echo sv) "$cli" teams --db "$uri" >"$work/out" 2>"$work/err"
        rc=$?
        err=$(cat "$work/err")
        echo "  [$lang] $err"
        if [ "$rc" -eq 0 ]; then
            echo "FAIL - $what [$lang]: connected, but must be refused"
            failed=1
            continue
        fi
        for raw in "${raw_texts[@]}"; do
            if [[ "$err" == *"$raw"* ]]; then
                echo "FAIL - $what [$lang]: libpq's text \"$raw\" reached the user"
                failed=1
            fi
        done
        if [ "$err" = "$want" ]; then
            echo "ok - $what [$lang] (exit $rc)"
        else
            echo "FAIL - $what [$lang]: expected"
            echo "  $want"
            failed=1
        fi
    done
}

cert_en="A secure connection to {1} could not be made: the server's certificate could not be verified (check sslrootcert and the host name)."
cert_sv="Det gick inte att göra en säker anslutning till {1}: serverns certifikat kunde inte verifieras (kontrollera sslrootcert och värdnamnet)."

# b. A certificate this CA did not sign.
refused "a certificate from another CA" \
    "postgresql://localhost:$port/fidelis_tls?sslmode=verify-full&sslrootcert=$certs/other-ca.crt&user=fidelis_owner" \
    "$cert_en" "$cert_sv"
# c. The right server and CA, reached by address under a name the certificate does not
# name (hostaddr connects; host is what verify-full checks), and by its bare IP address.
refused "a host name the certificate does not name" \
    "postgresql://db.example.invalid:$port/fidelis_tls?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=$certs/ca.crt&user=fidelis_owner" \
    "$cert_en" "$cert_sv"
refused "an IP address the certificate does not name" \
    "postgresql://127.0.0.1:$port/fidelis_tls?sslmode=verify-full&sslrootcert=$certs/ca.crt&user=fidelis_owner" \
    "$cert_en" "$cert_sv"
# A CA file that is not there (libpq says "does not exist", which must not read as a missing
# database).
refused "a missing CA file" \
    "postgresql://localhost:$port/fidelis_tls?sslmode=verify-full&sslrootcert=$work/no-such-ca.crt&user=fidelis_owner" \
    "A secure connection to {1} could not be made: the CA certificate to check the server's certificate against was not found or could not be read. Name it with sslrootcert in the address, or put it in ~/.postgresql/root.crt (on Windows %APPDATA%\\postgresql\\root.crt)." \
    "Det gick inte att göra en säker anslutning till {1}: CA-certifikatet som serverns certifikat ska kontrolleras mot hittades inte eller kunde inte läsas. Ange det med sslrootcert i adressen, eller lägg det i ~/.postgresql/root.crt (i Windows %APPDATA%\\postgresql\\root.crt)."
# d. No TLS at all: the server has no rule for it (no `host` line), and says so.
refused "a connection without TLS" \
    "postgresql://localhost:$port/fidelis_tls?sslmode=disable&user=fidelis_owner" \
    "The server {1} does not admit this login from this computer, or not without TLS (no rule in its pg_hba.conf matches). Put sslmode=verify-full in the address, or ask the server's administrator to admit the login." \
    "Servern {1} släpper inte in den här inloggningen från den här datorn, eller inte utan TLS (ingen regel i dess pg_hba.conf passar). Lägg till sslmode=verify-full i adressen, eller be serverns administratör att släppa in inloggningen."

if [ "$failed" -ne 0 ]; then
    echo "pg_tls_test: FAILED"
    exit 1
fi
echo "pg_tls_test: all passed"
