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
toolchain=$(dirname "$(realpath "$0")")/mingw64.cmake
# Bump when a recipe below changes, so every library is built again.
recipe_version=1

mkdir -p "$cache/src" "$cache/work" "$cache/logs" "$prefix/bin" "$prefix/lib" "$prefix/include" "$cache/apt/lists/partial"
export PATH="$prefix/bin:$PATH"
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig"
# Progress goes to fd 3, the terminal, also from inside a build whose output goes to its log.
exec 3>&1
log() { printf '[windows deps] %s\n' "$*" >&3; }

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
                          grep -v '^W:' || true; })
    local dsc
    dsc=$(ls -t "$cache/src/${package}"_*.dsc 2>/dev/null | head -1)
    [ -n "$dsc" ] || { log "$package: Debian's source package could not be fetched"; exit 1; }
    if ! dpkg-source --no-check -x "$dsc" "$dir/src"; then
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
    stamp=$prefix/.built-$1-$(version "$2")-r$recipe_version
    [ -f "$stamp" ]
}

cmake_cross() {
    cmake -S "$1" -B "$1/build-win" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
          -DFIDELIS_WINDOWS_DEPS="$cache" -DCMAKE_INSTALL_PREFIX="$prefix" \
          -DCMAKE_POLICY_DEFAULT_CMP0074=NEW "${@:2}"
    cmake --build "$1/build-win" -j "$jobs"
    cmake --install "$1/build-win"
}

licence() {  # licence NAME FILE...: the licence texts the installer carries
    mkdir -p "$prefix/licences/$1"
    cp "${@:2}" "$prefix/licences/$1/"
}

# recipe NAME PACKAGE MESSAGE: fetches PACKAGE and runs build_NAME on it, unless the same
# version was built before. What the build prints goes to CACHE/logs/NAME.log, whose end
# is shown when it fails.
recipe() {
    built "$1" "$2" && return 0
    log "$3"
    fetch "$2" > "$cache/logs/$1.log" 2>&1
    # In a bash of its own, so that set -e holds inside the recipe (it does not in a function
    # whose status is tested).
    export -f "build_$1" cmake_cross licence log
    export src prefix host jobs cache toolchain
    if ! bash -euo pipefail -c "build_$1" >> "$cache/logs/$1.log" 2>&1; then
        tail -40 "$cache/logs/$1.log" >&2
        log "$1 failed; the whole log is $cache/logs/$1.log"
        exit 1
    fi
    touch "$stamp"
}

start=$(date +%s)

build_zlib() {
    (cd "$src" && for c in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
         $host-gcc -O2 -c $c.c -o $c.o; done && $host-ar rcs libz.a ./*.o)
    cp "$src/libz.a" "$prefix/lib/" && cp "$src/zlib.h" "$src/zconf.h" "$prefix/include/"
    licence zlib "$src/LICENSE"
}
recipe zlib zlib "zlib"

build_libpng() {
    cmake_cross "$src" -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF -DPNG_EXECUTABLES=OFF \
                -DZLIB_LIBRARY="$prefix/lib/libz.a" -DZLIB_INCLUDE_DIR="$prefix/include"
    licence libpng "$src/LICENSE"
}
recipe libpng libpng1.6 "libpng"

build_libharu() {
    cmake_cross "$src" -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF \
                -DZLIB_LIBRARY="$prefix/lib/libz.a" -DZLIB_INCLUDE_DIR="$prefix/include" \
                -DPNG_LIBRARY="$prefix/lib/libpng16.a" -DPNG_PNG_INCLUDE_DIR="$prefix/include"
    # Its static library is called libhpdfs; Fidelis looks for hpdf, as on Debian.
    mv "$prefix/lib/libhpdfs.a" "$prefix/lib/libhpdf.a"
    licence libharu "$src/README"
}
recipe libharu libharu "libharu"

build_pugixml() {
    cmake_cross "$src" -DBUILD_SHARED_LIBS=OFF -DPUGIXML_BUILD_TESTS=OFF
    licence pugixml "$src/LICENSE.md"
}
recipe pugixml pugixml "pugixml"

build_sqlite3() {
    # The amalgamation is generated on this machine (it needs tclsh), then compiled for
    # Windows with Debian's own options.
    (cd "$src" && mkdir -p native && cd native && ../configure -q && make -s sqlite3.c)
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
}
recipe sqlite3 sqlite3 "SQLite"

build_fribidi() {
    (cd "$src" && ./configure -q --host=$host --prefix="$prefix" --disable-shared --enable-static \
         --disable-docs && make -s -j "$jobs" -C lib && make -s -C lib install &&
     make -s install-pkgconfigDATA)
    licence fribidi "$src/COPYING"
}
recipe fribidi fribidi "GNU FriBidi"

build_openssl() {
    (cd "$src" && ./Configure mingw64 --cross-compile-prefix=$host- --prefix="$prefix" --libdir=lib \
         no-shared no-tests no-legacy no-dso no-engine &&
     make -s -j "$jobs" build_libs 2>&1 && make -s install_dev)
    licence openssl "$src/LICENSE.txt"
}
recipe openssl openssl "OpenSSL (for libpq's TLS)"

build_libpq() {
    (cd "$src" && ./configure -q --host=$host --prefix="$prefix" --with-ssl=openssl --without-readline \
         --without-zlib --without-icu --without-llvm --without-gssapi --without-ldap --disable-nls \
         CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" LIBS="-lcrypt32 -lws2_32" &&
     make -s -C src/backend generated-headers &&
     make -s -j "$jobs" -C src/port && make -s -j "$jobs" -C src/common &&
     make -s -j "$jobs" -C src/interfaces/libpq &&
     make -s -C src/include install && make -s -C src/interfaces/libpq install)
    licence postgresql "$src/COPYRIGHT"
}
recipe libpq postgresql-15 "libpq (from postgresql-15)"

build_wxwidgets() {
    # Only what Fidelis uses (core, base, grid, the common dialogs). Debian's source leaves out
    # the bundled image libraries, so PNG and zlib come from above and JPEG and TIFF are off.
    mkdir -p "$src/build-win"
    (cd "$src/build-win" && ../configure -q --host=$host --build=x86_64-linux-gnu --prefix="$prefix" \
         --disable-shared --with-msw --disable-debug_info --disable-precomp-headers \
         --with-libpng=sys --with-zlib=sys --without-libjpeg --without-libtiff --without-expat \
         --without-liblzma --without-opengl --disable-xrc --disable-html --disable-webview \
         --disable-mediactrl --disable-stc --disable-richtext --disable-ribbon --disable-propgrid \
         --disable-aui --disable-sound --disable-svg --disable-webrequest --disable-secretstore \
         CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" &&
     make -s -j "$jobs" && make -s install)
    # wxWidgets' own Swedish (OK, Cancel, the file dialogs), as Debian's wx3.2-i18n has it.
    mkdir -p "$prefix/share/locale/sv/LC_MESSAGES"
    msgfmt -o "$prefix/share/locale/sv/LC_MESSAGES/wxstd-3.2.mo" "$src/locale/sv.po"
    licence wxwidgets "$src/docs/licence.txt" "$src/docs/licendoc.txt"
}
recipe wxwidgets wxwidgets3.2 "wxWidgets (the longest: about 15 minutes on 2 cores)"

log "all libraries are in $prefix ($(( $(date +%s) - start )) s this run)"
