/* The reading commands: topics, list, show, search. Plain text for people
 * and scripts, tab-separated where a script would split it. All content has
 * been sanitised by the content store before it gets here. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/markup.h"
#include "kneecare/mem.h"
#include "kneecare/query.h"
#include "kneecare/text.h"

/* Parses a positive integer option value; -1 when it is not one. */
static int parse_count(const char *s, int max) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 1 || v > max) return -1;
  return (int)v;
}

/* After a read: says what the content store left out (a foreign file over
 * kneecare's limits), or why it failed, once, on stderr. */
static void say_note(struct kc_app *app, const char *fallback) {
  const char *note = kc_content_note(app->content);
  if (note || fallback) kc_err("%s", note ? note : fallback);
}

static int no_options(const char *cmd, int argc, char **argv, int max_args) {
  static const struct option none[] = {{0, 0, 0, 0}};
  kc_getopt_reset();
  if (getopt_long(argc, argv, "", none, NULL) != -1) {
    kc_err("%s: unknown option '%s'", cmd, argv[optind - 1]);
    return -1;
  }
  if (argc - optind > max_args) {
    kc_err("%s: too many arguments (try --help)", cmd);
    return -1;
  }
  return 0;
}

int kc_cmd_topics(struct kc_app *app, int argc, char **argv) {
  if (no_options("topics", argc, argv, 0)) return KC_EXIT_USAGE;
  struct kc_topic *t;
  size_t n;
  if (kc_content_topics(app->content, &t, &n) != 0) {
    say_note(app, "cannot read topics");
    return KC_EXIT_FAIL;
  }
  say_note(app, NULL);
  for (size_t i = 0; i < n; i++) printf("%s\t%s\t%d\n", t[i].id, t[i].title, t[i].n_articles);
  kc_topics_free(t, n);
  return KC_EXIT_OK;
}

int kc_cmd_list(struct kc_app *app, int argc, char **argv) {
  if (no_options("list", argc, argv, 1)) return KC_EXIT_USAGE;
  const char *topic = optind < argc ? argv[optind] : NULL;
  if (topic) {
    struct kc_topic *t;
    size_t n, found = 0;
    if (kc_content_topics(app->content, &t, &n) != 0) {
      say_note(app, "cannot read topics");
      return KC_EXIT_FAIL;
    }
    for (size_t i = 0; i < n; i++) found |= strcmp(t[i].id, topic) == 0;
    kc_topics_free(t, n);
    if (!found) {
      kc_err("list: no topic '%s' (see 'kneecare topics')", topic);
      return KC_EXIT_FAIL;
    }
  }
  struct kc_article_ref *r;
  size_t n;
  if (kc_content_list(app->content, topic, &r, &n) != 0) {
    say_note(app, "cannot read articles");
    return KC_EXIT_FAIL;
  }
  say_note(app, NULL);
  for (size_t i = 0; i < n; i++) printf("%s\t%s\t%s\n", r[i].id, r[i].topic, r[i].title);
  kc_article_refs_free(r, n);
  return KC_EXIT_OK;
}

static void print_wrapped(const char *text, int width, const char *indent) {
  size_t len = strlen(text), pos = 0, il = strlen(indent);
  int avail = width - (int)il;
  while (pos < len) {
    size_t ll, next = kc_wrap_next(text + pos, len - pos, (size_t)(avail < 1 ? 1 : avail), &ll);
    printf("%s%.*s\n", indent, (int)ll, text + pos);
    if (next == 0) break;
    pos += next;
  }
}

static void print_doc(const struct kc_mdoc *doc) {
  for (size_t i = 0; i < doc->n_lines; i++) {
    const struct kc_mline *l = &doc->lines[i];
    printf("%*s%.*s\n", l->indent, "", (int)l->text_len, doc->text + l->text_off);
  }
}

