#!/usr/bin/env bash
# Times scripts/bench/programs/provision.dls (256 SFs with MACs and rate leaves under 8 groups, on the
# emulator) end to end: median of RUNS runs, process start included. It has no python/lua twin: they
# have no devlink to talk to.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/build-release
RUNS="${RUNS:-5}" /usr/bin/python3 - <<'PY'
import os, subprocess, time, statistics
runs = int(os.environ["RUNS"])
samples, out = [], None
for _ in range(runs):
    t = time.perf_counter()
    r = subprocess.run([".build/release/dls", "--emulator", "scripts/bench/programs/provision.dls"], capture_output=True, text=True)
    samples.append(time.perf_counter() - t)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    out = r.stdout.strip()
print(f"provision  {statistics.median(samples)*1000:.1f} ms (median of {runs}), output: {out}")
PY
