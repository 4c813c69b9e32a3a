#!/bin/sh
# The layer map, checked: every #include in src/ and include/ points down
# (cli -> ui -> app -> store -> core; pack is a build tool over store), and
# the libraries each layer may name are the only ones it names: curses in
# ui, SQLite in store and pack, md4c in core. A header not in the map fails
# the test, so a new header is placed deliberately. Run: layers.sh SRC_ROOT
set -eu
root=${1:-.}
cd "$root"

layer_of_header() {
  case "$1" in
  article.h | day.h | exercise.h | level.h | ln.h | markup.h | mem.h | profile.h | query.h | recovery.h | \
    runplan.h | strbuf.h | text.h | wizard.h) echo core ;;
  content.h | content_front.h | plan_load.h | runplan_load.h | userdb.h | userdb_run.h | wizard_load.h) echo store ;;
  blob.h) echo blob ;;
  app.h | plan_due.h | plan_view.h | report.h | run_view.h | wizard_run.h) echo app ;;
  tui.h | viewstack.h) echo ui ;;
  *) echo unknown ;;
  esac
}

# May a file of layer $1 include something of layer $2?
allowed() {
  case "$1:$2" in
  core:core) return 0 ;;
  store:core | store:store) return 0 ;;
  app:core | app:store | app:blob | app:app) return 0 ;;
  ui:core | ui:store | ui:app | ui:ui) return 0 ;;
  cli:core | cli:store | cli:app | cli:ui | cli:cli) return 0 ;;
  pack:core | pack:store | pack:pack) return 0 ;;
  esac
  return 1
}

bad=0
edges=0
for f in $(find src include -name '*.c' -o -name '*.h' | sort); do
  case "$f" in
  src/*) from=$(echo "$f" | cut -d/ -f2) ;;
  include/kneecare/*) from=$(layer_of_header "$(basename "$f")") ;;
  *) continue ;;
  esac
  if [ "$from" = unknown ]; then
    echo "layers: $f: header not in the layer map (tests/layers.sh)"
    bad=1
    continue
  fi
  grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
    n=${line%%:*}
    inc=$(echo "$line" | sed -n 's/.*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p')
    case "$inc" in
    kneecare/*) to=$(layer_of_header "${inc#kneecare/}") ;;
    curses.h | ncurses.h | ncursesw/*) to=lib-curses ;;
    sqlite3.h) to=lib-sqlite ;;
    md4c.h) to=lib-md4c ;;
    *) continue ;;
    esac
    case "$from:$to" in
    ui:lib-curses | store:lib-sqlite | pack:lib-sqlite | core:lib-md4c) continue ;;
    *:lib-*) echo "layers: $f:$n: a $from file must not include <$inc>" ;;
    *) allowed "$from" "$to" || echo "layers: $f:$n: $from must not include $inc ($to)" ;;
    esac
  done
done >"${TMPDIR:-/tmp}/kc-layers.$$"
edges=$(grep -c . "${TMPDIR:-/tmp}/kc-layers.$$" || true)
cat "${TMPDIR:-/tmp}/kc-layers.$$"
rm -f "${TMPDIR:-/tmp}/kc-layers.$$"
if [ "$bad" -ne 0 ] || [ "$edges" -ne 0 ]; then
  echo "layers: the include graph breaks the layer map"
  exit 1
fi
echo "layers: every include points down"
