/* `kneecare wizard`: the symptom wizard without the screen.
 *   --questions [--json]          every question in the order asked
 *   --answers FILE|- [--json] [--save]
 *                                 score an answers file; --save keeps it in
 *                                 the profile's history
 * The answers are parsed by the engine (kc_wz_parse_answers) and stored
 * with kc_wz_run_save, exactly as the TUI does. Any error in the answers is
 * reported as "FILE: line N: ..." with exit 2, before anything is saved. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/wizard_run.h"

#define ANSWERS_MAX (1u << 20) /* bytes of an answers file */

/* ---- questions ------------------------------------------------------------ */

static void questions_text(const struct kc_wz_def *def, int width) {
  size_t n = kc_wz_question_count(def);
  for (size_t qi = 0; qi < n; qi++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, qi);
    printf("%s%zu. %s [%s, %s%s]\n", qi ? "\n" : "", qi + 1, q->id, q->section,
           q->kind == KC_WZ_MANY ? "many" : "one", q->required ? "" : ", optional");
    kc_print_wrapped(stdout, q->text, width, "   ", "   ");
    if (q->ask_if) {
      char words[1024];
      kc_wz_condition_words(def, qi, words, sizeof words);
      printf("   asked only if: %s (%s)\n", q->ask_if, words);
    } else {
      printf("   asked: always\n");
    }
    size_t idw = 0;
    for (size_t j = 0; j < q->n_options; j++)
      if (strlen(q->options[j].id) > idw) idw = strlen(q->options[j].id);
    for (size_t j = 0; j < q->n_options; j++) {
      const struct kc_wz_option *o = &q->options[j];
      enum kc_level lv = kc_wz_option_level(def, qi, j);
      printf("     %-*s  %s", (int)idw, o->id, o->label);
      if (lv > KC_LEVEL_NONE) printf("  [red flag: %s]", kc_level_name(lv));
      putchar('\n');
    }
  }
}

static void questions_json(const struct kc_wz_def *def) {
  size_t n = kc_wz_question_count(def);
  printf("{\"questions\":[");
  for (size_t qi = 0; qi < n; qi++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, qi);
    printf("%s{\"id\":", qi ? "," : "");
    kc_json_str(stdout, q->id);
    printf(",\"position\":%zu,\"section\":", qi + 1);
    kc_json_str(stdout, q->section);
    printf(",\"text\":");
    kc_json_str(stdout, q->text);
    printf(",\"kind\":\"%s\",\"required\":%s,\"ask_if\":", q->kind == KC_WZ_MANY ? "many" : "one",
           q->required ? "true" : "false");
    if (q->ask_if) {
      char words[1024];
      kc_wz_condition_words(def, qi, words, sizeof words);
      kc_json_str(stdout, q->ask_if);
      printf(",\"ask_if_words\":");
      kc_json_str(stdout, words);
    } else {
      printf("null,\"ask_if_words\":null");
    }
    printf(",\"options\":[");
    for (size_t j = 0; j < q->n_options; j++) {
      const struct kc_wz_option *o = &q->options[j];
      printf("%s{\"id\":", j ? "," : "");
      kc_json_str(stdout, o->id);
      printf(",\"label\":");
      kc_json_str(stdout, o->label);
      enum kc_level lv = kc_wz_option_level(def, qi, j);
      if (lv > KC_LEVEL_NONE) {
        printf(",\"level\":\"%s\",\"source\":", kc_level_name(lv));
        kc_json_str(stdout, o->source ? o->source : "");
      }
      putchar('}');
    }
    printf("]}");
  }
  printf("]}\n");
}

/* ---- result ------------------------------------------------------------- */

static const char *why_kind(enum kc_wz_why_kind k) {
  return k == KC_WZ_WHY_ANSWER ? "answer" : k == KC_WZ_WHY_CAUSE ? "cause" : "rule";
}

