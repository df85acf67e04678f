#!/usr/bin/env bash
# live-dls.sh MODE OUTDIR [DLS] - run the dls scenario suite (Tests/Live/*.dls, *.batch) once.
#   MODE netlink: against the running kernel (as root in the kernel-vm guest): each scenario gets a
#                 fresh netdevsim1 with two ports, removed afterwards with any dls* bonds.
#   MODE emulator: against `--emulator netdevsim` (the emulator's model of the same device).
# Writes OUTDIR/<scenario>.out: stdout, then stderr, then the exit status, in three marked sections
# (scripts/kernel-vm/differential.sh compares the two modes). .dls files run as scripts, .batch files
# with devlink's `-f -b` semantics (go on after failed lines).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mode=$1 out=$2 dls=${3:-$ROOT/.build/debug/dls}
mkdir -p "$out"
case $mode in
  netlink) backend=(--netlink) ;;
  emulator) backend=(--emulator netdevsim) ;;
  *) echo "live-dls: MODE is netlink or emulator" >&2; exit 2 ;;
esac

nsim_reset() {   # netlink only: a fresh netdevsim1 (eth0, eth1 on a guest without other netdevs)
  local l
  for l in $(ip -o link show type bond 2>/dev/null | awk -F': ' '{print $2}' | grep '^dls'); do ip link del "$l"; done
  [ -e /sys/bus/netdevsim/devices/netdevsim1 ] && echo 1 > /sys/bus/netdevsim/del_device
  [ "${1:-}" = create ] && echo "1 2" > /sys/bus/netdevsim/new_device
  return 0
}

status=0
for f in "$ROOT"/Tests/Live/*.dls "$ROOT"/Tests/Live/*.batch; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  [ "$mode" = netlink ] && nsim_reset create
  case $f in *.batch) args=(-f -b "Tests/Live/$name") ;; *) args=("Tests/Live/$name") ;; esac
  t0=$(date +%s%N)
  (cd "$ROOT" && "$dls" "${backend[@]}" "${args[@]}" > "$out/$name.stdout" 2> "$out/$name.stderr" < /dev/null)
  rc=$?
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  { echo "--- stdout"; cat "$out/$name.stdout"; echo "--- stderr"; cat "$out/$name.stderr"; echo "--- exit $rc"; } > "$out/$name.out"
  rm -f "$out/$name.stdout" "$out/$name.stderr"
  echo "live-dls: $mode $name: exit $rc (${ms} ms)" >&2
done
[ "$mode" = netlink ] && nsim_reset
exit $status
