#!/bin/sh
# An installed Fidelis under a prefix nobody planned for, run from a folder outside the
# source and build trees: it must find its scales, fonts, translations and data relative to
# itself, and write a valid county report. Usage: installed_tree_test.sh BUILD_DIR
set -eu
BUILD=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/opt/fidelis with space"

cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
CLI="$PREFIX/bin/fidelis-cli"
mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Everything a package ships is in place.
for f in bin/fidelis-cli share/fidelis/scales/ips-25.xml share/fidelis/scales/seqf-se.xml \
         share/fidelis/schema/fidelis-scale.xsd share/fidelis/schema/fidelis-exchange.xsd \
         share/fidelis/fonts/DejaVuSans.ttf share/fidelis/fonts/LICENSE \
         share/fidelis/data/se-municipalities.csv share/locale/sv/LC_MESSAGES/fidelis.mo \
         share/fidelis/docs/user-guide.sv.md share/fidelis/docs/user-guide.en.md \
         share/fidelis/docs/user-guide.sv.html share/fidelis/docs/user-guide.en.html \
         share/fidelis/docs/screenshots/county-sv.png share/fidelis/icons/fidelis-48.png \
         share/applications/io.github.fidelis_se.Fidelis.desktop \
         share/metainfo/io.github.fidelis_se.Fidelis.metainfo.xml \
         share/mime/packages/io.github.fidelis_se.Fidelis.xml \
         share/icons/hicolor/scalable/apps/io.github.fidelis_se.Fidelis.svg \
         share/icons/hicolor/48x48/apps/io.github.fidelis_se.Fidelis.png \
         share/man/man1/fidelis-cli.1.gz share/doc/fidelis/copyright; do
    [ -e "$PREFIX/$f" ] || fail "not installed: $f"
done

# The shipped scales, found from the installed tree and not from the sources.
list=$("$CLI" scales list)
echo "$list" | grep -q "^ips-25	" || fail "scales list has no ips-25: $list"
echo "$list" | grep -q "$PREFIX/share/fidelis/scales/ips-25.xml" || fail "ips-25 not read from the prefix: $list"
outside=$(echo "$list" | awk -F'\t' -v p="$PREFIX/" 'index($NF, p) != 1')
[ -z "$outside" ] || fail "scales read from outside the prefix: $outside"

# The Swedish catalog, and a county report in Swedish.
"$CLI" --lang sv demo --db county.fidelis >/dev/null
"$CLI" --lang sv report county --db county.fidelis --scale ips-25 --out county.pdf >/dev/null
qpdf --check county.pdf >/dev/null || fail "the county report is not a valid PDF"
text=$(pdftotext county.pdf -)
echo "$text" | grep -q "Jönköpings län" || fail "the county report lacks the county"
echo "$text" | grep -q "programtrohet" || fail "the county report is not in Swedish"
"$CLI" --lang sv round show --db county.fidelis --round 999999 2>&1 | grep -q "mätomgång" ||
    fail "messages are not in Swedish"
# A new language is a catalog and nothing else (README: "Translating Fidelis").
mkdir -p "$PREFIX/share/locale/nb/LC_MESSAGES"
cat > "$WORK/nb.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "There is no round with id {1}."
msgstr "Det finnes ingen målerunde med id {1}."
PO
msgfmt --check -o "$PREFIX/share/locale/nb/LC_MESSAGES/fidelis.mo" "$WORK/nb.po"
"$CLI" --lang nb round show --db county.fidelis --round 999999 2>&1 | grep -q "ingen målerunde" ||
    fail "a language added as a catalog is not used"
LANG=nb_NO.UTF-8 "$CLI" round show --db county.fidelis --round 999999 2>&1 | grep -q "ingen målerunde" ||
    fail "the environment's language is not picked up"
"$CLI" --lang xx scales list >/dev/null 2>&1 && fail "--lang accepted a language without a catalog"
echo "installed tree works from $PREFIX"
