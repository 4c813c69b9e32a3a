/* The front of a content file: a small database with only what the guide's
 * first frame reads (the topics and their article counts), which kcpack
 * appends to the content database it writes (src/pack/pack_front.c) and
 * the guide reads first (src/store/content_front.c).
 *
 * Why: SQLite parses a database's whole schema before its first query, and
 * the content database has 77 schema entries. Parsing them is most of what
 * a --content file cost before the first frame (about 1 M instructions);
 * the front has 5. The built-in content needs no front: its topic list is
 * compiled into the program (kc_blob.h).
 *
 * A content file is then, byte for byte:
 *
 *   [content database][front database][trailer]
 *
 * The content database stays an ordinary SQLite file: SQLite reads only the
 * pages its header counts, so the sqlite3 shell and every other tool open
 * it as before. The trailer, the last KC_FRONT_TRAILER bytes:
 *
 *   0   100  a copy of the content database's header as packed
 *   100 8    where the front starts (big-endian), which is where the
 *            content database ends
 *   108 8    the front's length in bytes (big-endian)
 *   116 16   KC_FRONT_MAGIC
 *
 * The header copy makes a stale front cheap to see: any write to the
 * content database in rollback mode changes its change counter, and growing
 * or shrinking it changes its page count. A stale or missing front, or one
 * whose schema is not exactly kcpack's, is passed over: the topics then
 * come from the content database, as without a front. What a front showed
 * is compared with the content database before any key is read
 * (kc_content_check), and a file whose front lies is refused: a front can
 * only ever decide the first frame. */
#ifndef KC_CONTENT_FRONT_H
#define KC_CONTENT_FRONT_H

#include <stdint.h>

#define KC_FRONT_HEADER 100 /* an SQLite database header */
#define KC_FRONT_TRAILER 132
#define KC_FRONT_MAGIC "kneecare-front/1" /* 16 bytes, no terminator in the file */
#define KC_FRONT_MAX (1 << 20)            /* a front is a few KB; more is not ours */

/* The front's whole schema, in the order kcpack creates it; the guide
 * accepts a front only if its schema is exactly this. The columns are
 * those of the content database's tables of the same names, so the same
 * statements read both. */
#define KC_FRONT_SQL_META "CREATE TABLE meta(key TEXT PRIMARY KEY,value TEXT)"
#define KC_FRONT_SQL_TOPIC                                                                         \
  "CREATE TABLE topic(id TEXT PRIMARY KEY,position INTEGER UNIQUE,title TEXT,summary TEXT)"
#define KC_FRONT_FORMAT "kneecare-front" /* meta 'format' */

/* Where a file's parts lie. */
struct kc_front {
  int64_t off; /* where the front begins, which is where the content database ends */
  int64_t len; /* the front's length */
};

/* The content database's length from its header (page size x page count),
 * or -1 when the header is not an SQLite header or its page count cannot
 * be trusted (SQLite would then go by the file's size). */
int64_t kc_front_db_len(const unsigned char header[KC_FRONT_HEADER]);

/* Looks for a current front in the file open on fd, of size bytes: two
 * reads (the trailer and the content database's header), nothing else.
 * 1 with *f filled; 0 when there is none, it is stale, or the trailer does
 * not add up (the file is then read as one database, as before fronts). */
int kc_front_find(int fd, int64_t size, struct kc_front *f);

/* The trailer for a front of len bytes at off, after a content database
 * with this header. */
void kc_front_trailer(const unsigned char header[KC_FRONT_HEADER], int64_t off, int64_t len,
                      unsigned char out[KC_FRONT_TRAILER]);

#endif
