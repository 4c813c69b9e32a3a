/* Read-only access to the content database: opening it, and topics,
 * articles, links and sources (search is in content_search.c).
 *
 * Opening does no work that grows with the articles: the packer checked
 * every article once at build time and recorded what it checked in meta
 * (src/pack/pack_search.c). A --content file is untrusted, so opening it
 * costs only O(schema): its schema must be ours (no views, no generated
 * columns, our tables with our columns, our FTS definitions), and every read
 * is bounded where it happens -- a LIMIT on each result, a cap on each text
 * column, and SQLite's own limits -- so no file can make a read compute or
 * load more than a screenful. Every text passes the sanitiser, so a hostile
 * database cannot put escape sequences on the user's terminal. */
#include "kneecare/content.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content_db.h"
#include "content_int.h"
#include "content_vfs.h"
#include "kneecare/content_front.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"

/* ---- opening ------------------------------------------------------------- */

/* SQLite's limits for a content connection: what real content needs, with
 * room (the longest value is an article body; our statements are short),
 * so that no value, statement or schema entry of a foreign file can be
 * larger. A value over SQLITE_LIMIT_LENGTH fails to load ("string or blob
 * too big") instead of being read into memory. */
static void set_limits(sqlite3 *db) {
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 2 * KC_CONTENT_MAX_BODY);
  sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 64 * 1024);
  sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 64);
  sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 64);
  sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 8);
  sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 16);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 256);
  sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 32);
  sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

int kc_content_harden(sqlite3 *db) {
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  set_limits(db);
  /* A small page cache: what one screen needs; memory is a target. */
  return sqlite3_exec(db, "PRAGMA query_only = 1; PRAGMA cache_size = -128", NULL, NULL, NULL);
}

/* The tables this store reads, with their columns in order. */
static const struct {
  const char *name, *columns;
} TABLES[] = {
    {"meta", "key value"},
    {"topic", "id position title summary"},
    {"article", "id topic_id position title summary body plain source_file reviewed"},
    {"article_related", "article_id related_id position"},
    {"article_source", "article_id position text"},
    {"search_stopword", "word"},
    {"search_synonym", "term means"},
    {"search_vocab", "word docs"},
};

/* The full-text tables, as the db/ SQL files declare them (compared after
 * normalising: comments and blanks outside quotes dropped, lower case). A
 * different tokenizer, content table or detail level would change what a
 * query costs or reads. */
static const struct {
  const char *name, *sql;
} FTS_TABLES[] = {
    {"article_fts", "CREATE VIRTUAL TABLE article_fts USING fts5 (title, summary, plain, "
                    "content = 'article', content_rowid = 'rowid', "
                    "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4')"},
    {"search_head", "CREATE VIRTUAL TABLE search_head USING fts5 (title, summary, headings, "
                    "content = '', tokenize = 'porter unicode61 remove_diacritics 2', "
                    "prefix = '2 3 4')"},
};

/* SQL text without comments and blanks outside string literals, in lower
 * case outside them, into out (truncated to outlen). */
static void normalise_sql(const char *s, char *out, size_t outlen) {
  size_t o = 0;
  char quote = 0;
  for (; *s && o + 1 < outlen; s++) {
    char ch = *s;
    if (quote) {
      out[o++] = ch;
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      out[o++] = ch;
    } else if (ch == '-' && s[1] == '-') {
      while (s[1] && s[1] != '\n') s++;
    } else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
      out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
  }
  out[o] = '\0';
}

static int refuse(char *err, size_t errlen, const char *fmt, const char *a, const char *b) {
  char why[400];
  snprintf(why, sizeof why, fmt, a ? a : "", b ? b : "");
  snprintf(err, errlen, "not a kneecare content database (%s)", why);
  return -1;
}

/* 1 when a CREATE TABLE statement declares a generated column: its text
 * with quoted parts and comments dropped has "AS (" (the grammar requires
 * the bracket after AS, and a table's text is what SQLite parses). A CHECK
 * calling a function whose name ends in "as" is refused too: refusing an
 * odd file is safe, reading a generated column is not. */
