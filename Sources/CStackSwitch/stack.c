// Running a function on a big stack without leaving the calling thread (ucontext). The dls
// interpreter recurses natively, so it needs far more stack than a thread's default; running on
// the host's own thread keeps main-actor code and thread-locals in host callbacks working.
#define _GNU_SOURCE
#include "CStackSwitch.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

struct dls_stack {
    void *base;      // start of the mapping (the guard page)
    size_t length;   // whole mapping
};

dls_stack *dls_stack_create(size_t size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t length = ((size + page - 1) / page) * page + page;
    void *base = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) return NULL;
    // Overflow hits the guard page and faults instead of silently corrupting memory below.
    mprotect(base, page, PROT_NONE);
    dls_stack *stack = malloc(sizeof *stack);
    if (!stack) {
        munmap(base, length);
        return NULL;
    }
    stack->base = base;
    stack->length = length;
    return stack;
}

void dls_stack_destroy(dls_stack *stack) {
    if (!stack) return;
    munmap(stack->base, stack->length);
    free(stack);
}

// makecontext passes only int arguments portably, so the call travels through thread-locals.
static __thread void (*pending_body)(void *);
static __thread void *pending_context;

static void trampoline(void) {
    void (*body)(void *) = pending_body;
    void *context = pending_context;
    body(context);
    // Returning resumes uc_link (the caller's context).
}

int dls_stack_run(dls_stack *stack, void (*body)(void *), void *context) {
    if (!stack) return -1;
    ucontext_t caller, callee;
    if (getcontext(&callee) != 0) return -1;
    callee.uc_stack.ss_sp = stack->base;
    callee.uc_stack.ss_size = stack->length;
    callee.uc_link = &caller;
    makecontext(&callee, trampoline, 0);
    pending_body = body;
    pending_context = context;
    if (swapcontext(&caller, &callee) != 0) return -1;
    return 0;
}
