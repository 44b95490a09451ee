#!/bin/bash
# Screenshots of the Windows build's window under Wine and Xvfb, in Swedish and English, for
# docs/screenshots/ and the README's install section. Installs build-windows' installer
# silently into the build's Wine prefix if Fidelis is not installed there yet, makes the demo
# county with the installed fidelis-cli.exe, and opens it in the installed fidelis.exe.
#
#   tools/windows_screenshots.sh [BUILD] [OUT] [WIDTHxHEIGHT]
set -euo pipefail
build=$(realpath "${1:-build-windows}")
out=$(realpath -m "${2:-docs/screenshots}")
size=${3:-1366x768}
export WINEPREFIX=$build/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$out"

find_installed() {
    for dir in "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/Fidelis" "$WINEPREFIX/drive_c/Program Files/Fidelis"; do
        [ -f "$dir/bin/fidelis.exe" ] && { echo "$dir"; return; }
    done
}
installed=$(find_installed)
if [ -z "$installed" ]; then
    [ -f "$WINEPREFIX/system.reg" ] || { wineboot -i >/dev/null 2>&1 || true; wineserver -w; }
    wine "$(ls "$build"/Fidelis-*-win64.exe | head -1)" /S
    wineserver -w
    installed=$(find_installed)
fi
[ -n "$installed" ] || { echo "Fidelis is not installed in $WINEPREFIX" >&2; exit 1; }

# The demo county in the user's Documents, as a user would keep it.
docs="$WINEPREFIX/drive_c/users/$(id -un)/Documents"
mkdir -p "$docs"
db='C:\users\'"$(id -un)"'\Documents\jonkoping-demo.fidelis'
rm -f "$docs/jonkoping-demo.fidelis"
wine "$installed/bin/fidelis-cli.exe" demo --db "$db" >/dev/null

for lang in sv en; do
    case $lang in sv) locale=sv_SE.UTF-8 ;; en) locale=en_GB.UTF-8 ;; esac
    shot=$out/windows-county-$lang.png
    LANG=$locale LC_ALL= LANGUAGE= xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        wine "$1" "$2" >/dev/null 2>&1 &
        # Wine and the window take their time on a loaded machine; no window manager here.
        sleep 30
        # The first start asks for the name the history records; the login name is offered.
        if xdotool search --name "^(Ditt namn|Your name)" >/dev/null 2>&1; then xdotool key Return; sleep 5; fi
        import -window root "$3"
        wineserver -k || true' _ "$installed/bin/fidelis.exe" "$db" "$shot"
    echo "$shot"
done