static int declares_generated(const char *sql) {
  char skel[4096];
  size_t o = 0;
  for (const char *p = sql; *p && o + 1 < sizeof skel; p++) {
    char ch = *p;
    if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
      char close = ch == '[' ? ']' : ch;
      while (p[1] && p[1] != close) p++;
      if (p[1]) p++;
      skel[o++] = 'q';
    } else if (ch == '-' && p[1] == '-') {
      while (p[1] && p[1] != '\n') p++;
    } else if (ch == '/' && p[1] == '*') {
      p++;
      while (p[1] && !(p[0] == '*' && p[1] == '/')) p++;
      if (p[1]) p++;
    } else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
      skel[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
  }
  skel[o] = '\0';
  return o + 1 >= sizeof skel || strstr(skel, "as(") || strstr(skel, "generatedalways");
}

/* Steps *p over blanks and SQL comments; 1 when it moved. */
static int skip_blank(const char **pp) {
  const char *p = *pp;
  if (p[0] == '-' && p[1] == '-')
    while (*p && *p != '\n') p++;
  else if (p[0] == '/' && p[1] == '*') {
    p += 2;
    while (*p && !(p[0] == '*' && p[1] == '/')) p++;
    if (*p) p += 2;
  } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  int moved = p != *pp;
  *pp = p;
  return moved;
}

/* The first word of an item into name (unquoted); 1 when it was quoted. */
static int item_name(const char **pp, char *name, size_t cap) {
  const char *p = *pp;
  size_t n = 0;
  char close = *p == '"' ? '"' : *p == '[' ? ']' : *p == '`' ? '`' : 0;
  if (close) {
    for (p++; *p && *p != close; p++)
      if (n + 1 < cap) name[n++] = *p;
    if (*p) p++;
  } else {
    for (; *p && (*p == '_' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'));
         p++)
      if (n + 1 < cap) name[n++] = *p;
  }
  name[n] = '\0';
  *pp = p;
  return close != 0;
}

static int is_table_constraint(const char *word) {
  static const char *constraints[] = {"constraint", "primary", "unique", "check", "foreign"};
  for (size_t k = 0; k < sizeof constraints / sizeof constraints[0]; k++)
    if (strcasecmp(word, constraints[k]) == 0) return 1;
  return 0;
}

/* The column names of a CREATE TABLE statement, space-separated, into out:
 * the first word of each top-level item between the brackets that is not a
 * table constraint. Comments are skipped; quoted names are unquoted. */
static void table_columns(const char *sql, char *out, size_t outlen) {
  size_t o = 0;
  out[0] = '\0';
  const char *p = sql ? strchr(sql, '(') : NULL;
  if (!p) return;
  p++;
  int depth = 0, at_item = 1;
  while (*p && depth >= 0) {
    if (skip_blank(&p)) continue;
    if (at_item && depth == 0) {
      char name[128];
      int quoted = item_name(&p, name, sizeof name);
      size_t n = strlen(name);
      at_item = 0;
      if (n && (quoted || !is_table_constraint(name)) && o + n + 2 < outlen) {
        if (o) out[o++] = ' ';
        memcpy(out + o, name, n + 1);
        o += n;
      }
      continue;
    }
    if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
      char close = *p == '[' ? ']' : *p;
      for (p++; *p && *p != close; p++) {}
      if (*p) p++;
      continue;
    }
    depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
    if (*p == ',' && depth == 0) at_item = 1;
    p++;
  }
}

/* Why one schema entry is refused, into why (empty when it is fine). */
static void judge_entry(int entries, const char *type, const char *name, const char *sql,
                        int too_long, char *why, size_t n) {
  if (entries > 200)
    snprintf(why, n, "over 200 schema entries; ours has about 75");
  else if (too_long)
    snprintf(why, n, "the statement of '%.60s' is over 4,000 bytes", name);
  else if (strcmp(type, "view") == 0)
    snprintf(why, n, "it has a view, '%.60s'", name);
  /* A generated column is computed on every read, by any expression:
   * one row can make gigabytes (printf('%.*c', 16000000, 'x')). */
  else if (strcmp(type, "table") == 0 && sql && declares_generated(sql))
    snprintf(why, n, "generated column in '%.60s'", name);
}

#define N_TABLES (sizeof TABLES / sizeof TABLES[0])
#define N_FTS (sizeof FTS_TABLES / sizeof FTS_TABLES[0])

/* One pass over sqlite_schema: refuses views, generated columns and
 * oversized entries, and keeps our tables' columns and FTS statements. */
