#ifndef CSQLITE_SETTINGS_H
#define CSQLITE_SETTINGS_H

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS). Swift cannot call the variadic
/// sqlite3_config, hence this function. Returns SQLITE_OK, or SQLITE_MISUSE once SQLite is initialised
/// (the first database opened initialises it), when the setting can no longer change.
int chainscope_sqlite_memstatus_off(void);

#endif
