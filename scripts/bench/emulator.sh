#!/usr/bin/env bash
# Emulator benchmark (not a unit test): builds DevlinkEmulator and the modules under it (-O, whole
# module), links the benchmark driver against them and runs N SFs added, configured, activated and
# listed, N = 1,000 ... 10,000.
#   EMU_BEFORE="REV ..."  also builds those commits' emulators the same way (same driver) and runs
#                         them in the same run, interleaved, with a now/REV ratio (below 1 = this tree
#                         is faster). Builds of a commit are kept in .build/emubench/REV; remove
#                         that folder after changing how this script builds.
#   COUNTS="1000 5000"    the sizes (default 1000 ... 10000); RUNS: best of RUNS (default 3).
#   CALLGRIND=1           instruction counts under callgrind instead of times (one run per size and
#                         tree: counts do not depend on the machine's load). Sizes default to 1000 2000.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
PATH=/opt/swift/usr/bin:$PATH
work="$root/.build/emubench"
mkdir -p "$work"

# build SRC OUT: the emulator of the source tree SRC with this tree's driver, as OUT/emulator-bench.
# The metadata flag is scripts/build-release's (why: see there), so the emulator runs as in dls.
build() {
  local src=$1 out=$2 objs=() m
  mkdir -p "$out"
  for m in RateUnits TextEscaping DevlinkModel DevlinkEmulator; do
    [ -d "$src/Sources/$m" ] || continue
    find "$src/Sources/$m" -name '*.swift' -print0 | xargs -0 swiftc -O -wmo -parse-as-library \
      -Xfrontend -disable-concrete-type-metadata-mangled-name-accessors \
      -module-name "$m" -package-name dls -I "$out" -emit-module -emit-module-path "$out/$m.swiftmodule" \
      -c -o "$out/$m.o"
    objs+=("$out/$m.o")
  done
  swiftc -O -I "$out" "$root/scripts/bench/emulator_bench.swift" "${objs[@]}" -o "$out/emulator-bench"
}

build "$root" "$work/now"
binaries=("now=$work/now/emulator-bench")
for rev in ${EMU_BEFORE:-}; do
  commit=$(git rev-parse --short "$rev^{commit}")
  if [ ! -x "$work/$commit/emulator-bench" ]; then
    rm -rf "$work/$commit-src" && mkdir -p "$work/$commit-src"
    git archive "$commit" Sources | tar -x -C "$work/$commit-src"
    build "$work/$commit-src" "$work/$commit"
  fi
  binaries+=("$commit=$work/$commit/emulator-bench")
done

if [ "${CALLGRIND:-}" = 1 ]; then
  counts=${COUNTS:-1000 2000}
else
  counts=${COUNTS:-$(seq -s ' ' 1000 1000 10000)}
fi
if [ ${#binaries[@]} -eq 1 ] && [ "${CALLGRIND:-}" != 1 ]; then
  COUNTS="$counts" "$work/now/emulator-bench"
  exit
fi
COUNTS="$counts" RUNS="${RUNS:-3}" CALLGRIND="${CALLGRIND:-}" /usr/bin/python3 - "${binaries[@]}" <<'PY'
import os, subprocess, sys
tools = [arg.split("=", 1) for arg in sys.argv[1:]]
counts = os.environ["COUNTS"].split()
callgrind = os.environ["CALLGRIND"] == "1"
runs = 1 if callgrind else int(os.environ["RUNS"])

def once(path, n):
    env = dict(os.environ, COUNTS=n, RUNS="1")
    cmd = [path]
    if callgrind:
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", path]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"{path} failed: {r.stderr}")
    if callgrind:
        refs = [l for l in r.stderr.splitlines() if "refs:" in l]
        return int(refs[-1].split()[-1].replace(",", ""))
    row = next(l.split() for l in r.stdout.splitlines() if l.split()[:1] == [n])
    return float(row[5])

unit = "instructions (callgrind, whole process)" if callgrind else f"total ms, best of {runs}"
print(f"emulator benchmark: N SFs added, configured, activated, listed; {unit}")
names = [name for name, _ in tools]
print(f"{'N':>6}" + "".join(f"{name:>16}" for name in names) + "".join(f"{'now/' + name:>16}" for name in names[1:]))
for n in counts:
    best = {name: None for name in names}
    for _ in range(runs):
        for name, path in tools:
            v = once(path, n)
            best[name] = v if best[name] is None else min(best[name], v)
    cells = "".join((f"{best[name]:>16,}" if callgrind else f"{best[name]:>14.1f}ms") for name in names)
    ratios = "".join(f"{best['now'] / best[name]:>16.3f}" for name in names[1:])
    print(f"{n:>6}" + cells + ratios, flush=True)
PY
