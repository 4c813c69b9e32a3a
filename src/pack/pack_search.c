/* The packer's whole-content work for the store and search: every check
 * that needs every article is done here, once, at build time, and what was
 * checked is recorded in meta (counts, largest body, a checksum), so that
 * the program opening a content file only does O(1) checks and bounds each
 * read (see src/store/content.c). */
#include "pack_search.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kneecare/content.h"

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

int kc_pack_search_seal(sqlite3 *db, char *err, size_t errlen) {
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

void kc_pack_search(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  (void)dbdir;
  check_limits(db, report);
  char err[512];
  if (kc_pack_search_seal(db, err, sizeof err) != 0) report("kcpack", 0, "%s", err);
}
