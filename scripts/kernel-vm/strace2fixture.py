#!/usr/bin/env python3
"""Turns `strace -f -xx -e read=all -e write=all` logs of netlink traffic into fixture files.

Usage: strace2fixture.py CAPTURE_DIR FIXTURE_DIR
For each NAME.strace (+ NAME.cmd, NAME.out) writes FIXTURE_DIR/NAME.nl:
  # command / # exit lines, then one line per datagram: '> HEX' sent, '< HEX' received.
and copies NAME.out (the tool's stdout+stderr) next to it.
"""
import os
import re
import sys

SYSCALL = re.compile(r'^(?:(\d+)\s+)?(?:(sendto|sendmsg|recvmsg|recvfrom)\(|<\.\.\. (sendto|sendmsg|recvmsg|recvfrom) resumed>)')
HEX = re.compile(r'^(?:(\d+)\s+)? \| ([0-9a-f]{5})  ')


def convert(log):
    """Yields (direction, bytes) per syscall that carried a hex dump."""
    current = {}      # pid -> (direction, skip)
    data = {}         # pid -> bytearray being collected
    out = []
    last = '0'        # hex-dump lines carry no pid: they belong to the last syscall line

    def flush(pid):
        if pid in data and data[pid]:
            out.append((current[pid][0], bytes(data[pid])))
        data.pop(pid, None)

    for line in log.splitlines():
        m = SYSCALL.match(line)
        if m:
            pid = m.group(1) or '0'
            last = pid
            flush(pid)
            name = m.group(2) or m.group(3)
            direction = '>' if name.startswith('send') else '<'
            if m.group(2):  # a new call (not a resumption)
                current[pid] = (direction, 'MSG_PEEK' in line)
            data[pid] = bytearray()
            continue
        h = HEX.match(line)
        if h:
            pid = h.group(1) or last
            if pid not in current or current[pid][1]:
                continue
            start = line.index(' | ') + 3 + 5 + 2
            hexpart = line[start:start + 49]
            data.setdefault(pid, bytearray()).extend(bytes.fromhex(hexpart.replace(' ', '')))
    for pid in list(data):
        flush(pid)
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for f in sorted(os.listdir(src)):
        if not f.endswith('.strace'):
            continue
        name = f[:-len('.strace')]
        with open(os.path.join(src, f)) as fh:
            dgrams = convert(fh.read())
        header = ''
        cmd = os.path.join(src, name + '.cmd')
        if os.path.exists(cmd):
            header = open(cmd).read()
        with open(os.path.join(dst, name + '.nl'), 'w') as fh:
            fh.write(header)
            for d, b in dgrams:
                fh.write(f'{d} {b.hex()}\n')
        outp = os.path.join(src, name + '.out')
        if os.path.exists(outp):
            with open(outp) as a, open(os.path.join(dst, name + '.out'), 'w') as b:
                b.write(a.read())
        print(f'{name}: {len(dgrams)} datagrams')


if __name__ == '__main__':
    main()
