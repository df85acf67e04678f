// SIGINT flag + self-pipe, and an EL_GETCFN reader that wakes on either stdin or the pipe.
// Why a self-pipe rather than masking SIGINT around ppoll: the signal may be delivered to any thread
// that does not block it (the runtime's or the interpreter's); a byte in the pipe wakes poll(2) wherever
// the handler ran, and a signal that lands between the flag check and poll is not lost.
#include "CEditIntr.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

// Atomic, not just volatile sig_atomic_t: besides the signal handler, dls_intr_raise sets it from
// other threads (tests, the REPL's own Ctrl-C path) while the reader polls it (a data race under
// ThreadSanitizer). A lock-free atomic_int is also async-signal-safe.
static atomic_int intr_flag = 0;
static int intr_pipe[2] = {-1, -1};
static int intr_installed = 0;
static struct sigaction intr_previous;
// The idle tick (dls_intr_set_idle); read and written on the thread that runs el_gets.
static void (*intr_idle_fn)(EditLine *el) = NULL;
static int intr_idle_ms = -1;

static void intr_handler(int sig) {
    (void)sig;
    int saved = errno;
    atomic_store_explicit(&intr_flag, 1, memory_order_relaxed);
    if (intr_pipe[1] >= 0) {
        char b = 1;
        ssize_t r = write(intr_pipe[1], &b, 1);  // full pipe is fine: poll is already awake
        (void)r;
    }
    errno = saved;
}

static void intr_drain(void) {
    if (intr_pipe[0] < 0) return;
    char buf[64];
    while (read(intr_pipe[0], buf, sizeof buf) > 0) {}
}

int dls_intr_install(void) {
    if (intr_installed) return 0;
    if (intr_pipe[0] < 0) {
        if (pipe(intr_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(intr_pipe[i], F_SETFL, fcntl(intr_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(intr_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = intr_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read(2) must return EINTR
    if (sigaction(SIGINT, &sa, &intr_previous) != 0) return -1;
    intr_installed = 1;
    return 0;
}

void dls_intr_uninstall(void) {
    if (!intr_installed) return;
    sigaction(SIGINT, &intr_previous, NULL);
    intr_installed = 0;
}

int dls_intr_take(void) {
    if (!atomic_exchange_explicit(&intr_flag, 0, memory_order_relaxed)) return 0;
    intr_drain();
    return 1;
}

int dls_intr_pending(void) { return atomic_load_explicit(&intr_flag, memory_order_relaxed) ? 1 : 0; }

void dls_intr_raise(void) { intr_handler(SIGINT); }

void dls_intr_set_idle(void (*fn)(EditLine *el), int interval_ms) {
    intr_idle_fn = interval_ms > 0 ? fn : NULL;
    intr_idle_ms = intr_idle_fn ? interval_ms : -1;
}

int dls_intr_sleep_ms(long ms) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (atomic_load_explicit(&intr_flag, memory_order_relaxed)) return 1;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (elapsed >= ms) return 0;
        struct pollfd p = {intr_pipe[0], POLLIN, 0};
        poll(&p, intr_pipe[0] >= 0 ? 1 : 0, (int)(ms - elapsed));
    }
}

// Reads one byte without blocking. Why: poll may report input, then a Ctrl-C flushes the tty's
// queue (and libedit's handler returns the tty to cooked mode) before read(2) starts; a blocking
// read would then wait for a whole line and the Ctrl-C would be lost (seen 2 in 60 pty runs).
// O_NONBLOCK is set only around the read because the file description is shared with the shell.
static ssize_t intr_read_byte(char *c) {
    int flags = fcntl(STDIN_FILENO, F_GETFL);
    int toggled = flags >= 0 && !(flags & O_NONBLOCK) && fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) == 0;
    ssize_t r = read(STDIN_FILENO, c, 1);
    int saved = errno;
    if (toggled) fcntl(STDIN_FILENO, F_SETFL, flags);
    errno = saved;
    return r;
}

// libedit calls this for each character. UTF-8 is decoded here with mbrtowc (needs setlocale first).
static int intr_read_char(EditLine *el, wchar_t *out) {
    char bytes[MB_LEN_MAX];
    size_t have = 0;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (atomic_load_explicit(&intr_flag, memory_order_relaxed)) {
            errno = EINTR;
            return -1;
        }
        struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {intr_pipe[0], POLLIN, 0}};
        // Idle ticks only between characters: a half-read UTF-8 sequence waits for its next byte.
        int idle = have == 0 && intr_idle_fn != NULL;
        int n = poll(p, intr_pipe[0] >= 0 ? 2 : 1, idle ? intr_idle_ms : -1);
        if (n < 0) {
            if (errno == EINTR) continue;  // the flag check above decides
            return -1;
        }
        if (n == 0) {
            intr_idle_fn(el);
            continue;
        }
        if (intr_pipe[0] >= 0 && (p[1].revents & POLLIN)) intr_drain();
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char c;
        ssize_t r = intr_read_byte(&c);
        if (r == 0) return 0;  // end of file
        if (r < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return -1;
        }
        bytes[have++] = c;
        size_t m = mbrtowc(out, bytes + have - 1, 1, &state);
        if (m == (size_t)-2 && have < sizeof bytes) continue;  // incomplete sequence: read more
        if (m == (size_t)-1 || m == (size_t)-2) {              // invalid: pass the first byte through
            *out = (wchar_t)(unsigned char)bytes[0];
            return 1;
        }
        if (m == 0) *out = L'\0';
        return 1;
    }
}

int dls_intr_attach_reader(EditLine *el) { return el_set(el, EL_GETCFN, intr_read_char); }
