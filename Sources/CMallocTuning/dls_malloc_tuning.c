#include "dls_malloc_tuning.h"
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

// Scripts that build big lists and strings spent a third of their time in page faults: every
// 4 KiB of new heap is a fault, and a growing list's storage came from a fresh mmap each time.
//  - Blocks up to 32 MiB come from the heap, so regrowth reuses freed heap memory.
//  - The heap is extended with 256 MiB of address space at once (virtual: nothing is touched),
//    and the part past the first 16 MiB may use transparent huge pages (one fault per 2 MiB).
//  - The first 16 MiB never do: where THP is "always" (Debian's and RHEL's default) the whole heap
//    would be eligible, and every short run (a netlink command, `dls apply`) would zero a whole
//    2 MiB page per first touch. Small scripts keep the start-up and memory they had before the
//    reserve.
enum { small_heap = 16 << 20, heap_reserve = 256 << 20, huge_page = 2 << 20 };

void dls_malloc_tune(void) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, heap_reserve);
    char *start = sbrk(0);
    // More than the heap holds: malloc extends it (plus the pad) now. Volatile, or the compiler
    // drops the pair.
    void *volatile block = malloc(small_heap);
    free(block);
    char *end = sbrk(0);
    if (start == (char *)-1 || end == (char *)-1 || end - start < small_heap + huge_page) return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t first = ((uintptr_t)start + page - 1) & ~(page - 1);
    uintptr_t from = ((uintptr_t)start + small_heap + huge_page - 1) & ~(uintptr_t)(huge_page - 1);
    uintptr_t to = (uintptr_t)end & ~(uintptr_t)(huge_page - 1);
    if (from > first) madvise((void *)first, from - first, MADV_NOHUGEPAGE);
    if (to > from) madvise((void *)from, to - from, MADV_HUGEPAGE);
}
