#!/bin/sh
# `make demo`: creates the demo database (Jönköping county, realistic rounds 2017–2026)
# and opens Fidelis on it. Without a display it writes every report type as PDF and as
# HTML instead, and prints where they are.
set -eu
BUILD=${1:-build}
CLI="$BUILD/bin/fidelis-cli"
APP="$BUILD/bin/fidelis"
DEMO_DIR="$BUILD/demo"
DB="$DEMO_DIR/jonkoping-demo.fidelis"

mkdir -p "$DEMO_DIR"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$CLI" demo --db "$DB" >/dev/null
echo "Demo database: $DB"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$APP" ]; then
    exec "$APP" --db "$DB"
fi

# No display: the reports a team, a manager and a network leader would print.
OUT="$DEMO_DIR/reports"
mkdir -p "$OUT"
team_id() { "$CLI" teams --db "$DB" | awk -F'\t' -v name="$1" '$4 == name { print $1 }'; }
latest_ips_round() {
    "$CLI" rounds --db "$DB" --team "$1" | awk -F'\t' '$4 == "ips-25" && $7 == "completed" { id = $1 } END { print id }'
}
IPS_JKPG=$(team_id "IPS-teamet Jönköping")
IPS_VARNAMO=$(team_id "IPS Värnamo")
EKSJO=$(team_id "Eksjö Arbetsstöd")
ROUND=$(latest_ips_round "$IPS_JKPG")

echo "Reports (no display found, so they were written as PDF, and as HTML for publishing):"
for lang in sv en; do
    for ext in pdf html; do
        "$CLI" --lang $lang report round --db "$DB" --round "$ROUND" --out "$OUT/round-report-$lang.$ext"
        "$CLI" --lang $lang report trend --db "$DB" --team "$IPS_VARNAMO" --out "$OUT/trend-report-$lang.$ext"
        "$CLI" --lang $lang report county --db "$DB" --scale ips-25 --out "$OUT/county-comparison-$lang.$ext"
        "$CLI" --lang $lang report county --db "$DB" --scale ips-25 --from 2024-01-01 --to 2025-12-31 --coded \
            --seed 2026 --key "$OUT/county-comparison-coded-key-$lang.$ext" \
            --out "$OUT/county-comparison-coded-$lang.$ext" | grep -v '^seed'
        "$CLI" --lang $lang report county --db "$DB" --scale ips-25 --county all \
            --out "$OUT/national-comparison-$lang.$ext"
        "$CLI" --lang $lang report plan --db "$DB" --round "$ROUND" --out "$OUT/improvement-plan-$lang.$ext"
        "$CLI" --lang $lang report scorecard --db "$DB" --team "$EKSJO" --out "$OUT/scorecard-$lang.$ext"
        "$CLI" --lang $lang report scorecards --db "$DB" --scale ips-25 --out "$OUT/scorecards-$lang.$ext"
    done
done
