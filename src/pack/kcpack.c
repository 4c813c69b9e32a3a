/* kcpack: the build-time content packer. Runs db/ SQL files, loads and validates
 * every article under assets/articles/, builds the FTS5 index, and writes
 * the content database plus a C file embedding it (and the user-database
 * migrations) into the binary. Every problem is reported as file:line. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kneecare/article.h"
#include "kneecare/content_front.h"
#include "kneecare/markup.h"
#include "pack_checks.h"
#include "pack_clinical.h"
#include "pack_front.h"
#include "pack_runplan.h"
#include "pack_schema.h"
#include "pack_search.h"

struct files {
  char **v;
  size_t n;
};

static int errors;

static void report(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (line > 0)
    fprintf(stderr, "%s:%d: ", file, line);
  else
    fprintf(stderr, "%s: ", file);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  errors++;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(const char *dir, const char *ext, int recurse, struct files *f) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (recurse) collect(path, ext, recurse, f);
      continue;
    }
    size_t n = strlen(e->d_name), el = strlen(ext);
    if (n <= el || strcmp(e->d_name + n - el, ext) != 0) continue;
    f->v = realloc(f->v, (f->n + 1) * sizeof *f->v);
    f->v[f->n++] = strdup(path);
  }
  closedir(d);
  qsort(f->v, f->n, sizeof *f->v, cmp_str);
}

static void files_free(struct files *f) {
  for (size_t i = 0; i < f->n; i++) free(f->v[i]);
  free(f->v);
}

static char *slurp(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap + 1);
  size_t r;
  while (buf && (r = fread(buf + n, 1, cap - n, fp)) > 0) {
    n += r;
    if (n == cap) {
      char *nb = realloc(buf, cap * 2 + 1);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
  }
  fclose(fp);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* Runs a SQL file one statement at a time so an error names its line. */
static void run_sql_file(sqlite3 *db, const char *path) {
  size_t len;
  char *sql = slurp(path, &len);
  if (!sql) {
    report(path, 0, "cannot read: %s", strerror(errno));
    return;
  }
  const char *p = sql;
  while (*p) {
    const char *tail = NULL;
    sqlite3_stmt *st = NULL;
    int line = 1;
    for (const char *q = sql; q < p; q++) line += *q == '\n';
    const char *s = p;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
      if (*s == '\n') line++;
      s++;
    }
    if (sqlite3_prepare_v2(db, p, -1, &st, &tail) != SQLITE_OK) {
      report(path, line, "%s", sqlite3_errmsg(db));
      break;
    }
    if (st && sqlite3_step(st) != SQLITE_DONE) report(path, line, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (!tail || tail == p) break;
    p = tail;
  }
  free(sql);
}

struct loaded {
  char *file;
  struct kc_article_src a;
  char *text; /* owns the memory a.body points into */
  char **links;
  size_t n_links;
};

