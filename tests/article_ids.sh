#!/bin/sh
# Article ids named in the C sources exist: Markdown links "](id)" in
# texts the program composes, kc_reader_new(ui, "id"), and the article
# lists of core/recovery.c (the day-3 advice). The packer checks the ids
# in the content; this checks the ones in code. Run: article_ids.sh SRC_ROOT
set -eu
cd "${1:-.}"
ids=$( (grep -rhoE '\]\([a-z0-9]+(-[a-z0-9]+)+\)' src/ | sed 's/^](//; s/)$//'
  grep -rhoE 'kc_reader_new\(ui, "[a-z0-9-]+"\)' src/ | sed 's/.*"\(.*\)".*/\1/'
  sed -n '/_articles\[\] = {/,/};/p' src/core/recovery.c | grep -oE '"[a-z0-9-]+"' | tr -d '"') |
  sort -u)
bad=0
n=0
for id in $ids; do
  n=$((n + 1))
  if ! ls assets/articles/*/"$id".md >/dev/null 2>&1; then
    echo "article_ids: '$id' is named in src/ but no assets/articles/*/$id.md exists" >&2
    bad=1
  fi
done
[ "$n" -gt 5 ] || { echo "article_ids: found only $n ids in src/ (the patterns no longer match)" >&2; exit 1; }
[ $bad -eq 0 ] && echo "article_ids: $n article ids named in src/ all exist"
exit $bad
