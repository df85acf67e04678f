#!/usr/bin/env bash
# Netlink benchmark (not a test): in one kernel-vm guest (6.12 + netdevsim, TCG), dls --netlink
# against iproute2 devlink on the same work: a dump of 512 VF ports (netdevsim's max_vfs raised
# through debugfs) and 500 `port function rate set` operations from one batch file (-b for both).
# Prints best-of-N wall times and the ratio dls/devlink (below 1 = dls faster). Exit 77 = no guest.
#   scripts/bench/netlink.sh [ROUNDS]   (default 5; uses the release dls, building it if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-5}
if [ "${DLS_IN_VM:-0}" != 1 ]; then
  scripts/build-release
  bin=$(swift build -c release --show-bin-path)/dls
  exec scripts/kernel-vm.sh run -n none -t 900 -- "DLS_BENCH_BIN=$(printf %q "$bin") scripts/bench/netlink.sh $rounds"
fi

# ---- inside the guest ----
dls=${DLS_BENCH_BIN:?}
dev=netdevsim/netdevsim1
echo "1 1" > /sys/bus/netdevsim/new_device
echo 512 > /sys/kernel/debug/netdevsim/netdevsim1/max_vfs
devlink dev eswitch set $dev mode switchdev
t0=$(date +%s%N)
echo 512 > /sys/bus/netdevsim/devices/netdevsim1/sriov_numvfs
echo "setup: 512 VFs in $(( ($(date +%s%N) - t0) / 1000000 )) ms; $(devlink port show | grep -c pcivf) VF ports"

batch=$(mktemp)
for i in $(seq 0 499); do echo "port function rate set $dev/$((128 + i)) tx_max $((i + 1))mbit"; done > "$batch"

best() {   # best wall time in ms of `rounds` runs of "$@" (output discarded)
  local b="" t r
  for r in $(seq "$rounds"); do
    t=$(date +%s%N); "$@" > /dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
    t=$(( ($(date +%s%N) - t) / 1000000 ))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# same answers first
[ "$("$dls" --netlink -c "port show" | md5sum)" = "$(devlink port show | md5sum)" ] || echo "warning: port show outputs differ"
d1=$(best devlink port show); l1=$(best "$dls" --netlink -c "port show")
d2=$(best devlink -b "$batch"); l2=$(best "$dls" --netlink -b "$batch")
d3=$(best devlink port function rate show); l3=$(best "$dls" --netlink -c "port function rate show")
# Process start alone (an empty batch): under TCG it dominates every row, so the rows below also
# give the time beyond it (the work itself).
empty=$(mktemp)
d0=$(best devlink -b "$empty"); l0=$(best "$dls" --netlink -b "$empty")
beyond() { echo $(( $1 > $2 ? $1 - $2 : 0 )); }
printf '%-40s %10s %10s %8s\n' "benchmark (best of $rounds, ms)" devlink dls "dls/devlink"
printf '%-40s %10s %10s %8s\n' "start only (empty batch)" "$d0" "$l0" "$(ratio "$l0" "$d0")"
row() {   # name, devlink ms, dls ms
  local dw lw
  dw=$(beyond "$2" "$d0"); lw=$(beyond "$3" "$l0")
  printf '%-40s %10s %10s %8s   beyond start: %s vs %s ms, ratio %s\n' "$1" "$2" "$3" "$(ratio "$3" "$2")" "$dw" "$lw" "$(ratio "$lw" "$dw")"
}
row "port show (514 ports)" "$d1" "$l1"
row "500 x rate set (-b batch)" "$d2" "$l2"
row "rate show (512 leaves)" "$d3" "$l3"
