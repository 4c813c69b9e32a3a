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

/* The option's warning sign and level, as the listing shows them. */
static void option_flag(const struct kc_wz_def *def, size_t qi, size_t j) {
  const struct kc_wz_option *o = &kc_wz_question_at(def, qi)->options[j];
  enum kc_level lv = kc_wz_option_level(def, qi, j);
  if (o->sign >= 0)
    printf("  [warning sign %s: %s]", kc_wz_sign_at(def, (size_t)o->sign)->id, kc_level_name(lv));
  else if (lv > KC_LEVEL_NONE)
    printf("  [level: %s]", kc_level_name(lv));
}

static void questions_text(const struct kc_wz_def *def, int width) {
  size_t n = kc_wz_question_count(def);
  for (size_t qi = 0; qi < n; qi++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, qi);
    printf("%s%zu. %s [%s, %s%s%s]\n", qi ? "\n" : "", qi + 1, q->id, q->section,
           q->kind == KC_WZ_MANY ? "many" : "one", q->required ? "" : ", optional",
           q->provocation ? ", a test: never after a warning sign or a recent injury" : "");
    kc_print_wrapped(stdout, q->text, width, "   ", "   ");
    for (size_t k = 0; k < q->n_picture_ascii; k++) printf("   %s\n", q->picture_ascii[k]);
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
      printf("     %-*s  %s", (int)idw, q->options[j].id, q->options[j].label);
      option_flag(def, qi, j);
      putchar('\n');
    }
  }
}

static void option_json(const struct kc_wz_def *def, size_t qi, size_t j) {
  const struct kc_wz_option *o = &kc_wz_question_at(def, qi)->options[j];
  printf("%s{\"id\":", j ? "," : "");
  kc_json_str(stdout, o->id);
  printf(",\"label\":");
  kc_json_str(stdout, o->label);
  enum kc_level lv = kc_wz_option_level(def, qi, j);
  if (o->sign >= 0) {
    printf(",\"sign\":");
    kc_json_str(stdout, kc_wz_sign_at(def, (size_t)o->sign)->id);
  }
  if (lv > KC_LEVEL_NONE) {
    printf(",\"level\":\"%s\",\"source\":", kc_level_name(lv));
    kc_json_str(stdout, o->sign >= 0 ? kc_wz_sign_at(def, (size_t)o->sign)->source
                                     : (o->source ? o->source : ""));
  }
  if (o->flags & KC_WZ_OPT_EXCLUSIVE) printf(",\"exclusive\":true");
  putchar('}');
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
    printf(",\"kind\":\"%s\",\"required\":%s,\"test\":%s,\"ask_if\":",
           q->kind == KC_WZ_MANY ? "many" : "one", q->required ? "true" : "false",
           q->provocation ? "true" : "false");
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
    for (size_t j = 0; j < q->n_options; j++) option_json(def, qi, j);
    printf("]}");
  }
  printf("]}\n");
}

/* ---- result ------------------------------------------------------------- */

static const char *why_kind(enum kc_wz_why_kind k) {
  return k == KC_WZ_WHY_SIGN     ? "sign"
         : k == KC_WZ_WHY_ANSWER ? "answer"
         : k == KC_WZ_WHY_CAUSE  ? "cause"
                                 : "rule";
}

/* "Possible broken bone: go to an emergency department now." */
static void danger_line(const struct kc_wz_def *def, const struct kc_wz_ranked *rk, char *out,
                        size_t n) {
  const struct kc_wz_sign *s = kc_wz_sign_at(def, (size_t)rk->sign);
  char level[128];
  snprintf(level, sizeof level, "%s", kc_wz_level_title(def, s->level));
  if (level[0] >= 'A' && level[0] <= 'Z') level[0] = (char)(level[0] - 'A' + 'a');
  snprintf(out, n, "%s: %s.", kc_wz_cause_at(def, rk->cause)->title, level);
}

