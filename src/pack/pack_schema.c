/* The packed file's CREATE TABLE statements, compacted: the clauses that
 * guard writes (CHECK, NOT NULL, DEFAULT, foreign keys) did their work
 * while kcpack filled the tables, and kneecare only reads. SQLite parses
 * every statement of the schema each time a connection first uses the
 * file, and for a --content file that happens before the first frame: the
 * tables' full text (10.5 KB, with the comments) costs 0.8 M instructions
 * more to parse than the compact one (4.4 KB; the whole schema went from
 * 10.9 to 4.9 KB).
 *
 * The SQLite documentation lists removing CHECK, FOREIGN KEY and NOT NULL
 * constraints and changing defaults as changes PRAGMA writable_schema may
 * make, since they do not change how a row is stored ("ALTER TABLE",
 * section "Making Other Kinds Of Table Schema Changes"). Defaults do affect
 * reads of rows written before an ALTER TABLE ADD COLUMN, so the file is
 * compacted after VACUUM has rewritten every row whole, and the result is
 * checked against the original anyway: every table's columns, keys,
 * indexes and rows (hashed) must read the same, and integrity_check must
 * pass. A statement the rewrite does not understand is left as it is. */
#include "pack_schema.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tokens ------------------------------------------------------------- */

enum tok_kind { T_END, T_WORD, T_QUOTED, T_STRING, T_NUMBER, T_GROUP, T_PUNCT };

struct tok {
  enum tok_kind kind;
  const char *s;
  size_t n;
};

static const char *skip_blank_and_comments(const char *p) {
  for (;;) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
      p++;
    else if (p[0] == '-' && p[1] == '-')
      while (*p && *p != '\n') p++;
    else if (p[0] == '/' && p[1] == '*') {
      const char *end = strstr(p + 2, "*/");
      p = end ? end + 2 : p + strlen(p);
    } else
      return p;
  }
}

/* The end of a quoted run starting at p (quote doubled to escape), or NULL. */
static const char *quoted_end(const char *p, char close) {
  for (p++; *p; p++)
    if (*p == close) {
      if (p[1] != close) return p + 1;
      p++;
    }
  return NULL;
}

/* The token at *pp; a bracketed group is one token, brackets included.
 * 0 at the end or on text that does not tokenize (an open quote). */
static int next_tok(const char **pp, struct tok *t) {
  const char *p = skip_blank_and_comments(*pp), *e = NULL;
  t->s = p;
  if (!*p) return t->kind = T_END, 0;
  if (isalpha((unsigned char)*p) || *p == '_') {
    for (e = p; isalnum((unsigned char)*e) || *e == '_' || *e == '$'; e++) {}
    t->kind = T_WORD;
  } else if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
    for (e = p; isalnum((unsigned char)*e) || *e == '.'; e++) {}
    t->kind = T_NUMBER;
  } else if (*p == '\'') {
    e = quoted_end(p, '\'');
    t->kind = T_STRING;
  } else if (*p == '"' || *p == '`' || *p == '[') {
    e = quoted_end(p, *p == '[' ? ']' : *p);
    t->kind = T_QUOTED;
  } else if (*p == '(') {
    int depth = 0;
    for (e = p; *e; e++) {
      if (*e == '\'' || *e == '"' || *e == '`' || *e == '[') {
        const char *q = quoted_end(e, *e == '[' ? ']' : *e);
        if (!q) return 0;
        e = q - 1;
      } else if (e[0] == '-' && e[1] == '-') {
        e = skip_blank_and_comments(e) - 1;
      } else if (*e == '(') {
        depth++;
      } else if (*e == ')' && --depth == 0) {
        e++;
        break;
      }
    }
    if (depth) return 0;
    t->kind = T_GROUP;
  } else {
    e = p + 1;
    t->kind = T_PUNCT;
  }
  if (!e) return 0;
  t->n = (size_t)(e - p);
  *pp = e;
  return 1;
}

static int is_kw(const struct tok *t, const char *kw) {
  return t->kind == T_WORD && strlen(kw) == t->n && strncasecmp(t->s, kw, t->n) == 0;
}

/* ---- output -------------------------------------------------------------- */