static int scan_schema(sqlite3 *db, char fts_sql[][1024], char table_cols[][512], char *err,
                       size_t errlen) {
  sqlite3_stmt *st = NULL;
  int entries = 0, rc;
  /* Our longest statement is under 1 KB; a longer one could hide a
   * generated column past what is looked at, so it is refused. */
  if (sqlite3_prepare_v2(db,
                         "SELECT type, name, CASE WHEN length(sql) <= 4000 THEN sql END, "
                         "length(sql) > 4000 FROM sqlite_schema LIMIT 201",
                         -1, &st, NULL) != SQLITE_OK)
    return snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db)), -1;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(st, 0);
    const char *name = (const char *)sqlite3_column_text(st, 1);
    const char *sql = (const char *)sqlite3_column_text(st, 2);
    char why[160] = "";
    if (!type || !name) continue;
    judge_entry(++entries, type, name, sql, sqlite3_column_int(st, 3), why, sizeof why);
    if (why[0]) {
      sqlite3_finalize(st);
      return refuse(err, errlen, "%s", why, NULL);
    }
    for (size_t i = 0; sql && i < N_FTS; i++)
      if (strcmp(name, FTS_TABLES[i].name) == 0) snprintf(fts_sql[i], sizeof fts_sql[i], "%s", sql);
    for (size_t i = 0; i < N_TABLES; i++)
      if (strcmp(type, "table") == 0 && strcmp(name, TABLES[i].name) == 0)
        table_columns(sql, table_cols[i], sizeof table_cols[i]);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db)), -1;
  return 0;
}

/* The packer's marks in meta: format, version, search data, checksum. */
static int check_meta(sqlite3 *db, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  char format[64] = "", version[64] = "", search[64] = "", checksum[64] = "";
  if (sqlite3_prepare_v2(db,
                         "SELECT key, substr(value, 1, 60) FROM meta WHERE key IN ('format', "
                         "'format_version', 'search_version', 'content_checksum')",
                         -1, &st, NULL) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *k = (const char *)sqlite3_column_text(st, 0);
      const char *v = (const char *)sqlite3_column_text(st, 1);
      char *to = !k || !v                             ? NULL
                 : strcmp(k, "format") == 0           ? format
                 : strcmp(k, "format_version") == 0   ? version
                 : strcmp(k, "search_version") == 0   ? search
                 : strcmp(k, "content_checksum") == 0 ? checksum
                                                      : NULL;
      if (to) snprintf(to, 64, "%s", v);
    }
  sqlite3_finalize(st);
  if (sqlite3_errcode(db) == SQLITE_NOMEM)
    return snprintf(err, errlen, "cannot read content: out of memory"), -1;
  if (strcmp(format, "kneecare-content") != 0)
    return refuse(err, errlen, "no kneecare format marker", NULL, NULL);
  if (strcmp(version, "1") != 0)
    return refuse(err, errlen, "a format this version of kneecare does not know", NULL, NULL);
  if (strcmp(search, "1") != 0 || !checksum[0])
    return refuse(err, errlen,
                  "made by another version of kcpack: its search data or record of checks "
                  "is missing",
                  NULL, NULL);
  return 0;
}

/* The O(schema) checks of a file given with --content: one pass over
 * sqlite_schema (views, generated columns, our tables' columns, our FTS
 * definitions) and one over meta. */
static int check_schema(sqlite3 *db, char *err, size_t errlen) {
  char fts_sql[N_FTS][1024] = {{0}};
  char table_cols[N_TABLES][512] = {{0}};
  if (scan_schema(db, fts_sql, table_cols, err, errlen) || check_meta(db, err, errlen)) return -1;
  /* Our tables with our columns, read from the statements SQLite parsed. */
  for (size_t i = 0; i < N_TABLES; i++)
    if (strcmp(table_cols[i], TABLES[i].columns) != 0)
      return refuse(err, errlen, "missing or different tables: '%s' has columns '%.100s'",
                    TABLES[i].name, table_cols[i]);
  for (size_t i = 0; i < N_FTS; i++) {
    char want[1024], got[1024];
    normalise_sql(FTS_TABLES[i].sql, want, sizeof want);
    normalise_sql(fts_sql[i], got, sizeof got);
    if (strcmp(want, got) != 0)
      return refuse(err, errlen, "missing or different tables: the search index '%s' differs",
                    FTS_TABLES[i].name, NULL);
  }
  return 0;
}

/* What a staged open checks before the first frame: the two tables that
 * frame reads (the topics and their counts) are tables, of a sane size,
 * with no generated column, so nothing a file declares is computed before
 * the whole check has run. One look-up in sqlite_schema; the whole check
 * is kc_content_check. */
