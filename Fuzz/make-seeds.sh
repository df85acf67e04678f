#!/usr/bin/env bash
# Rebuilds the seed corpus in Fuzz/corpus/TARGET from the project's own inputs: example scripts,
# the grammar tour, the golden batch files, the topology files and the captured kernel replies.
# Commit the result (it is small); run again when those inputs change.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{FuzzParser,FuzzInterpreter,FuzzNetlink,FuzzTopology,FuzzCommandLine}

# Scripts: whole files for the parser and the interpreter.
for f in scripts/examples/*.dls grammar/examples/*.dls; do
    cp "$f" "$out/FuzzParser/$(basename "$f")"
    cp "$f" "$out/FuzzInterpreter/$(basename "$f")"
done
# Golden cases: the batch part (before "-- stdout") is devlink command lines, also valid dls.
for f in Tests/Golden/*.golden scripts/examples/*.batch; do
    name=$(basename "$f")
    sed -n '/^-- stdout$/q;/^@/d;p' "$f" > "$out/FuzzCommandLine/$name"
    cp "$out/FuzzCommandLine/$name" "$out/FuzzParser/$name"
    cp "$out/FuzzCommandLine/$name" "$out/FuzzInterpreter/$name"
done
cp scripts/topologies/*.json "$out/FuzzTopology/"
# Captured kernel replies: one binary file per received datagram (under 4 KiB, de-duplicated).
python3 - "$out/FuzzNetlink" Tests/Fixtures/netlink/*.nl <<'PY'
import hashlib, os, sys
target, files = sys.argv[1], sys.argv[2:]
for path in files:
    for line in (l for l in open(path) if l.startswith("< ")):
        data = bytes.fromhex(line[2:].strip())
        if 0 < len(data) <= 4096:
            name = hashlib.sha1(data).hexdigest()[:16] + ".bin"
            open(os.path.join(target, name), "wb").write(data)
PY
du -sh --apparent-size "$out"/*