struct out {
  char *buf;
  size_t cap, len;
  int failed;
  int wordy; /* the last thing written was a name, a number or a literal */
};

static void put_raw(struct out *o, const char *s, size_t n) {
  if (o->len + n + 1 > o->cap) {
    o->failed = 1;
    return;
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
  o->buf[o->len] = '\0';
}

static void put_tok(struct out *o, const struct tok *t);

/* A group, compacted inside too: "( a ,b )" is written "(a,b)". */
static void put_group(struct out *o, const struct tok *t) {
  char inner[4096];
  if (t->n - 2 >= sizeof inner) {
    o->failed = 1;
    return;
  }
  memcpy(inner, t->s + 1, t->n - 2);
  inner[t->n - 2] = '\0';
  put_raw(o, "(", 1);
  o->wordy = 0;
  const char *p = inner;
  struct tok u;
  while (next_tok(&p, &u)) put_tok(o, &u);
  if (*skip_blank_and_comments(p)) o->failed = 1; /* did not tokenize */
  put_raw(o, ")", 1);
  o->wordy = 0;
}

static void put_tok(struct out *o, const struct tok *t) {
  if (t->kind == T_GROUP) {
    put_group(o, t);
    return;
  }
  const int wordy = t->kind != T_PUNCT;
  if (wordy && o->wordy) put_raw(o, " ", 1);
  put_raw(o, t->s, t->n);
  o->wordy = wordy;
}

/* ---- the statement ------------------------------------------------------- */

#define ITEM_MAX 64

/* Number of tokens of an optional "ON CONFLICT x" at t (0 or 3). */
static int on_conflict(const struct tok *t, int n) {
  return n >= 3 && is_kw(&t[0], "ON") && is_kw(&t[1], "CONFLICT") && t[2].kind == T_WORD ? 3 : 0;
}

/* Number of tokens of a DEFAULT clause's value at t, or -1. */
static int default_value(const struct tok *t, int n) {
  if (n >= 1 && (t[0].kind == T_GROUP || t[0].kind == T_NUMBER || t[0].kind == T_STRING)) return 1;
  if (n >= 2 && t[0].kind == T_PUNCT && (*t[0].s == '-' || *t[0].s == '+') && t[1].kind == T_NUMBER)
    return 2;
  if (n >= 2 && t[0].kind == T_WORD && t[0].n == 1 && (*t[0].s | 32) == 'x' &&
      t[1].kind == T_STRING && t[1].s == t[0].s + 1)
    return 2;                                  /* a blob, x'00' */
  if (n >= 1 && t[0].kind == T_WORD) return 1; /* NULL, TRUE, CURRENT_TIME ... */
  return -1;
}

/* Number of tokens of "REFERENCES t [(cols)] [actions]" at t, or -1. */
static int references(const struct tok *t, int n) {
  if (n < 2 || !is_kw(&t[0], "REFERENCES") || t[1].kind == T_GROUP) return -1;
  int i = 2;
  if (i < n && t[i].kind == T_GROUP) i++;
  for (;;) {
    if (i + 2 < n && is_kw(&t[i], "ON") &&
        (is_kw(&t[i + 1], "DELETE") || is_kw(&t[i + 1], "UPDATE"))) {
      i += 2;
      if (i + 1 < n && (is_kw(&t[i], "SET") || is_kw(&t[i], "NO")))
        i += 2;
      else if (i < n && (is_kw(&t[i], "CASCADE") || is_kw(&t[i], "RESTRICT")))
        i++;
      else
        return -1;
    } else if (i + 1 < n && is_kw(&t[i], "MATCH")) {
      i += 2;
    } else if (i < n && (is_kw(&t[i], "DEFERRABLE") ||
                         (i + 1 < n && is_kw(&t[i], "NOT") && is_kw(&t[i + 1], "DEFERRABLE")))) {
      i += is_kw(&t[i], "NOT") ? 2 : 1;
      if (i + 1 < n && is_kw(&t[i], "INITIALLY")) i += 2;
    } else {
      return i;
    }
  }
}

/* A column definition, kept parts written to o; -1 if not understood. */
static int put_column(struct out *o, const struct tok *t, int n) {
  static const char *const stops[] = {"CONSTRAINT", "PRIMARY",   "NOT",     "NULL",
                                      "UNIQUE",     "CHECK",     "DEFAULT", "COLLATE",
                                      "REFERENCES", "GENERATED", "AS"};
  if (t[0].kind != T_WORD && t[0].kind != T_QUOTED && t[0].kind != T_STRING) return -1;
  put_tok(o, &t[0]); /* the name */
  int i = 1;
  for (; i < n && t[i].kind == T_WORD; i++) { /* the type's words */
    int stop = 0;
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) stop |= is_kw(&t[i], stops[k]);
    if (stop) break;
    put_tok(o, &t[i]);
  }
  if (i > 1 && i < n && t[i].kind == T_GROUP) put_tok(o, &t[i++]); /* VARCHAR(40) */
  while (i < n) {
    int k;
    if (is_kw(&t[i], "CONSTRAINT") && i + 1 < n) {
      i += 2;
    } else if (is_kw(&t[i], "PRIMARY") && i + 1 < n && is_kw(&t[i + 1], "KEY")) {
      put_tok(o, &t[i]);
      put_tok(o, &t[i + 1]);
      i += 2;
      if (i < n && (is_kw(&t[i], "ASC") || is_kw(&t[i], "DESC"))) put_tok(o, &t[i++]);
      for (k = on_conflict(t + i, n - i); k > 0; k--) put_tok(o, &t[i++]);
      if (i < n && is_kw(&t[i], "AUTOINCREMENT")) put_tok(o, &t[i++]);
    } else if (is_kw(&t[i], "NOT") && i + 1 < n && is_kw(&t[i + 1], "NULL")) {
      i += 2;
      i += on_conflict(t + i, n - i);
    } else if (is_kw(&t[i], "NULL")) {
      i++;
    } else if (is_kw(&t[i], "UNIQUE")) {
      put_tok(o, &t[i++]);
      for (k = on_conflict(t + i, n - i); k > 0; k--) put_tok(o, &t[i++]);
    } else if (is_kw(&t[i], "CHECK") && i + 1 < n && t[i + 1].kind == T_GROUP) {
      i += 2;
    } else if (is_kw(&t[i], "DEFAULT") && (k = default_value(t + i + 1, n - i - 1)) > 0) {
      i += 1 + k;
    } else if (is_kw(&t[i], "COLLATE") && i + 1 < n && t[i + 1].kind == T_WORD) {
      put_tok(o, &t[i]);
      put_tok(o, &t[i + 1]);
      i += 2;
    } else if ((k = references(t + i, n - i)) > 0) {
      i += k;
    } else {
      return -1; /* GENERATED, AS, or something new: left as it is */
    }
  }
  return 0;
}

