#!/bin/sh
# `make demo`: creates the demo database (Jönköping county, realistic rounds 2017–2025)
# and shows what is in it.
set -eu
BUILD=${1:-build}
CLI="$BUILD/bin/fidelis-cli"
DEMO_DIR="$BUILD/demo"
DB="$DEMO_DIR/jonkoping-demo.fidelis"

mkdir -p "$DEMO_DIR"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$CLI" demo --db "$DB" >/dev/null
echo "Demo database: $DB"
echo
echo "== Teams =="
"$CLI" teams --db "$DB"
echo
echo "== Scales =="
"$CLI" scales list
