// Ctrl-C for the REPL: a SIGINT flag the interpreter can poll, and an interruptible libedit reader.
// State (the flag, the self-pipe) must live in a real C file, not in an imported header.
#pragma once
#include <histedit.h>

/// Installs the SIGINT handler (sigaction, no SA_RESTART) and its self-pipe. Idempotent. 0 on success.
int dls_intr_install(void);
/// Restores the SIGINT disposition that was in place before dls_intr_install.
void dls_intr_uninstall(void);
/// 1 if Ctrl-C arrived since the last take, and clears it; else 0. Async-signal-safe state, any thread.
int dls_intr_take(void);
/// 1 if Ctrl-C is pending (does not clear).
int dls_intr_pending(void);
/// Sets the flag as Ctrl-C would (programmatic cancel, tests).
void dls_intr_raise(void);
/// Installs the EL_GETCFN reader: reads stdin with poll(2) on the self-pipe too, so a Ctrl-C that lands
/// anywhere (any thread, outside read(2)) ends el_gets with NULL and errno EINTR. 0 on success.
int dls_intr_attach_reader(EditLine *el);
/// While the reader waits for a key (not inside a multibyte character), calls `fn` every `interval_ms`
/// milliseconds of idleness: the REPL lets the emulator's driver work run while the prompt waits.
/// `fn` must not write to the terminal. NULL (or interval <= 0) turns it off.
void dls_intr_set_idle(void (*fn)(EditLine *el), int interval_ms);
/// Sleeps up to `ms` milliseconds; returns 1 early if Ctrl-C is pending (flag not cleared), else 0.
int dls_intr_sleep_ms(long ms);
