#!/bin/sh
# Remakes the seed corpora in fuzz/corpus/ from a built tree: the shipped scales and a few
# small test scales for the scale loader; exchange files exported from the demo county (a
# draft, a consensus round, an SE self-assessment and one team's every round) and from a
# database using the small test scale (every item shape, two raters, cannot-rate, a note
# with markup) for the importer. Findings added to the corpora by hand are left alone.
# Usage: fuzz/seeds.sh BUILD_DIR   (needs BUILD_DIR/bin/fidelis-cli)
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
CLI=$(cd "$1" && pwd)/bin/fidelis-cli
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LANGUAGE= LANG=C.UTF-8 LC_ALL= XDG_DATA_HOME="$WORK/xdg" XDG_CONFIG_HOME="$WORK/xdg-config"

scales="$SRC/fuzz/corpus/scale_loader"
mkdir -p "$scales"
cp "$SRC/scales/definitions/ips-25.xml" "$SRC/scales/definitions/seqf-se.xml" "$scales/"
for f in mini numeric-gap checklist-count bands-gap missing-anchor billion-laughs; do
    cp "$SRC/tests/fixtures/scales/$f.xml" "$scales/fixture-$f.xml"
done

exchange="$SRC/fuzz/corpus/exchange_import"
mkdir -p "$exchange"
demo="$WORK/demo.fidelis"
"$CLI" demo --db "$demo" >/dev/null
# The demo is deterministic, so these ids always name the same rounds (see `rounds --db`).
round_of() { "$CLI" rounds --db "$demo" | awk -F'\t' -v s="$1" -v st="$2" '$4 == s && $7 == st { print $1; exit }'; }
"$CLI" export --db "$demo" --round "$(round_of ips-25 draft)" --out "$exchange/demo-ips-draft.xml" >/dev/null
"$CLI" export --db "$demo" --round "$(round_of ips-25 consensus)" --out "$exchange/demo-ips-consensus.xml" >/dev/null
"$CLI" export --db "$demo" --round "$(round_of seqf-se completed)" --out "$exchange/demo-se-completed.xml" >/dev/null
"$CLI" export --db "$demo" --team 3 --out "$exchange/demo-team-3.xml" >/dev/null

mkdir -p "$XDG_DATA_HOME/fidelis/scales"
cp "$SRC/tests/fixtures/scales/mini.xml" "$XDG_DATA_HOME/fidelis/scales/"
db="$WORK/mini.fidelis"
"$CLI" db init --db "$db" --county 06 >/dev/null
team=$("$CLI" team add --db "$db" --municipality 0680 --name 'Jönköping <&> "test"' --method ips)
r=$("$CLI" round new --db "$db" --team "$team" --scale test-mini --date 2025-03-14 --type guided)
rate() { "$CLI" rate --db "$db" --round "$r" "$@" >/dev/null; }
rate --item A1 --level 2 --rater Anna --note 'Line one
line two & <three>'
rate --item A2 --value 55 --rater Anna
rate --item B1 --checked x --rater Anna
rate --item B2 --specialists '3;2;1' --rater Anna
rate --item A1 --level 3 --rater Björn
rate --item A2 --cannot-rate 'No data yet' --rater Björn
rate --item A1 --level 3 --consensus --note Agreed
rate --item A2 --value 80 --consensus
rate --item B1 --checked x,y --consensus
rate --item B2 --specialists '3;3' --consensus
"$CLI" round status --db "$db" --round "$r" --set consensus >/dev/null
"$CLI" round status --db "$db" --round "$r" --set completed >/dev/null
r=$("$CLI" round new --db "$db" --team "$team" --scale test-mini --date 2026-01-02 --type self)
rate --item A1 --level 1 --rater Anna
"$CLI" export --db "$db" --out "$exchange/mini-every-shape.xml" >/dev/null
du -sh "$scales" "$exchange"
