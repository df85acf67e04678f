#!/usr/bin/env bash
# Regenerates the kernel goldens (Tests/Golden/kernel/*.golden) from real devlink: one guest boot
# (scripts/kernel-vm.sh) runs every case's batch through devlink on the guest's 6.12 kernel with a
# fresh netdevsim device, and the expected stdout, stderr and exit status of each file are replaced
# with what devlink printed. To add a case, write its header and batch lines (see
# Tests/Golden/kernel/README.md), run this, and review the diff.
#
# Usage: scripts/kernel-vm/capture-goldens.sh [DEVLINK]
# DEVLINK defaults to iproute2's devlink from Debian bookworm-backports (downloaded once into the
# kernel-vm cache): bookworm's own iproute2 6.1 predates tx_priority/tx_weight, and its batch mode
# leaks a command's options into the next `rate show` dump request (the kernel refuses it with
# "Unknown attribute type") and aborts on a second `-j dev param show`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${DLS_VM_CACHE:-/var/cache/dls-vm}
devlink=${1:-}
if [ -z "$devlink" ]; then
  bpo=$CACHE/iproute2-backports
  if [ ! -x "$bpo/root/sbin/devlink" ]; then
    rm -rf "$bpo"; mkdir -p "$bpo/lists/partial"
    echo "deb http://deb.debian.org/debian bookworm-backports main" > "$bpo/sources.list"
    apt=(-o Dir::Etc::SourceList="$bpo/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$bpo/lists")
    apt-get "${apt[@]}" update -qq
    (cd "$bpo" && apt-get "${apt[@]}" download -q iproute2/bookworm-backports 2>/dev/null)
    dpkg -x "$bpo"/iproute2_*.deb "$bpo/root"
  fi
  devlink=$bpo/root/sbin/devlink
fi
RAW=$(mktemp -d "${TMPDIR:-/tmp}/dls-goldens.XXXXXX"); trap 'rm -rf "$RAW"' EXIT
"$ROOT/scripts/kernel-vm.sh" run -n none -w "$RAW" -- \
  "$devlink -V > $RAW/devlink-version && uname -r > $RAW/kernel && $ROOT/scripts/kernel-vm/run-goldens.sh $RAW/out $devlink"
version=$(sed 's/.*iproute2-//' "$RAW/devlink-version")
python3 "$ROOT/scripts/kernel-vm/goldens.py" write "$RAW/out" \
  "devlink (iproute2 $version) on Linux $(cat "$RAW/kernel") with netdevsim, by scripts/kernel-vm/capture-goldens.sh"
