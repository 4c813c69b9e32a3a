/* The packer's clinical rules (see pack_clinical.h). An article states an
 * urgency only through tags ({sign:ID}, {level:NAME}, {action:NAME}), so
 * the words people read come from one table: the packer fails the build,
 * with file:line, on
 *  - an urgency phrase written out ("emergency", "urgent", "same day", ...)
 *    anywhere people read it (title, summary, body; not in link targets or
 *    inside tags),
 *  - a sentence or list item naming a warning sign's words together with
 *    "see a", "get help", "go to", "call", "book", "doctor", "GP" or
 *    "physio" without a {sign:} tag in it,
 *  - a tag that names no sign or level,
 *  - a sign given another level next to it: a {level:}/{action:} tag in the
 *    same sentence or list item, or the heading it sits under,
 *  - a red-flags article without every sign,
 *  - a source without an http(s) address, on the deny list, not on the
 *    allow list of primary and authoritative publishers, or without
 *    "(checked YYYY-MM-DD)".
 * Articles without a `reviewed:` date (not yet revised this round) are left
 * to kcpack's --require-reviewed; the sources of the tables are always
 * checked. */
#include "pack_clinical.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kneecare/level.h"
#include "kneecare/mem.h"

#define MAX_KEYWORDS 12

struct csign {
  char *id, *statement, *kw[MAX_KEYWORDS];
  int level, n_kw;
};

struct kc_clinical {
  struct csign *signs;
  size_t n_signs;
  char *title[KC_LEVEL_MAX + 1], *action[KC_LEVEL_MAX + 1];
  /* the same words the guide renders (core/tags.c), for the indexed text */
  struct kc_tag_table *table;
  struct kc_tag_resolver tags;
};

/* ---- the tables ------------------------------------------------------------ */

static char *col(sqlite3_stmt *st, int i) {
  const char *t = (const char *)sqlite3_column_text(st, i);
  return kc_xstrdup(t ? t : "");
}

static int level_of(const char *name, size_t len) {
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++) {
    const char *n = kc_level_name((enum kc_level)l);
    if (strlen(n) == len && memcmp(n, name, len) == 0) return l;
  }
  return -1;
}

static const struct csign *find_sign(const struct kc_clinical *c, const char *id, size_t len) {
  for (size_t i = 0; i < c->n_signs; i++)
    if (strlen(c->signs[i].id) == len && memcmp(c->signs[i].id, id, len) == 0) return &c->signs[i];
  return NULL;
}

static void split_keywords(struct csign *s, const char *kw) {
  while (*kw && s->n_kw < MAX_KEYWORDS) {
    const char *bar = strchr(kw, '|');
    size_t n = bar ? (size_t)(bar - kw) : strlen(kw);
    if (n) s->kw[s->n_kw++] = kc_xstrndup(kw, n);
    kw += n + (bar != NULL);
  }
}

struct kc_clinical *kc_clinical_load(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id, level, statement, keywords FROM sign ORDER BY position",
                         -1, &st, NULL) != SQLITE_OK)
    return NULL;
  struct kc_clinical *c = kc_xcalloc(1, sizeof *c);
  c->table = kc_tag_table_new();
  size_t cap = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    KC_GROW(c->signs, cap, c->n_signs + 1);
    struct csign *s = &c->signs[c->n_signs++];
    memset(s, 0, sizeof *s);
    s->id = col(st, 0);
    s->level = sqlite3_column_int(st, 1);
    if (s->level < 1 || s->level > KC_LEVEL_MAX) s->level = KC_LEVEL_MAX;
    s->statement = col(st, 2);
    const char *kw = (const char *)sqlite3_column_text(st, 3);
    split_keywords(s, kw ? kw : "");
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db, "SELECT level, title, action FROM triage_level", -1, &st, NULL) ==
      SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      int l = sqlite3_column_int(st, 0);
      if (l < 1 || l > KC_LEVEL_MAX || c->title[l]) continue;
      c->title[l] = col(st, 1);
      c->action[l] = col(st, 2);
      kc_tag_table_level(c->table, l, kc_level_name((enum kc_level)l), c->title[l], c->action[l]);
    }
    sqlite3_finalize(st);
  }
  for (size_t i = 0; i < c->n_signs; i++)
    kc_tag_table_sign(c->table, c->signs[i].id, c->signs[i].level, c->signs[i].statement);
  c->tags = kc_tag_table_resolver(c->table);
  return c;
}

