#!/usr/bin/env python3
"""Kernel goldens (Tests/Golden/kernel/*.golden): what real devlink printed on the guest kernel.

  goldens.py write OUTDIR SOURCE   rewrite each golden's expected stdout/stderr/status from OUTDIR
                                   (written by run-goldens.sh with devlink) and its "# source:" line
  goldens.py compare OUTDIR        compare OUTDIR (run-goldens.sh with dls --netlink) with the goldens;
                                   prints a diff per differing case and exits 1 if any differs
"""
import difflib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERNEL = ROOT / "Tests" / "Golden" / "kernel"


def split(text):
    """(header and batch lines, expected stdout, stderr, status) of a golden file."""
    head, _, rest = text.partition("-- stdout\n")
    stdout, _, rest = rest.partition("-- stderr\n")
    stderr, _, rest = rest.partition("-- status ")
    return head, stdout, stderr, rest.strip()


def outputs(outdir, name):
    d = pathlib.Path(outdir)
    read = lambda ext: (d / f"{name}.{ext}").read_bytes().decode("utf-8", "replace")
    return read("stdout"), read("stderr"), read("status").strip()


def write(outdir, source):
    for path in sorted(KERNEL.glob("*.golden")):
        head, *_ = split(path.read_text())
        lines = [l for l in head.splitlines(keepends=True) if not l.startswith("# source: ")]
        stdout, stderr, status = outputs(outdir, path.stem)
        for part in (stdout, stderr):
            if part and not part.endswith("\n"):
                sys.exit(f"goldens: {path.name}: output without a final newline cannot be stored")
        path.write_text(f"# source: {source}\n" + "".join(lines) +
                        f"-- stdout\n{stdout}-- stderr\n{stderr}-- status {status}\n")
    print(f"goldens: wrote {len(list(KERNEL.glob('*.golden')))} kernel goldens")


def compare(outdir):
    same = differ = 0
    for path in sorted(KERNEL.glob("*.golden")):
        _, stdout, stderr, status = split(path.read_text())
        got = outputs(outdir, path.stem)
        want = (stdout, stderr, status)
        if got == want:
            same += 1
            continue
        differ += 1
        print(f"goldens: {path.stem}: dls --netlink differs from devlink:")
        for label, w, g in zip(("stdout", "stderr", "status"), want, got):
            if w != g:
                sys.stdout.writelines(difflib.unified_diff(
                    (w + "\n").splitlines(keepends=True), (g + "\n").splitlines(keepends=True),
                    f"devlink/{path.stem}.{label}", f"dls/{path.stem}.{label}"))
    print(f"goldens: {same + differ} kernel goldens: {same} identical, {differ} differing")
    return 0 if differ == 0 and same > 0 else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2]))
    else:
        sys.exit(__doc__)
