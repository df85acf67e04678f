#!/usr/bin/env bash
# Captures IPv4 route traffic (RTM_NEWROUTE/DELROUTE/GETROUTE) from the 6.12 guest into
# Tests/Fixtures/netlink/route-*.nl / err-route-*.nl, with the host's iproute2 `ip` under strace.
# Separate from capture-fixtures.sh so the devlink fixtures are not regenerated with it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v strace >/dev/null || { echo "capture needs strace on the host (apt-get install strace)" >&2; exit 1; }
RAW=$(mktemp -d "${TMPDIR:-/tmp}/dls-route-capture.XXXXXX")
[ "${DLS_CAPTURE_KEEP:-0}" = 1 ] && echo "raw logs kept in $RAW" >&2 || trap 'rm -rf "$RAW"' EXIT
"$ROOT/scripts/kernel-vm.sh" run -n 1:2 -w "$RAW" -- "$ROOT/scripts/kernel-vm/capture-route-guest.sh $RAW"
python3 "$ROOT/scripts/kernel-vm/strace2fixture.py" "$RAW" "$RAW/fixtures"
# iproute2 sends its route dump request in a zeroed 156-byte buffer; the kernel reads the first
# message only. The zero tail after the last message is cut so that every datagram parses.
python3 - "$RAW/fixtures" <<'PY'
import os, struct, sys
d = sys.argv[1]
for name in os.listdir(d):
    if not name.endswith('.nl'):
        continue
    out = []
    for line in open(os.path.join(d, name)):
        if line[:2] in ('> ', '< '):
            b = bytes.fromhex(line[2:].strip()); off = 0
            while off + 16 <= len(b):
                n = struct.unpack_from('<I', b, off)[0]
                if n < 16:
                    break
                off += (n + 3) & ~3
            if off < len(b) and not any(b[off:]):
                b = b[:off]
            line = line[:2] + b.hex() + '\n'
        out.append(line)
    open(os.path.join(d, name), 'w').write(''.join(out))
PY
cp "$RAW"/fixtures/* "$ROOT/Tests/Fixtures/netlink/"