void kc_clinical_free(struct kc_clinical *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n_signs; i++) {
    free(c->signs[i].id);
    free(c->signs[i].statement);
    for (int k = 0; k < c->signs[i].n_kw; k++) free(c->signs[i].kw[k]);
  }
  free(c->signs);
  for (int l = 0; l <= KC_LEVEL_MAX; l++) {
    free(c->title[l]);
    free(c->action[l]);
  }
  kc_tag_table_free(c->table);
  free(c);
}

const struct kc_tag_resolver *kc_clinical_tags(const struct kc_clinical *c) {
  return c ? &c->tags : NULL;
}

/* ---- sources --------------------------------------------------------------- */

static const char *const denied[] = {"droracle.ai",
                                     "paperexplained.cn",
                                     "biologyinsights.com",
                                     "usprime23.com",
                                     "obnews.co",
                                     "docslib.org",
                                     "studylib.net",
                                     "documents.pub",
                                     "mdedge-cache.qa01.mdedge.com",
                                     "r.darrennathanael.com",
                                     "bibliotheek.ehb.be",
                                     "beta.nhs.uk",
                                     "campbellspharmacy.co.uk",
                                     "fitro.info",
                                     "gizmo.ai",
                                     "healthwell.eani.org.uk",
                                     "hsceduaffweb.health.usf.edu",
                                     "cks.nhs.uk"};

/* Primary or authoritative publishers (DESIGN.md "Sources"): a source's
 * address must be one of these domains or a subdomain of one. nhs.uk takes
 * in the NHS trusts' own sites (*.nhs.uk, *.scot.nhs.uk); ncbi.nlm.nih.gov
 * PubMed, PMC and the NCBI Bookshelf (StatPearls there is preferred to
 * statpearls.com, which is accepted); bmj.com the BMJ journals (BJSM, PMJ).
 * The deny list is checked first, so a denied subdomain of an allowed
 * domain (beta.nhs.uk, the retired cks.nhs.uk) is still refused. */
static const char *const allowed[] = {"nhs.uk",
                                      "nhsinform.scot",
                                      "nice.org.uk",
                                      "nidirect.gov.uk",
                                      "medlineplus.gov",
                                      "ncbi.nlm.nih.gov",
                                      "orthoinfo.aaos.org",
                                      "bmj.com",
                                      "jospt.org",
                                      "aafp.org",
                                      "patient.info",
                                      "msdmanuals.com",
                                      "merckmanuals.com",
                                      "statpearls.com",
                                      "versusarthritis.org",
                                      "cochrane.org",
                                      "cochranelibrary.com",
                                      "jamanetwork.com",
                                      "dovepress.com",
                                      "doi.org"};

/* Whether host (host[0..n)) is domain or one of its subdomains. */
static bool in_domain(const char *host, size_t n, const char *domain) {
  size_t d = strlen(domain);
  return n >= d && strncasecmp(host + n - d, domain, d) == 0 && (n == d || host[n - d - 1] == '.');
}

/* The denied domain host (host[0..n)) falls in, or NULL. */
static const char *denied_host(const char *host, size_t n) {
  for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++)
    if (in_domain(host, n, denied[i])) return denied[i];
  return NULL;
}

static bool allowed_host(const char *host, size_t n) {
  for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
    if (in_domain(host, n, allowed[i])) return true;
  return false;
}

