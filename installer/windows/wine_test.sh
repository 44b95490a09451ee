#!/bin/bash
# make windows-test: the Windows build checked under Wine, as far as this Debian machine can.
#   1. the libraries' and the command line's test programs (CTest label "windows");
#   2. the installer as a user meets it: installed silently (/S), the installed fidelis-cli.exe
#      lists the scales, makes the demo county in a folder named with å, ä, ö and spaces, and
#      writes the county report (checked with pdftotext and qpdf); the installed fidelis.exe
#      starts and shows its window (under Xvfb); .fidelis files are associated; the
#      uninstaller removes the programs and the association, and leaves the data alone.
#
#   installer/windows/wine_test.sh BUILD
set -euo pipefail
build=$(realpath "${1:?usage: wine_test.sh BUILD}")
export WINEPREFIX=$build/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Wine's locale and its Windows display language follow these.
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
say() { printf '\n[windows-test] %s\n' "$*"; }
fail() { printf '[windows-test] FAILED: %s\n' "$*" >&2; exit 1; }

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    say "making Wine's prefix in $WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
fi

say "the test programs under Wine"
# The installer's checks run even when a test program fails; the exit status tells.
tests_ok=1
(cd "$build" && ctest -L windows --output-on-failure --timeout 1800 -j "${JOBS:-2}") || tests_ok=0

installer=$(ls "$build"/Fidelis-*-win64.exe | head -1)
[ -f "$installer" ] || fail "no installer in $build (run make windows)"
say "installing $(basename "$installer") silently (/S)"
wine "$installer" /S
wineserver -w
# Per user, or for all users when the installer runs as an administrator: Wine's user is one.
installed=""
for dir in "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/Fidelis" "$WINEPREFIX/drive_c/Program Files/Fidelis"; do
    [ -f "$dir/bin/fidelis-cli.exe" ] && installed=$dir && break
done
[ -n "$installed" ] || fail "the installer put no fidelis-cli.exe where it should"
echo "installed in ${installed#$WINEPREFIX/}"
for f in bin/fidelis.exe bin/libpq.dll share/fidelis/scales share/fidelis/fonts/DejaVuSans.ttf \
         share/locale/sv/LC_MESSAGES/fidelis.mo share/locale/sv/LC_MESSAGES/wxstd-3.2.mo \
         share/fidelis/docs/user-guide.sv.html share/fidelis/licences/wxwidgets Uninstall.exe; do
    [ -e "$installed/$f" ] || fail "the installation has no $f"
done
# The association, in the user's or the machine's classes.
wine reg query 'HKCR\.fidelis' 2>/dev/null | grep -q Fidelis.Database || fail ".fidelis is not associated with Fidelis"
wine reg query 'HKCR\Fidelis.Database\shell\open\command' 2>/dev/null | grep -qi 'fidelis.exe' ||
    fail ".fidelis files do not open in fidelis.exe"

work=$(mktemp -d "/tmp/fidelis wine XXXXXX")
data="$work/Län 06 – Åsa Öberg"
mkdir -p "$data"
cli="$installed/bin/fidelis-cli.exe"
windows_path() { winepath -w "$1" 2>/dev/null; }
db=$(windows_path "$data")'\jönköping demo.fidelis'
pdf=$(windows_path "$data")'\länsrapport.pdf'

say "the installed fidelis-cli.exe"
scales=$(wine "$cli" scales list)
echo "$scales"
grep -q "ips-25" <<<"$scales" || fail "scales list shows no IPS-25"
wine "$cli" demo --db "$db"
[ -s "$data/jönköping demo.fidelis" ] || fail "the demo database is not where it was asked for"
wine "$cli" report county --db "$db" --scale ips-25 --out "$pdf"
[ -s "$data/länsrapport.pdf" ] || fail "the county report was not written"
qpdf --check "$data/länsrapport.pdf" >/dev/null || fail "the county report is not a sound PDF"
text=$(pdftotext "$data/länsrapport.pdf" -)
grep -q "Jönköping" <<<"$text" || fail "the county report does not name Jönköping"
echo "county report: $(pdfinfo "$data/länsrapport.pdf" | awk '/^Pages/ { print $2 }') pages, names Jönköping"
swedish=$(wine "$cli" --lang sv scales list 2>&1 || true)
echo "$swedish" | head -3

say "the installed fidelis.exe starts and shows its window"
shot=$build/windows-window.png
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    wine "$1" >/dev/null 2>&1 &
    for i in $(seq 60); do
        sleep 1
        xdotool search --name "Fidelis" >/dev/null 2>&1 && break
    done
    sleep 4
    found=$(xdotool search --name "Fidelis" 2>/dev/null | head -1)
    import -window root "$2"
    wineserver -k || true
    [ -n "$found" ]' _ "$installed/bin/fidelis.exe" "$shot" || fail "fidelis.exe showed no window"
echo "the window appeared; screenshot: $shot"

say "uninstalling silently"
wine "$installed/Uninstall.exe" /S
wineserver -w
sleep 2
[ ! -e "$installed/bin/fidelis-cli.exe" ] || fail "the uninstaller left fidelis-cli.exe"
if wine reg query 'HKCR\.fidelis' >/dev/null 2>&1; then fail "the uninstaller left the .fidelis association"; fi
[ -s "$data/jönköping demo.fidelis" ] || fail "the uninstaller touched the user's database"
rm -rf "$work"
[ "$tests_ok" = 1 ] || fail "the installer's checks passed, but a test program failed under Wine (above)"
say "all checks passed"
