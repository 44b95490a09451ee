#!/bin/bash
# The libraries Fidelis links on Windows, cross-built with MinGW-w64 from Debian's own source
# packages (issue 12): zlib, libpng, libharu, pugixml, SQLite, GNU FriBidi, OpenSSL, libpq
# (from Debian's postgresql-15) and wxWidgets. Nothing comes from anywhere but Debian's
# archive: `apt-get source` runs with a private apt configuration under the cache, so the
# system's own sources stay as they are.
#
#   installer/windows/deps.sh CACHE
#
# CACHE/prefix is what the Fidelis build uses (installer/windows/mingw64.cmake). Each library
# is built once: a stamp per library names its Debian version and this recipe's, so a later
# run (or CI, when it keeps CACHE) rebuilds only what changed. Everything is static except
# libpq.dll, which carries OpenSSL inside it.
set -euo pipefail

cache=$(realpath -m "${1:?usage: deps.sh CACHE}")
jobs=${JOBS:-$(nproc)}
host=x86_64-w64-mingw32
prefix=$cache/prefix
# Bump when a recipe below changes, so every library is built again.
recipe=1

mkdir -p "$cache/src" "$cache/work" "$prefix/bin" "$prefix/lib" "$prefix/include" "$cache/apt/lists/partial"
export PATH="$prefix/bin:$PATH"
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig"
log() { printf '[windows deps] %s\n' "$*"; }

# A private apt configuration that knows Debian's source archive.
apt_options=(-o Dir::Etc::SourceList="$cache/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
             -o Dir::State::Lists="$cache/apt/lists" -o Dir::Cache="$cache/apt/cache"
             -o APT::Sandbox::User=root)
if [ ! -f "$cache/apt/sources.list" ] || [ -n "$(find "$cache/apt/lists" -maxdepth 0 -mtime +1 2>/dev/null)" ]; then
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    cat > "$cache/apt/sources.list" <<EOF
deb-src http://deb.debian.org/debian $codename main
deb-src http://deb.debian.org/debian $codename-updates main
deb-src http://deb.debian.org/debian-security $codename-security main
EOF
    log "reading Debian's source index"
    apt-get "${apt_options[@]}" update -qq
    touch "$cache/apt/lists"
fi

# $(version PACKAGE): the version apt would fetch.
version() { apt-cache "${apt_options[@]}" showsrc "$1" | awk '/^Version:/ { print $2 }' | sort -V | tail -1; }

# fetch PACKAGE: unpacks Debian's source package into $cache/work/PACKAGE (with Debian's
# patches applied) and sets $src to it. The newest version comes first; a version a mirror
# does not hold (security updates lag behind on some) falls back to the release's own.
fetch() {
    local package=$1 dir
    dir=$cache/work/$package
    rm -rf "$dir" && mkdir -p "$dir"
    # A part missing on the mirror is dealt with below, so apt's failure is not final here.
    (cd "$cache/src" && { apt-get "${apt_options[@]}" source --download-only -qq "$package" 2>/dev/null ||
                          apt-get "${apt_options[@]}" source --download-only -qq "$package/$codename_release" 2>&1 |
                          grep -v '^W:' || true; }) >&2
    local dsc
    dsc=$(ls -t "$cache/src/${package}"_*.dsc 2>/dev/null | head -1)
    [ -n "$dsc" ] || { log "$package: Debian's source package could not be fetched"; exit 1; }
    if ! dpkg-source --no-check -x "$dsc" "$dir/src" >/dev/null 2>&1; then
        # A mirror that lost the Debian part (it happens: libharu's debian.tar.xz) still has
        # the original: build it unpatched rather than not at all, and say so.
        local orig
        orig=$(ls "$cache/src/${package}"_*.orig.tar.* | grep -v '\.asc$' | grep -v -- '-www' | head -1)
        log "$package: Debian's patches are not on the mirror; building the original $(basename "$orig")"
        rm -rf "$dir/src" && mkdir -p "$dir/src"
        tar -xf "$orig" -C "$dir/src" --strip-components=1
    fi
    src=$dir/src
}
codename_release=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

# built NAME PACKAGE: true when NAME is already built from the version apt would fetch now.
built() {
    stamp=$prefix/.built-$1-$(version "$2")-r$recipe
    [ -f "$stamp" ]
}

cmake_cross() {
    cmake -S "$1" -B "$1/build-win" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DCMAKE_TOOLCHAIN_FILE="$(dirname "$(realpath "$0")")/mingw64.cmake" \
          -DFIDELIS_WINDOWS_DEPS="$cache" -DCMAKE_INSTALL_PREFIX="$prefix" \
          -DCMAKE_POLICY_DEFAULT_CMP0074=NEW "${@:2}" >/dev/null
    cmake --build "$1/build-win" -j "$jobs" >/dev/null
    cmake --install "$1/build-win" >/dev/null
}

licence() {  # licence NAME FILE...: the licence texts the installer carries
    mkdir -p "$prefix/licences/$1"
    cp "${@:2}" "$prefix/licences/$1/"
}

start=$(date +%s)

