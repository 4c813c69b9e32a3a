/* The packer's whole-content work for the store and search: every check
 * that needs every article is done here, once, at build time, and what was
 * checked is recorded in meta (counts, largest body, a checksum), so that
 * the program opening a content file only does O(1) checks and bounds each
 * read (see src/store/content.c). */
#include "pack_search.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/content.h"
#include "kneecare/mem.h"
#include "kneecare/query.h"

static int exec(sqlite3 *db, const char *sql, char *err, size_t errlen) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
  snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
  sqlite3_free(msg);
  return -1;
}

static int put_meta(sqlite3 *db, const char *key, const char *value) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", -1,
                              &st, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  }
  sqlite3_finalize(st);
  return rc == SQLITE_OK ? 0 : -1;
}

static uint64_t fnv(uint64_t h, const unsigned char *p, int n) {
  for (int i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211u;
  return (h ^ 0xFF) * 1099511628211u; /* a field separator */
}

/* The Markdown headings of a body ("## What to do"), one per line, with
 * the tags of the article format kept as words ({level:ambulance} ->
 * "ambulance", {sign:calf-clot} -> "calf-clot") and their names dropped. */
static char *headings_of(const char *body) {
  size_t n = strlen(body), o = 0;
  char *out = kc_xmalloc(n + 1);
  for (const char *line = body; *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    if (line[0] == '#') {
      size_t i = 0;
      while (i < len && line[i] == '#') i++;
      for (; i < len; i++) {
        char ch = line[i];
        if (ch == '{') { /* skip the tag's name up to ':' */
          size_t k = i + 1;
          while (k < len && line[k] != ':' && line[k] != '}') k++;
          if (k < len && line[k] == ':') i = k;
          ch = ' ';
        }
        out[o++] = ch == '}' || ch == '#' ? ' ' : ch;
      }
      out[o++] = '\n';
    }
    if (!end) break;
    line = end + 1;
  }
  out[o] = '\0';
  return out;
}

/* The search indexes that depend on the articles: headings for search_head,
 * every word (and every synonym term's words) for the vocabulary. */
static int index_articles(sqlite3 *db, char *err, size_t errlen) {
  if (exec(db,
           "INSERT INTO search_head (search_head) VALUES ('delete-all');"
           "DELETE FROM search_vocab;"
           "DROP TABLE IF EXISTS temp.kc_words;"
           "CREATE VIRTUAL TABLE temp.kc_words USING fts5 (text, content = '', "
           "detail = 'none', tokenize = 'unicode61 remove_diacritics 2');"
           "CREATE VIRTUAL TABLE temp.kc_words_v USING fts5vocab (temp, kc_words, 'row');"
           "INSERT INTO temp.kc_words (rowid, text) SELECT rowid, title || ' ' || summary || "
           "' ' || plain FROM article;"
           "INSERT INTO search_vocab (word, docs) SELECT term, doc FROM temp.kc_words_v "
           "WHERE length(term) < 48;"
           "INSERT INTO temp.kc_words (kc_words) VALUES ('delete-all');"
           "INSERT INTO temp.kc_words (text) SELECT term FROM search_synonym;"
           "INSERT OR IGNORE INTO search_vocab (word, docs) SELECT term, 0 FROM temp.kc_words_v "
           "WHERE length(term) < 48;"
           "DROP TABLE temp.kc_words_v; DROP TABLE temp.kc_words;",
           err, errlen))
    return -1;
  sqlite3_stmt *rd = NULL, *wr = NULL;
  int rc = sqlite3_prepare_v2(db, "SELECT rowid, title, summary, body FROM article", -1, &rd,
                              NULL) != SQLITE_OK ||
           sqlite3_prepare_v2(db,
                              "INSERT INTO search_head (rowid, title, summary, headings) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              -1, &wr, NULL) != SQLITE_OK;
  while (!rc && sqlite3_step(rd) == SQLITE_ROW) {
    const char *body = (const char *)sqlite3_column_text(rd, 3);
    char *h = headings_of(body ? body : "");
    sqlite3_bind_int64(wr, 1, sqlite3_column_int64(rd, 0));
    sqlite3_bind_value(wr, 2, sqlite3_column_value(rd, 1));
    sqlite3_bind_value(wr, 3, sqlite3_column_value(rd, 2));
    sqlite3_bind_text(wr, 4, h, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(wr) != SQLITE_DONE;
    sqlite3_reset(wr);
    free(h);
  }
  if (rc) snprintf(err, errlen, "%s", sqlite3_errmsg(db));
  sqlite3_finalize(rd);
  sqlite3_finalize(wr);
  return rc || exec(db, "INSERT INTO search_head (search_head) VALUES ('optimize')", err, errlen)
             ? -1
             : 0;
}

/* 1 when db/ defines the search tables (a tree without 40_search.sql, as in
 * the packer's own tests, packs without them). */
static int has_search_tables(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int yes = sqlite3_prepare_v2(db,
                               "SELECT 1 FROM sqlite_schema WHERE name = 'search_head' "
                               "AND type = 'table'",
                               -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return yes;
}

int kc_pack_search_seal(sqlite3 *db, char *err, size_t errlen) {
  if (has_search_tables(db) && index_articles(db, err, errlen)) return -1;
  if (exec(db,
           "DELETE FROM meta WHERE key LIKE 'content\\_%' ESCAPE '\\' "
           "OR key LIKE 'topic\\_%' ESCAPE '\\'",
           err, errlen))
    return -1;
  /* Count, largest body and checksum of every article, in rowid order. */
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT id, topic_id, title, summary, body, plain FROM article "
                         "ORDER BY rowid",
                         -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "%s", sqlite3_errmsg(db));
    return -1;
  }
  uint64_t h = 14695981039346656037u;
  long long n = 0, max_body = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < 6; c++) h = fnv(h, sqlite3_column_text(st, c), sqlite3_column_bytes(st, c));
    if (sqlite3_column_bytes(st, 4) > max_body) max_body = sqlite3_column_bytes(st, 4);
    n++;
  }
  sqlite3_finalize(st);
  char v[64];
  snprintf(v, sizeof v, "%lld", n);
  int rc = put_meta(db, "content_articles", v);
  snprintf(v, sizeof v, "%lld", max_body);
  rc |= put_meta(db, "content_max_body", v);
  snprintf(v, sizeof v, "fnv1a64:%016llx", (unsigned long long)h);
  rc |= put_meta(db, "content_checksum", v);
  /* Per topic: how many articles (the home menu's counts) and the rowid
   * range they occupy (search narrowed to a topic reads only that range). */
  if (rc || exec(db,
                 "INSERT INTO meta (key, value) "
                 "SELECT 'topic_articles:' || t.id, count(a.rowid) FROM topic t "
                 "LEFT JOIN article a ON a.topic_id = t.id GROUP BY t.id;"
                 "INSERT INTO meta (key, value) "
                 "SELECT 'topic_rowids:' || topic_id, min(rowid) || ' ' || max(rowid) "
                 "FROM article GROUP BY topic_id",
                 err, errlen)) {
    if (rc) snprintf(err, errlen, "%s", sqlite3_errmsg(db));
    return -1;
  }
  return 0;
}

