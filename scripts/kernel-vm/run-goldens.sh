#!/usr/bin/env bash
# run-goldens.sh OUTDIR TOOL [ARGS...] - runs every kernel golden case (Tests/Golden/kernel/*.golden)
# through TOOL on the running kernel, as root in the kernel-vm guest:
#   scripts/kernel-vm/run-goldens.sh OUT devlink                      (capture: real devlink)
#   scripts/kernel-vm/run-goldens.sh OUT .build/debug/dls --netlink   (check: dls on the same kernel)
# Each case gets a fresh netdevsim1 with two ports, its `@setup` lines applied (`switchdev`: eswitch
# mode switchdev; `vfs N`: sriov_numvfs N; `devlink ARGS`: one devlink command, which must succeed;
# `nsim_health KNOB VALUE`: netdevsim's health debugfs knob (binary_len, fail_recover);
# `break_health MESSAGE`: the dummy reporter reports an error, whatever the write answers),
# then its batch lines as `TOOL FLAGS -b -` on stdin. The `devlink` setup lines run as their own
# commands because devlink's batch mode sends a command's options along with the next dump request.
# Writes OUTDIR/NAME.stdout, .stderr and .status. scripts/kernel-vm/goldens.py reads them.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$1; shift
mkdir -p "$out"
D=netdevsim/netdevsim1
SYS=/sys/bus/netdevsim/devices/netdevsim1
HEALTH=/sys/kernel/debug/netdevsim/netdevsim1/health

nsim_fresh() {
  [ -e $SYS ] && echo 1 > /sys/bus/netdevsim/del_device
  echo "1 2" > /sys/bus/netdevsim/new_device
}

for f in "$ROOT"/Tests/Golden/kernel/*.golden; do
  name=$(basename "$f" .golden)
  flags=() setup=()
  while IFS= read -r line; do
    case $line in
      "-- stdout") break ;;
      @flags\ *) read -r -a flags <<< "${line#@flags }" ;;
      @setup\ *) setup+=("${line#@setup }") ;;
    esac
  done < "$f"
  nsim_fresh
  for s in "${setup[@]}"; do
    case $s in
      switchdev) devlink dev eswitch set $D mode switchdev ;;
      vfs\ *) echo "${s#vfs }" > $SYS/sriov_numvfs ;;
      devlink\ *) read -r -a words <<< "${s#devlink }"
                  devlink "${words[@]}" || { echo "run-goldens: $name: setup failed: $s" >&2; exit 2; } ;;
      nsim_health\ *) read -r knob value <<< "${s#nsim_health }"
                      echo "$value" > $HEALTH/$knob || { echo "run-goldens: $name: setup failed: $s" >&2; exit 2; } ;;
      break_health\ *) echo "${s#break_health }" > $HEALTH/break_health 2>/dev/null || true ;;
      *) echo "run-goldens: $name: unknown @setup '$s'" >&2; exit 2 ;;
    esac
  done
  # the batch as GoldenCase reads it: every line up to "-- stdout" but directives and the source line
  # (comments stay, so that "Command failed -:N" counts the same lines)
  awk '/^-- stdout/{exit} /^@/||/^# source: /{next} {print}' "$f" |
    "$@" "${flags[@]}" -b - > "$out/$name.stdout" 2> "$out/$name.stderr"
  echo $? > "$out/$name.status"
done
[ -e $SYS ] && echo 1 > /sys/bus/netdevsim/del_device
echo "run-goldens: $(ls "$out"/*.status | wc -l) cases through $1" >&2