static int check_first_reads(sqlite3 *db, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  int rc, tables = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT name, sql, length(sql) > 4000, type FROM sqlite_schema "
                         "WHERE name IN ('topic', 'meta')",
                         -1, &st, NULL) != SQLITE_OK)
    return snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db)), -1;
  char why[160] = "";
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    const char *sql = (const char *)sqlite3_column_text(st, 1);
    const char *type = (const char *)sqlite3_column_text(st, 3);
    tables++;
    if (!why[0] && name && type)
      judge_entry(tables, type, name, sql, sqlite3_column_int(st, 2), why, sizeof why);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db)), -1;
  if (why[0]) return refuse(err, errlen, "%s", why, NULL);
  if (tables != 2)
    return refuse(err, errlen, "missing or different tables: 'topic' or 'meta'", NULL, NULL);
  return 0;
}

int kc_content_finish_open(sqlite3 *db, int trusted, int check, struct kc_content **out, char *err,
                           size_t errlen) {
  /* The built-in image was validated by the packer; only a file given with
   * --content needs its schema checked (now, or staged: what the first
   * frame reads now, the rest in kc_content_check). */
  if (kc_content_harden(db) != SQLITE_OK ||
      (!trusted &&
       (check ? check_schema(db, err, errlen) : check_first_reads(db, err, errlen)) != 0)) {
    if (!err[0]) snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return -1;
  }
  struct kc_content *c = kc_xcalloc(1, sizeof *c);
  c->db = db;
  c->trusted = trusted;
  c->checked = trusted || check;
  c->main_fd = -1;
  *out = c;
  return 0;
}

/* A file opened at its front: the content database is opened, its schema
 * checked, and what the front showed compared with it; then it replaces
 * the front. On failure c stays as it was. */
static int leave_front(struct kc_content *c, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  if (kc_content_vfs_open(c->main_fd, 0, c->main_len, &db) != SQLITE_OK ||
      kc_content_harden(db) != SQLITE_OK) {
    snprintf(err, errlen, "cannot read content: %s", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return -1;
  }
  if (check_schema(db, err, errlen) != 0 || kc_content_front_verify(c, db, err, errlen) != 0) {
    if (!err[0]) snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return -1;
  }
  kc_content_search_free_state(c->search); /* its statements are the front's */
  c->search = NULL;
  sqlite3_close(c->db);
  close(c->main_fd);
  c->db = db;
  c->main_fd = -1;
  return 0;
}

int kc_content_check(struct kc_content *c, char *err, size_t errlen) {
  if (!c) return snprintf(err, errlen, "no content database"), -1;
  err[0] = '\0';
  if (c->checked) return 0;
  if (c->main_fd >= 0 ? leave_front(c, err, errlen) != 0 : check_schema(c->db, err, errlen) != 0) {
    if (!err[0]) snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(c->db));
    return -1;
  }
  c->checked = 1;
  return 0;
}

/* The front of fd opened in *out, fd kept for the content database; 0, or
 * -1 when the front does not open or its schema is not exactly kcpack's
 * (fd is then left open, for reading the file as one database). */
static int open_front(int fd, const struct kc_front *f, struct kc_content **out) {
  sqlite3 *db = NULL;
  if (kc_content_front_open(fd, f, &db) != 0) return -1;
  struct kc_content *c = kc_xcalloc(1, sizeof *c);
  c->db = db;
  c->main_fd = fd;
  c->main_len = f->off;
  *out = c;
  return 0;
}

static int open_file(const char *path, int check, struct kc_content **out, char *err,
                     size_t errlen) {
  err[0] = '\0';
  *out = NULL;
  /* Opened once: O_NONBLOCK so a FIFO cannot block the open, then fstat on
   * this descriptor, which is what SQLite reads (content_vfs.c). */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    snprintf(err, errlen, "cannot open content database '%s': %s", path, strerror(errno));
    if (fd >= 0) close(fd);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    snprintf(err, errlen, "cannot open content database '%s': not a regular file", path);
    close(fd);
    return -1;
  }
  /* The guide's first frame reads the front when there is a current one
   * and it is kcpack's (content_front.c); everything else reads the
   * content database, and only its own bytes when a front follows them. A
   * front that is not usable is passed over like a stale one: nothing has
   * been read from it, and the content database is checked whole. */
  struct kc_front front;
  int has_front = kc_front_find(fd, (int64_t)st.st_size, &front);
  if (has_front && !check && open_front(fd, &front, out) == 0) return 0;
  sqlite3 *db = NULL;
  int rc = kc_content_vfs_open(fd, 0, has_front ? front.off : -1, &db);
  close(fd); /* SQLite holds its own duplicate */
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "cannot open content database '%s': %s", path,
             db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return -1;
  }
  if (kc_content_finish_open(db, 0, check, out, err, errlen) != 0) {
    char tmp[384];
    snprintf(tmp, sizeof tmp, "%s", err);
    snprintf(err, errlen, "%s: %s", path, tmp);
    return -1;
  }
  return 0;
}

