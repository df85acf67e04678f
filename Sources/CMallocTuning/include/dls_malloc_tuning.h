#ifndef DLS_MALLOC_TUNING_H
#define DLS_MALLOC_TUNING_H

/// glibc malloc settings for the dls process (see dls_malloc_tuning.c). Call once, early.
void dls_malloc_tune(void);

#endif