static bool valid_date(const char *p) {
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? p[i] != '-' : !isdigit((unsigned char)p[i])) return false;
  int y = atoi(p), m = atoi(p + 5), d = atoi(p + 8);
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* One source, s[0..n). */
static int check_source(const char *s, size_t n, const char *file, int line, const char *what,
                        kc_report_fn report) {
  char one[1024];
  snprintf(one, sizeof one, "%.*s", (int)(n < 1000 ? n : 1000), s);
  char *addr = strstr(one, " - http://");
  if (!addr) addr = strstr(one, " - https://");
  if (!addr || addr == one) {
    report(file, line, "%s: source '%.60s' has no \"Publisher, Title - https://address\"", what,
           one);
    return 1;
  }
  const char *host = strstr(addr, "://") + 3;
  size_t hn = strcspn(host, "/:? )");
  const char *bad = denied_host(host, hn);
  if (bad) {
    report(file, line, "%s: source address on the deny list (%s): %.60s", what, bad, addr + 3);
    return 1;
  }
  if (!allowed_host(host, hn)) {
    report(file, line,
           "%s: source address '%.*s' is not a primary or authoritative publisher on the allow "
           "list (NHS, NICE, MedlinePlus, PubMed/PMC/NCBI Bookshelf, AAOS, BMJ, JOSPT, AAFP, "
           "...: src/pack/pack_clinical.c)",
           what, (int)(hn < 80 ? hn : 80), host);
    return 1;
  }
  const char *checked = strstr(one, "(checked ");
  if (!checked || !valid_date(checked + 9) || checked[19] != ')') {
    report(file, line, "%s: source '%.60s' needs \"(checked YYYY-MM-DD)\"", what, one);
    return 1;
  }
  return 0;
}

int kc_clinical_check_sources(const char *sources, const char *file, int line, const char *what,
                              kc_report_fn report) {
  int bad = 0;
  if (!sources || !*sources) {
    report(file, line, "%s: no source", what);
    return 1;
  }
  for (const char *p = sources;;) {
    const char *sep = strstr(p, " ; ");
    size_t n = sep ? (size_t)(sep - p) : strlen(p);
    bad += check_source(p, n, file, line, what, report);
    if (!sep) return bad;
    p = sep + 3;
  }
}

/* ---- article text ------------------------------------------------------------ */

static const char *const urgency[] = {"emergency",
                                      "ambulance",
                                      "a&e",
                                      "999",
                                      "911",
                                      "112",
                                      "urgent",
                                      "urgently",
                                      "same day",
                                      "same-day",
                                      "within 24 hours",
                                      "within a day",
                                      "straight away",
                                      "right away",
                                      "immediately",
                                      "at once"};
static const char *const act_words[] = {"see a", "get help", "go to", "call",
                                        "book",  "doctor",   "physio"};

static bool word_char(char c) { return isalnum((unsigned char)c) || c == '&'; }

/* Finds phrase in s[0..n) ignoring case, at word boundaries, a space in the
 * phrase matching any run of white space. Returns the offset or -1. */
static long find_phrase(const char *s, size_t n, const char *phrase) {
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && word_char(s[i - 1]) && word_char(phrase[0])) continue;
    size_t j = i;
    const char *p = phrase;
    while (*p && j < n) {
      if (*p == ' ') {
        if (!isspace((unsigned char)s[j])) break;
        while (j < n && isspace((unsigned char)s[j])) j++;
        p++;
      } else if (tolower((unsigned char)s[j]) == tolower((unsigned char)*p)) {
        j++;
        p++;
      } else {
        break;
      }
    }
    if (*p) continue;
    if (j < n && word_char(s[j]) && word_char(p[-1])) continue;
    return (long)i;
  }
  return -1;
}

/* "GP" must be the capitalised word, not "gp" inside another. */
static bool has_gp(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] == 'G' && s[i + 1] == 'P' && (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
        (i + 2 >= n || !isalnum((unsigned char)s[i + 2])))
      return true;
  return false;
}

struct body {
  const struct kc_clinical *c;
  const char *file;
  const struct kc_article_src *a;
  const char *raw; /* the body */
  char *vis;       /* the body as people read it: tags and link targets blanked */
  size_t len;
  kc_report_fn report;
  int section_level[7];    /* per heading depth: the level its heading names, or 0 */
  bool red_flags, *listed; /* the red-flags article: which signs it lists */
};

static int line_at(const struct body *b, size_t pos) {
  int line = b->a->body_line;
  for (size_t i = 0; i < pos && i < b->len; i++) line += b->raw[i] == '\n';
  return line;
}

/* People's view of the body: tags and "](target)" link targets blanked
 * (same length, so offsets and lines stay). */
