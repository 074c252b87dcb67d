#ifndef CMALLOC_SETTINGS_H
#define CMALLOC_SETTINGS_H

/// Limits glibc's malloc to `arenas` arenas (mallopt M_ARENA_MAX, declared in <malloc.h>, which Swift's Glibc
/// module does not import). Returns 1 when set, 0 when not (another C library).
int chainscope_malloc_arena_max(int arenas);

#endif
