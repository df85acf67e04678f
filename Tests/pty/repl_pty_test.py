#!/usr/bin/env python3
"""End-to-end REPL tests under a real pseudo-terminal (pexpect).

Usage: repl_pty_test.py BINARY [ARGS...]
BINARY is `dls` (or the test driver); ARGS are passed before nothing else (e.g. `--emulator`).
Each test starts a fresh process with its own HOME and history file. libedit redraws with
cursor escapes, so matches are regexes over the output, never contiguous echo (reference §1.6).
Prints `N passed, N failed` and exits 1 on any failure.
"""
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback

import pexpect

BINARY = sys.argv[1]
EXTRA = sys.argv[2:]
PROMPT = r"dls> "
CONT = r"\.\.\.> "
TIMEOUT = 10


class Env:
    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="dls-pty-")
        self.hist = os.path.join(self.home, "state", "dls", "history")

    def env(self):
        e = dict(os.environ)
        e.update({"HOME": self.home, "XDG_STATE_HOME": os.path.join(self.home, "state"),
                  "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
        e.pop("DLS_HISTFILE", None)
        return e

    def spawn(self):
        child = pexpect.spawn(BINARY, EXTRA, env=self.env(), encoding="utf-8",
                              dimensions=(30, 120), timeout=TIMEOUT)
        child.expect(PROMPT)
        return child

    def cleanup(self):
        shutil.rmtree(self.home, ignore_errors=True)


def quit_ok(child):
    """Ctrl-D on an empty line: exits 0."""
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, f"exit status {child.exitstatus}, signal {child.signalstatus}"


def test_command_word_completes(env):
    c = env.spawn()
    c.send("po\t")
    c.expect(r"po.*rt ")
    c.send("sh\t")
    c.expect(r"sh.*ow ")
    c.send("\r")
    c.expect(r"pci/0000:06:00\.0/65535")
    c.expect(PROMPT)
    quit_ok(c)


def test_port_handle_completes(env):
    c = env.spawn()
    c.send("port show pci/\t")
    c.expect(r"0000:06:00\.")          # common prefix extends
    c.send("1/\t")
    c.expect(r"131071 ")               # unique handle completes
    c.sendcontrol("u")
    c.send("\r")
    c.expect(PROMPT)
    quit_ok(c)


def test_state_values_listed(env):
    c = env.spawn()
    c.send("port function set pci/0000:06:00.0/32768 state \t")
    c.expect(r"active\s+inactive")
    c.expect(PROMPT)                     # the line is redrawn under the list
    c.sendcontrol("u")
    c.send("\r")
    c.expect(PROMPT)
    quit_ok(c)


def test_multiline_for_block(env):
    c = env.spawn()
    c.send("for i in 0..<3 {\r")
    c.expect(CONT)
    c.send("print(i)\r")
    c.expect(CONT)
    c.send("}\r")
    c.expect(BLOCK_OUTPUT)
    c.expect(PROMPT)
    quit_ok(c)


def test_history_recalled_after_restart(env):
    c = env.spawn()
    c.send("let marker = 4242\r")
    c.expect(PROMPT)
    c.send("for i in 0..<2 {\r")
    c.expect(CONT)
    c.send("print(i)\r")
    c.expect(CONT)
    c.send("}\r")
    c.expect(PROMPT)
    quit_ok(c)
    mode = stat.S_IMODE(os.stat(env.hist).st_mode)
    assert mode == 0o600, f"history mode {oct(mode)}"
    c = env.spawn()
    c.send("\x1b[A")                     # Up: the block, as one entry
    c.expect(r"print\(i\)")
    c.send("\x1b[A")                     # Up again: the let
    c.expect(r"marker = 4242")
    c.sendcontrol("u")
    c.send("\r")                         # an empty line: back to the newest history position
    c.expect(PROMPT)
    c.sendcontrol("r")                   # Ctrl-R search
    c.send("4242")
    c.expect(r"let marker = 4242")
    c.send("\r")
    c.expect(PROMPT)
    quit_ok(c)
    with open(env.hist, encoding="utf-8", errors="replace") as f:
        text = f.read()
    assert text.count("marker") == 1, "history not de-duplicated:\n" + text


def test_ctrl_c_interrupts_loop(env):
    c = env.spawn()
    c.send("while true { }\r")
    time.sleep(0.5)
    c.sendintr()
    c.expect(r"interrupted")
    c.expect(PROMPT)
    c.send(AFTER_INTERRUPT + "\r")
    c.expect(AFTER_INTERRUPT_OUTPUT)
    c.expect(PROMPT)
    quit_ok(c)


def test_ctrl_c_clears_line_and_block(env):
    c = env.spawn()
    c.send("abc")
    c.sendintr()
    c.expect(PROMPT)
    c.send("for i in 0..<2 {\r")
    c.expect(CONT)
    c.sendintr()
    c.expect(PROMPT)                     # primary prompt: the block is gone
    c.send(AFTER_INTERRUPT + "\r")
    c.expect(AFTER_INTERRUPT_OUTPUT)
    c.expect(PROMPT)
    quit_ok(c)


def test_utf8_input_and_backspace(env):
    """Multibyte input needs the locale (setlocale before el_init), also in the static release binary."""
    c = env.spawn()
    c.send('print(len("é✓x"))\r')      # three characters, six bytes
    c.expect(r"\r\n3\r\n")
    c.expect(PROMPT)
    c.send('print("aé✓')
    c.send("\x7f")                       # backspace removes ✓ (three bytes), not one byte
    c.send('")\r')
    c.expect(r"\r\naé\r\n")
    c.expect(PROMPT)
    quit_ok(c)


def test_ctrl_d_exits_zero(env):
    c = env.spawn()
    quit_ok(c)


def test_exit_leaves_with_its_status(env):
    c = env.spawn()
    c.sendline("fn leave() { exit(3) }")
    c.expect(PROMPT)
    c.sendline("leave()")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 3, f"exit status {c.exitstatus}, signal {c.signalstatus}"
    assert os.path.exists(env.hist), "history not saved on exit()"


def test_piped_stdin_has_no_prompt(env):
    script = PIPED_SCRIPT
    r = subprocess.run([BINARY] + EXTRA, input=script, capture_output=True, text=True,
                       env=env.env(), timeout=TIMEOUT)
    assert r.returncode == 0, f"rc={r.returncode} stderr={r.stderr}"
    assert "dls>" not in r.stdout, r.stdout
    assert re.search(PIPED_OUTPUT, r.stdout, re.M), r.stdout
    assert not os.path.exists(env.hist), "piped run wrote history"


class Skip(Exception):
    """A test that does not apply to this binary (the demo driver has no devlink emulator)."""


def spawn_dls(env, extra_env=None):
    """The real dls on the built-in mlx5 emulator (its wall clock: work falls due on its own)."""
    if os.path.basename(BINARY) != "dls":
        raise Skip("needs the dls binary")
    e = env.env()
    e["DLS_BACKEND"] = "emulator"
    e.pop("DLS_CLOCK", None)
    e.update(extra_env or {})
    child = pexpect.spawn(BINARY, EXTRA, env=e, encoding="utf-8", dimensions=(30, 120), timeout=TIMEOUT)
    child.expect(PROMPT)
    return child


def test_sf_attaches_while_idle(env):
    """Issue 17: an SF activated and left alone at the prompt attaches (500 ms modelled probe)."""
    c = spawn_dls(env)
    for line in ["dev eswitch set pci/0000:06:00.0 mode switchdev",
                 "let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88",
                 "port function set $sf state active",
                 "port show $sf"]:
        c.sendline(line)
        c.expect(PROMPT)
    assert "opstate detached" in c.before, c.before
    c.sendline("print(sf.function.opstate)")   # read (and cached) just before idling
    c.expect(r"\r\ndetached\r\n")
    c.expect(PROMPT)
    time.sleep(1.0)                      # idle at the prompt
    c.sendline("print(sf.function.opstate)")   # the object read before idling is not stale
    c.expect(r"\r\nattached\r\n")
    c.expect(PROMPT)
    c.sendline("port show $sf")
    c.expect(r"state active opstate attached")
    c.expect(PROMPT)
    c.sendline("port function set $sf state inactive")
    c.expect(PROMPT)
    time.sleep(0.5)                      # the 200 ms detach completes while idle: no EBUSY
    c.sendline("port function set $sf state active")
    c.expect(PROMPT)
    assert "Error" not in c.before, c.before
    quit_ok(c)


def test_lag_forms_while_idle(env):
    """Issue 17: a bond of both PFs forms mlx5_bond_0 while the user waits at the prompt."""
    c = spawn_dls(env)
    for line in ["lag add bond0 mode active-backup miimon 100", "lag slave add bond0 enp6s0f0np0",
                 "lag slave add bond0 enp6s0f1np1", "link set bond0 up"]:
        c.sendline(line)
        c.expect(PROMPT)
    time.sleep(1.0)
    c.sendline("lag show bond0")
    c.expect(r"hw_lag: state active mode roce")
    c.expect(r"rdma mlx5_bond_0")
    c.expect(PROMPT)
    quit_ok(c)


def test_output_streams_on_a_terminal(env):
    """Issue 17: stdout is line-buffered on a terminal: a loop's prints show as they happen."""
    if os.path.basename(BINARY) != "dls":
        raise Skip("needs the dls binary")
    c = pexpect.spawn(BINARY, EXTRA + ["-c", 'for k in 0..<2 { print("tick", k); sleep(1.5) }'],
                      env=env.env(), encoding="utf-8", timeout=TIMEOUT)
    c.expect(r"tick 0")
    # Block-buffered, both lines would arrive together at the end.
    assert "tick 1" not in c.buffer, c.buffer
    c.expect(r"tick 1")
    c.expect(pexpect.EOF)


def test_help_exit_hint_and_inline_options(env):
    """Issue 17: help at the prompt, python's hint for a bare exit, devlink's -j after `devlink`."""
    c = spawn_dls(env)
    c.sendline("help wait")
    c.expect(r"wait\(FN\[, SECONDS\]\): calls FN")
    c.expect(PROMPT)
    c.sendline("exit")
    c.expect(r"Use exit\(\) or Ctrl-D \(or :quit\) to leave\.")
    c.expect(PROMPT)
    c.sendline("devlink -j dev show")
    c.expect(r'\{"dev":\{"pci/0000:06:00.0":\{\},"pci/0000:06:00.1":\{\}\}\}')
    c.expect(PROMPT)
    quit_ok(c)


def test_tab_after_open_call_shows_signature(env):
    """Issue 17: Tab right after `wait(` shows the builtin's signature; the line stays as typed."""
    c = spawn_dls(env)
    c.send("let ok = wait(\t")
    c.expect(r"wait\(FN\[, SECONDS\]\): calls FN")
    c.send("fn() { true })\r")
    c.expect(PROMPT)
    c.sendline("print(ok)")
    c.expect(r"\r\ntrue\r\n")
    c.expect(PROMPT)
    quit_ok(c)


def test_history_survives_kill_9(env):
    """Issue 17: every entry reaches the history file at once; a killed terminal keeps it."""
    c = env.spawn()
    c.send("let survivor = 7\r")
    c.expect(PROMPT)
    time.sleep(0.2)
    os.kill(c.pid, 9)
    c.expect(pexpect.EOF)
    c.close()
    with open(env.hist, encoding="utf-8") as f:
        assert "survivor" in f.read()
    mode = stat.S_IMODE(os.stat(env.hist).st_mode)
    assert mode == 0o600, f"history mode {oct(mode)}"
    c = env.spawn()
    c.send("\x1b[A")                     # Up: the entry from the killed session
    c.expect(r"let survivor = 7")
    c.sendcontrol("u")
    quit_ok(c)


def test_utf8_without_lang(env):
    """Issue 17: with LANG and LC_* unset, the editor falls back to C.UTF-8 instead of dropping bytes."""
    e = {k: v for k, v in env.env().items() if k != "LANG" and not k.startswith("LC_")}
    c = pexpect.spawn(BINARY, EXTRA, env=e, encoding="utf-8", dimensions=(30, 120), timeout=TIMEOUT)
    c.expect(PROMPT)
    c.send('print(len("é✓x"))\r')
    c.expect(r"\r\n3\r\n")
    c.expect(PROMPT)
    quit_ok(c)


def test_unwritable_history_is_one_line(env):
    """A history file that cannot be written: one readable line, and the session goes on."""
    if os.path.basename(BINARY) != "dls":
        raise Skip("needs the dls binary")
    os.makedirs(env.hist)                # a directory where the file should be: EISDIR, even as root
    c = env.spawn()
    c.send("let a = 1\r")
    c.expect(r"dls: history is not kept: cannot write .*history: Is a directory\r\n")
    c.expect(PROMPT)
    c.send("let b = 2\r")
    c.expect(PROMPT)
    assert "history is not kept" not in c.before, c.before
    c.sendcontrol("d")
    c.expect(pexpect.EOF)
    assert "Error Domain" not in c.before and "CocoaError" not in c.before, c.before


def run_lines(c, lines):
    """Each line as an entry of its own, waiting for the prompt after it."""
    for line in lines:
        c.sendline(line)
        c.expect(PROMPT)


def test_monitor_waits_from_now_until_ctrl_c(env):
    """Issue 17: `monitor` shows what arrives from now on (not the session's backlog) until Ctrl-C."""
    c = spawn_dls(env)
    run_lines(c, ["dev eswitch set pci/0000:06:00.0 mode switchdev",
                  "port function rate add pci/0000:06:00.0/g1 tx_max 10mbit"])
    c.sendline("monitor")
    # For a second: neither the rate added before it nor a prompt; it is still watching.
    seen = c.expect([PROMPT, r"\[rate,new\]", pexpect.TIMEOUT], timeout=1.0)
    assert seen == 2, f"monitor returned or replayed the backlog: {c.before!r}"
    c.sendintr()
    c.expect(PROMPT)
    c.sendline('print(map(events(), fn(e) { "${e.object},${e.command}" }))')
    c.expect(r'\["rate,new"\]')
    c.expect(PROMPT)
    quit_ok(c)


def test_monitor_shows_an_sf_attaching_during_it(env):
    """Issue 17: an SF activated just before `monitor` attaches 500 ms later, while it watches."""
    c = spawn_dls(env)
    run_lines(c, ["dev eswitch set pci/0000:06:00.0 mode switchdev",
                  "let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88"])
    c.sendline("port function set $sf state active; monitor port")
    c.expect(r"\[port,new\] pci/0000:06:00\.0/32768: type eth netdev enp6s0pf0sf88 flavour pcisf")
    c.expect(r"state active opstate attached")
    seen = c.expect([PROMPT, pexpect.TIMEOUT], timeout=0.5)
    assert seen == 1, "monitor returned without Ctrl-C"
    c.sendintr()
    c.expect(PROMPT)
    quit_ok(c)


# What the language prints for the inputs above.
BLOCK_OUTPUT = r"0\s+1\s+2"
AFTER_INTERRUPT = 'print("after")'
AFTER_INTERRUPT_OUTPUT = r"after"
PIPED_SCRIPT = "let a = 40\nprint(a + 2)\n"
PIPED_OUTPUT = r"^42$"

TESTS = [test_command_word_completes, test_port_handle_completes, test_state_values_listed,
         test_multiline_for_block, test_history_recalled_after_restart, test_ctrl_c_interrupts_loop,
         test_ctrl_c_clears_line_and_block, test_utf8_input_and_backspace, test_ctrl_d_exits_zero, test_exit_leaves_with_its_status,
         test_sf_attaches_while_idle, test_lag_forms_while_idle, test_output_streams_on_a_terminal,
         test_help_exit_hint_and_inline_options, test_tab_after_open_call_shows_signature,
         test_history_survives_kill_9, test_utf8_without_lang,
         test_unwritable_history_is_one_line,
         test_monitor_waits_from_now_until_ctrl_c, test_monitor_shows_an_sf_attaching_during_it,
         test_piped_stdin_has_no_prompt]


def main():
    only = os.environ.get("PTY_ONLY")
    passed = failed = 0
    for test in TESTS:
        if only and only not in test.__name__:
            continue
        env = Env()
        start = time.time()
        try:
            test(env)
            passed += 1
            print(f"ok - {test.__name__} ({time.time() - start:.1f}s)")
        except Skip as e:
            print(f"ok - {test.__name__} # SKIP {e}")
            continue
        except Exception as e:  # report and go on: one failure must not hide the others
            failed += 1
            detail = str(e)
            if isinstance(e, (pexpect.TIMEOUT, pexpect.EOF)):  # keep the useful lines of pexpect's dump
                detail = " | ".join(l for l in detail.splitlines() if l.startswith(("buffer", "searcher", "    0:")))
            print(f"not ok - {test.__name__}: {type(e).__name__}: {detail}")
            if not isinstance(e, (pexpect.TIMEOUT, pexpect.EOF)):
                traceback.print_exc(limit=1)
        finally:
            env.cleanup()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
