#!/usr/bin/env bash
# Desired-state benchmark over netlink (not a test): in one kernel-vm guest (6.12 + netdevsim, TCG),
# `dls --netlink apply want.json` against iproute2 `devlink -b` running the plan's own lines, on
# netdevsim VFs in switchdev: NODES rate nodes (tx_max) and a rate leaf (tx_share, parent) for each of
# VFS VFs. Between two timed applies the state is put back by an untimed `devlink -b` reset batch.
#   apply        dls --netlink apply want.json           (reads the state, plans, journals, writes)
#   devlink -b   devlink -b plan.batch                   (the same writes, nothing read)
#   dls -b       dls --netlink -b plan.batch             (the same lines through dls's batch mode)
#   plan         dls --netlink plan want.json            (reads and plans only, from the applied state)
#   start        dls --netlink -b empty / devlink -b empty
# Prints min and median wall times of interleaved runs, the ratio of medians dls/devlink (below 1 =
# dls faster), the netlink messages each sends (strace, one extra run) and the user-space instructions
# of one run of each (callgrind; the host's load does not move them), with both ratios. Exit 77 = no
# guest.
#   scripts/bench/desired-state-netlink.sh [ROUNDS]   (default 11; NODES=200 VFS=64; release dls;
#   CALLGRIND=0 skips the instruction counts)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-11}
if [ "${DLS_IN_VM:-0}" != 1 ]; then
  [ -n "${DLS_BENCH_BIN:-}" ] || scripts/build-release
  bin=${DLS_BENCH_BIN:-$(swift build -c release --show-bin-path)/dls}
  exec scripts/kernel-vm.sh run -n none -t 900 -- \
    "DLS_BENCH_BIN=$(printf %q "$bin") NODES=${NODES:-200} VFS=${VFS:-64} CALLGRIND=${CALLGRIND:-1} scripts/bench/desired-state-netlink.sh $rounds"
fi

# ---- inside the guest ----
dls=${DLS_BENCH_BIN:?}
nodes=${NODES:-200}
vfs=${VFS:-64}
dev=netdevsim/netdevsim1
echo "1 1" > /sys/bus/netdevsim/new_device
echo "$vfs" > /sys/kernel/debug/netdevsim/netdevsim1/max_vfs
devlink dev eswitch set $dev mode switchdev
echo "$vfs" > /sys/bus/netdevsim/devices/netdevsim1/sriov_numvfs
work=$(mktemp -d)
NODES=$nodes VFS=$vfs DEV=$dev python3 - "$work" <<'PY'
import json, os, sys
work, nodes, vfs, dev = sys.argv[1], int(os.environ["NODES"]), int(os.environ["VFS"]), os.environ["DEV"]
rates = {f"group{g}": {"type": "node", "tx_max": f"{10 + g}Mbit"} for g in range(nodes)}
for n in range(vfs):
    rates[f"vf/{n}"] = {"parent": f"group{n % nodes}", "tx_share": f"{n + 1}Mbit"}
json.dump({"devices": {dev: {"rates": rates}}}, open(f"{work}/want.json", "w"))
with open(f"{work}/reset.batch", "w") as f:
    for n in range(vfs): f.write(f"port function rate set {dev}/{128 + n} tx_share 0 noparent\n")
    for g in range(nodes): f.write(f"port function rate del {dev}/group{g}\n")
PY
: > "$work/empty"
# The plan's lines, as devlink batch lines (the leading op and the trailing "(old → new)" dropped).
"$dls" --netlink plan "$work/want.json" > "$work/plan.txt" && { echo "plan found nothing to do" >&2; exit 1; }
sed -e 's/^[-+~] //' -e 's/   (.*)$//' "$work/plan.txt" > "$work/plan.batch"
steps=$(wc -l < "$work/plan.batch")
grep -q '{' "$work/plan.batch" && { echo "plan names ports it creates; devlink -b cannot run it" >&2; exit 1; }

