/* A read-only SQLite VFS over a file descriptor the program already holds,
 * or over a window of it (the built-in content inside the program file).
 *
 * --content FILE is opened once (O_NONBLOCK, then fstat on the descriptor:
 * a FIFO, device or directory is refused before anything reads it). SQLite
 * cannot be given a descriptor, and handing it /proc/self/fd/N does not help:
 * its unix VFS resolves that link back to the path and opens the path again,
 * so a file swapped in between would be read. This VFS reads the descriptor
 * itself: pread only, no locks, no journal, never a write. Temporary files
 * (large sorts) go to the default VFS.
 *
 * A window (URI parameters kc_off and kc_len) lets SQLite read the content
 * image where it lies in the program file (content_image.c): the pages it
 * reads then pass through its own bounded cache, instead of being mapped
 * into the process 64 KB at a time as reading the image in place would. */
#include "content_vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sqlite_setup.h"

#define VFS_NAME "kc-content-fd"
#define PREFIX "/kc-content-fd/"

struct fdfile {
  sqlite3_file base;
  int fd;
  sqlite3_int64 off, len; /* the window read; len < 0: the whole file */
};

static sqlite3_vfs *parent; /* the default VFS, for everything but our file */

static int fd_close(sqlite3_file *f) {
  close(((struct fdfile *)f)->fd);
  return SQLITE_OK;
}

static int fd_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off) {
  const struct fdfile *file = (const struct fdfile *)f;
  int fd = file->fd;
  char *p = buf;
  int got = 0, want = amt;
  if (file->len >= 0) { /* a window: nothing past its end, from its start */
    want = off >= file->len ? 0 : file->len - off < amt ? (int)(file->len - off) : amt;
    off += file->off;
  }
  while (got < want) {
    ssize_t n = pread(fd, p + got, (size_t)(want - got), (off_t)(off + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return SQLITE_IOERR_READ;
    if (n == 0) break;
    got += (int)n;
  }
  if (got == amt) return SQLITE_OK;
  memset(p + got, 0, (size_t)(amt - got)); /* SQLite's contract for short reads */
  return SQLITE_IOERR_SHORT_READ;
}

static int fd_readonly(void) { return SQLITE_READONLY; }
static int fd_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
  (void)f, (void)b, (void)n, (void)o;
  return fd_readonly();
}
static int fd_truncate(sqlite3_file *f, sqlite3_int64 n) {
  (void)f, (void)n;
  return fd_readonly();
}
static int fd_sync(sqlite3_file *f, int flags) {
  (void)f, (void)flags;
  return SQLITE_OK;
}
static int fd_size(sqlite3_file *f, sqlite3_int64 *size) {
  const struct fdfile *file = (const struct fdfile *)f;
  struct stat st;
  if (file->len >= 0) {
    *size = file->len;
    return SQLITE_OK;
  }
  if (fstat(file->fd, &st) != 0) return SQLITE_IOERR_FSTAT;
  *size = st.st_size;
  return SQLITE_OK;
}
static int fd_lock(sqlite3_file *f, int level) {
  (void)f, (void)level;
  return SQLITE_OK; /* nothing writes it, so there is nothing to lock out */
}
static int fd_reserved(sqlite3_file *f, int *out) {
  (void)f;
  *out = 0;
  return SQLITE_OK;
}
static int fd_control(sqlite3_file *f, int op, void *arg) {
  (void)f, (void)op, (void)arg;
  return SQLITE_NOTFOUND;
}
static int fd_sector(sqlite3_file *f) {
  (void)f;
  return 4096;
}
static int fd_caps(sqlite3_file *f) {
  (void)f;
  return SQLITE_IOCAP_IMMUTABLE;
}

static const sqlite3_io_methods fd_methods = {
    .iVersion = 1,
    .xClose = fd_close,
    .xRead = fd_read,
    .xWrite = fd_write,
    .xTruncate = fd_truncate,
    .xSync = fd_sync,
    .xFileSize = fd_size,
    .xLock = fd_lock,
    .xUnlock = fd_lock,
    .xCheckReservedLock = fd_reserved,
    .xFileControl = fd_control,
    .xSectorSize = fd_sector,
    .xDeviceCharacteristics = fd_caps,
};

/* "/kc-content-fd/N" -> N, or -1 for any other name. */
static int name_fd(const char *name) {
  if (!name || strncmp(name, PREFIX, sizeof PREFIX - 1) != 0) return -1;
  char *end;
  long v = strtol(name + sizeof PREFIX - 1, &end, 10);
  return *end == '\0' && v >= 0 && v < 1 << 30 ? (int)v : -1;
}

static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out) {
  (void)vfs;
  int fd = name_fd(name);
  if (fd < 0) return parent->xOpen(parent, name, f, flags, out);
  if ((flags & SQLITE_OPEN_MAIN_DB) == 0 || (flags & SQLITE_OPEN_READWRITE))
    return SQLITE_CANTOPEN; /* only the database itself, and only to read */
  struct fdfile *p = (struct fdfile *)f;
  p->off = sqlite3_uri_int64(name, "kc_off", 0);
  p->len = sqlite3_uri_int64(name, "kc_len", -1);
  if (p->off < 0) return SQLITE_CANTOPEN;
  p->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (p->fd < 0) return SQLITE_CANTOPEN;
  p->base.pMethods = &fd_methods;
  if (out) *out = SQLITE_OPEN_READONLY;
  return SQLITE_OK;
}

