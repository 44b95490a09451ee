#!/bin/sh
# `make fuzz` runs this after building: each libFuzzer target for FUZZ_SECONDS on a working
# copy of its committed corpus, with its dictionary, a per-input timeout (a hang is a
# finding) and a memory limit. libFuzzer runs in fork mode and carries on after a finding,
# so one run reports every distinct finding rather than the first. Each finding is then
# replayed once to name it. Prints executions, coverage and findings per target and exits
# non-zero when any target had a crash, leak, timeout, out-of-memory or invariant failure.
#
# Usage: fuzz/run.sh BUILD_DIR [TARGET...]   (default: every target)
# Environment: FUZZ_SECONDS (60), FUZZ_TIMEOUT (seconds per input, 10), FUZZ_RSS_MB (1024).
set -u
SRC=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR [TARGET...]}" && pwd)
shift
TARGETS=${*:-"scale_loader exchange_import"}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-1024}
# halt_on_error and leak checks are libFuzzer's defaults with ASan; UBSan must not recover.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LANGUAGE= LANG=C.UTF-8 LC_ALL=
export XDG_DATA_HOME="$BUILD/fuzz-work/xdg-data" XDG_CONFIG_HOME="$BUILD/fuzz-work/xdg-config"

status=0
summary=""
for t in $TARGETS; do
    bin="$BUILD/bin/fuzz_$t"
    [ -x "$bin" ] || { echo "fuzz: $bin is not built" >&2; exit 2; }
    work="$BUILD/fuzz-work/$t"
    corpus="$work/corpus"    # grows from run to run; the committed corpus is only read
    findings="$BUILD/findings/$t"
    log="$work/fuzz.log"
    mkdir -p "$corpus" "$findings"
    rm -f "$findings"/crash-* "$findings"/leak-* "$findings"/timeout-* "$findings"/oom-* "$findings"/slow-unit-*
    cp -n "$SRC/corpus/$t"/* "$corpus"/ 2>/dev/null
    echo "fuzz: $t for ${SECONDS_EACH}s (log: $log)"
    (cd "$work" && "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
        -dict="$SRC/$t.dict" -artifact_prefix="$findings/" -print_final_stats=1 \
        "$corpus") >"$log" 2>&1
    rc=$?
    # The parent's last progress line: "#N: cov: C ft: F corp: K exec/s E oom/timeout/crash: a/b/c time: Ts ...".
    last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1)
    execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
    took=$(echo "$last" | sed -n 's/.* time: \([0-9]*\)s.*/\1/p')
    n_crash=$(ls "$findings" | grep -c '^crash-')
    n_leak=$(ls "$findings" | grep -c '^leak-')
    n_timeout=$(ls "$findings" | grep -c '^timeout-')
    n_oom=$(ls "$findings" | grep -c '^oom-')
    total=$((n_crash + n_leak + n_timeout + n_oom))
    line="$t: ${execs:-?} executions in ${took:-?}s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?} inputs;"
    line="$line findings: $n_crash crashes, $n_leak leaks, $n_timeout timeouts, $n_oom out-of-memory"
    if [ -z "$last" ] || { [ "$rc" -ne 0 ] && [ "$total" -eq 0 ]; }; then
        line="$line; libFuzzer failed (exit $rc), see $log"
        status=1
    fi
    summary="$summary$line
"
    if [ "$total" -gt 0 ]; then
        status=1
        # Name each finding by what it printed: our invariant message, else the sanitizer's summary.
        for f in "$findings"/crash-* "$findings"/leak-* "$findings"/timeout-* "$findings"/oom-*; do
            [ -e "$f" ] || continue
            case $(basename "$f") in
            timeout-*) what="no result within ${TIMEOUT}s" ;;
            oom-*) what="over ${RSS_MB} MB" ;;
            *) what=$(cd "$work" && "$bin" -runs=1 -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$f" 2>&1 |
                       grep -m1 -E '==FIDELIS FUZZ FINDING==|^SUMMARY: |ERROR: LeakSanitizer|ERROR: libFuzzer' |
                       sed 's/^==FIDELIS FUZZ FINDING== //') ;;
            esac
            summary="$summary  $f ($(wc -c <"$f") bytes): $what
"
        done
    fi
done
echo
echo "fuzz results (${SECONDS_EACH}s per target; reproduce one with: BUILD/bin/fuzz_TARGET FILE):"
printf '%s' "$summary"
[ "$status" -eq 0 ] && echo "fuzz: no findings" || echo "fuzz: FINDINGS (see above)"
exit "$status"
