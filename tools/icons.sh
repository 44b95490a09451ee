#!/bin/sh
# Renders installer/icons/fidelis.svg to the PNG sizes desktops ask for, and the Windows
# .ico and the macOS .icns. The results are committed, so building needs none of this:
# run it after editing the SVG. Needs librsvg2-bin, imagemagick and icnsutils.
set -eu
cd "$(dirname "$0")/../installer/icons"
for s in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$s" -h "$s" fidelis.svg -o "fidelis-$s.png"
done
convert fidelis-16.png fidelis-24.png fidelis-32.png fidelis-48.png fidelis-64.png fidelis-256.png fidelis.ico
png2icns fidelis.icns fidelis-16.png fidelis-32.png fidelis-48.png fidelis-128.png fidelis-256.png fidelis-512.png >/dev/null
ls -1 fidelis-*.png fidelis.ico fidelis.icns