static void make_visible(struct body *b) {
  b->vis = kc_xstrndup(b->raw, b->len);
  struct kc_tag t;
  for (size_t at = 0; kc_tag_next(b->raw, b->len, at, &t); at = t.end)
    memset(b->vis + t.start, ' ', t.end - t.start);
  for (char *p = strstr(b->vis, "]("); p; p = strstr(p, "](")) {
    char *e = strchr(p + 2, ')');
    if (!e) break;
    memset(p + 2, ' ', (size_t)(e - p - 2));
    p = e;
  }
}

static void check_urgency(const struct body *b, const char *s, size_t n, int line,
                          const char *where) {
  for (size_t k = 0; k < sizeof urgency / sizeof urgency[0]; k++) {
    long at = find_phrase(s, n, urgency[k]);
    if (at < 0) continue;
    int l = line;
    for (long i = 0; where == NULL && i < at; i++) l += s[i] == '\n';
    b->report(b->file, l,
              "'%s' states an urgency in the article's own words%s%s: use a {sign:ID}, "
              "{level:NAME} or {action:NAME} tag",
              urgency[k], where ? " in the " : "", where ? where : "");
  }
}

/* The tags of one unit: its signs and the levels its level/action tags name. */
struct unit_tags {
  const struct csign *signs[16];
  int n_signs, levels[16], n_levels;
};

static void unit_tags(struct body *b, size_t s, size_t e, struct unit_tags *u) {
  memset(u, 0, sizeof *u);
  struct kc_tag t;
  for (size_t at = s; kc_tag_next(b->raw, e, at, &t); at = t.end) {
    if (t.kind == KC_TAG_SIGN) {
      const struct csign *sg = find_sign(b->c, t.id, t.id_len);
      if (!sg) {
        b->report(b->file, line_at(b, t.start), "unknown sign tag {sign:%.*s}", (int)t.id_len,
                  t.id);
        continue;
      }
      if (b->listed) b->listed[sg - b->c->signs] = true;
      if (u->n_signs < 16) u->signs[u->n_signs++] = sg;
    } else {
      int l = level_of(t.id, t.id_len);
      if (l < 0)
        b->report(b->file, line_at(b, t.start), "unknown level in {%s:%.*s} (%s)",
                  t.kind == KC_TAG_LEVEL ? "level" : "action", (int)t.id_len, t.id,
                  "self-care, soon, 24h, ed, ambulance");
      else if (u->n_levels < 16)
        u->levels[u->n_levels++] = l;
    }
  }
}

/* The level of the heading the text sits under (0: none). */
static int section_level(const struct body *b) {
  for (int d = 6; d >= 1; d--)
    if (b->section_level[d]) return b->section_level[d];
  return 0;
}

static void check_unit(struct body *b, size_t s, size_t e, int heading_depth) {
  struct unit_tags u;
  unit_tags(b, s, e, &u);
  int line = line_at(b, s);
  if (heading_depth) {
    for (int d = heading_depth; d <= 6; d++) b->section_level[d] = 0;
    b->section_level[heading_depth] = u.n_levels ? u.levels[0] : 0;
  }
  int sect = heading_depth ? 0 : section_level(b);
  for (int i = 0; i < u.n_signs; i++) {
    const struct csign *sg = u.signs[i];
    for (int k = 0; k < u.n_levels; k++)
      if (u.levels[k] != sg->level)
        b->report(b->file, line, "sign '%s' is '%s' but is given '%s' beside it", sg->id,
                  kc_level_name((enum kc_level)sg->level),
                  kc_level_name((enum kc_level)u.levels[k]));
    if (sect && sect != sg->level)
      b->report(b->file, line, "sign '%s' is '%s' but sits under a heading for '%s'", sg->id,
                kc_level_name((enum kc_level)sg->level), kc_level_name((enum kc_level)sect));
  }
  if (u.n_signs) return;
  /* a warning sign in words, with advice to get help, needs its tag */
  const char *v = b->vis + s;
  size_t n = e - s;
  bool act = has_gp(v, n);
  for (size_t k = 0; !act && k < sizeof act_words / sizeof act_words[0]; k++)
    act = find_phrase(v, n, act_words[k]) >= 0;
  for (size_t i = 0; act && i < b->c->n_signs; i++)
    for (int k = 0; k < b->c->signs[i].n_kw; k++)
      if (find_phrase(v, n, b->c->signs[i].kw[k]) >= 0) {
        b->report(b->file, line,
                  "names the warning sign '%s' (\"%s\") with advice to get help but no "
                  "{sign:%s} tag",
                  b->c->signs[i].id, b->c->signs[i].kw[k], b->c->signs[i].id);
        return;
      }
}

