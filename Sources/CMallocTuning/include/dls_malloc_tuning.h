#ifndef DLS_MALLOC_TUNING_H
#define DLS_MALLOC_TUNING_H

/// Serve blocks up to `bytes` from the heap rather than from a fresh mmap each (glibc's
/// M_MMAP_THRESHOLD). Returns 0 when the C library does not take the setting.
int dls_malloc_mmap_threshold(int bytes);

#endif
