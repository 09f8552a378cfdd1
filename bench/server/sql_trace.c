// Preloaded into any build of cyberframe (LD_PRELOAD) by count-put-statements: installs SQLite's
// statement trace (SQLITE_TRACE_STMT: one event per statement started, whatever rows it steps
// through; trigger programs left out, as Store::record_statements does) on every connection the
// process opens, and writes each statement to the file CF_SQL_TRACE names, one line each, after
// the thread's id. So builds from before the statement hook are counted the same way.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE* out;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int on_stmt(unsigned type, void* ctx, void* p, void* x) {
  const char* sql = x;
  if (sql[0] == '-' && sql[1] == '-') return 0;
  pthread_mutex_lock(&lock);
  if (!out) {
    const char* path = getenv("CF_SQL_TRACE");
    out = fopen(path ? path : "/dev/null", "a");
    setvbuf(out, NULL, _IOLBF, 0);
  }
  fprintf(out, "%lu\t", (unsigned long)pthread_self());
  for (const char* c = sql; *c; ++c) fputc(*c == '\n' ? ' ' : *c, out);
  fputc('\n', out);
  pthread_mutex_unlock(&lock);
  return 0;
}

int sqlite3_open_v2(const char* f, sqlite3** db, int flags, const char* vfs) {
  static int (*real)(const char*, sqlite3**, int, const char*);
  if (!real) real = dlsym(RTLD_NEXT, "sqlite3_open_v2");
  int rc = real(f, db, flags, vfs);
  if (rc == SQLITE_OK && *db) sqlite3_trace_v2(*db, SQLITE_TRACE_STMT, on_stmt, 0);
  return rc;
}
