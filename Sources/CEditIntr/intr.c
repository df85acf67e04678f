#include "CEditIntr.h"
int dls_intr_placeholder(void) { return 0; }
