#!/usr/bin/env bash
# Builds and runs the embedding example against dls *by version*: the committed HEAD of this
# checkout, cloned into a temporary repository and tagged 0.1.N, is what `.package(url:from:)`
# resolves. Compares the program's output with expected-output.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dls-embed.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
git clone -q --bare "$root" "$tmp/dls.git"
# a new patch version each run, so a resolver that remembers an older tag still takes this one
git -C "$tmp/dls.git" tag "0.1.$(date +%s)" HEAD
cd "$here"
# the workspace state names the previous run's (deleted) temporary repository; an interrupted run
# leaves it pointing there, and SwiftPM would try to clone from it
rm -rf .build/checkouts .build/repositories .build/workspace-state.json Package.resolved
DLS_PACKAGE_URL="file://$tmp/dls.git" swift build 2>&1 |
  grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Build complete|^Compiling|^Write|^Linking|^Fetching|^Fetched|^Cloning|^Cloned|^Computing|^Computed|^Creating working copy|^Working copy' || true
test "${PIPESTATUS[0]}" -eq 0
"$here/.build/debug/embed-example" > "$tmp/out.txt"
diff -u "$here/expected-output.txt" "$tmp/out.txt"
