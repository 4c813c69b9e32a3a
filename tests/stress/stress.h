/* kc_stress: proves kneecare keeps working and loses nothing under hostile
 * input, odd terminals, kills, full disks and load. Each part (part_*.c)
 * adds rows to one result table printed at the end (stress.c). */
#ifndef KC_STRESS_H
#define KC_STRESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "kc_pty.h"

/* ---- configuration ------------------------------------------------------ */
struct stress_cfg {
  const char *kneecare;   /* the binary under test */
  const char *content_db; /* the packed content database of that build */
  const char *source_dir; /* the repository (tests/cases/...) */
  const char *fuzz_report;
  char work[256]; /* scratch directory for this run, removed at the end */
  int smoke;      /* the quick ctest variant: smaller counts */
  int verbose;
};
extern struct stress_cfg CFG;

/* ---- the result table --------------------------------------------------- */
enum { ST_OK = 0, ST_FAIL = 1, ST_NOTE = 2 };
/* One row: part, what was tried, how it was handled. */
void result(const char *part, const char *item, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* progress, stderr */
int results_failed(void);
void results_print(void);

/* ---- environment for the program under test ----------------------------- */
struct envb {
  char *v[64];
  int n;
};
/* TERM=xterm-256color, LANG=C.UTF-8, PATH, HOME=home (and the sanitizer
 * options of the caller, so an ASan build runs the same way). */
void env_init(struct envb *e, const char *home);
void env_set(struct envb *e, const char *kv); /* "KEY=VAL" replaces; "KEY" removes */
void env_free(struct envb *e);

/* ---- running commands --------------------------------------------------- */
struct proc_result {
  int status; /* exit code, 128+signal, or -1 on timeout (then killed) */
  int killed; /* 1 when our SIGKILL ended it */
  char *out, *err;
  size_t out_len, err_len;
  long maxrss_kb; /* peak resident memory of the child (getrusage) */
  double ms;
};
/* Runs argv with env, stdin from stdin_text (or /dev/null). kill_after_us >= 0
 * sends SIGKILL that long after the start if it still runs. */
int run_ex(const char *const argv[], const char *const env[], const char *stdin_text,
           int timeout_ms, long kill_after_us, struct proc_result *r);
/* kneecare ARGS... (NULL-terminated) with env; timeout 20 s. */
int kc(struct proc_result *r, struct envb *e, ...) __attribute__((sentinel));
int kcv(struct proc_result *r, struct envb *e, const char *const args[]);
void proc_free(struct proc_result *r);
/* 1 when stderr is exactly one line starting with "kneecare:". */
int one_line_message(const struct proc_result *r);
/* The first line of stderr, for the table (static buffer). */
const char *first_line(const char *s, size_t n);
int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* system(3) */

/* ---- files -------------------------------------------------------------- */
char *read_file(const char *path, size_t *len);
int write_file(const char *path, const void *data, size_t len);
int copy_file(const char *from, const char *to);
int same_bytes(const char *path, const char *data, size_t len);
/* Names in dir other than `keep`, joined by spaces ("" when none). */
const char *extra_files(const char *dir, const char *keep);
void mkdirp(const char *path, mode_t mode);
char *dir_fingerprint(const char *dir); /* names, sizes, hashes; caller frees */
const char *fingerprint_diff(const char *before, const char *after);
char *workpath(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* static ring */

/* ---- SQLite on the side (never the program's own connection) ------------ */
int db_exec(const char *path, const char *sql); /* 0 ok; prints the error */
/* integrity_check through a read-only connection: "ok" or the first error. */
const char *db_integrity(const char *path);
/* First column of the first row as an integer (or -1). */
long long db_int(const char *path, const char *sql);
/* Each row's first column joined by '\n' (caller frees). */
char *db_rows(const char *path, const char *sql);

/* ---- escape sequences --------------------------------------------------- */
/* A planted sequence: name, bytes. Content gets "ZQ<i>" seq "QZ<i>". */
struct plant {
  const char *name, *seq;
};
extern const struct plant PLANTS[];
extern const size_t NPLANTS;
char *poison_text(const char *prefix); /* caller frees */
/* NULL when clean. tty=0: plain output, no ESC/C0 (but \n \t)/C1 at all.
 * tty=1: a terminal log: ncurses' own CSI allowed; no OSC, DCS, BEL, C1 and
 * no planted sequence next to its marker. */
const char *esc_violation(const char *buf, size_t len, int tty);

/* ---- the program in a pseudo-terminal ------------------------------------ */
struct kc_pty *tui_start(struct envb *e, const char *const args[], int rows, int cols);
int tui_wait(struct kc_pty *p, const char *text, int ms); /* text then quiet */
void tui_keys(struct kc_pty *p, const char *keys);        /* send, then let it draw */
/* Closes the safety notice if it shows; 1 when the home menu is there. */
int tui_home(struct kc_pty *p);
/* Moves the selection (reverse video) to the row with label: 1 on success. */
int tui_select(struct kc_pty *p, const char *label);
/* Home -> plan checklist, answering the day's safety check "no": 1 on success. */
int tui_open_checklist(struct kc_pty *p);
char *tui_screen(struct kc_pty *p); /* caller frees */
int tui_alive(struct kc_pty *p);
long vm_hwm_kb(pid_t pid);           /* VmHWM from /proc, or -1 */
int pty_master_fd(struct kc_pty *p); /* found via /proc/self/fd */

/* The cursor keys the terminal under test sends (terminfo kcud1, kcuu1):
 * tui_select uses these; the literals below are xterm's. */
struct keyset {
  char down[16], up[16];
};
extern struct keyset KEYS;
void keys_for(const char *term); /* NULL: back to xterm's */

#define KEY_DOWN "\033OB"
#define KEY_UP "\033OA"
#define KEY_LEFT "\033OD"
#define KEY_RIGHT "\033OC"
#define KEY_ESC "\033"
#define KEY_ENTER "\r"

/* ---- the parts ---------------------------------------------------------- */
void part_content(void);
void part_userdata(void);
void part_userdata_msgs(void); /* run by part_userdata */
void part_terminals(void);
void part_kills(void);
void part_disk(void);
void part_load(void);
void part_fuzz(void);

/* Small helpers shared by the parts. */
double now_ms(void);
unsigned rnd(unsigned n);          /* 0..n-1 */
const char *today_minus(int days); /* YYYY-MM-DD (static) */

#endif
