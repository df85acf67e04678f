#!/usr/bin/env bash
# Desired-state benchmark (not a unit test): a document with 1,000 SFs (MAC, active) whose rate
# leaves sit under 10 rate nodes, on the emulator (one mlx5 PF with a 1,024-entry SF table):
#   plan   `dls plan` from the empty state (process start, reading, diffing, ordering)   target < 200 ms
#   apply  `dls apply` of that plan (3,011 requests, waits for 1,000 SF attaches)          target < 1 s
#   again  `dls plan` after the apply, through --emulator-state (must say "No changes.")
# Median of RUNS runs (default 5). DLS=path picks the binary (default: the release build, made here).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${DLS:-}" ]; then scripts/build-release; DLS=.build/release/dls; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dls-desired-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
DLS="$DLS" WORK="$work" RUNS="${RUNS:-5}" /usr/bin/python3 - <<'PY'
import json, os, subprocess, time, statistics
dls, work, runs = os.environ["DLS"], os.environ["WORK"], int(os.environ["RUNS"])
topology = {"devices": [{"handle": "pci/0000:06:00.0", "profile": "mlx5", "max_sfs": 1024}]}
ports, rates = {}, {}
for g in range(10):
    rates[f"group{g}"] = {"type": "node", "tx_max": "10Gbit"}
for i in range(1000):
    sfnum = 1000 + i
    ports[f"sf/{sfnum}"] = {"flavour": "pcisf", "pfnum": 0, "sfnum": sfnum,
                            "function": {"hw_addr": "02:00:00:00:%02x:%02x" % (i >> 8, i & 255), "state": "active"}}
    rates[f"sf/{sfnum}"] = {"parent": f"group{i % 10}", "tx_share": "10Mbit"}
document = {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"}, "ports": ports, "rates": rates}}}
with open(f"{work}/topology.json", "w") as f: json.dump(topology, f)
with open(f"{work}/want.json", "w") as f: json.dump(document, f)
base = [dls, "--emulator", f"{work}/topology.json"]
def once(args, expect):
    t = time.perf_counter()
    r = subprocess.run(base + args, capture_output=True, text=True)
    took = time.perf_counter() - t
    if r.returncode != expect:
        raise SystemExit(f"{' '.join(args)}: exit {r.returncode}: {r.stderr[-2000:]}")
    return took, r.stdout
results = {"plan": [], "apply": [], "again": []}
lines = 0
for n in range(runs):
    state = f"{work}/state{n}.json"
    took, out = once(["plan", f"{work}/want.json"], 3)
    results["plan"].append(took)
    lines = out.count("\n")
    took, out = once(["--emulator-state", state, "apply", f"{work}/want.json"], 0)
    results["apply"].append(took)
    took, out = once(["--emulator-state", state, "plan", f"{work}/want.json"], 0)
    if out != "No changes.\n": raise SystemExit("second plan: " + out[:500])
    results["again"].append(took)
print(f"desired state, 1,000 SFs under 10 rate nodes: a plan of {lines} steps")
for name, target in [("plan", 200), ("apply", 1000), ("again", None)]:
    ms = statistics.median(results[name]) * 1000
    note = f"   (target < {target} ms: {'ok' if ms < target else 'MISSED'})" if target else ""
    print(f"  {name:<6} {ms:8.1f} ms (median of {runs}){note}")
PY
