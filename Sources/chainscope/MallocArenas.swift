import CMallocSettings

/// The malloc arenas of a process that imports into PostgreSQL.
enum MallocArenas {
    /// Limits glibc to two malloc arenas; call before the store runs. An import into PostgreSQL allocates on its
    /// reading thread, its writing task and the connection's event loop, and with glibc's default (eight arenas a
    /// core) each kept memory the others had freed. A newer export of a million rows that changed every company
    /// peaked at 295 MiB, 5 MiB under the import's goal, and at 266 MiB with two arenas, in the same time (100,000
    /// rows: 261–268 MiB, and 230–253 MiB). SQLite's import used the same memory either way and was 10% slower with
    /// two (its reader and writer contend for them), so it keeps the default.
    static func limitForPostgresImport() {
        _ = chainscope_malloc_arena_max(2)
    }
}
