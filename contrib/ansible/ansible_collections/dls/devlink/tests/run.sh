#!/usr/bin/env bash
# Tests the dls.devlink collection with ansible-core from the virtual environment scripts/setup makes:
#   1. ansible-doc renders the module's documentation;
#   2. ansible-test sanity on the collection (every test; shellcheck and pwsh ones need those tools);
#   3. tests/playbooks/state.yml on three local hosts, each with its own emulator state file: check
#      mode, apply, a second apply, a refused document and prune (the asserts are in the playbook).
# Usage: tests/run.sh DLS_BINARY      (e.g. .build/release/dls)
# Env: DLS_ANSIBLE_VENV (default: the repository's .venv-ansible), DLS_ANSIBLE_HOSTS (default 3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
collection=$(cd "$here/.." && pwd)
repo=$(cd "$collection/../../../../.." && pwd)
dls=$(realpath "${1:?usage: tests/run.sh DLS_BINARY}")
venv=${DLS_ANSIBLE_VENV:-$repo/.venv-ansible}
[ -x "$venv/bin/ansible-playbook" ] || { echo "ansible: no ansible-core in $venv (scripts/setup --deps-only makes it)" >&2; exit 1; }
export PATH=$venv/bin:$PATH
export ANSIBLE_COLLECTIONS_PATH=$repo/contrib/ansible
export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0
work=$(mktemp -d "${TMPDIR:-/tmp}/dls-ansible.XXXXXX")
trap 'rm -rf "$work"' EXIT
export ANSIBLE_LOCAL_TEMP=$work/ansible-local ANSIBLE_REMOTE_TEMP=$work/ansible-remote

echo "== ansible-doc dls.devlink.state"
ansible-doc dls.devlink.state > "$work/doc.txt"
for section in "OPTIONS" "EXAMPLES:" "RETURN VALUES:" "emulator_state" "Supports check mode"; do
    grep -q -- "$section" "$work/doc.txt" || { echo "ansible-doc output lacks '$section'" >&2; cat "$work/doc.txt" >&2; exit 1; }
done
ansible-doc -t role dls.devlink.install > /dev/null

echo "== ansible-test sanity"
# ansible-test wants the collection at ansible_collections/NS/NAME in a git tree of its own. It makes a
# virtual environment per test, bootstrapped with a get-pip.py it downloads from a host this machine
# cannot reach; tests/get_pip.py stands in for it (ensurepip, then pip from PyPI). Its cache and the
# test environments live under the venv, so later runs reuse them.
copy=$work/sanity/ansible_collections/dls/devlink
mkdir -p "$copy" && cp -r "$collection/." "$copy/"
rm -rf "$copy/tests/output"
git -C "$copy" init -q && git -C "$copy" add -A && git -C "$copy" -c user.email=t@t -c user.name=t commit -qm sanity
ansible_home=$venv/ansible-test-home
mkdir -p "$ansible_home/.ansible/test/cache"
cp "$here/get_pip.py" "$ansible_home/.ansible/test/cache/get_pip_24_2.py"
py=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
( cd "$copy" && HOME=$ansible_home ansible-test sanity --python "$py" --color no ) > "$work/sanity.log" 2>&1 ||
    { grep -vE '^(Collecting|  Downloading|Processing|Looking|Installing collected|Successfully|     ━)' "$work/sanity.log" >&2; exit 1; }
grep -E '^(Running sanity test|WARNING)' "$work/sanity.log" | sed 's/^/  /'

echo "== playbook on ${DLS_ANSIBLE_HOSTS:-3} local hosts"
{
    echo "[boxes]"
    for i in $(seq 1 "${DLS_ANSIBLE_HOSTS:-3}"); do echo "box$i ansible_connection=local ansible_python_interpreter=$venv/bin/python"; done
} > "$work/inventory.ini"
ansible-playbook -i "$work/inventory.ini" "$here/playbooks/state.yml" \
    -e "dls_test_dir=$work/hosts" -e "dls_binary=$dls" | tee "$work/play.log"
# every host ran every task: no host failed or was unreachable
n=$(grep -cE '^box[0-9]+ +: ok=[0-9]+ +changed=[0-9]+ +unreachable=0 +failed=0' "$work/play.log" || true)
[ "$n" = "${DLS_ANSIBLE_HOSTS:-3}" ] || { echo "ansible: $n of ${DLS_ANSIBLE_HOSTS:-3} hosts passed" >&2; exit 1; }
# each host kept its own state
for i in $(seq 1 "${DLS_ANSIBLE_HOSTS:-3}"); do test -s "$work/hosts/box$i/emulator-state.json"; done
echo "ansible: all ${DLS_ANSIBLE_HOSTS:-3} hosts passed"
