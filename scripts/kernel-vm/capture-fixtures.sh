#!/usr/bin/env bash
# Captures real devlink/rtnetlink traffic from the 6.12 guest into Tests/Fixtures/netlink/.
# Runs iproute2 `devlink` and `ip` (host binaries, 6.1) under strace inside one guest boot.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v strace >/dev/null || { echo "capture needs strace on the host (apt-get install strace)" >&2; exit 1; }
RAW=$(mktemp -d "${TMPDIR:-/tmp}/dls-capture.XXXXXX")
[ "${DLS_CAPTURE_KEEP:-0}" = 1 ] && echo "raw logs kept in $RAW" >&2 || trap 'rm -rf "$RAW"' EXIT
"$ROOT/scripts/kernel-vm.sh" run -n 1:2 -w "$RAW" -- "$ROOT/scripts/kernel-vm/capture-guest.sh $RAW"
python3 "$ROOT/scripts/kernel-vm/strace2fixture.py" "$RAW" "$ROOT/Tests/Fixtures/netlink"
