#ifndef CHAINSCOPE_SYSTEM_H
#define CHAINSCOPE_SYSTEM_H

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
/// Limits glibc to `count` malloc arenas; returns 1 on success. Elsewhere does nothing and returns 0.
static inline int chainscope_limit_malloc_arenas(int count) { return mallopt(M_ARENA_MAX, count); }
#else
static inline int chainscope_limit_malloc_arenas(int count) { (void)count; return 0; }
#endif

#endif
