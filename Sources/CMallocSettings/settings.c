#include "CMallocSettings.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int chainscope_malloc_arena_max(int arenas) {
#if defined(M_ARENA_MAX)
    return mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
    return 0;
#endif
}
