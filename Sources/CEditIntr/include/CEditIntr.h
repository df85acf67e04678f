// SIGINT flag and interruptible reader for libedit (state must live in a real C file).
#pragma once
int dls_intr_placeholder(void);