static void text_dangers(const struct kc_wz_def *def, const struct kc_wz_result *r, int width) {
  if (!r->n_dangers) return;
  printf("\nWhat your warning signs can mean:\n");
  for (size_t i = 0; i < r->n_dangers; i++) {
    char line[1024];
    danger_line(def, &r->causes[i], line, sizeof line);
    kc_print_wrapped(stdout, line, width, "  !! ", "     ");
    snprintf(line, sizeof line, "Warning sign: %s.",
             kc_wz_sign_at(def, (size_t)r->causes[i].sign)->statement);
    kc_print_wrapped(stdout, line, width, "     ", "     ");
  }
}

static void text_actions(const struct kc_wz_result *r, int width) {
  if (!r->n_actions && r->level < KC_LEVEL_24H && r->level != KC_LEVEL_SELF_CARE) return;
  printf("\nWhat to do now:\n");
  for (size_t i = 0; i < r->n_actions; i++)
    kc_print_wrapped(stdout, r->actions[i], width, "  - ", "    ");
  if (r->level >= KC_LEVEL_24H)
    kc_print_wrapped(stdout,
                     "Do not wait to see whether it settles, and do not start home care instead "
                     "(kneecare show red-flags).",
                     width, "  - ", "    ");
  else if (r->level == KC_LEVEL_SELF_CARE)
    kc_print_wrapped(stdout,
                     "To start the 3-day recovery plan: kneecare plan start. If a warning sign "
                     "appears at any time, do not wait (kneecare show red-flags).",
                     width, "  - ", "    ");
}