static bool blank_line(const char *p, const char *e) {
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
  return p == e;
}

/* A line that starts a block: a heading (returns its depth, 1..6) or a list
 * item (returns 7); 0 otherwise. */
static int block_start(const char *p, const char *e) {
  while (p < e && *p == ' ') p++;
  int h = 0;
  while (p + h < e && p[h] == '#') h++;
  if (h >= 1 && h <= 6 && p + h < e && p[h] == ' ') return h;
  if (p + 1 < e && (*p == '-' || *p == '*' || *p == '+') && p[1] == ' ') return 7;
  const char *d = p;
  while (d < e && isdigit((unsigned char)*d)) d++;
  return d > p && d + 1 < e && (*d == '.' || *d == ')') && d[1] == ' ' ? 7 : 0;
}

/* Splits a paragraph into sentences (". ", "? ", "! " then space). */
static void check_paragraph(struct body *b, size_t s, size_t e) {
  size_t start = s;
  for (size_t i = s; i + 1 < e; i++)
    if ((b->vis[i] == '.' || b->vis[i] == '?' || b->vis[i] == '!') &&
        isspace((unsigned char)b->vis[i + 1])) {
      check_unit(b, start, i + 1, 0);
      start = i + 1;
    }
  if (start < e) check_unit(b, start, e, 0);
}

/* Walks the body block by block: headings and list items are units of
 * their own, paragraphs are split into sentences. */
static void check_blocks(struct body *b) {
  const char *base = b->raw, *end = base + b->len;
  size_t block = 0;
  int kind = -1; /* -1 none, 0 paragraph, 7 list item */
  for (const char *p = base; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    int start = block_start(p, le);
    bool blank = blank_line(p, le);
    if ((blank || start) && kind >= 0) {
      if (kind == 0)
        check_paragraph(b, block, (size_t)(p - base));
      else
        check_unit(b, block, (size_t)(p - base), 0);
      kind = -1;
    }
    if (start >= 1 && start <= 6) {
      check_unit(b, (size_t)(p - base), (size_t)(le - base), start);
    } else if (!blank && kind < 0) {
      block = (size_t)(p - base);
      kind = start == 7 ? 7 : 0;
    }
    p = nl ? nl + 1 : end;
  }
  if (kind == 0) check_paragraph(b, block, b->len);
  if (kind == 7) check_unit(b, block, b->len, 0);
}

/* The file line of the header field `key` whose line holds the start of
 * value (any when value is NULL), or 0. */
static int header_line(const char *text, const char *key, const char *value) {
  int line = 1;
  size_t kl = strlen(key);
  char want[48];
  snprintf(want, sizeof want, "%s", value ? value : "");
  for (const char *p = text; *p && strncmp(p, "---", 3) != 0; line++) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    char buf[2048];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf - 1 ? n : sizeof buf - 1), p);
    if (strncmp(buf, key, kl) == 0 && strstr(buf, want)) return line;
    if (!nl) break;
    p = nl + 1;
  }
  return 0;
}

void kc_clinical_check_article(const struct kc_clinical *c, const char *file,
                               const struct kc_article_src *a, const char *text,
                               kc_report_fn report) {
  for (size_t i = 0; i < a->n_sources; i++)
    kc_clinical_check_sources(a->sources[i], file, header_line(text, "source:", a->sources[i]),
                              "article", report);
  struct body b = {
      .c = c, .file = file, .a = a, .raw = a->body, .len = a->body_len, .report = report};
  make_visible(&b);
  check_urgency(&b, a->title, strlen(a->title), header_line(text, "title:", NULL), "title");
  check_urgency(&b, a->summary, strlen(a->summary), header_line(text, "summary:", NULL), "summary");
  check_urgency(&b, b.vis, b.len, a->body_line, NULL);
  if (c) {
    b.red_flags = strcmp(a->id, "red-flags") == 0;
    if (b.red_flags) b.listed = kc_xcalloc(c->n_signs, sizeof *b.listed);
    check_blocks(&b);
    for (size_t i = 0; b.red_flags && i < c->n_signs; i++)
      if (!b.listed[i])
        report(file, a->body_line, "the red-flags article does not list the sign '%s' ({sign:%s})",
               c->signs[i].id, c->signs[i].id);
    free(b.listed);
  }
  free(b.vis);
}

