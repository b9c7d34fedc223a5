#ifndef INCLUSIO_CSQLITE_SHIM_H
#define INCLUSIO_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer: a macro Swift cannot import.
   It tells SQLite to copy bound text and blobs before sqlite3_bind_* returns. */
static inline sqlite3_destructor_type inclusio_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
