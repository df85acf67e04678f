#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/ (address sanitizer on). See docs/fuzzing.md.
#
#   scripts/fuzz.sh TARGET SECONDS      fuzz one target (parser, interpreter, netlink, topology, command-line)
#   scripts/fuzz.sh all SECONDS         each target in turn for SECONDS
#   scripts/fuzz.sh repro TARGET FILE.. run inputs once (a crash file, a corpus entry)
#   scripts/fuzz.sh build               build only
#
# Every run first replays the seeds (Fuzz/corpus/TARGET) and the inputs of crashes already fixed
# (Fuzz/crashes/TARGET); new interesting inputs go to fuzz-out/corpus/TARGET and crash inputs to
# fuzz-out/crashes/TARGET. Exits non-zero on any crash, leak, timeout or out-of-memory.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

scratch=.build-fuzz
all_targets=(parser interpreter netlink topology command-line)

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

build() {
    if [ -n "${FUZZ_SKIP_BUILD:-}" ]; then return 0; fi   # reuse the last build (long runs while editing)
    echo "== building fuzz targets (-sanitize=fuzzer,address)"
    mkdir -p fuzz-out
    # No manifest caching: it misses files added to the project (a path dependency here). -O: the
    # build takes 3x longer, the targets run 4-5x faster (Swift's own checks stay on).
    if ! swift build -c debug --package-path Fuzz --scratch-path "$scratch" --disable-build-manifest-caching \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -O > fuzz-out/build.log 2>&1; then
        # ld.gold warns about every ASan helper symbol it cannot export; that noise is not ours.
        grep -vE '^\[[0-9]+/[0-9]+\]|Cannot export local symbol' fuzz-out/build.log | tail -n 40
        echo "!! fuzz build failed (full log: fuzz-out/build.log)"
        return 1
    fi
}

# parser -> FuzzParser, command-line -> FuzzCommandLine
product() {
    case "$1" in
        parser) echo FuzzParser ;;
        interpreter) echo FuzzInterpreter ;;
        netlink) echo FuzzNetlink ;;
        topology) echo FuzzTopology ;;
        command-line) echo FuzzCommandLine ;;
        *) echo "unknown fuzz target \"$1\" (expected one of: ${all_targets[*]}, all)" >&2; exit 2 ;;
    esac
}

# Per-target options: input size cap and dictionary.
options() {
    case "$1" in
        parser|command-line) echo "-max_len=4096 -dict=Fuzz/dict/dls.dict" ;;
        # Scripts can build reference cycles (append(a, a)), which reference counting never frees
        # by design; leak detection would report each one.
        interpreter) echo "-max_len=4096 -dict=Fuzz/dict/dls.dict -detect_leaks=0" ;;
        netlink) echo "-max_len=4096" ;;
        topology) echo "-max_len=4096 -dict=Fuzz/dict/topology.dict" ;;
    esac
}

run() {
    local target=$1 seconds=$2 name
    name=$(product "$target")
    local corpus=fuzz-out/corpus/$name crashes=fuzz-out/crashes/$name
    mkdir -p "$corpus" "$crashes" "Fuzz/crashes/$name"
    echo "== fuzz $target for ${seconds}s"
    # The interpreter target also turns off ASan's leak check at exit: a fuzzed script that builds a
    # reference cycle (`let m = {}; m.x = m`) leaks by design, and that check would flag the run.
    local asan="${ASAN_OPTIONS:-}"
    [ "$target" = interpreter ] && asan="detect_leaks=0${asan:+:$asan}"
    # shellcheck disable=SC2046
    ASAN_OPTIONS="$asan" "$scratch/debug/$name" $(options "$target") -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "Fuzz/corpus/$name" "Fuzz/crashes/$name" \
        2> "fuzz-out/$name.log" || {
        tail -n 60 "fuzz-out/$name.log"
        echo "!! fuzz target $target failed; inputs in $crashes/, reproduce with: scripts/fuzz.sh repro $target FILE"
        return 1
    }
    grep -E '^#[0-9]+\s+DONE|^INFO: Loaded|stat::number_of_executed_units|stat::peak_rss_mb' "fuzz-out/$name.log" || true
}

case "${1:-}" in
    build) build ;;
    repro)
        [ $# -ge 3 ] || usage
        name=$(product "$2")
        [ "$2" = interpreter ] && export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
        shift 2
        build
        "$scratch/debug/$name" -runs=1 "$@"
        ;;
    all)
        [ $# -eq 2 ] || usage
        build
        status=0
        for t in "${all_targets[@]}"; do run "$t" "$2" || status=1; done
        exit $status
        ;;
    ""|-h|--help) usage ;;
    *)
        [ $# -eq 2 ] || usage
        product "$1" > /dev/null
        build
        run "$1" "$2"
        ;;
esac