int kc_content_open_file(const char *path, struct kc_content **out, char *err, size_t errlen) {
  return open_file(path, 1, out, err, errlen);
}

int kc_content_open_file_unchecked(const char *path, struct kc_content **out, char *err,
                                   size_t errlen) {
  return open_file(path, 0, out, err, errlen);
}

void kc_content_close(struct kc_content *c) {
  if (!c) return;
  kc_content_search_free_state(c->search);
  sqlite3_close(c->db);
  if (c->main_fd >= 0) close(c->main_fd);
  free(c);
}

sqlite3 *kc_content_db(struct kc_content *c) { return c ? c->db : NULL; }

/* ---- reading ------------------------------------------------------------- */

int kc_content_prepare(struct kc_content *c, const char *sql, sqlite3_stmt **st) {
  *st = NULL;
  if (!c) return -1; /* a content database that could not be opened */
  if (sqlite3_prepare_v2(c->db, sql, -1, st, NULL) == SQLITE_OK) return 0;
  snprintf(c->note, sizeof c->note, "cannot read the content database: %s", sqlite3_errmsg(c->db));
  return -1;
}

/* Starts a read: clears the note and prepares. */
static int prepare(struct kc_content *c, const char *sql, sqlite3_stmt **st) {
  if (c) c->note[0] = '\0';
  return kc_content_prepare(c, sql, st);
}

char *kc_content_col(sqlite3_stmt *st, int i, size_t cap, int keep_newlines, int *cut) {
  const char *t = (const char *)sqlite3_column_text(st, i);
  size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
  if (n > cap) {
    n = cap;
    while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80) n--; /* not inside a character */
    if (cut) *cut = 1;
  }
  char *out = kc_xmalloc(n * 3 + 1); /* each byte becomes at most U+FFFD */
  kc_text_sanitize(t ? t : "", n, out, n * 3 + 1, keep_newlines);
  return out;
}

const char *kc_content_note(const struct kc_content *c) { return c && c->note[0] ? c->note : NULL; }

/* Ends a read: a failed step becomes the note; what was cut is said once. */
static int finish(struct kc_content *c, int step, int cut, const char *what) {
  if (step != SQLITE_DONE && step != SQLITE_ROW) {
    snprintf(c->note, sizeof c->note, "cannot read %s: %s", what,
             step == SQLITE_TOOBIG ? "a value is larger than kneecare reads"
                                   : sqlite3_errmsg(c->db));
    return -1;
  }
  if (cut)
    snprintf(c->note, sizeof c->note,
             "%s: some were left out or shortened (over kneecare's limits)", what);
  return 0;
}

/* Column caps in SQL (so SQLite hands over no more) and in C (bytes). One
 * more character than the cap is asked for, to know that one was cut. */
#define CAPPED(col, cap) "substr(" col ", 1, " KC_STR(cap) " + 1)"

/* Counts come from the packer's record (meta): counting here would read
 * every article's index entry. */
static const char SQL_TOPICS[] = "SELECT " CAPPED("t.id", KC_CONTENT_MAX_ID) ", " CAPPED(
    "t.title",
    KC_CONTENT_MAX_TITLE) ", " CAPPED("t.summary",
                                      KC_CONTENT_MAX_SUMMARY) ", "
                                                              "(SELECT CAST(value AS INTEGER) FROM "
                                                              "meta WHERE key = 'topic_articles:' "
                                                              "|| t.id) "
                                                              "FROM topic t ORDER BY t.position "
                                                              "LIMIT ?1";