static int exec(sqlite3 *db, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    report("kcpack", 0, "%s: %s", sql, msg ? msg : "error");
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

static int id_exists(sqlite3 *db, const char *table, const char *id) {
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?1", table);
  sqlite3_stmt *st = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

/* Plain text for the search index: the rendered lines joined. */
static char *plain_text(const struct kc_mdoc *doc) {
  char *out = malloc(doc->text_len + doc->n_lines + 1);
  size_t o = 0;
  for (size_t i = 0; out && i < doc->n_lines; i++) {
    memcpy(out + o, doc->text + doc->lines[i].text_off, doc->lines[i].text_len);
    o += doc->lines[i].text_len;
    out[o++] = '\n';
  }
  if (out) out[o] = '\0';
  return out;
}

/* What every article is loaded with: the clinical tables (NULL without
 * them) and whether an article without `reviewed:` is an error. */
struct pack {
  sqlite3 *db;
  struct kc_clinical *clin;
  int require_reviewed;
  int unreviewed; /* articles the clinical rules were not applied to */
};

static void check_clinical(struct pack *P, const char *path, struct loaded *L) {
  if (!L->a.reviewed) {
    if (P->require_reviewed)
      report(path, 0,
             "no 'reviewed:' date: every article must be revised against the clinical "
             "rules (urgency through tags only, sources with an address and a date)");
    P->unreviewed++;
    return;
  }
  kc_clinical_check_article(P->clin, path, &L->a, L->text, report);
}

static void load_article(struct pack *P, const char *path, struct loaded *L) {
  sqlite3 *db = P->db;
  size_t len;
  L->file = strdup(path);
  L->text = slurp(path, &len);
  if (!L->text) {
    report(path, 0, "cannot read: %s", strerror(errno));
    return;
  }
  int line;
  char err[256];
  if (kc_article_parse(L->text, len, &L->a, &line, err, sizeof err) != 0) {
    report(path, line, "%s", err);
    return;
  }
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (strlen(base) != strlen(L->a.id) + 3 || strncmp(base, L->a.id, strlen(L->a.id)) != 0)
    report(path, L->a.id_line, "id '%s' does not match the file name '%s'", L->a.id, base);
  if (!id_exists(db, "topic", L->a.topic))
    report(path, L->a.topic_line, "unknown topic '%s' (topics are in db/10_topics.sql)",
           L->a.topic);

  check_clinical(P, path, L);
  /* the index holds what people read: tags rendered from the tables */
  struct kc_mdoc doc;
  if (kc_markup_render_tagged(L->a.body, L->a.body_len, 1000, kc_clinical_tags(P->clin), &doc) !=
      0) {
    report(path, L->a.body_line, "cannot render the body");
    return;
  }
  L->links = doc.links;
  L->n_links = doc.n_links;
  doc.links = NULL;
  doc.n_links = 0;
  char *plain = plain_text(&doc);
  kc_mdoc_free(&doc);

  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2(db,
                     "INSERT INTO article (id, topic_id, position, title, summary, body, plain, "
                     "source_file, reviewed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                     -1, &st, NULL);
  sqlite3_bind_text(st, 1, L->a.id, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, L->a.topic, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, L->a.order);
  sqlite3_bind_text(st, 4, L->a.title, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, L->a.summary, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, L->a.body, (int)L->a.body_len, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, plain ? plain : "", -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 8, base, -1, SQLITE_STATIC);
  if (L->a.reviewed) sqlite3_bind_text(st, 9, L->a.reviewed, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE) {
    if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_PRIMARYKEY)
      report(path, L->a.id_line, "duplicate article id '%s'", L->a.id);
    else
      report(path, 0, "cannot store: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  free(plain);

  sqlite3_prepare_v2(db,
                     "INSERT INTO article_source (article_id, position, text) VALUES (?1, ?2, ?3)",
                     -1, &st, NULL);
  for (size_t i = 0; i < L->a.n_sources; i++) {
    sqlite3_bind_text(st, 1, L->a.id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, (int)i);
    sqlite3_bind_text(st, 3, L->a.sources[i], -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
}

/* Second pass: links and related ids must name real articles. */
static void check_links(sqlite3 *db, struct loaded *L) {
  if (!L->a.id) return;
  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2(db,
                     "INSERT OR IGNORE INTO article_related (article_id, related_id, position) "
                     "VALUES (?1, ?2, ?3)",
                     -1, &st, NULL);
  for (size_t i = 0; i < L->a.n_related; i++) {
    const char *r = L->a.related[i];
    if (!id_exists(db, "article", r)) {
      report(L->file, L->a.related_line, "related: no article with id '%s'", r);
      continue;
    }
    if (strcmp(r, L->a.id) == 0) report(L->file, L->a.related_line, "related: links to itself");
    sqlite3_bind_text(st, 1, L->a.id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, r, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, (int)i);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  for (size_t i = 0; i < L->n_links; i++) {
    const char *t = L->links[i];
    if (strstr(t, "://") || strncmp(t, "mailto:", 7) == 0)
      report(L->file, kc_article_link_line(&L->a, t),
             "web link '%s' in the body: put web addresses in a source: line", t);
    else if (!id_exists(db, "article", t))
      report(L->file, kc_article_link_line(&L->a, t), "broken link: no article with id '%s'", t);
  }
}

static void loaded_free(struct loaded *L) {
  kc_article_src_free(&L->a);
  for (size_t i = 0; i < L->n_links; i++) free(L->links[i]);
  free(L->links);
  free(L->text);
  free(L->file);
}

static void write_c_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\n')
      fputs("\\n\"\n  \"", out);
    else if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c < 0x20 || c >= 0x7F)
      fprintf(out, "\\%03o", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

static int write_embed(const char *db_path, const char *dbdir, const char *out_path) {
  size_t len;
  char *img = slurp(db_path, &len);
  if (!img) {
    report(db_path, 0, "cannot read back: %s", strerror(errno));
    return -1;
  }
  /* The database alone: the built-in content's first frame comes from the
   * topic list compiled in below, so the front is not embedded. */
  int64_t db_len = len >= KC_FRONT_HEADER ? kc_front_db_len((const unsigned char *)img) : -1;
  if (db_len > 0 && (size_t)db_len <= len) len = (size_t)db_len;
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
  FILE *out = fopen(tmp, "w");
  if (!out) {
    free(img);
    report(out_path, 0, "cannot write: %s", strerror(errno));
    return -1;
  }
  fprintf(out, "/* Generated by kcpack from assets/ and db/. Do not edit. */\n");
  fprintf(out, "#include \"kneecare/blob.h\"\n\n");
  fprintf(out, "const size_t kc_content_image_len = %zu;\n", len);
  /* A section of its own, aligned beyond the page size: the linker gives
   * it a load segment of its own, so the image is a mapping of its own.
   * The guide reads the image with pread (store/content_image.c), and the
   * kernel maps file pages around a fault (64 KB, or a whole large folio)
   * only within one mapping: constants used next to the image would
   * otherwise map up to 250 KB of it. The cost is that the program's load
   * address is a multiple of 64 KB instead of 4 KB. */
  fprintf(out, "const unsigned char kc_content_image[]\n"
               "    __attribute__((section(\".kc_content\"), aligned(65536))) = {\n");
  for (size_t i = 0; i < len; i++)
    fprintf(out, "%u,%s", (unsigned char)img[i], (i % 24 == 23) ? "\n" : "");
  fprintf(out, "};\n\n");
  free(img);

  /* The topic list, for drawing the home menu before opening the image. */
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int n_topics = 0;
  fprintf(out, "const struct kc_blob_topic kc_blob_topics[] = {\n");
  if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db,
                         "SELECT t.id, t.title, t.summary, "
                         "(SELECT count(*) FROM article a WHERE a.topic_id = t.id) "
                         "FROM topic t ORDER BY t.position",
                         -1, &st, NULL) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      fprintf(out, "  {");
      for (int i = 0; i < 3; i++) {
        write_c_string(out, (const char *)sqlite3_column_text(st, i));
        fprintf(out, ", ");
      }
      fprintf(out, "%d},\n", sqlite3_column_int(st, 3));
      n_topics++;
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (n_topics == 0) fprintf(out, "  {0, 0, 0, 0},\n");
  fprintf(out, "};\nconst int kc_blob_topic_count = %d;\n\n", n_topics);

  char mdir[4096];
  snprintf(mdir, sizeof mdir, "%s/userdb", dbdir);
  struct files m = {0};
  collect(mdir, ".sql", 0, &m);
  fprintf(out, "const int kc_userdb_migration_file_count = %zu;\n", m.n);
  fprintf(out, "const struct kc_blob_file kc_userdb_migration_files[] = {\n");
  for (size_t i = 0; i < m.n; i++) {
    size_t sl;
    char *sql = slurp(m.v[i], &sl);
    const char *base = strrchr(m.v[i], '/') + 1;
    fprintf(out, "  {\"%s\",\n  ", base);
    write_c_string(out, sql ? sql : "");
    fprintf(out, "},\n");
    free(sql);
  }
  if (m.n == 0) fprintf(out, "  {0, 0},\n");
  fprintf(out, "};\n");
  files_free(&m);
  if (fclose(out) != 0 || rename(tmp, out_path) != 0) {
    report(out_path, 0, "cannot write: %s", strerror(errno));
    return -1;
  }
  return 0;
}

static void usage(FILE *fp) {
  fprintf(fp, "usage: kcpack --assets DIR --db DIR --out FILE.db [--embed FILE.c] "
              "[--require-reviewed]\n");
}

struct args {
  const char *assets, *dbdir, *out, *embed;
};

/* The options; -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a, struct pack *P) {
  static const struct option opts[] = {{"assets", required_argument, 0, 'a'},
                                       {"db", required_argument, 0, 'd'},
                                       {"out", required_argument, 0, 'o'},
                                       {"embed", required_argument, 0, 'e'},
                                       {"require-reviewed", no_argument, 0, 'r'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    switch (c) {
    case 'a': a->assets = optarg; break;
    case 'd': a->dbdir = optarg; break;
    case 'o': a->out = optarg; break;
    case 'e': a->embed = optarg; break;
    case 'r': P->require_reviewed = 1; break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (!a->assets || !a->dbdir || !a->out || optind != argc) {
    usage(stderr);
    return 2;
  }
  return -1;
}

/* Every article file: parsed, checked on its own and inserted; then the
 * links between them, the data, the clinical rules, the return-to-running
 * programme and the search tables. Returns the number of articles. */
static size_t pack_articles(struct pack *P, const char *assets, const char *dbdir) {
  char adir[4096];
  snprintf(adir, sizeof adir, "%s/articles", assets);
  struct files md = {0};
  collect(adir, ".md", 1, &md);
  if (md.n == 0) report(adir, 0, "no articles (*.md) found");
  struct loaded *all = calloc(md.n ? md.n : 1, sizeof *all);
  for (size_t i = 0; i < md.n && !errors; i++) load_article(P, md.v[i], &all[i]);
  if (!errors)
    for (size_t i = 0; i < md.n; i++) check_links(P->db, &all[i]);
  if (!errors) kc_pack_check_data(P->db, dbdir, report);
  if (!errors) kc_clinical_check_data(P->clin, P->db, dbdir, report);
  if (!errors) kc_pack_check_runplan(P->db, dbdir, report);
  if (!errors) kc_pack_search(P->db, dbdir, report);
  for (size_t i = 0; i < md.n; i++) loaded_free(&all[i]);
  free(all);
  size_t n = md.n;
  files_free(&md);
  return n;
}

/* The full-text index built and compacted, and the file made ready to be
 * embedded (sqlite3_deserialize needs it out of WAL mode; VACUUM makes it
 * compact). */
static void seal(sqlite3 *db) {
  exec(db, "INSERT INTO article_fts (article_fts) VALUES ('rebuild')");
  exec(db, "INSERT INTO article_fts (article_fts) VALUES ('optimize')");
  /* Ranking: bm25 with the title counting 10x and the summary 4x. */
  exec(db, "INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')");
  exec(db, "COMMIT");
  exec(db, "PRAGMA journal_mode = DELETE");
  exec(db, "VACUUM");
}

int main(int argc, char **argv) {
  struct args a = {0};
  struct pack P = {0};
  int rc = parse_args(argc, argv, &a, &P);
  if (rc >= 0) return rc;
  char tmp_db[4096];
  snprintf(tmp_db, sizeof tmp_db, "%s.tmp", a.out);
  unlink(tmp_db);
  sqlite3 *db = NULL;
  if (sqlite3_open(tmp_db, &db) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot create: %s\n", tmp_db, sqlite3_errmsg(db));
    return 1;
  }
  exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
  struct files sql = {0};
  collect(a.dbdir, ".sql", 0, &sql);
  if (sql.n == 0) report(a.dbdir, 0, "no .sql files");
  for (size_t i = 0; i < sql.n && !errors; i++) run_sql_file(db, sql.v[i]);
  files_free(&sql);
  P.db = db;
  P.clin = errors ? NULL : kc_clinical_load(db);
  size_t n = pack_articles(&P, a.assets, a.dbdir);
  kc_clinical_free(P.clin);
  if (!errors) seal(db);
  sqlite3_close(db);
  if (!errors) kc_pack_compact_schema(tmp_db, report);
  char why[512];
  if (!errors && kc_pack_front(tmp_db, why, sizeof why) != 0) report(tmp_db, 0, "%s", why);
  if (!errors && rename(tmp_db, a.out) != 0) report(a.out, 0, "cannot write: %s", strerror(errno));
  if (!errors && a.embed) write_embed(a.out, a.dbdir, a.embed);
  if (errors) {
    unlink(tmp_db);
    fprintf(stderr, "kcpack: %d error%s; content not packed\n", errors, errors == 1 ? "" : "s");
    return 1;
  }
  if (P.unreviewed)
    printf("kcpack: note: %d articles have no 'reviewed:' date, so the clinical rules were not "
           "applied to them (--require-reviewed makes that an error)\n",
           P.unreviewed);
  printf("kcpack: %zu articles packed into %s\n", n, a.out);
  return 0;
}
