#!/usr/bin/env bash
# Netlink benchmark (not a test): in one kernel-vm guest (6.12 + netdevsim, TCG), dls --netlink
# against iproute2 devlink on the same work: a dump of 512 VF ports (netdevsim's max_vfs raised
# through debugfs) and 500 `port function rate set` operations from one batch file (-b for both).
# Prints min and median wall times of interleaved runs and the ratio of medians dls/devlink (below 1 =
# dls faster). Exit 77 = no guest.
#   scripts/bench/netlink.sh [ROUNDS]   (default 11; uses the release dls, building it if needed)
# DLS_BEFORE=/path/to/an/older/dls runs that binary too, in the same rounds, with a now/before ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-11}
if [ "${DLS_IN_VM:-0}" != 1 ]; then
  scripts/build-release
  bin=$(swift build -c release --show-bin-path)/dls
  exec scripts/kernel-vm.sh run -n none -t 900 -- \
    "DLS_BENCH_BIN=$(printf %q "$bin") DLS_BEFORE=$(printf %q "${DLS_BEFORE:-}") scripts/bench/netlink.sh $rounds"
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

# Every round runs each command once, in turn, so a slow spell of the shared host hits all of
# them alike; the medians are compared (the minimum is printed too). Output is discarded.
empty=$(mktemp)
devlink_cmds=("devlink -b $empty" "devlink port show" "devlink -b $batch" "devlink port function rate show")
dls_cmds() { echo "$1 --netlink -b $empty|$1 --netlink -c 'port show'|$1 --netlink -b $batch|$1 --netlink -c 'port function rate show'"; }
IFS='|' read -r -a now_cmds <<< "$(dls_cmds "$dls")"
sides="devlink dls"
if [ -n "${DLS_BEFORE:-}" ]; then IFS='|' read -r -a before_cmds <<< "$(dls_cmds "$DLS_BEFORE")"; sides="$sides before"; fi
declare -A times
for r in $(seq "$rounds"); do
  for i in "${!devlink_cmds[@]}"; do
    for side in $sides; do
      case $side in
        devlink) cmd=${devlink_cmds[$i]} ;;
        dls) cmd=${now_cmds[$i]} ;;
        before) cmd=${before_cmds[$i]} ;;
      esac
      t=$(date +%s%N); eval "$cmd" > /dev/null 2>&1 || { echo "benchmark command failed: $cmd" >&2; exit 1; }
      times[$side$i]="${times[$side$i]:-} $(( ($(date +%s%N) - t) / 100000 ))"
    done
  done
done
stat() {   # "min median" in ms of the recorded tenths of a millisecond
  echo "${times[$1]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[1]/10, a[int((NR+1)/2)]/10}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# same answers first
[ "$("$dls" --netlink -c "port show" | md5sum)" = "$(devlink port show | md5sum)" ] || echo "warning: port show outputs differ"
labels=("start only (empty batch)" "port show (514 ports)" "500 x rate set (-b batch)" "rate show (512 leaves)")
if [ -n "${DLS_BEFORE:-}" ]; then
  printf '%-30s %18s %18s %12s %18s %11s\n' "benchmark ($rounds rounds, ms)" "devlink min/med" "dls min/med" "median ratio" "before min/med" "now/before"
else
  printf '%-30s %18s %18s %12s\n' "benchmark ($rounds rounds, ms)" "devlink min/med" "dls min/med" "median ratio"
fi
for i in "${!labels[@]}"; do
  read -r dmin dmed <<< "$(stat devlink$i)"
  read -r lmin lmed <<< "$(stat dls$i)"
  line=$(printf '%-30s %8s %9s %8s %9s %12s' "${labels[$i]}" "$dmin" "$dmed" "$lmin" "$lmed" "$(ratio "$lmed" "$dmed")")
  if [ -n "${DLS_BEFORE:-}" ]; then
    read -r bmin bmed <<< "$(stat before$i)"
    line=$(printf '%s %8s %9s %11s' "$line" "$bmin" "$bmed" "$(ratio "$lmed" "$bmed")")
  fi
  echo "$line"
done
