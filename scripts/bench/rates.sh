#!/usr/bin/env bash
# Rate simulator benchmark (not a unit test): builds DevlinkModel in release mode, links the
# benchmark driver against it and simulates 10,000 leaves under 100 nodes (issue 22's target: under
# 100 ms), then lints the same tree. Prints the median of several runs for each rule set.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
swift build -c release --target DevlinkModel >/dev/null
bin=$(swift build -c release --show-bin-path)
out="$bin/rates-bench"
swiftc -O -I "$bin/Modules" "$root/scripts/bench/rates_bench.swift" "$bin"/DevlinkModel.build/*.o -o "$out"
"$out"
