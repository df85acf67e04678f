#!/usr/bin/env bash
# Captures the devlink family's generic netlink description from the 6.12 guest into
# Tests/Fixtures/netlink/: genl-devlink-family (CTRL_CMD_GETFAMILY: the operations) and
# genl-devlink-policy (the CTRL_CMD_GETPOLICY dump: every operation's attribute policy), both from
# the host's iproute2 `genl` under strace, in the fixture format (Tests/Fixtures/netlink/README.md).
# NetlinkTests/GenericPolicyTests decodes them. About 10 s (one guest boot).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v strace >/dev/null || { echo "capture needs strace on the host (apt-get install strace)" >&2; exit 1; }
command -v genl >/dev/null || { echo "capture needs iproute2's genl on the host" >&2; exit 1; }
RAW=$(mktemp -d "${TMPDIR:-/tmp}/dls-policy.XXXXXX")
[ "${DLS_CAPTURE_KEEP:-0}" = 1 ] && echo "raw logs kept in $RAW" >&2 || trap 'rm -rf "$RAW"' EXIT
guest=$(cat <<GUEST
set -u
cap() {
  local name=\$1; shift
  echo "# command: \$*" > $RAW/\$name.cmd
  strace -f -xx -qq -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all \
    -o $RAW/\$name.strace "\$@" > $RAW/\$name.out 2>&1
  echo "# exit: \$?" >> $RAW/\$name.cmd
}
cap genl-devlink-family genl ctrl get name devlink
cap genl-devlink-policy genl ctrl policy name devlink
GUEST
)
"$ROOT/scripts/kernel-vm.sh" run -n 1:2 -w "$RAW" -- "$guest"
python3 "$ROOT/scripts/kernel-vm/strace2fixture.py" "$RAW" "$ROOT/Tests/Fixtures/netlink"