/* A table constraint: 1 kept (written to o), 0 dropped, -1 not understood. */
static int put_table_constraint(struct out *o, const struct tok *t, int n) {
  int i = 0;
  if (is_kw(&t[0], "CONSTRAINT")) i = 2;
  if (i >= n) return -1;
  if (is_kw(&t[i], "CHECK")) return i + 2 == n && t[i + 1].kind == T_GROUP ? 0 : -1;
  if (is_kw(&t[i], "FOREIGN"))
    return i + 3 < n && is_kw(&t[i + 1], "KEY") && t[i + 2].kind == T_GROUP &&
                   references(t + i + 3, n - i - 3) == n - i - 3
               ? 0
               : -1;
  int head = is_kw(&t[i], "UNIQUE")                                            ? 1
             : is_kw(&t[i], "PRIMARY") && i + 1 < n && is_kw(&t[i + 1], "KEY") ? 2
                                                                               : 0;
  if (!head || i + head >= n || t[i + head].kind != T_GROUP) return -1;
  if (i + head + 1 + on_conflict(t + i + head + 1, n - i - head - 1) != n) return -1;
  for (int k = i; k < n; k++) put_tok(o, &t[k]);
  return 1;
}

static int is_table_constraint(const struct tok *t) {
  return is_kw(t, "CONSTRAINT") || is_kw(t, "PRIMARY") || is_kw(t, "UNIQUE") || is_kw(t, "CHECK") ||
         is_kw(t, "FOREIGN");
}

