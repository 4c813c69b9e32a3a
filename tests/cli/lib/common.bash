# Shared by tests/cli/*.sh (sourced; not a test itself: ctest only globs
# tests/cli/*.sh). Usage in a script:  source "$(dirname "$0")/lib/common.bash" "$@"
# Gives: $K (the binary), $SRC (the source tree), $TMP (removed on exit), a
# private KNEECARE_DATA_DIR, TZ=UTC and a fixed KNEECARE_NOW, and:
#   run CMD...            runs it; $OUT, $ERR, $RC hold stdout, stderr, status
#   expect_rc N WHAT      fails unless the last run exited N
#   has TEXT WHAT         fails unless $OUT contains TEXT
#   err_has TEXT WHAT     fails unless $ERR contains TEXT
#   json_ok WHAT          $OUT parses as JSON (skipped without /usr/bin/python3)
#   clean WHAT            $OUT and $ERR hold no terminal control characters
set -u
if [ $# -lt 2 ] || [ ! -x "$1" ]; then
  echo "usage: bash $0 KNEECARE-BINARY SOURCE-DIR" >&2
  exit 2
fi
K=$1
SRC=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kc-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
export KNEECARE_DATA_DIR="$TMP/data"
export TZ=UTC
export LC_ALL=C.UTF-8
# 2026-03-01 12:00:00 UTC, a Sunday.
NOON=1772366400
DAY=86400
export KNEECARE_NOW=$NOON
unset XDG_DATA_HOME KNEECARE_ICE_SECONDS
TEST_NAME=$(basename "$0" .sh)

fail() {
  echo "FAIL ($TEST_NAME): $*" >&2
  [ -n "${OUT+x}" ] && printf 'last stdout:\n%s\n' "$OUT" | head -40 >&2
  [ -n "${ERR+x}" ] && printf 'last stderr:\n%s\n' "$ERR" >&2
  exit 1
}

run() {
  OUT=$("$@" 2>"$TMP/.stderr")
  RC=$?
  ERR=$(cat "$TMP/.stderr")
}

expect_rc() {
  [ "$RC" = "$1" ] || fail "$2: exit status $RC, expected $1"
}

has() {
  grep -qaF -- "$1" <<<"$OUT" || fail "$2: stdout lacks '$1'"
}

lacks() {
  ! grep -qaF -- "$1" <<<"$OUT" || fail "$2: stdout has '$1'"
}

err_has() {
  grep -qaF -- "$1" <<<"$ERR" || fail "$2: stderr lacks '$1'"
}

json_ok() {
  if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' <<<"$OUT" >/dev/null 2>&1 ||
      fail "$1: output is not valid JSON"
  else
    [ -n "${JSON_NOTE_DONE-}" ] || echo "note: /usr/bin/python3 not found, JSON validity not checked"
    JSON_NOTE_DONE=1
  fi
}

clean() {
  # Any C0 control except tab and newline, DEL, or a C1 control (UTF-8 C2 80..9F).
  if printf '%s%s' "$OUT" "$ERR" | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]'; then
    fail "$1: output holds terminal control characters"
  fi
}
