// Non-variadic wrappers for libedit (Swift cannot call C variadics). Stateless only: state lives in CEditIntr.
#include <histedit.h>
