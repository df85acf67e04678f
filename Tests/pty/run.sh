#!/usr/bin/env bash
# REPL end-to-end tests under a pseudo-terminal (pexpect).
# Usage: Tests/pty/run.sh [BINARY]   default: the debug dls (built first).
# Installs nothing itself beyond what scripts/setup does; needs python3 with pexpect (pip fallback).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python3 -c 'import pexpect' 2>/dev/null || python3 -m pip install -q pexpect
bin="${1:-}"
if [ -z "$bin" ]; then
    swift build --product dls 2>&1 | grep -E 'error|warning:' || true
    bin="$root/.build/debug/dls"
fi
exec python3 "$root/Tests/pty/repl_pty_test.py" "$bin"