int kc_pack_compact_create(const char *sql, char *outbuf, size_t outlen) {
  struct out o = {outbuf, outlen, 0, 0, 0};
  if (outlen == 0) return -1;
  outbuf[0] = '\0';
  const char *p = sql;
  struct tok t;
  /* CREATE TABLE [IF NOT EXISTS] name, up to the bracket. */
  int header = 0;
  while (next_tok(&p, &t) && t.kind != T_GROUP) {
    if (header == 0 && !is_kw(&t, "CREATE")) return -1;
    if (header == 1 && !is_kw(&t, "TABLE")) return -1; /* not TEMP, not VIRTUAL */
    put_tok(&o, &t);
    header++;
  }
  if (t.kind != T_GROUP || header < 3) return -1;
  /* The items between the brackets, each up to a comma at this level. */
  put_raw(&o, "(", 1);
  o.wordy = 0;
  char inner[8192];
  if (t.n - 2 >= sizeof inner) return -1;
  memcpy(inner, t.s + 1, t.n - 2);
  inner[t.n - 2] = '\0';
  const char *q = inner;
  int items = 0, more = 1;
  while (more) {
    struct tok item[ITEM_MAX];
    int n = 0;
    while ((more = next_tok(&q, &item[n])) && !(item[n].kind == T_PUNCT && *item[n].s == ','))
      if (++n == ITEM_MAX) return -1;
    if (!more && *skip_blank_and_comments(q)) return -1; /* did not tokenize */
    if (n == 0) return -1;
    char piece[2048];
    struct out io = {piece, sizeof piece, 0, 0, 0};
    piece[0] = '\0';
    int keep = 1;
    if (item[0].kind == T_WORD && is_table_constraint(&item[0]))
      keep = put_table_constraint(&io, item, n);
    else if (put_column(&io, item, n) != 0)
      keep = -1;
    if (keep < 0 || io.failed) return -1;
    if (keep) {
      if (items++) put_raw(&o, ",", 1);
      put_raw(&o, piece, io.len);
    }
  }
  put_raw(&o, ")", 1);
  o.wordy = 0;
  /* Table options (WITHOUT ROWID, STRICT) as they are. */
  while (next_tok(&p, &t)) put_tok(&o, &t);
  if (*skip_blank_and_comments(p)) return -1;
  return o.failed || items == 0 ? -1 : 0;
}

/* ---- the file ------------------------------------------------------------ */

struct fnv {
  uint64_t h;
};

static void fnv_add(struct fnv *f, const void *data, size_t n) {
  const unsigned char *b = data;
  for (size_t i = 0; i < n; i++) f->h = (f->h ^ b[i]) * 0x100000001b3ULL;
}

static void fnv_text(struct fnv *f, const char *s) {
  if (s)
    fnv_add(f, s, strlen(s) + 1);
  else
    fnv_add(f, "\xff", 1);
}

/* Adds every row of the statement sql (one ?1 = name) to f, column by
 * column, with each value's type. -1 on an SQLite error. */
static int hash_rows(sqlite3 *db, const char *sql, const char *name, struct fnv *f) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  if (name) sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count(st); c++) {
      const unsigned char type = (unsigned char)sqlite3_column_type(st, c);
      fnv_add(f, &type, 1);
      const void *v = sqlite3_column_blob(st, c);
      const int len = sqlite3_column_bytes(st, c);
      fnv_add(f, &len, sizeof len);
      if (v) fnv_add(f, v, (size_t)len);
    }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* How a table reads: its columns and keys, its indexes and their columns,
 * and all its rows. 0, or -1 on an SQLite error. */
static int table_fingerprint(sqlite3 *db, const char *table, uint64_t *out) {
  struct fnv f = {0xcbf29ce484222325ULL};
  char sql[300], *quoted = sqlite3_mprintf("%w", table);
  int rc = quoted ? 0 : -1;
  rc |= hash_rows(db, "SELECT cid, name, type, pk, hidden FROM pragma_table_xinfo(?1)", table, &f);
  rc |= hash_rows(
      db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1) ORDER BY name",
      table, &f);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_index_list(?1) ORDER BY name", -1, &st,
                         NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *ix = (const char *)sqlite3_column_text(st, 0);
      fnv_text(&f, ix);
      rc |= hash_rows(db, "SELECT seqno, cid, name, desc, coll, key FROM pragma_index_xinfo(?1)",
                      ix, &f);
    }
  } else {
    rc = -1;
  }
  sqlite3_finalize(st);
  if (quoted) {
    snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", quoted);
    rc |= hash_rows(db, sql, NULL, &f);
  }
  sqlite3_free(quoted);
  *out = f.h;
  return rc;
}

