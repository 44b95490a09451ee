#!/bin/sh
# Screenshots of the main screens, in Swedish and English, for the README and the user
# guide: ./tools/screenshots.sh [build-dir] [out-dir] [WIDTHxHEIGHT]
# Runs on a private Xvfb display with the demo county.
set -eu
BUILD=${1:-build}
OUT=${2:-docs/screenshots}
SIZE=${3:-1366x768}
CLI="$BUILD/bin/fidelis-cli"
APP="$BUILD/bin/fidelis"
WORK=$(mktemp -d)
trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
DB="$WORK/jonkoping-demo.fidelis"
"$CLI" demo --db "$DB" >/dev/null
mkdir -p "$OUT"

DISPLAY_NO=:$(( 70 + $$ % 20 ))
Xvfb "$DISPLAY_NO" -screen 0 "${SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
export DISPLAY="$DISPLAY_NO"

team_id() { "$CLI" teams --db "$DB" | awk -F'\t' -v name="$1" '$4 == name { print $1 }'; }
round_of() { "$CLI" rounds --db "$DB" --team "$1" | awk -F'\t' -v d="$2" 'index($3, d) == 1 { print $1 }'; }
HABO=$(team_id "Habo Jobbcenter")
VARNAMO=$(team_id "IPS Värnamo")
JKPG=$(team_id "IPS-teamet Jönköping")
DRAFT=$(round_of "$HABO" 2026)
CONSENSUS=$(round_of "$VARNAMO" 2026)
PLANNED=$(round_of "$JKPG" 2025)

shot() {  # name lang args...   (KEYS="ctrl+shift+n" presses keys before the shot)
    name=$1 lang=$2
    shift 2
    XDG_CONFIG_HOME="$WORK/config-$lang" XDG_DATA_HOME="$WORK/data" "$APP" --lang "$lang" --headless "$@" >/dev/null 2>&1 &
    pid=$!
    sleep 4
    if [ -n "${KEYS:-}" ]; then xdotool key $KEYS; sleep 1.5; fi
    xdotool mousemove 5 $(( ${SIZE#*x} - 5 )) 2>/dev/null || true
    sleep 0.5
    # The window, without the bare screen around it (-trim); 256 colours keep the text sharp
    # at a third of the size.
    import -window root png:- | convert - -trim +repage -strip -colors 256 "PNG8:$OUT/$name-$lang.png"
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    echo "$OUT/$name-$lang.png"
}

for lang in sv en; do
    shot welcome "$lang"
    shot county "$lang" --db "$DB"
    shot team "$lang" --db "$DB" --team "$VARNAMO"
    shot assessment "$lang" --db "$DB" --round "$DRAFT" --tab 0
    shot consensus "$lang" --db "$DB" --round "$CONSENSUS" --tab 1
    shot result "$lang" --db "$DB" --round "$CONSENSUS" --tab 2
    shot figures "$lang" --db "$DB" --round "$CONSENSUS" --tab 3
    shot plan "$lang" --db "$DB" --round "$PLANNED" --tab 4
    KEYS="ctrl+shift+n" shot new-round "$lang" --db "$DB" --team "$JKPG"
    # First pages of two reports, as the user guide shows them.
    "$CLI" --lang "$lang" report round --db "$DB" --round "$PLANNED" --out "$WORK/round.pdf" >/dev/null
    "$CLI" --lang "$lang" report county --db "$DB" --scale ips-25 --coded --out "$WORK/coded.pdf" >/dev/null
    for report in round coded; do
        pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$WORK/$report.pdf" "$WORK/$report"
        convert "$WORK/$report.png" -strip -colors 256 "PNG8:$OUT/report-$report-$lang.png"
        echo "$OUT/report-$report-$lang.png"
    done
done