/* Every article, topic, link and source within what the store reads, so a
 * packed file never has a value the program would cut or refuse. */
static void check_limits(sqlite3 *db, kc_report_fn report) {
  static const struct {
    const char *sql, *what;
    long long limit;
  } checks[] = {
      {"SELECT source_file, length(CAST(id AS BLOB)) FROM article", "article id",
       KC_CONTENT_MAX_ID},
      {"SELECT source_file, length(CAST(title AS BLOB)) FROM article", "title",
       KC_CONTENT_MAX_TITLE},
      {"SELECT source_file, length(CAST(summary AS BLOB)) FROM article", "summary",
       KC_CONTENT_MAX_SUMMARY},
      {"SELECT source_file, length(CAST(body AS BLOB)) FROM article", "article",
       KC_CONTENT_MAX_BODY},
      {"SELECT a.source_file, max(length(CAST(s.text AS BLOB))) FROM article_source s "
       "JOIN article a ON a.id = s.article_id GROUP BY a.id",
       "source", KC_CONTENT_MAX_SOURCE},
      {"SELECT a.source_file, count(*) FROM article_source s JOIN article a ON a.id = "
       "s.article_id GROUP BY a.id",
       "number of sources", KC_CONTENT_MAX_SOURCES},
      {"SELECT a.source_file, count(*) FROM article_related r JOIN article a ON a.id = "
       "r.article_id GROUP BY a.id",
       "number of related articles", KC_CONTENT_MAX_RELATED},
      {"SELECT 'db/10_topics.sql', count(*) FROM topic", "number of topics", KC_CONTENT_MAX_TOPICS},
      {"SELECT 'db/10_topics.sql', length(CAST(title AS BLOB)) FROM topic", "topic title",
       KC_CONTENT_MAX_TITLE},
      {"SELECT 'db/10_topics.sql', length(CAST(summary AS BLOB)) FROM topic", "topic summary",
       KC_CONTENT_MAX_SUMMARY},
      {"SELECT 'db/10_topics.sql', count(*) FROM article GROUP BY topic_id",
       "number of articles in a topic", KC_CONTENT_MAX_LIST},
  };
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, checks[i].sql, -1, &st, NULL) != SQLITE_OK) {
      report("kcpack", 0, "%s", sqlite3_errmsg(db));
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW)
      if (sqlite3_column_int64(st, 1) > checks[i].limit)
        report((const char *)sqlite3_column_text(st, 0), 0,
               "%s of %lld bytes or items is over the %lld that kneecare reads", checks[i].what,
               sqlite3_column_int64(st, 1), checks[i].limit);
    sqlite3_finalize(st);
  }
}