# Every round runs each command once, in turn, so a slow spell of the shared host hits all alike.
names=(start-devlink start-dls apply-devlink apply-dls-b apply-dls plan-dls)
declare -A cmds=(
  [start-devlink]="devlink -b $work/empty"
  [start-dls]="$dls --netlink -b $work/empty"
  [apply-devlink]="devlink -b $work/plan.batch"
  [apply-dls-b]="$dls --netlink -b $work/plan.batch"
  [apply-dls]="$dls --netlink apply $work/want.json"
  [plan-dls]="$dls --netlink plan $work/want.json"
)
declare -A resets=([apply-devlink]=1 [apply-dls-b]=1 [apply-dls]=1)
declare -A times
for r in $(seq "$rounds"); do
  for name in "${names[@]}"; do
    cmd=${cmds[$name]}
    # plan runs on the applied state (a read of every node and leaf, nothing to do)
    [ "$name" != plan-dls ] || "$dls" --netlink apply "$work/want.json" > /dev/null
    t=$(date +%s%N)
    status=0; eval "$cmd" > /dev/null 2> "$work/stderr" || status=$?
    times[$name]="${times[$name]:-} $(( ($(date +%s%N) - t) / 100000 ))"
    [ "$status" = 0 ] || { echo "benchmark command failed ($status): $cmd" >&2; cat "$work/stderr" >&2; exit 1; }
    if [ -n "${resets[$name]:-}" ] || [ "$name" = plan-dls ]; then devlink -b "$work/reset.batch" > /dev/null; fi
  done
done
stat() {   # "min median" in ms of the recorded tenths of a millisecond
  echo "${times[$1]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[1]/10, a[int((NR+1)/2)]/10}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
messages() {   # netlink requests sent by one run of a command (sendmsg/sendto on any socket)
  strace -f -qq -e trace=sendmsg,sendto -o "$work/strace" sh -c "$1 > /dev/null 2>&1" || true
  grep -c . "$work/strace"
}
# Instructions: callgrind cannot read the DWARF of this toolchain, so it runs a copy without debug
# info (the same code); glibc's default malloc, since dls's tuning does not fit valgrind's heap.
counting=0
if [ "${CALLGRIND:-1}" != 0 ] && command -v valgrind > /dev/null && strip --strip-debug -o "$work/dls-cg" "$dls" 2> /dev/null; then
  counting=1
fi
instructions() {   # user-space instructions of one run of a command, or - when not counted
  [ "$counting" = 1 ] || { echo -; return; }
  local cmd=${1/#"$dls"/$work/dls-cg}   # the command starts with the binary
  eval "DLS_MALLOC_DEFAULTS=1 valgrind --tool=callgrind --callgrind-out-file=$work/cg.out $cmd" > /dev/null 2> "$work/vg" || true
  awk '/refs:/ {gsub(",", "", $NF); print $NF}' "$work/vg"
}

echo "desired state over netlink: $nodes rate nodes, $vfs VF leaves; a plan of $steps steps; $rounds rounds (ms)"
printf '%-34s %9s %9s %9s %13s\n' "" "min" "median" "requests" "instructions"
read -r _ dmed <<< "$(stat apply-devlink)"
declare -A counted
for name in start-devlink start-dls apply-devlink apply-dls-b apply-dls plan-dls; do
  read -r min med <<< "$(stat "$name")"
  [ "$name" != plan-dls ] || "$dls" --netlink apply "$work/want.json" > /dev/null
  sent=$(messages "${cmds[$name]}")
  if [ -n "${resets[$name]:-}" ] || [ "$name" = plan-dls ]; then devlink -b "$work/reset.batch" > /dev/null; fi
  [ "$name" != plan-dls ] || "$dls" --netlink apply "$work/want.json" > /dev/null
  counted[$name]=$(instructions "${cmds[$name]}")
  if [ -n "${resets[$name]:-}" ] || [ "$name" = plan-dls ]; then devlink -b "$work/reset.batch" > /dev/null; fi
  printf '%-34s %9s %9s %9s %13s\n' "$name" "$min" "$med" "$sent" "${counted[$name]}"
done
read -r _ amed <<< "$(stat apply-dls)"
read -r _ bmed <<< "$(stat apply-dls-b)"
echo "ratio of medians: dls apply / devlink -b = $(ratio "$amed" "$dmed"); dls -b / devlink -b = $(ratio "$bmed" "$dmed")"
if [ "$counting" = 1 ]; then
  echo "ratio of instructions: dls apply / devlink -b = $(ratio "${counted[apply-dls]}" "${counted[apply-devlink]}");" \
       "dls -b / devlink -b = $(ratio "${counted[apply-dls-b]}" "${counted[apply-devlink]}")"
fi
