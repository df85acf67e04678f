#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer, each in its own build directory:
#   scripts/sanitize.sh address     swift test --sanitize=address (leak checks on, see lsan.supp)
#   scripts/sanitize.sh thread      swift test --sanitize=thread
#   scripts/sanitize.sh all         both, one after the other (each build takes ~3 minutes on 2 cores)
# Fails on any sanitizer report, even when every test passed. The end-to-end tests run the normal
# .build/debug/dls binary; the sanitizers cover everything the test process runs in-process.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH=/opt/swift/usr/bin:$PATH

run() {
    local sanitizer=$1 scratch=.build-$1 log
    log=$(mktemp /tmp/dls-sanitize-$1.XXXXXX)
    echo "== swift test --sanitize=$sanitizer"
    if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" > "$log" 2>&1; then
        grep -vE '^\[[0-9]+/[0-9]+\]|Cannot export local symbol' "$log" | tail -n 40
        echo "!! $sanitizer build failed"
        return 1
    fi
    local status=0
    # Line-buffered, so the summary is in the log even if the process must be killed; a run that
    # does not end in 15 minutes is killed (runs once crashed and hung inside TSan when the
    # deep-recursion tests overflowed its shadow stack; they now skip themselves under TSan).
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0" \
    TSAN_OPTIONS=halt_on_error=0 \
        timeout -k 10 900 stdbuf -oL -eL \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --parallel > "$log" 2>&1 || status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        # timeout's KILL reaches swift-test only; a test process stuck in TSan outlived it once.
        pkill -9 -f "$PWD/$scratch/.*PackageTests.xctest" || true
        echo "!! the $sanitizer test run did not finish in 15 minutes"
    fi
    if [ "$status" -ne 0 ] || grep -qE '^(==[0-9]+==)?(ERROR|WARNING): (Address|Thread|Leak)Sanitizer' "$log"; then
        grep -E -A40 '^(==[0-9]+==)?(ERROR|WARNING): (Address|Thread|Leak)Sanitizer|✘' "$log" | head -n 120
        echo "!! tests under the $sanitizer sanitizer failed (status $status; full log: $log)"
        return 1
    fi
    grep -E '^✔ Test run with' "$log" || true
    rm -f "$log"
}

case "${1:-}" in
    address|thread) run "$1" ;;
    all) run address; run thread ;;
    *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
