/* Opening the built-in content: the database image compiled into the
 * program (kc_blob.c).
 *
 * The image is part of the program file, so SQLite reads it from there
 * with pread, through content_vfs.c's window, like any database file: the
 * pages it reads go into its own page cache, which is bounded. Reading the
 * mapped image in place (sqlite3_deserialize) would be as fast, but each
 * page read would also stay mapped into the process, with the kernel
 * mapping 64 KB around it, so memory would grow with everything read
 * since start.
 *
 * Where the image lies in the file comes from the program headers of the
 * running program (dl_iterate_phdr). The file is /proc/self/exe, which is
 * the very file being run even if it has been replaced on disk since. The
 * window is used only when that file's program headers are the ones in
 * memory and a database begins at the offset; anything else (no /proc, a
 * program started through ld.so, an image that is not in the program's own
 * file, as in some tests) falls back to reading the image in memory, which
 * is always correct. The check never reads the image's own memory: that
 * would map 64 KB of it for 100 bytes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content_int.h"
#include "content_vfs.h"
#include "sqlite_setup.h"

#define SQLITE_HEADER 100

struct locate {
  uintptr_t addr;
  size_t len;
  int seen_main;           /* the first object listed is the program itself */
  long long off;           /* the file offset found, or -1 */
  const ElfW(Phdr) * phdr; /* the program's headers, as loaded */
  int phnum;
};

static int find_in_program(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  struct locate *l = arg;
  if (l->seen_main++) return 1; /* only the program's own file is /proc/self/exe */
  l->phdr = info->dlpi_phdr;
  l->phnum = info->dlpi_phnum;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type != PT_LOAD || l->addr < start) continue;
    /* Inside the part of the segment that comes from the file, whole. */
    if (l->addr - start <= ph->p_filesz && l->len <= ph->p_filesz - (l->addr - start)) {
      l->off = (long long)(ph->p_offset + (l->addr - start));
      return 1;
    }
  }
  return 1;
}

/* Is fd the file l->phdr was loaded from? Its program headers say where
 * every byte of the image comes from, so equal headers mean equal offsets
 * (a program run through ld.so has ld.so's file as /proc/self/exe). */
static int same_program(int fd, const struct locate *l) {
  ElfW(Ehdr) eh;
  ElfW(Phdr) ph[32];
  if (pread(fd, &eh, sizeof eh, 0) != (ssize_t)sizeof eh || eh.e_phnum != l->phnum ||
      eh.e_phentsize != sizeof ph[0] || l->phnum > 32)
    return 0;
  const size_t n = (size_t)l->phnum * sizeof ph[0];
  return pread(fd, ph, n, (off_t)eh.e_phoff) == (ssize_t)n && memcmp(ph, l->phdr, n) == 0;
}

/* The program file, open, with the image's offset in *off; -1 when the
 * image cannot be read from it (the caller then reads it in memory). */
static int open_program_window(const unsigned char *data, size_t len, long long *off) {
  struct locate l = {(uintptr_t)data, len, 0, -1, NULL, 0};
  dl_iterate_phdr(find_in_program, &l);
  if (l.off < 0 || len < SQLITE_HEADER) return -1;
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  static const char magic[16] = "SQLite format 3"; /* and its NUL */
  char head[sizeof magic];
  struct stat st;
  if (fstat(fd, &st) != 0 || (long long)st.st_size < l.off + (long long)len ||
      !same_program(fd, &l) || pread(fd, head, sizeof head, (off_t)l.off) != (ssize_t)sizeof head ||
      memcmp(head, magic, sizeof magic) != 0) {
    close(fd);
    return -1;
  }
  *off = l.off;
  return fd;
}

static int open_in_memory(const unsigned char *data, size_t len, sqlite3 **db) {
  kc_sqlite_setup();
  int rc = sqlite3_open_v2(":memory:", db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK) return rc;
  /* READONLY: SQLite reads the image in place and never writes to it. */
  return sqlite3_deserialize(*db, "main", (unsigned char *)data, (sqlite3_int64)len,
                             (sqlite3_int64)len, SQLITE_DESERIALIZE_READONLY);
}

int kc_content_open_image(const unsigned char *data, size_t len, struct kc_content **out, char *err,
                          size_t errlen) {
  sqlite3 *db = NULL;
  err[0] = '\0';
  *out = NULL;
  long long off;
  int fd = open_program_window(data, len, &off);
  int rc = SQLITE_CANTOPEN;
  if (fd >= 0) {
    rc = kc_content_vfs_open(fd, off, (sqlite3_int64)len, &db);
    close(fd); /* SQLite holds its own duplicate */
    if (rc != SQLITE_OK) {
      sqlite3_close(db);
      db = NULL;
    }
  }
  if (rc != SQLITE_OK) rc = open_in_memory(data, len, &db);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "cannot load built-in content: %s",
             db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return -1;
  }
  return kc_content_finish_open(db, 1, 1, out, err, errlen);
}