if ! built zlib zlib; then
    log "zlib"; fetch zlib
    (cd "$src" && for c in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
         $host-gcc -O2 -c $c.c -o $c.o; done && $host-ar rcs libz.a ./*.o)
    cp "$src/libz.a" "$prefix/lib/" && cp "$src/zlib.h" "$src/zconf.h" "$prefix/include/"
    licence zlib "$src/LICENSE"
    touch "$stamp"
fi

if ! built libpng libpng1.6; then
    log "libpng"; fetch libpng1.6
    cmake_cross "$src" -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF -DPNG_EXECUTABLES=OFF \
                -DZLIB_LIBRARY="$prefix/lib/libz.a" -DZLIB_INCLUDE_DIR="$prefix/include"
    licence libpng "$src/LICENSE"
    touch "$stamp"
fi

if ! built libharu libharu; then
    log "libharu"; fetch libharu
    cmake_cross "$src" -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF \
                -DZLIB_LIBRARY="$prefix/lib/libz.a" -DZLIB_INCLUDE_DIR="$prefix/include" \
                -DPNG_LIBRARY="$prefix/lib/libpng16.a" -DPNG_PNG_INCLUDE_DIR="$prefix/include"
    # Its static library is called libhpdfs; Fidelis looks for hpdf, as on Debian.
    mv "$prefix/lib/libhpdfs.a" "$prefix/lib/libhpdf.a"
    licence libharu "$src/README"
    touch "$stamp"
fi

if ! built pugixml pugixml; then
    log "pugixml"; fetch pugixml
    cmake_cross "$src" -DBUILD_SHARED_LIBS=OFF -DPUGIXML_BUILD_TESTS=OFF
    licence pugixml "$src/LICENSE.md"
    touch "$stamp"
fi

if ! built sqlite3 sqlite3; then
    log "SQLite"; fetch sqlite3
    # The amalgamation is generated on this machine (it needs tclsh), then compiled for
    # Windows with Debian's own options.
    (cd "$src" && mkdir -p native && cd native && ../configure -q >/dev/null && make -s sqlite3.c >/dev/null)
    $host-gcc -O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA \
        -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 \
        -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 \
        -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 \
        -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000 \
        -DSQLITE_OMIT_LOAD_EXTENSION -c "$src/native/sqlite3.c" -o "$src/native/sqlite3.o"
    $host-ar rcs "$prefix/lib/libsqlite3.a" "$src/native/sqlite3.o"
    cp "$src/native/sqlite3.h" "$src/native/sqlite3ext.h" "$prefix/include/"
    printf 'SQLite is in the public domain: https://www.sqlite.org/copyright.html\n' > "$src/PUBLIC-DOMAIN"
    licence sqlite "$src/PUBLIC-DOMAIN"
    touch "$stamp"
fi

if ! built fribidi fribidi; then
    log "GNU FriBidi"; fetch fribidi
    (cd "$src" && ./configure -q --host=$host --prefix="$prefix" --disable-shared --enable-static \
         --disable-docs >/dev/null && make -s -j "$jobs" -C lib >/dev/null && make -s -C lib install >/dev/null &&
     make -s install-pkgconfigDATA >/dev/null)
    licence fribidi "$src/COPYING"
    touch "$stamp"
fi

if ! built openssl openssl; then
    log "OpenSSL (for libpq's TLS)"; fetch openssl
    (cd "$src" && ./Configure mingw64 --cross-compile-prefix=$host- --prefix="$prefix" --libdir=lib \
         no-shared no-tests no-docs no-apps no-legacy no-dso no-engine >/dev/null &&
     make -s -j "$jobs" build_libs >/dev/null 2>&1 && make -s install_dev >/dev/null)
    licence openssl "$src/LICENSE.txt"
    touch "$stamp"
fi

if ! built libpq postgresql-15; then
    log "libpq (from postgresql-15)"; fetch postgresql-15
    (cd "$src" && ./configure -q --host=$host --prefix="$prefix" --with-ssl=openssl --without-readline \
         --without-zlib --without-icu --without-llvm --without-gssapi --without-ldap --disable-nls \
         CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" LIBS="-lcrypt32 -lws2_32" >/dev/null &&
     make -s -C src/backend generated-headers >/dev/null &&
     make -s -j "$jobs" -C src/port >/dev/null && make -s -j "$jobs" -C src/common >/dev/null &&
     make -s -j "$jobs" -C src/interfaces/libpq >/dev/null &&
     make -s -C src/include install >/dev/null && make -s -C src/interfaces/libpq install >/dev/null)
    licence postgresql "$src/COPYRIGHT"
    touch "$stamp"
fi

if ! built wxwidgets wxwidgets3.2; then
    log "wxWidgets (the longest: about 15 minutes on 2 cores)"; fetch wxwidgets3.2
    # Only what Fidelis uses (core, base, grid, the common dialogs). Debian's source leaves out
    # the bundled image libraries, so PNG and zlib come from above and JPEG and TIFF are off.
    mkdir -p "$src/build-win"
    (cd "$src/build-win" && ../configure -q --host=$host --build=x86_64-linux-gnu --prefix="$prefix" \
         --disable-shared --with-msw --disable-debug_info --disable-precomp-headers \
         --with-libpng=sys --with-zlib=sys --without-libjpeg --without-libtiff --without-expat \
         --without-liblzma --without-opengl --disable-xml --disable-xrc --disable-html --disable-webview \
         --disable-mediactrl --disable-stc --disable-richtext --disable-ribbon --disable-propgrid \
         --disable-aui --disable-sound --disable-svg --disable-webrequest --disable-secretstore \
         CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" >/dev/null &&
     make -s -j "$jobs" >/dev/null && make -s install >/dev/null)
    # wxWidgets' own Swedish (OK, Cancel, the file dialogs), as Debian's wx3.2-i18n has it.
    mkdir -p "$prefix/share/locale/sv/LC_MESSAGES"
    msgfmt -o "$prefix/share/locale/sv/LC_MESSAGES/wxstd-3.2.mo" "$src/locale/sv.po"
    licence wxwidgets "$src/docs/licence.txt" "$src/docs/licendoc.txt"
    touch "$stamp"
fi

log "all libraries are in $prefix ($(( $(date +%s) - start )) s this run)"