static void result_text(struct kc_app *app, const struct kc_wz_def *def,
                        const struct kc_wz_result *r, int width) {
  kc_print_level(stdout, r->level, width);
  if (r->level >= KC_LEVEL_24H)
    kc_print_wrapped(stdout,
                     "Do not wait to see whether it settles, and do not start home care "
                     "instead. See: kneecare show emergency-signs",
                     width, "", "");
  else if (r->level == KC_LEVEL_SELF_CARE)
    kc_print_wrapped(stdout,
                     "To start the 3-day recovery plan: kneecare plan start. If a warning "
                     "sign appears at any time, do not wait (kneecare show red-flags).",
                     width, "", "");

  if (r->n_why) {
    printf("\nWhy this level:\n");
    for (size_t i = 0; i < r->n_why; i++) {
      const struct kc_wz_why *w = &r->why[i];
      char line[2048];
      if (w->kind == KC_WZ_WHY_ANSWER)
        snprintf(line, sizeof line, "[%s] %s You answered: %s.", kc_level_name(w->level),
                 w->text ? w->text : "", w->label ? w->label : "");
      else if (w->kind == KC_WZ_WHY_CAUSE)
        snprintf(line, sizeof line, "[%s] Most likely cause: %s.", kc_level_name(w->level),
                 w->text ? w->text : "");
      else
        snprintf(line, sizeof line, "[%s] %s", kc_level_name(w->level), w->text ? w->text : "");
      kc_print_wrapped(stdout, line, width, "  - ", "    ");
      if (w->source && *w->source) {
        snprintf(line, sizeof line, "Source: %s", w->source);
        kc_print_wrapped(stdout, line, width, "    ", "      ");
      }
    }
  }

  printf("\nLikely causes, most likely first:\n");
  if (r->n_causes == 0)
    kc_print_wrapped(stdout,
                     "Your answers do not point clearly to one cause. That is a reason to "
                     "have the knee looked at by a physiotherapist or GP.",
                     width, "  ", "  ");
  for (size_t i = 0; i < r->n_causes; i++) {
    const struct kc_wz_ranked *rc = &r->causes[i];
    const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
    char line[1024];
    snprintf(line, sizeof line, "%s (%s), score %d", c->title, c->id, rc->score);
    char num[32];
    snprintf(num, sizeof num, "%3zu. ", i + 1);
    kc_print_wrapped(stdout, line, width, num, "     ");
    for (size_t k = 0; k < rc->n_pro; k++) {
      snprintf(line, sizeof line, "for (%+d): %s", rc->pro[k].weight, rc->pro[k].text);
      kc_print_wrapped(stdout, line, width, "     + ", "       ");
    }
    for (size_t k = 0; k < rc->n_con; k++) {
      snprintf(line, sizeof line, "against (%+d): %s", rc->con[k].weight, rc->con[k].text);
      kc_print_wrapped(stdout, line, width, "     - ", "       ");
    }
    printf("     article: %s\n", c->article_id);
  }

  if (r->n_reads) {
    printf("\nRead next (kneecare show ID):\n");
    for (size_t i = 0; i < r->n_reads; i++) {
      char *t = kc_content_title(app->content, r->reads[i]);
      char line[1024];
      snprintf(line, sizeof line, "%s  %s", r->reads[i], t ? t : "");
      kc_print_wrapped(stdout, line, width, "  ", "    ");
      free(t);
    }
  }
  printf("\nThis is general guidance from your answers, not a diagnosis.\n");
}

static void reasons_json(const struct kc_wz_def *def, const struct kc_wz_reason *v, size_t n) {
  putchar('[');
  for (size_t k = 0; k < n; k++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, v[k].question);
    printf("%s{\"question\":", k ? "," : "");
    kc_json_str(stdout, q->id);
    printf(",\"option\":");
    kc_json_str(stdout, q->options[v[k].option].id);
    printf(",\"weight\":%d,\"reason\":", v[k].weight);
    kc_json_str(stdout, v[k].text ? v[k].text : "");
    putchar('}');
  }
  putchar(']');
}

static void result_json(struct kc_app *app, const struct kc_wz_def *def,
                        const struct kc_wz_result *r, int64_t run_id) {
  printf("{\"level\":\"%s\",\"level_title\":", kc_level_name(r->level));
  kc_json_str(stdout, kc_level_title(r->level));
  printf(",\"advice\":");
  kc_json_str(stdout, kc_level_advice(r->level));
  printf(",\"urgent\":%s,\"flag_level\":\"%s\",\"why\":[",
         r->level >= KC_LEVEL_24H ? "true" : "false", kc_level_name(r->flag_level));
  for (size_t i = 0; i < r->n_why; i++) {
    const struct kc_wz_why *w = &r->why[i];
    printf("%s{\"kind\":\"%s\",\"level\":\"%s\"", i ? "," : "", why_kind(w->kind),
           kc_level_name(w->level));
    if (w->kind == KC_WZ_WHY_ANSWER) {
      const struct kc_wz_question *q = kc_wz_question_at(def, w->question);
      printf(",\"question\":");
      kc_json_str(stdout, q->id);
      printf(",\"option\":");
      kc_json_str(stdout, q->options[w->option].id);
    } else if (w->kind == KC_WZ_WHY_CAUSE) {
      printf(",\"cause\":");
      kc_json_str(stdout, kc_wz_cause_at(def, w->cause)->id);
    }
    printf(",\"text\":");
    kc_json_str(stdout, w->text ? w->text : "");
    printf(",\"label\":");
    if (w->label)
      kc_json_str(stdout, w->label);
    else
      printf("null");
    printf(",\"source\":");
    if (w->source)
      kc_json_str(stdout, w->source);
    else
      printf("null");
    putchar('}');
  }
  printf("],\"causes\":[");
  for (size_t i = 0; i < r->n_causes; i++) {
    const struct kc_wz_ranked *rc = &r->causes[i];
    const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
    printf("%s{\"rank\":%zu,\"id\":", i ? "," : "", i + 1);
    kc_json_str(stdout, c->id);
    printf(",\"title\":");
    kc_json_str(stdout, c->title);
    printf(",\"score\":%d,\"article\":", rc->score);
    kc_json_str(stdout, c->article_id);
    printf(",\"for\":");
    reasons_json(def, rc->pro, rc->n_pro);
    printf(",\"against\":");
    reasons_json(def, rc->con, rc->n_con);
    putchar('}');
  }
  printf("],\"reads\":[");
  for (size_t i = 0; i < r->n_reads; i++) {
    char *t = kc_content_title(app->content, r->reads[i]);
    printf("%s{\"id\":", i ? "," : "");
    kc_json_str(stdout, r->reads[i]);
    printf(",\"title\":");
    kc_json_str(stdout, t ? t : "");
    putchar('}');
    free(t);
  }
  printf("],\"saved_run\":");
  if (run_id > 0)
    printf("%lld", (long long)run_id);
  else
    printf("null");
  printf("}\n");
}

