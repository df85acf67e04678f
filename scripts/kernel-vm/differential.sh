#!/usr/bin/env bash
# differential.sh KERNEL_DIR [DLS] - the differential test: runs the Tests/Live scenarios on the
# emulator's netdevsim profile and compares each with the real kernel's output in KERNEL_DIR
# (written by `live-dls.sh netlink` in the guest). Identical stdout, stderr and exit status are
# required; a difference is a bug to fix in the emulator, or a known difference: then the exact
# expected diff is kept as Tests/Live/<scenario>.known-diff and docs/differences.md says why.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kernel=$1 dls=${2:-$ROOT/.build/debug/dls}
emu=$(mktemp -d "${TMPDIR:-/tmp}/dls-emu.XXXXXX"); trap 'rm -rf "$emu"' EXIT
"$ROOT/scripts/kernel-vm/live-dls.sh" emulator "$emu" "$dls" 2>/dev/null
same=0 known=0 differ=0 missing=0
for k in "$kernel"/*.out; do
  [ -e "$k" ] || continue
  name=$(basename "$k" .out)
  if [ ! -f "$emu/$name.out" ]; then echo "differential: $name: no emulator output"; missing=$((missing + 1)); continue; fi
  d=$(diff -u --label "emulator/$name" --label "kernel/$name" "$emu/$name.out" "$k")
  if [ -z "$d" ]; then
    same=$((same + 1))
  elif [ -f "$ROOT/Tests/Live/$name.known-diff" ] && [ "$d" = "$(cat "$ROOT/Tests/Live/$name.known-diff")" ]; then
    known=$((known + 1))
  else
    echo "differential: $name: emulator and kernel differ:"; echo "$d"
    differ=$((differ + 1))
  fi
done
total=$((same + known + differ + missing))
echo "differential: $total scenarios: $same identical, $known with known differences, $differ differing, $missing missing"
[ "$total" -gt 0 ] && [ $differ -eq 0 ] && [ $missing -eq 0 ]