static void text_why(const struct kc_wz_def *def, const struct kc_wz_result *r, int width) {
  printf("\nWhy this level:\n");
  for (size_t i = 0; i < r->n_why; i++) {
    const struct kc_wz_why *w = &r->why[i];
    char line[2048];
    if (w->kind == KC_WZ_WHY_SIGN)
      snprintf(line, sizeof line, "[%s] Warning sign: %s.%s%s%s", kc_level_name(w->level), w->text,
               w->label ? " You answered: " : "", w->label ? w->label : "", w->label ? "." : "");
    else if (w->kind == KC_WZ_WHY_ANSWER)
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
  (void)def;
}

static void text_cause(const struct kc_wz_def *def, const struct kc_wz_result *r, size_t i,
                       int width) {
  const struct kc_wz_ranked *rc = &r->causes[i];
  const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
  char line[1024], num[32];
  if (rc->sign >= 0)
    snprintf(line, sizeof line, "%s (%s), named by the warning sign", c->title, c->id);
  else
    snprintf(line, sizeof line, "%s (%s), score %d%s", c->title, c->id, rc->score,
             (int)i == r->lead ? ", most likely" : "");
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

static void result_text(struct kc_app *app, const struct kc_wz_def *def,
                        const struct kc_wz_result *r, int width) {
  kc_print_level_words(stdout, r->level, kc_wz_level_title(def, r->level),
                       kc_wz_level_action(def, r->level), width);
  if (!r->complete)
    kc_print_wrapped(stdout,
                     "The questions stopped at an answer that needs help now; the rest were not "
                     "asked.",
                     width, "", "");
  text_dangers(def, r, width);
  text_actions(r, width);
  text_why(def, r, width);
  printf(r->n_dangers ? "\nCauses, the warning signs' first, then from your story:\n"
                      : "\nLikely causes, most likely first:\n");
  if (r->lead < 0)
    kc_print_wrapped(stdout,
                     "Your answers do not point clearly to one cause. A physiotherapist or GP "
                     "can examine the knee and tell the likely causes apart.",
                     width, "  ", "  ");
  for (size_t i = 0; i < r->n_causes; i++) text_cause(def, r, i, width);
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

static void json_str_or_null(const char *s) {
  if (s)
    kc_json_str(stdout, s);
  else
    printf("null");
}

static void why_json(const struct kc_wz_def *def, const struct kc_wz_why *w) {
  printf("{\"kind\":\"%s\",\"level\":\"%s\"", why_kind(w->kind), kc_level_name(w->level));
  if (w->kind == KC_WZ_WHY_SIGN) {
    printf(",\"sign\":");
    kc_json_str(stdout, kc_wz_sign_at(def, w->sign)->id);
  }
  if ((w->kind == KC_WZ_WHY_SIGN && w->label) || w->kind == KC_WZ_WHY_ANSWER) {
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
  json_str_or_null(w->label);
  printf(",\"source\":");
  json_str_or_null(w->source);
  putchar('}');
}

static const char *kind_name(enum kc_wz_cause_kind k) {
  return k == KC_WZ_DANGER ? "danger" : k == KC_WZ_FACTOR ? "factor" : "condition";
}

static void cause_json(const struct kc_wz_def *def, const struct kc_wz_result *r, size_t i) {
  const struct kc_wz_ranked *rc = &r->causes[i];
  const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
  printf("%s{\"rank\":%zu,\"id\":", i ? "," : "", i + 1);
  kc_json_str(stdout, c->id);
  printf(",\"title\":");
  kc_json_str(stdout, c->title);
  printf(",\"kind\":\"%s\",\"sign\":", kind_name(c->kind));
  json_str_or_null(rc->sign >= 0 ? kc_wz_sign_at(def, (size_t)rc->sign)->id : NULL);
  printf(",\"most_likely\":%s,\"score\":%d,\"min_level\":\"%s\",\"action\":",
         (int)i == r->lead ? "true" : "false", rc->score, kc_level_name(c->min_level));
  kc_json_str(stdout, c->action);
  printf(",\"article\":");
  kc_json_str(stdout, c->article_id);
  printf(",\"for\":");
  reasons_json(def, rc->pro, rc->n_pro);
  printf(",\"against\":");
  reasons_json(def, rc->con, rc->n_con);
  putchar('}');
}

static void result_json(struct kc_app *app, const struct kc_wz_def *def,
                        const struct kc_wz_result *r, int64_t run_id) {
  printf("{\"level\":\"%s\",\"level_title\":", kc_level_name(r->level));
  kc_json_str(stdout, kc_wz_level_title(def, r->level));
  printf(",\"advice\":");
  kc_json_str(stdout, kc_wz_level_action(def, r->level));
  printf(",\"urgent\":%s,\"stop_now\":%s,\"complete\":%s,\"flag_level\":\"%s\",\"signs\":[",
         r->level >= KC_LEVEL_24H ? "true" : "false", r->stop_now ? "true" : "false",
         r->complete ? "true" : "false", kc_level_name(r->flag_level));
  for (size_t i = 0; i < r->n_signs; i++) {
    const struct kc_wz_sign *s = kc_wz_sign_at(def, r->signs[i].sign);
    printf("%s{\"id\":", i ? "," : "");
    kc_json_str(stdout, s->id);
    printf(",\"level\":\"%s\",\"statement\":", kc_level_name(s->level));
    kc_json_str(stdout, s->statement);
    printf(",\"cause\":");
    kc_json_str(stdout, kc_wz_cause_at(def, s->cause)->id);
    putchar('}');
  }
  printf("],\"dangers\":%zu,\"clear\":%s,\"actions\":[", r->n_dangers,
         r->lead >= 0 ? "true" : "false");
  for (size_t i = 0; i < r->n_actions; i++) {
    if (i) putchar(',');
    kc_json_str(stdout, r->actions[i]);
  }
  printf("],\"why\":[");
  for (size_t i = 0; i < r->n_why; i++) {
    if (i) putchar(',');
    why_json(def, &r->why[i]);
  }
  printf("],\"causes\":[");
  for (size_t i = 0; i < r->n_causes; i++) cause_json(def, r, i);
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
  if (kc_wz_answers_ignored(a))
    fprintf(stderr,
            "kneecare: %s: note: %zu answer%s to the knee tests ignored: they are never used "
            "after a warning sign or an injury in the last few days\n",
            shown, kc_wz_answers_ignored(a), kc_wz_answers_ignored(a) == 1 ? "" : "s");
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