/* file:line of a synonym or stop-word row in db/40_search.sql. */
static int row_line(const char *path, const char *a, const char *b) {
  char needle[400], ea[160], eb[160];
  size_t o = 0;
  for (const char *p = a; *p && o + 2 < sizeof ea; p++) { /* SQL quoting doubles ' */
    if (*p == '\'') ea[o++] = '\'';
    ea[o++] = *p;
  }
  ea[o] = '\0';
  o = 0;
  for (const char *p = b ? b : ""; *p && o + 2 < sizeof eb; p++) {
    if (*p == '\'') eb[o++] = '\'';
    eb[o++] = *p;
  }
  eb[o] = '\0';
  if (b)
    snprintf(needle, sizeof needle, "('%s', '%s')", ea, eb);
  else
    snprintf(needle, sizeof needle, "('%s')", ea);
  FILE *f = fopen(path, "r");
  char line[4096];
  int n = 0, found = 0;
  while (f && fgets(line, sizeof line, f)) {
    n++;
    if (strstr(line, needle)) {
      found = n;
      break;
    }
  }
  if (f) fclose(f);
  return found;
}

/* Every synonym's target occurs in some article (else the synonym finds
 * nothing), and every word list entry is words. */
static void check_word_lists(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  char path[4096];
  snprintf(path, sizeof path, "%s/40_search.sql", dbdir);
  /* The article index, for phrase queries (kcpack rebuilds it again later). */
  char err[512];
  if (exec(db, "INSERT INTO article_fts (article_fts) VALUES ('rebuild')", err, sizeof err)) {
    report("kcpack", 0, "%s", err);
    return;
  }
  sqlite3_stmt *st = NULL, *probe = NULL;
  if (sqlite3_prepare_v2(db, "SELECT term, means FROM search_synonym", -1, &st, NULL) ||
      sqlite3_prepare_v2(db, "SELECT 1 FROM article_fts WHERE article_fts MATCH ?1 LIMIT 1", -1,
                         &probe, NULL)) {
    report(path, 0, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return;
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *term = (const char *)sqlite3_column_text(st, 0);
    const char *means = (const char *)sqlite3_column_text(st, 1);
    char t[KC_QUERY_MAX_PHRASE], m[KC_QUERY_MAX_PHRASE], q[KC_QUERY_MAX_PHRASE + 4];
    size_t tl = kc_query_normalise(term, strlen(term), t, sizeof t);
    size_t ml = kc_query_normalise(means, strlen(means), m, sizeof m);
    int line = row_line(path, term, means);
    if (tl == 0 || ml == 0 || strlen(term) >= KC_QUERY_MAX_PHRASE ||
        strlen(means) >= KC_QUERY_MAX_PHRASE) {
      report(path, line, "synonym '%s' -> '%s': each side must be words, under %d bytes", term,
             means, KC_QUERY_MAX_PHRASE);
      continue;
    }
    if (strcmp(t, m) == 0) {
      report(path, line, "synonym '%s' -> '%s': a word means itself", term, means);
      continue;
    }
    snprintf(q, sizeof q, "\"%s\"", m);
    sqlite3_bind_text(probe, 1, q, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(probe) != SQLITE_ROW)
      report(path, line, "synonym '%s' -> '%s': no article contains '%s'", term, means, means);
    sqlite3_reset(probe);
  }
  sqlite3_finalize(st);
  sqlite3_finalize(probe);
  if (sqlite3_prepare_v2(db, "SELECT word FROM search_stopword", -1, &st, NULL) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *w = (const char *)sqlite3_column_text(st, 0);
      char n[KC_QUERY_MAX_PHRASE];
      kc_query_normalise(w, strlen(w), n, sizeof n);
      if (strcmp(n, w) != 0)
        report(path, row_line(path, w, NULL), "stop word '%s': must be one word in lower case", w);
    }
  sqlite3_finalize(st);
}

void kc_pack_search(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  check_limits(db, report);
  if (has_search_tables(db)) check_word_lists(db, dbdir, report);
  char err[512];
  if (kc_pack_search_seal(db, err, sizeof err) != 0) report("kcpack", 0, "%s", err);
}
