/* Which window runs a stored timer (userdb.h): a one-byte lock per timer
 * in <data dir>/timers.lock.
 *
 * The stored ice and walk-run timers survive a quit or a crash so that the
 * next window can offer to resume them. A second window open on the same
 * profile must not make that offer for a timer still running in the
 * first: "yes" would record one ice pack twice, "no" would say discarded
 * while the first window still records it. The row alone cannot tell the
 * two apart; a lock can, because the kernel releases it when its process
 * ends, quit, crash or kill -9 alike.
 *
 * Open file description locks (F_OFD_SETLK), not flock or POSIX locks:
 * one byte per timer in one file, held by this handle's descriptor, and
 * not lost when some other descriptor of the file is closed. The byte for
 * a timer is 2 x id, + 1 for a walk-run timer. The file is made 0600 with
 * O_NOFOLLOW only when a timer first starts, so a start that runs no timer
 * makes no file; anything but a regular file there is left alone, and
 * locking is then off (every stored timer counts as left behind). */
#define _GNU_SOURCE /* F_OFD_SETLK */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kneecare/userdb.h"
#include "userdb_int.h"

#define HOLD_FILE "/timers.lock"

/* The descriptor, opened (create: made if missing) on first use; -1 when
 * there is none to lock with. */
static int hold_fd(struct kc_userdb *db, bool create) {
  if (db->hold_fd >= 0 || db->hold_fd == -2) return db->hold_fd >= 0 ? db->hold_fd : -1;
  char path[PATH_MAX + sizeof HOLD_FILE];
  snprintf(path, sizeof path, "%s" HOLD_FILE, db->dir);
  int flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (create ? O_CREAT : 0);
  int fd = open(path, flags, 0600);
  struct stat st;
  if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    close(fd);
    fd = -1;
  }
  if (fd < 0) {
    if (create) db->hold_fd = -2; /* none this session: a timer then runs unlocked */
    return -1;
  }
  return db->hold_fd = fd;
}

static struct flock byte_of(enum kc_timer_kind kind, int64_t id, short type) {
  return (struct flock){.l_type = type,
                        .l_whence = SEEK_SET,
                        .l_start = (off_t)((id & 0x3fffffffffffLL) * 2 + (kind == KC_TIMER_RUN)),
                        .l_len = 1};
}

void kc_userdb_timer_hold(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id) {
  int fd = db ? hold_fd(db, true) : -1;
  struct flock fl = byte_of(kind, id, F_WRLCK);
  if (fd >= 0) fcntl(fd, F_OFD_SETLK, &fl); /* held elsewhere too: both run it, as before */
}

void kc_userdb_timer_let_go(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id) {
  int fd = db ? hold_fd(db, false) : -1;
  struct flock fl = byte_of(kind, id, F_UNLCK);
  if (fd >= 0) fcntl(fd, F_OFD_SETLK, &fl);
}

bool kc_userdb_timer_held_elsewhere(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id) {
  int fd = db ? hold_fd(db, false) : -1;
  struct flock fl = byte_of(kind, id, F_WRLCK);
  /* F_OFD_GETLK reports a lock of another open file description: another
   * process (this handle's own locks never conflict with it). */
  return fd >= 0 && fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}
