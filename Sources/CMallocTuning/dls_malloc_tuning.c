#include "dls_malloc_tuning.h"
#include <malloc.h>

int dls_malloc_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
