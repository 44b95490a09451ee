#!/bin/sh
# The a11y harness's own tests (cmake/A11y.cmake, EXPECT_FAILURE): runs COMMAND, which must
# fail with exit code 1 (violations found; 2 would be a usage error or no browser) and print
# every TEXT given, so the harness is seen to catch those defects by name.
# Usage: tests/a11y/expect-failure.sh [--expect TEXT]... -- COMMAND [ARG]...
set -u
expected=$(mktemp)
trap 'rm -f "$expected"' EXIT
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    [ "$1" = "--expect" ] && [ $# -ge 2 ] || { echo "usage: $0 [--expect TEXT]... -- COMMAND..." >&2; exit 2; }
    printf '%s\n' "$2" >> "$expected"
    shift 2
done
[ $# -ge 2 ] || { echo "usage: $0 [--expect TEXT]... -- COMMAND..." >&2; exit 2; }
shift
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
status=0
if [ "$rc" -ne 1 ]; then
    echo "expect-failure: exit code $rc, expected 1 (violations or load errors found)"
    status=1
fi
while IFS= read -r text; do
    case $out in
        *"$text"*) ;;
        *) echo "expect-failure: the output does not name: $text"; status=1 ;;
    esac
done < "$expected"
[ "$status" -eq 0 ] && echo "expect-failure: failed as expected, naming all $(wc -l < "$expected") expected problems"
exit "$status"
