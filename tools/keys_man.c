/* Writes the man page's KEYS section (and the README's key table) from the
 * ui keymaps: the rows the program resolves keys with, so neither can
 * describe other keys.
 *   kc_keys_man IN OUT       copies IN to OUT with the section regenerated
 *   kc_keys_man --check IN   exit 1 (and say so) when IN's section is stale
 * A file ending in .md gets the README table between the lines
 * `<!-- KEYS BEGIN ... -->` and `<!-- KEYS END -->`; any other file the man
 * section between `.\" KEYS BEGIN` and `.\" KEYS END`. The build installs
 * the regenerated page; tests run --check on both checked-in files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

static const char *begin = ".\\\" KEYS BEGIN (generated from src/ui keymaps by tools/keys_man.c)\n";
static const char *end = ".\\\" KEYS END\n";
static const char *find_begin = ".\\\" KEYS BEGIN";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  struct kc_strbuf b = {0};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) kc_strbuf_putn(&b, buf, n);
  fclose(f);
  return kc_strbuf_take(&b);
}

int main(int argc, char **argv) {
  int check = argc == 3 && strcmp(argv[1], "--check") == 0;
  if (argc != 3) {
    fprintf(stderr, "usage: kc_keys_man IN OUT | --check IN\n");
    return 2;
  }
  const char *in = check ? argv[2] : argv[1];
  size_t il = strlen(in);
  int md = il > 3 && strcmp(in + il - 3, ".md") == 0;
  if (md) {
    begin = "<!-- KEYS BEGIN (generated from src/ui keymaps by tools/keys_man.c) -->\n";
    end = "<!-- KEYS END -->\n";
    find_begin = "<!-- KEYS BEGIN";
  }
  char *page = slurp(in);
  char *b = page ? strstr(page, find_begin) : NULL;
  char *e = b ? strstr(b, end) : NULL;
  if (!e) {
    fprintf(stderr, "kc_keys_man: %s: no KEYS BEGIN/END markers\n", in);
    return 1;
  }
  struct kc_strbuf out = {0};
  kc_strbuf_putn(&out, page, (size_t)(b - page));
  kc_strbuf_put(&out, begin);
  if (md)
    kc_keys_table_md(&out);
  else
    kc_keys_roff(&out);
  kc_strbuf_put(&out, e);
  int rc = 0;
  if (check) {
    if (strcmp(page, kc_strbuf_str(&out)) != 0) {
      fprintf(stderr, "kc_keys_man: %s: the KEYS section differs from the keymaps; run "
                      "cmake --build build --target man-keys\n", in);
      rc = 1;
    }
  } else {
    FILE *f = fopen(argv[2], "wb");
    if (!f || fputs(kc_strbuf_str(&out), f) < 0 || fclose(f) != 0) rc = 1;
  }
  kc_strbuf_free(&out);
  free(page);
  return rc;
}