int kc_cmd_show(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {{"width", required_argument, 0, 'w'}, {0, 0, 0, 0}};
  int width = 0, c;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":w:", opts, NULL)) != -1) {
    if (c == 'w' && (width = parse_count(optarg, 1000)) > 0) continue;
    if (c == 'w')
      kc_err("show: --width must be a number from 1 to 1000");
    else
      kc_err("show: unknown option or missing value '%s'", argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (argc - optind != 1) {
    kc_err("show: needs one article id (see 'kneecare list')");
    return KC_EXIT_USAGE;
  }
  width = kc_out_width(width);
  struct kc_article a;
  int found = kc_content_article(app->content, argv[optind], &a);
  if (found <= 0) {
    if (found == 0)
      kc_err("show: no article '%s' (see 'kneecare list')", argv[optind]);
    else
      say_note(app, "show: cannot read the article");
    return KC_EXIT_FAIL;
  }
  say_note(app, NULL);
  struct kc_mdoc doc;
  if (kc_markup_render_tagged(a.body, strlen(a.body), width, kc_app_tags(app), &doc) != 0) {
    kc_err("show: out of memory");
    kc_article_free(&a);
    return KC_EXIT_FAIL;
  }
  print_wrapped(a.title, width, "");
  print_wrapped(a.summary, width, "");
  putchar('\n');
  print_doc(&doc);
  kc_mdoc_free(&doc);
  if (a.n_related) {
    printf("\nRelated:\n");
    for (size_t i = 0; i < a.n_related; i++) {
      char line[512];
      snprintf(line, sizeof line, "%s (%s)", a.related[i].title, a.related[i].id);
      print_wrapped(line, width, "  ");
    }
  }
  if (a.n_sources) {
    printf("\nSources:\n");
    for (size_t i = 0; i < a.n_sources; i++) print_wrapped(a.sources[i], width, "  ");
  }
  kc_article_free(&a);
  return KC_EXIT_OK;
}

/* 1 when id names a topic of the content; says why not otherwise. */
static int topic_known(struct kc_app *app, const char *cmd, const char *id) {
  struct kc_topic *t;
  size_t n, found = 0;
  if (kc_content_topics(app->content, &t, &n) != 0) {
    say_note(app, "cannot read topics");
    return 0;
  }
  for (size_t i = 0; i < n; i++) found |= strcmp(t[i].id, id) == 0;
  kc_topics_free(t, n);
  if (!found) kc_err("%s: no topic '%s' (see 'kneecare topics')", cmd, id);
  return (int)found;
}

int kc_cmd_search(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {
      {"limit", required_argument, 0, 'l'}, {"topic", required_argument, 0, 't'}, {0, 0, 0, 0}};
  int limit = 10, c;
  const char *topic = NULL;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":l:t:", opts, NULL)) != -1) {
    if (c == 'l' && (limit = parse_count(optarg, KC_SEARCH_MAX_HITS)) > 0) continue;
    if (c == 't') {
      topic = optarg;
      continue;
    }
    if (c == 'l')
      kc_err("search: --limit must be a number from 1 to %d", KC_SEARCH_MAX_HITS);
    else
      kc_err(
          "search: unknown option or missing value '%s' (use -- before a query starting with '-')",
          argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (optind >= argc) {
    kc_err("search: needs a query");
    return KC_EXIT_USAGE;
  }
  if (topic && !topic_known(app, "search", topic)) return KC_EXIT_FAIL;
  /* The words of the query may come as separate arguments. */
  size_t len = 0, o = 0;
  for (int i = optind; i < argc; i++) len += strlen(argv[i]) + 1;
  char *q = kc_xmalloc(len + 1);
  for (int i = optind; i < argc; i++) {
    size_t n = strlen(argv[i]);
    memcpy(q + o, argv[i], n);
    o += n;
    if (i + 1 < argc) q[o++] = ' ';
  }
  q[o] = '\0';
  struct kc_search_req req = {q, topic, limit, -1, 0};
  struct kc_search_res res;
  char err[256];
  int rc = kc_content_find(app->content, &req, &res, err, sizeof err);
  free(q);
  if (rc < 0) {
    kc_err("%s", err);
    kc_search_res_free(&res);
    return KC_EXIT_FAIL;
  }
  /* Notes are lines without a tab, before the tab-separated hits. */
  if (res.capped)
    printf("only the first %d characters and %d words of the query were searched\n",
           KC_QUERY_MAX_CHARS, KC_QUERY_MAX_GROUPS);
  if (res.showing_for) printf("showing results for: %s\n", res.showing_for);
  if (res.n == 0) printf("no matches\n");
  for (size_t i = 0; i < res.n; i++) {
    if (i == res.n_all)
      printf("%s\n", i ? "articles with some of the words:"
                       : "no article has every word; "
                         "articles with some of them:");
    printf("%s\t", res.hits[i].id);
    kc_put_marked(stdout, res.hits[i].title, 0);
    putchar('\t');
    kc_put_marked(stdout, res.hits[i].snippet, 1);
    putchar('\n');
  }
  kc_search_res_free(&res);
  return KC_EXIT_OK;
}
