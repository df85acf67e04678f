#ifndef DLS_STACK_SWITCH_H
#define DLS_STACK_SWITCH_H

#include <stddef.h>

/// A large stack reserved once and reused: the pages are committed only as they are touched.
typedef struct dls_stack dls_stack;

/// Reserves `size` bytes (plus a guard page) of stack; NULL when the reservation fails.
dls_stack *dls_stack_create(size_t size);

/// Releases a stack made by dls_stack_create (not while something runs on it).
void dls_stack_destroy(dls_stack *stack);

/// Runs `body(context)` on `stack`, on the calling thread, and returns when it finishes.
/// The thread stays the same (thread-locals, the main thread's identity), only the stack changes.
/// Returns 0, or -1 when the switch is impossible (the caller should run `body` some other way).
int dls_stack_run(dls_stack *stack, void (*body)(void *), void *context);

#endif