/* ---- the command ---------------------------------------------------------- */

static int run_answers(struct kc_app *app, const struct kc_wz_def *def, const char *path, int json,
                       int save) {
  const char *shown = strcmp(path, "-") == 0 ? "stdin" : path;
  char err[512];
  size_t len = 0;
  char *text = kc_read_input(path, ANSWERS_MAX, &len, err, sizeof err);
  if (!text) {
    kc_err("%s: %s", shown, err);
    return KC_EXIT_USAGE;
  }
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  if (!a) {
    free(text);
    kc_err("out of memory");
    return KC_EXIT_FAIL;
  }
  int prc = kc_wz_parse_answers(def, text, len, a, err, sizeof err);
  free(text);
  if (prc != 0) {
    kc_err("%s: %s", shown, err);
    kc_wz_answers_free(a);
    return KC_EXIT_USAGE;
  }
  struct kc_wz_result r;
  if (kc_wz_score(def, a, &r) != 0) {
    kc_err("out of memory while scoring");
    kc_wz_answers_free(a);
    return KC_EXIT_FAIL;
  }
  int rc = KC_EXIT_OK;
  int64_t run_id = 0;
  int save_failed = 0;
  if (save) {
    int code = KC_EXIT_FAIL;
    if (!kc_cli_user(app, &code)) {
      rc = code;
      save_failed = 1;
    } else if (kc_wz_run_save(app, def, a, &r, &run_id, err, sizeof err) != KC_UDB_OK) {
      kc_err("%s", err);
      rc = KC_EXIT_FAIL;
      save_failed = 1;
    }
  }
  /* The result is shown even when saving failed: it may be urgent. */
  int width = kc_out_width(0);
  if (json) {
    result_json(app, def, &r, run_id);
  } else {
    result_text(app, def, &r, width);
    if (run_id > 0)
      printf("\nSaved as symptom check %lld for profile \"%s\" (kneecare history %lld).\n",
             (long long)run_id, app->profile.name, (long long)run_id);
    else if (save_failed)
      printf("\nNot saved (see the message above).\n");
  }
  kc_wz_result_free(&r);
  kc_wz_answers_free(a);
  return rc;
}

int kc_cmd_wizard(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {{"questions", no_argument, 0, 'q'},
                                       {"answers", required_argument, 0, 'a'},
                                       {"json", no_argument, 0, 'j'},
                                       {"save", no_argument, 0, 's'},
                                       {0, 0, 0, 0}};
  int questions = 0, json = 0, save = 0, c;
  const char *answers = NULL;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    switch (c) {
    case 'q': questions = 1; break;
    case 'a': answers = optarg; break;
    case 'j': json = 1; break;
    case 's': save = 1; break;
    case ':': kc_err("wizard: option '%s' needs a value", argv[optind - 1]); return KC_EXIT_USAGE;
    default: kc_err("wizard: unknown option '%s'", argv[optind - 1]); return KC_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    kc_err("wizard: unexpected argument '%s'", argv[optind]);
    return KC_EXIT_USAGE;
  }
  if (questions == !!answers) {
    kc_err("wizard: give either --questions or --answers FILE (the full-screen wizard is "
           "'kneecare' with no command)");
    return KC_EXIT_USAGE;
  }
  if (questions && save) {
    kc_err("wizard: --save goes with --answers FILE");
    return KC_EXIT_USAGE;
  }
  const struct kc_wz_def *def = kc_cli_wizard(app);
  if (!def) return KC_EXIT_FAIL;
  if (questions) {
    if (json)
      questions_json(def);
    else
      questions_text(def, kc_out_width(0));
    return KC_EXIT_OK;
  }
  return run_answers(app, def, answers, json, save);
}