/* ---- the tables' rows ---------------------------------------------------------- */

/* The first line of dbdir/name holding needle (and table, when given), or 0. */
static int row_line(const char *dbdir, const char *name, const char *table, const char *needle,
                    char *file, size_t flen) {
  snprintf(file, flen, "%s/%s", dbdir, name);
  FILE *fp = fopen(file, "r");
  if (!fp) return 0;
  char buf[16384];
  int n = 0, found = 0;
  while (!found && fgets(buf, sizeof buf, fp)) {
    n++;
    if (strstr(buf, needle) && (!table || strstr(buf, table))) found = n;
  }
  fclose(fp);
  return found;
}

/* Every source of the rows of one table: the query gives each row's key
 * as its INSERT writes it ('a', 'b' for a key of two columns) and its
 * source. */
struct rows {
  const char *file, *table, *what, *sql;
};

static void check_rows(sqlite3 *db, const char *dbdir, const struct rows *r, kc_report_fn report) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, r->sql, -1, &st, NULL) != SQLITE_OK) return;
  char table[64];
  snprintf(table, sizeof table, "INTO %s (", r->table);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(st, 0);
    const char *src = (const char *)sqlite3_column_text(st, 1);
    char needle[256], file[4096], label[300];
    snprintf(needle, sizeof needle, "'%s'", id ? id : "");
    int line = row_line(dbdir, r->file, table, needle, file, sizeof file);
    snprintf(label, sizeof label, "%s %s", r->what, needle);
    kc_clinical_check_sources(src, file, line, label, report);
  }
  sqlite3_finalize(st);
}

/* A key of several columns as the INSERT writes it. */
#define KEY2(a, b) a " || ''', ''' || " b
#define KEY3(a, b, c) KEY2(a, b) " || ''', ''' || " c

static const struct rows source_rows[] = {
    {"15_triage.sql", "sign", "sign", "SELECT id, source FROM sign"},
    {"15_triage.sql", "triage_level", "level", "SELECT name, source FROM triage_level"},
    {"20_wizard.sql", "wizard_cause", "cause", "SELECT id, source FROM wizard_cause"},
    {"20_wizard.sql", "wizard_option", "option",
     "SELECT " KEY2("question_id", "id") ", source FROM wizard_option WHERE level > 0"},
    {"20_wizard.sql", "wizard_evidence", "evidence",
     "SELECT " KEY3("question_id", "option_id", "cause_id") ", source FROM wizard_evidence"},
    {"20_wizard.sql", "wizard_veto", "veto",
     "SELECT " KEY3("question_id", "option_id", "cause_id") ", source FROM wizard_veto"},
    {"20_wizard.sql", "wizard_rule", "rule", "SELECT id, source FROM wizard_rule WHERE level > 0"},
};

void kc_clinical_check_data(const struct kc_clinical *c, sqlite3 *db, const char *dbdir,
                            kc_report_fn report) {
  if (!c) return;
  for (size_t i = 0; i < sizeof source_rows / sizeof source_rows[0]; i++)
    check_rows(db, dbdir, &source_rows[i], report);
  /* one vocabulary: where no content database is loaded yet (the plan's
   * screens), level.c's words are shown; they must be the table's */
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++) {
    if (c->title[l] && strcmp(c->title[l], kc_level_title((enum kc_level)l)) == 0 &&
        strcmp(c->action[l], kc_level_advice((enum kc_level)l)) == 0)
      continue;
    char file[4096], needle[64];
    snprintf(needle, sizeof needle, "'%s'", kc_level_name((enum kc_level)l));
    report(file, row_line(dbdir, "15_triage.sql", "INTO triage_level (", needle, file, sizeof file),
           "level '%s': its title and action must be the words of src/core/level.c (%s / %s)",
           kc_level_name((enum kc_level)l), kc_level_title((enum kc_level)l),
           kc_level_advice((enum kc_level)l));
  }
}
