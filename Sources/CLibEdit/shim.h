// Non-variadic wrappers for libedit: Swift cannot call C variadics (el_set, el_get, history).
// Stateless only: `static inline` functions are emitted into each Swift object file, so anything
// with storage (signal flag, reader state) lives in the CEditIntr C target instead.
#pragma once
#include <histedit.h>
#include <stdio.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

/// el_init on the C side: Swift 6 rejects touching the `stdin`/`stdout` globals.
static inline EditLine *shim_el_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }

static inline int shim_el_set_prompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_PROMPT, f); }
static inline int shim_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int shim_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int shim_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int shim_el_set_clientdata(EditLine *el, void *p) { return el_set(el, EL_CLIENTDATA, p); }
static inline void *shim_el_get_clientdata(EditLine *el) { void *p = NULL; el_get(el, EL_CLIENTDATA, &p); return p; }
static inline int shim_el_addfn(EditLine *el, const char *name, const char *help,
                                unsigned char (*f)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int shim_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
/// Puts the tty in raw mode before el_gets draws the prompt (else early keys hit the cooked tty).
static inline int shim_el_prep_term(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }

static inline int shim_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int shim_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int shim_hist_enter(History *h, const char *s) { HistEvent ev; return history(h, &ev, H_ENTER, s); }
static inline int shim_hist_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
static inline int shim_hist_getsize(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return -1;
    return ev.num;
}

/// Writes to the stdout FILE* libedit also writes to, so completion lists keep their place.
static inline void shim_out(const char *s) { fputs(s, stdout); fflush(stdout); }
/// UTF-8 input needs a UTF-8 LC_CTYPE before el_init: the environment's when it is one, else
/// C.UTF-8 (with LANG unset the "C" locale would make libedit drop every non-ASCII byte; dls reads
/// and writes UTF-8 whatever the locale says). A non-UTF-8 locale the user chose is replaced too:
/// dls sources and history are UTF-8 only.
static inline void shim_setlocale_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    }
}

#include <sys/ioctl.h>
#include <unistd.h>
/// Terminal width for laying out completion lists (ioctl is variadic); 80 when unknown.
static inline int shim_term_columns(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

static inline int shim_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline int shim_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
/// Entries oldest first through `visit`; libedit keeps them newest first.
static inline void shim_hist_each_oldest_first(History *h, void *ctx, void (*visit)(void *, const char *)) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) < 0) return;
    do { visit(ctx, ev.str); } while (history(h, &ev, H_PREV) >= 0);
}

static inline void shim_err(const char *s) { fflush(stdout); fputs(s, stderr); fflush(stderr); }