int kc_content_topics(struct kc_content *c, struct kc_topic **out, size_t *n) {
  *out = NULL;
  *n = 0;
  sqlite3_stmt *st = NULL;
  if (prepare(c, SQL_TOPICS, &st)) return -1;
  sqlite3_bind_int(st, 1, KC_CONTENT_MAX_TOPICS + 1);
  struct kc_topic *v = kc_xcalloc(KC_CONTENT_MAX_TOPICS, sizeof *v);
  int step, cut = 0;
  size_t cnt = 0;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if (cnt == KC_CONTENT_MAX_TOPICS) {
      cut = 1;
      break;
    }
    struct kc_topic *t = &v[cnt++];
    t->id = kc_content_col(st, 0, KC_CONTENT_MAX_ID, 0, &cut);
    t->title = kc_content_col(st, 1, KC_CONTENT_MAX_TITLE, 0, &cut);
    t->summary = kc_content_col(st, 2, KC_CONTENT_MAX_SUMMARY, 0, &cut);
    t->n_articles = sqlite3_column_int(st, 3);
  }
  sqlite3_finalize(st);
  if (finish(c, step, cut, "the topics") != 0) {
    kc_topics_free(v, cnt);
    return -1;
  }
  *out = v;
  *n = cnt;
  return 0;
}

void kc_topics_free(struct kc_topic *t, size_t n) {
  for (size_t i = 0; t && i < n; i++) {
    free(t[i].id);
    free(t[i].title);
    free(t[i].summary);
  }
  free(t);
}

#define REF_COLUMNS(a)                                                                             \
  CAPPED(a ".id", KC_CONTENT_MAX_ID)                                                               \
  ", " CAPPED(a ".topic_id", KC_CONTENT_MAX_ID) ", " CAPPED(                                       \
      a ".title", KC_CONTENT_MAX_TITLE) ", " CAPPED(a ".summary", KC_CONTENT_MAX_SUMMARY)

/* Reads up to `max` article references; more are cut with a note. */
static int collect_refs(struct kc_content *c, sqlite3_stmt *st, size_t max, const char *what,
                        struct kc_article_ref **out, size_t *n) {
  struct kc_article_ref *v = NULL;
  size_t cnt = 0, cap = 0;
  int step, cut = 0;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if (cnt == max) {
      cut = 1;
      break;
    }
    KC_GROW(v, cap, cnt + 1);
    struct kc_article_ref *r = &v[cnt++];
    r->id = kc_content_col(st, 0, KC_CONTENT_MAX_ID, 0, &cut);
    r->topic = kc_content_col(st, 1, KC_CONTENT_MAX_ID, 0, &cut);
    r->title = kc_content_col(st, 2, KC_CONTENT_MAX_TITLE, 0, &cut);
    r->summary = kc_content_col(st, 3, KC_CONTENT_MAX_SUMMARY, 0, &cut);
  }
  if (finish(c, step, cut, what) != 0) {
    kc_article_refs_free(v, cnt);
    return -1;
  }
  *out = v;
  *n = cnt;
  return 0;
}

int kc_content_list(struct kc_content *c, const char *topic, struct kc_article_ref **out,
                    size_t *n) {
  sqlite3_stmt *st = NULL;
  *out = NULL;
  *n = 0;
  /* Topics in order, then each topic's articles through article_by_topic:
   * no sort of the whole table, and the LIMIT stops the walk. */
  if (prepare(c,
              "SELECT " REF_COLUMNS("a") " FROM topic t JOIN article a ON a.topic_id = t.id "
                                         "WHERE ?1 IS NULL OR t.id = ?1 "
                                         "ORDER BY t.position, a.position, a.title LIMIT ?2",
              &st))
    return -1;
  if (topic) sqlite3_bind_text(st, 1, topic, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, KC_CONTENT_MAX_LIST + 1);
  int rc = collect_refs(c, st, KC_CONTENT_MAX_LIST, "the articles", out, n);
  sqlite3_finalize(st);
  return rc;
}

void kc_article_refs_free(struct kc_article_ref *r, size_t n) {
  for (size_t i = 0; r && i < n; i++) {
    free(r[i].id);
    free(r[i].topic);
    free(r[i].title);
    free(r[i].summary);
  }
  free(r);
}

/* The body's size is asked before the body: an article over the limit is
 * refused whole (a cut Markdown document would mislead). */
