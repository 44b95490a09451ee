#!/bin/sh
# CTest fixture of the a11y tests (cmake/A11y.cmake): installs axe-core and playwright-core,
# exactly as package-lock.json pins them, with `npm ci` into DEST/node_modules (the build
# tree, so the source tree stays clean). No package script runs and no browser is
# downloaded: axe-check.js drives Debian's /usr/bin/chromium. Skipped while DEST already
# holds what this lock file installs.
# Usage: tests/a11y/npm-ci.sh DEST [NPM]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=$1
npm=${2:-npm}
stamp="$dest/node_modules/.fidelis-installed-lock.json"
if [ -f "$stamp" ] && cmp -s "$here/package-lock.json" "$stamp" && cmp -s "$here/package.json" "$dest/package.json"; then
    echo "npm-ci: $dest/node_modules is up to date with tests/a11y/package-lock.json"
    exit 0
fi
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
cd "$dest"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
    "$npm" ci --ignore-scripts --no-audit --no-fund
cp package-lock.json "$stamp"
