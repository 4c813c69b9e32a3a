/* `kneecare history [ID] [--json]`: the symptom checks saved for the
 * current profile (newest first), or one of them with its answers (re-read
 * against the current wizard so the question texts and option labels can
 * be shown; answers from an earlier question set are shown as saved), its
 * level and its causes as they were saved -- the dangers named by warning
 * signs first. A run of another profile is treated as unknown. Everything
 * read back from the user database is sanitised before it is printed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"

#define MAX_CAUSES 64

static int list_runs(struct kc_app *app, struct kc_userdb *udb, int json) {
  struct kc_wizard_summary *runs = NULL; /* no answers: the cost of a row stays small */
  int n = 0;
  if (kc_userdb_wizard_summaries(udb, app->profile.id, 0, &runs, &n) != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  if (json) {
    printf("{\"profile\":");
    kc_json_safe(stdout, app->profile.name);
    printf(",\"runs\":[");
  } else if (n == 0) {
    printf("no saved symptom checks for profile \"");
    kc_put_safe(stdout, app->profile.name);
    printf("\" (save one with: kneecare wizard --answers FILE --save)\n");
  }
  for (int i = 0; i < n; i++) {
    struct kc_run_cause top;
    int has_top = kc_run_causes(runs[i].top, &top, 1) == 1;
    char when[32];
    kc_cli_time(runs[i].at, when, sizeof when);
    if (json) {
      printf("%s{\"id\":%lld,\"at\":%lld,\"time\":\"%s\",\"level\":\"%s\",\"top_cause\":",
             i ? "," : "", (long long)runs[i].id, (long long)runs[i].at, when,
             kc_level_name(runs[i].level));
      if (has_top) {
        printf("{\"id\":");
        kc_json_str(stdout, top.id);
        printf(",\"score\":%d,\"title\":", top.score);
        kc_json_str(stdout, top.title);
        putchar('}');
      } else {
        printf("null");
      }
      putchar('}');
    } else {
      printf("%lld\t%s\t%s\t%s\n", (long long)runs[i].id, when, kc_level_name(runs[i].level),
             has_top ? top.title : "-");
    }
  }
  if (json) printf("]}\n");
  free(runs);
  return KC_EXIT_OK;
}

/* The saved answers re-read against the current definition; NULL (with a
 * reason) when they no longer fit it. */
static struct kc_wz_answers *reread(const struct kc_wz_def *def, const char *text, char *err,
                                    size_t errlen) {
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  if (!a) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (kc_wz_parse_answers(def, text, strlen(text), a, err, errlen) != 0) {
    kc_wz_answers_free(a);
    return NULL;
  }
  return a;
}

static void answers_text(const struct kc_wz_def *def, const struct kc_wz_answers *a, int width) {
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi)) {
    uint64_t mask = kc_wz_answers_get(a, (size_t)qi);
    if (!mask) continue;
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    kc_print_wrapped(stdout, q->text, width, "  ", "  ");
    char labels[2048] = "";
    size_t used = 0;
    for (size_t j = 0; j < q->n_options; j++) {
      if (!(mask >> j & 1)) continue;
      int w = snprintf(labels + used, sizeof labels - used, "%s%s", used ? "; " : "",
                       q->options[j].label);
      if (w < 0 || (size_t)w >= sizeof labels - used) break;
      used += (size_t)w;
    }
    kc_print_wrapped(stdout, labels, width, "    -> ", "       ");
  }
}

static void answers_json(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  int first = 1;
  putchar('[');
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi)) {
    uint64_t mask = kc_wz_answers_get(a, (size_t)qi);
    if (!mask) continue;
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    printf("%s{\"question\":", first ? "" : ",");
    first = 0;
    kc_json_str(stdout, q->id);
    printf(",\"text\":");
    kc_json_str(stdout, q->text);
    printf(",\"options\":[");
    int k = 0;
    for (size_t j = 0; j < q->n_options; j++) {
      if (!(mask >> j & 1)) continue;
      printf("%s{\"id\":", k++ ? "," : "");
      kc_json_str(stdout, q->options[j].id);
      printf(",\"label\":");
      kc_json_str(stdout, q->options[j].label);
      putchar('}');
    }
    printf("]}");
  }
  putchar(']');
}

/* One saved run and what reading it back gave. */
struct shown {
  const struct kc_wz_def *def;
  const struct kc_wizard_run *run;
  const struct kc_wz_answers *a; /* NULL: answers from an earlier question set */
  const char *why;               /* why they did not read back */
  struct kc_run_cause *causes;
  int n_causes;
  char when[32];
};