static const char SQL_ARTICLE
    [] = "SELECT " CAPPED("a.id", KC_CONTENT_MAX_ID) ", " CAPPED("a.topic_id", KC_CONTENT_MAX_ID) ", " CAPPED(
        "t.title",
        KC_CONTENT_MAX_TITLE) ", " CAPPED("a.title",
                                          KC_CONTENT_MAX_TITLE) ", " CAPPED("a.summary",
                                                                            KC_CONTENT_MAX_SUMMARY) ", "
                                                                                                    "CASE WHEN length(CAST(a.body AS BLOB)) <= ?2 THEN a.body END "
                                                                                                    "FROM article a JOIN topic t ON t.id = a.topic_id WHERE a.id = ?1";

int kc_content_article(struct kc_content *c, const char *id, struct kc_article *a) {
  sqlite3_stmt *st = NULL;
  int rc = -1, cut = 0;
  memset(a, 0, sizeof *a);
  if (prepare(c, SQL_ARTICLE, &st)) return -1;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, KC_CONTENT_MAX_BODY);
  int step = sqlite3_step(st);
  if (step == SQLITE_DONE) {
    rc = 0;
    goto out;
  }
  if (step != SQLITE_ROW) {
    finish(c, step, 0, "the article");
    goto out;
  }
  if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
    snprintf(c->note, sizeof c->note,
             "this article is larger than kneecare reads (%d KB): not shown",
             KC_CONTENT_MAX_BODY / 1024);
    goto out;
  }
  a->id = kc_content_col(st, 0, KC_CONTENT_MAX_ID, 0, &cut);
  a->topic = kc_content_col(st, 1, KC_CONTENT_MAX_ID, 0, &cut);
  a->topic_title = kc_content_col(st, 2, KC_CONTENT_MAX_TITLE, 0, &cut);
  a->title = kc_content_col(st, 3, KC_CONTENT_MAX_TITLE, 0, &cut);
  a->summary = kc_content_col(st, 4, KC_CONTENT_MAX_SUMMARY, 0, &cut);
  a->body = kc_content_col(st, 5, KC_CONTENT_MAX_BODY, 1, &cut);
  sqlite3_finalize(st);
  st = NULL;

  if (prepare(c,
              "SELECT " REF_COLUMNS("r") " FROM article_related x "
                                         "JOIN article r ON r.id = x.related_id "
                                         "WHERE x.article_id = ?1 ORDER BY x.position LIMIT ?2",
              &st))
    goto out;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, KC_CONTENT_MAX_RELATED + 1);
  if (collect_refs(c, st, KC_CONTENT_MAX_RELATED, "the related articles", &a->related,
                   &a->n_related))
    goto out;
  int cut_related = c->note[0] != '\0';
  sqlite3_finalize(st);
  st = NULL;

  if (prepare(c,
              "SELECT " CAPPED("text", KC_CONTENT_MAX_SOURCE) " FROM article_source "
                                                              "WHERE article_id = ?1 ORDER BY "
                                                              "position LIMIT ?2",
              &st))
    goto out;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, KC_CONTENT_MAX_SOURCES + 1);
  a->sources = kc_xcalloc(KC_CONTENT_MAX_SOURCES, sizeof *a->sources);
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if (a->n_sources == KC_CONTENT_MAX_SOURCES) {
      cut = 1;
      break;
    }
    a->sources[a->n_sources++] = kc_content_col(st, 0, KC_CONTENT_MAX_SOURCE, 0, &cut);
  }
  if (finish(c, step, cut || cut_related, "the article") != 0) goto out;
  rc = 1;
out:
  sqlite3_finalize(st);
  if (rc != 1) kc_article_free(a);
  return rc;
}

void kc_article_free(struct kc_article *a) {
  free(a->id);
  free(a->topic);
  free(a->topic_title);
  free(a->title);
  free(a->summary);
  free(a->body);
  kc_article_refs_free(a->related, a->n_related);
  for (size_t i = 0; a->sources && i < a->n_sources; i++) free(a->sources[i]);
  free(a->sources);
  memset(a, 0, sizeof *a);
}

char *kc_content_title(struct kc_content *c, const char *id) {
  sqlite3_stmt *st = NULL;
  char *r = NULL;
  if (prepare(c, "SELECT " CAPPED("title", KC_CONTENT_MAX_TITLE) " FROM article WHERE id = ?1",
              &st))
    return NULL;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) r = kc_content_col(st, 0, KC_CONTENT_MAX_TITLE, 0, NULL);
  sqlite3_finalize(st);
  return r;
}