static int vfs_delete(sqlite3_vfs *vfs, const char *name, int sync) {
  (void)vfs;
  return name_fd(name) >= 0 ? SQLITE_IOERR_DELETE : parent->xDelete(parent, name, sync);
}

static int vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
  (void)vfs;
  if (strncmp(name, PREFIX, sizeof PREFIX - 1) == 0) {
    *out = name_fd(name) >= 0; /* "-journal", "-wal" beside it never exist */
    return SQLITE_OK;
  }
  return parent->xAccess(parent, name, flags, out);
}

static int vfs_full(sqlite3_vfs *vfs, const char *name, int n, char *out) {
  (void)vfs;
  if (strncmp(name, PREFIX, sizeof PREFIX - 1) != 0)
    return parent->xFullPathname(parent, name, n, out);
  if ((int)strlen(name) >= n) return SQLITE_CANTOPEN;
  strcpy(out, name); /* never resolved through the file system */
  return SQLITE_OK;
}

static void *vfs_dlopen(sqlite3_vfs *v, const char *f) {
  (void)v, (void)f;
  return NULL; /* no extensions from a content file's directory */
}
static void vfs_dlerror(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  if (n > 0) snprintf(out, (size_t)n, "extensions are not loaded");
}
static void (*vfs_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) {
  (void)v, (void)h, (void)s;
  return NULL;
}
static void vfs_dlclose(sqlite3_vfs *v, void *h) { (void)v, (void)h; }
static int vfs_random(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  return parent->xRandomness(parent, n, out);
}
static int vfs_sleep(sqlite3_vfs *v, int us) {
  (void)v;
  return parent->xSleep(parent, us);
}
static int vfs_time(sqlite3_vfs *v, double *t) {
  (void)v;
  return parent->xCurrentTime(parent, t);
}
static int vfs_error(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  return parent->xGetLastError ? parent->xGetLastError(parent, n, out) : 0;
}

static sqlite3_vfs fd_vfs = {
    .iVersion = 1,
    .mxPathname = 512,
    .zName = VFS_NAME,
    .xOpen = vfs_open,
    .xDelete = vfs_delete,
    .xAccess = vfs_access,
    .xFullPathname = vfs_full,
    .xDlOpen = vfs_dlopen,
    .xDlError = vfs_dlerror,
    .xDlSym = vfs_dlsym,
    .xDlClose = vfs_dlclose,
    .xRandomness = vfs_random,
    .xSleep = vfs_sleep,
    .xCurrentTime = vfs_time,
    .xGetLastError = vfs_error,
};

int kc_content_vfs_open(int fd, sqlite3_int64 off, sqlite3_int64 len, sqlite3 **db) {
  *db = NULL;
  kc_sqlite_setup();
  if (!parent) {
    sqlite3_vfs *def = sqlite3_vfs_find(NULL);
    if (!def) return SQLITE_ERROR;
    fd_vfs.szOsFile =
        def->szOsFile > (int)sizeof(struct fdfile) ? def->szOsFile : (int)sizeof(struct fdfile);
    parent = def;
    int rc = sqlite3_vfs_register(&fd_vfs, 0);
    if (rc != SQLITE_OK) {
      parent = NULL;
      return rc;
    }
  }
  char name[128];
  if (len >= 0)
    snprintf(name, sizeof name, "file:" PREFIX "%d?immutable=1&kc_off=%lld&kc_len=%lld", fd,
             (long long)off, (long long)len);
  else
    snprintf(name, sizeof name, "file:" PREFIX "%d?immutable=1", fd);
  return sqlite3_open_v2(name, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, VFS_NAME);
}
