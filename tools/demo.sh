#!/bin/sh
# `make demo`: shows Fidelis on what exists so far.
set -eu
BUILD=${1:-build}
CLI="$BUILD/bin/fidelis-cli"

echo "== Scales available =="
"$CLI" scales list
echo
echo "== IPS-25 =="
"$CLI" scales show ips-25