struct table {
  char *name, *sql, *compact;
  uint64_t before;
};

/* The ordinary tables, not the full-text index's own. */
static int list_tables(sqlite3 *db, struct table **out, int *n) {
  sqlite3_stmt *st = NULL;
  *out = NULL;
  *n = 0;
  const char *q = "SELECT name, sql FROM sqlite_schema AS s WHERE type = 'table' "
                  "AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                  "AND NOT EXISTS (SELECT 1 FROM sqlite_schema AS v WHERE v.type = 'table' "
                  "AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND s.name LIKE v.name || '\\_%' "
                  "ESCAPE '\\') ORDER BY name";
  if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) return -1;
  int cap = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? 2 * cap : 64;
      struct table *grown = realloc(*out, (size_t)cap * sizeof **out);
      if (!grown) break;
      *out = grown;
    }
    struct table *t = &(*out)[(*n)++];
    t->name = strdup((const char *)sqlite3_column_text(st, 0));
    t->sql = strdup((const char *)sqlite3_column_text(st, 1));
    t->compact = NULL;
    t->before = 0;
    if (!t->name || !t->sql) rc = SQLITE_NOMEM;
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? 0 : -1;
}

static void free_tables(struct table *t, int n) {
  for (int i = 0; i < n; i++) free(t[i].name), free(t[i].sql), free(t[i].compact);
  free(t);
}

static int rewrite(sqlite3 *db, struct table *t, int n) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_exec(db, "PRAGMA writable_schema = ON; BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(
        db, "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2", -1, &st, NULL);
  for (int i = 0; rc == SQLITE_OK && i < n; i++) {
    if (!t[i].compact) continue;
    sqlite3_bind_text(st, 1, t[i].compact, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, t[i].name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_OK ? 0 : -1;
}

static int integrity_ok(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int ok = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
           sqlite3_step(st) == SQLITE_ROW &&
           strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0 &&
           sqlite3_step(st) == SQLITE_DONE;
  sqlite3_finalize(st);
  return ok;
}

void kc_pack_compact_schema(const char *path, kc_report_fn report) {
  sqlite3 *db = NULL;
  struct table *t = NULL;
  int n = 0;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      list_tables(db, &t, &n) != 0) {
    report(path, 0, "compacting the schema: %s", sqlite3_errmsg(db));
    goto done;
  }
  for (int i = 0; i < n; i++) {
    char buf[8192];
    if (table_fingerprint(db, t[i].name, &t[i].before) != 0) {
      report(path, 0, "compacting the schema: table %s: %s", t[i].name, sqlite3_errmsg(db));
      goto done;
    }
    if (kc_pack_compact_create(t[i].sql, buf, sizeof buf) == 0 && strcmp(buf, t[i].sql) != 0)
      t[i].compact = strdup(buf);
  }
  if (rewrite(db, t, n) != 0) {
    report(path, 0, "compacting the schema: %s", sqlite3_errmsg(db));
    goto done;
  }
  /* A new connection reads the new schema. */
  sqlite3_close(db);
  db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    report(path, 0, "compacting the schema: cannot reopen: %s", sqlite3_errmsg(db));
    goto done;
  }
  for (int i = 0; i < n; i++) {
    uint64_t after = 0;
    if (table_fingerprint(db, t[i].name, &after) != 0 || after != t[i].before)
      report(path, 0, "compacting the schema changed how table %s reads (%s)", t[i].name,
             t[i].compact ? t[i].compact : "unchanged");
  }
  if (!integrity_ok(db)) report(path, 0, "compacting the schema: integrity_check failed");
done:
  free_tables(t, n);
  sqlite3_close(db);
}
