#!/usr/bin/env bash
# The netdevsim playbook (tests/playbooks/netdevsim.yml) on the real kernel and on the emulator, and
# the two results compared. Run on the host: it boots the QEMU guest once (scripts/kernel-vm.sh, one
# netdevsim device with two ports and no VFs) and runs the playbook inside with backend netlink, then
# runs it on the host against the emulator's netdevsim profile.
# Usage: tests/guest.sh DLS_BINARY      (tests/guest.sh --play BACKEND RESULTS DLS_BINARY [STATE] runs
#        the playbook once, here; the guest runs that)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../../.." && pwd)
venv=${DLS_ANSIBLE_VENV:-$repo/.venv-ansible}
[ -x "$venv/bin/ansible-playbook" ] || { echo "ansible: no ansible-core in $venv (scripts/setup --deps-only makes it)" >&2; exit 1; }

if [ "${1:-}" = --play ]; then   # BACKEND RESULTS DLS [STATE]: the playbook on localhost
    tmp=$(dirname "$3")/ansible-tmp-$2
    ANSIBLE_COLLECTIONS_PATH=$repo/contrib/ansible ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 \
    ANSIBLE_LOCAL_TEMP=$tmp ANSIBLE_REMOTE_TEMP=$tmp \
    exec "$venv/bin/ansible-playbook" -i "localhost," -c local -e "ansible_python_interpreter=$venv/bin/python" \
        -e "dls_backend=$2" -e "dls_results=$3" -e "dls_binary=$4" -e "dls_state_file=${5:-unused}" \
        "$here/playbooks/netdevsim.yml"
fi

dls=$(realpath "${1:?usage: tests/guest.sh DLS_BINARY}")
out=$(mktemp -d "${TMPDIR:-/tmp}/dls-ansible-guest.XXXXXX")
trap 'rm -rf "$out"' EXIT

echo "== the playbook on the real kernel (guest, netlink)"
status=0
"$repo/scripts/kernel-vm.sh" run -n 1:2 -w "$out" -t 600 -- "$here/guest.sh" --play netlink "$out/netlink.json" "$dls" \
    > "$out/guest.log" 2>&1 || status=$?
if [ "$status" = 77 ]; then cat "$out/guest.log" >&2; exit 77; fi
{ grep -E '^(TASK|ok|changed|fatal|failed|localhost +:)' "$out/guest.log" || true; } | sed 's/^/  /' | tail -40
[ "$status" = 0 ] || { echo "ansible: the playbook failed on the real kernel (status $status)" >&2; tail -60 "$out/guest.log" >&2; exit 1; }

echo "== the playbook on the emulator (netdevsim profile)"
"$here/guest.sh" --play emulator "$out/emulator.json" "$dls" "$out/emulator-state.json" > "$out/emulator.log" 2>&1 ||
    { echo "ansible: the playbook failed on the emulator" >&2; tail -60 "$out/emulator.log" >&2; exit 1; }

if ! diff -u "$out/netlink.json" "$out/emulator.json"; then
    echo "ansible: the real kernel and the emulator gave different results" >&2; exit 1
fi
echo "ansible: the netdevsim playbook gave the same results on the real kernel and on the emulator"