static void show_json(struct kc_app *app, const struct shown *s) {
  const struct kc_wizard_run *run = s->run;
  printf("{\"id\":%lld,\"at\":%lld,\"time\":\"%s\",\"profile\":", (long long)run->id,
         (long long)run->at, s->when);
  kc_json_safe(stdout, app->profile.name);
  printf(",\"level\":\"%s\",\"level_title\":", kc_level_name(run->level));
  kc_json_str(stdout, kc_wz_level_title(s->def, run->level));
  printf(",\"advice\":");
  kc_json_str(stdout, kc_wz_level_action(s->def, run->level));
  printf(",\"stopped_early\":%s,\"answers\":", kc_run_stopped(run->answers) ? "true" : "false");
  if (s->a) {
    answers_json(s->def, s->a);
    printf(",\"answers_note\":null");
  } else {
    printf("null,\"answers_note\":");
    kc_json_str(stdout, s->why);
  }
  printf(",\"answers_text\":");
  char *safe = kc_text_sanitize_dup(run->answers, strlen(run->answers), 1);
  kc_json_str(stdout, safe ? safe : "");
  free(safe);
  printf(",\"causes\":[");
  for (int i = 0; i < s->n_causes; i++) {
    printf("%s{\"rank\":%d,\"id\":", i ? "," : "", i + 1);
    kc_json_str(stdout, s->causes[i].id);
    printf(",\"score\":%d,\"title\":", s->causes[i].score);
    kc_json_str(stdout, s->causes[i].title);
    printf(",\"kind\":");
    if (s->causes[i].kind[0])
      kc_json_str(stdout, s->causes[i].kind);
    else
      printf("null");
    putchar('}');
  }
  printf("]}\n");
}

static void show_causes_text(const struct shown *s, int width) {
  printf("\nCauses, as saved (a warning sign's danger first):\n");
  if (s->n_causes == 0) printf("  none clearly\n");
  for (int i = 0; i < s->n_causes; i++) {
    const struct kc_run_cause *c = &s->causes[i];
    char line[700], num[16];
    if (strcmp(c->kind, KC_RUN_DANGER) == 0)
      snprintf(line, sizeof line, "%s (%s), named by a warning sign", c->title, c->id);
    else
      snprintf(line, sizeof line, "%s (%s), score %d%s", c->title, c->id, c->score,
               strcmp(c->kind, KC_RUN_LIKELY) == 0 ? ", most likely" : "");
    snprintf(num, sizeof num, "%3d. ", i + 1);
    kc_print_wrapped(stdout, line, width, num, "     ");
  }
}

static void show_text(struct kc_app *app, const struct shown *s, int width) {
  const struct kc_wizard_run *run = s->run;
  printf("Symptom check %lld, %s, profile \"", (long long)run->id, s->when);
  kc_put_safe(stdout, app->profile.name);
  printf("\"\n\n");
  kc_print_level_words(stdout, run->level, kc_wz_level_title(s->def, run->level),
                       kc_wz_level_action(s->def, run->level), width);
  if (kc_run_stopped(run->answers))
    kc_print_wrapped(stdout,
                     "The questions stopped at an answer that needs help now; the rest were "
                     "not asked.",
                     width, "", "");
  printf("\nAnswers:\n");
  if (s->a) {
    answers_text(s->def, s->a, width);
  } else {
    kc_print_wrapped(stdout,
                     "These answers do not fit this version's questions any more, "
                     "so they are shown as saved:",
                     width, "  ", "  ");
    char *safe = kc_text_sanitize_dup(run->answers, strlen(run->answers), 1);
    for (char *line = safe ? strtok(safe, "\n") : NULL; line; line = strtok(NULL, "\n"))
      printf("    %s\n", line);
    free(safe);
  }
  show_causes_text(s, width);
  printf("\nThis is general guidance from your answers, not a diagnosis.\n");
}

static int show_run(struct kc_app *app, struct kc_userdb *udb, int64_t id, int json) {
  struct kc_wizard_run run = {0};
  int rc = kc_userdb_wizard_get(udb, id, &run);
  if (rc == KC_UDB_OK && run.profile_id != app->profile.id) {
    kc_userdb_wizard_run_clear(&run);
    rc = KC_UDB_ENOTFOUND; /* another profile's runs are not shown */
  }
  if (rc == KC_UDB_ENOTFOUND) {
    kc_err("history: no symptom check %lld for profile \"%s\" (see 'kneecare history')",
           (long long)id, app->profile.name);
    return KC_EXIT_FAIL;
  }
  if (rc != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  struct shown s = {.def = kc_cli_wizard(app), .run = &run};
  if (!s.def) {
    kc_userdb_wizard_run_clear(&run);
    return KC_EXIT_FAIL;
  }
  char why[512];
  struct kc_wz_answers *a = reread(s.def, run.answers, why, sizeof why);
  s.a = a;
  s.why = why;
  s.causes = kc_xcalloc(MAX_CAUSES, sizeof *s.causes);
  s.n_causes = kc_run_causes(run.causes, s.causes, MAX_CAUSES);
  kc_cli_time(run.at, s.when, sizeof s.when);
  if (json)
    show_json(app, &s);
  else
    show_text(app, &s, kc_out_width(0));
  free(s.causes);
  kc_wz_answers_free(a);
  kc_userdb_wizard_run_clear(&run);
  return KC_EXIT_OK;
}

int kc_cmd_history(struct kc_app *app, int argc, char **argv) {
  int json;
  if (kc_parse_json_option("history", argc, argv, &json) != 0) return KC_EXIT_USAGE;
  if (argc - optind > 1) {
    kc_err("history: too many arguments (try --help)");
    return KC_EXIT_USAGE;
  }
  long long id = 0;
  if (optind < argc && !kc_parse_long(argv[optind], 1, INT64_MAX, &id)) {
    kc_err("history: '%s' is not a symptom check id (a number from 'kneecare history')",
           argv[optind]);
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  struct kc_userdb *udb = kc_cli_user(app, &code);
  if (!udb) return code;
  return id ? show_run(app, udb, (int64_t)id, json) : list_runs(app, udb, json);
}
