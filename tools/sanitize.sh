#!/bin/sh
# `make sanitize`: builds Fidelis without the window (clang, -fsanitize=address,undefined)
# in BUILD_DIR and runs every test `make test` runs except the window's own under ASan,
# UBSan and LeakSanitizer. Every process writes any report to BUILD_DIR/sanitizer-logs/,
# including the fidelis-cli processes the tests start and whose exit codes the tests
# judge, so a report fails this run even where the test itself would pass.
# Clang rather than gcc: with gcc's separate libubsan, UBSan ignores log_path and prints
# to stderr, where a test that captures a child's stderr would swallow the report.
# The window's tests are left out: they need a GTK build of the window under Xvfb, and
# GTK, GLib and fontconfig keep caches for the life of the process that LeakSanitizer
# reports as leaks; suppressing those would hide ours among them.
# Usage: tools/sanitize.sh BUILD_DIR [JOBS]
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-sanitize}
JOBS=${2:-2}
FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
start=$(date +%s)

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    # -O1 -g, and no NDEBUG: asserts stay on, and ASan's reports keep their lines.
    cmake -S "$SRC" -B "$BUILD" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g" \
          -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
          -DFIDELIS_GUI=OFF || exit 1
fi
BUILD=$(cd "$BUILD" && pwd)
LOGS="$BUILD/sanitizer-logs"
rm -rf "$LOGS"
mkdir -p "$LOGS"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$LOGS/report"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$LOGS/report"
export LSAN_OPTIONS="suppressions=$SRC/tools/sanitize/lsan.supp:print_suppressions=0"
# The build runs test programs too (Catch2 lists their test cases), so it is checked alike.
cmake --build "$BUILD" -j "$JOBS" || exit 1
built=$(date +%s)
(cd "$BUILD" && ctest --output-on-failure -j "$JOBS" -LE bench)
rc=$?
end=$(date +%s)

reports=$(find "$LOGS" -type f | sort)
if [ -n "$reports" ]; then
    echo
    echo "sanitize: $(echo "$reports" | wc -l) sanitizer report(s):"
    for f in $reports; do
        echo "---- $f"
        head -n 60 "$f"
    done
    rc=1
fi
echo "sanitize: build $((built - start))s, tests $((end - built))s;" \
     "$( [ "$rc" -eq 0 ] && echo 'no sanitizer report, every test passed' || echo 'FAILED')"
exit "$rc"
