#!/usr/bin/env bash
# Emulator benchmark (not a unit test): builds DevlinkEmulator in release mode, links the benchmark
# driver against it and runs 1k..10k SFs added, configured, activated and listed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
swift build -c release --target DevlinkEmulator >/dev/null
bin=$(swift build -c release --show-bin-path)
out="$bin/emulator-bench"
swiftc -O -I "$bin/Modules" "$root/scripts/bench/emulator_bench.swift" \
    "$bin"/DevlinkModel.build/*.o "$bin"/DevlinkEmulator.build/*.o -o "$out"
"$out"
