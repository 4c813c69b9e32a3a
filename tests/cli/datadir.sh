# Bad places for user data: a data "directory" that is a regular file, a
# path under a regular file, a data file that is a directory or a symlink,
# a database from a newer kneecare (refused and left byte-for-byte as it
# was), a damaged file (moved aside, never deleted, a fresh one started),
# a read-only data directory or file (reading works, writing says why; as
# root the commands run as nobody), links beside the file, a hard-linked
# file, a negative data version, a newer file format, and a locked database
# (needs /usr/bin/python3). Each refused command gives exit 1 with a
# one-line message and no crash, while the reading commands and the wizard
# without --save keep working.
source "$(dirname "$0")/lib/common.bash" "$@"

GOOD="$SRC/tests/cases/meniscus-twist.answers"
USER_CMDS=("plan status" "plan start --checked" "plan tick compression" "plan export" "history" "report" "profiles")

# Every user-data command fails cleanly: exit 1, one line on stderr, and
# not a crash (a signal would be 128+N).
refused() { # WHAT EXPECTED-TEXT
  local c
  for c in "${USER_CMDS[@]}"; do
    # shellcheck disable=SC2086
    run "$K" $c
    expect_rc 1 "$1: $c"
    err_has "$2" "$1: $c"
    [ "$(wc -l <<<"$ERR")" = 1 ] || fail "$1: $c: expected a one-line message"
    clean "$1: $c"
  done
  run "$K" wizard --answers "$GOOD" --save
  expect_rc 1 "$1: wizard --save"
  has "(level: 24h)" "$1: wizard --save still shows the result"
  has "Not saved" "$1: wizard --save says it was not saved"
}

# The guide without user data still works.
reading_works() { # WHAT
  run "$K" topics
  expect_rc 0 "$1: topics"
  run "$K" show red-flags --width 60
  expect_rc 0 "$1: show"
  run "$K" search ice
  expect_rc 0 "$1: search"
  run "$K" wizard --questions
  expect_rc 0 "$1: wizard --questions"
  run "$K" wizard --answers "$GOOD"
  expect_rc 0 "$1: wizard --answers without --save"
  has "(level: 24h)" "$1: wizard result"
}

# ---- the data directory is a regular file ---------------------------------------------
echo "not a directory" >"$TMP/file"
export KNEECARE_DATA_DIR="$TMP/file"
refused "data dir is a file" "is not a directory"
reading_works "data dir is a file"
[ "$(cat "$TMP/file")" = "not a directory" ] || fail "the regular file was changed"
run "$K" --data "$TMP/file/sub" plan status
expect_rc 1 "--data under a regular file"
err_has "Cannot create the data directory" "--data under a regular file"

# ---- the data file is a directory, or a symlink ------------------------------------------
export KNEECARE_DATA_DIR="$TMP/d1"
mkdir -p "$TMP/d1/kneecare.db"
refused "data file is a directory" "is a directory, not a database"
export KNEECARE_DATA_DIR="$TMP/d2"
mkdir -p "$TMP/d2"
ln -s "$TMP/elsewhere.db" "$TMP/d2/kneecare.db"
refused "data file is a symlink" "is a symbolic link"
[ ! -e "$TMP/elsewhere.db" ] || fail "the symlink was followed"

# ---- a database from a newer version: refused, untouched -----------------------------------
export KNEECARE_DATA_DIR="$TMP/d3"
mkdir -p "$TMP/d3"
{
  printf 'SQLite format 3\000'                 # 0: magic
  printf '\020\000\001\001\000\100\040\040'    # 16: page size 4096, formats, payload fractions
  printf '\000\000\000\001\000\000\000\001'    # 24: change counter 1, 1 page
  head -c 28 /dev/zero                          # 32..59
  printf '\000\000\000\143'                    # 60: user_version 99
  head -c 28 /dev/zero                          # 64..91
  printf '\000\000\000\001'                    # 92: version-valid-for = change counter
  head -c 4000 /dev/zero                        # rest of page 1
} >"$TMP/d3/kneecare.db"
chmod 600 "$TMP/d3/kneecare.db"
cp "$TMP/d3/kneecare.db" "$TMP/newer.copy"
refused "newer database" "newer version of kneecare"
cmp -s "$TMP/d3/kneecare.db" "$TMP/newer.copy" || fail "the newer database was modified"
reading_works "newer database"

# ---- a damaged file: moved aside, a fresh one started, the command goes on --------------------
export KNEECARE_DATA_DIR="$TMP/d4"
mkdir -p "$TMP/d4"
head -c 8192 /dev/urandom >"$TMP/d4/kneecare.db"
chmod 600 "$TMP/d4/kneecare.db"
cp "$TMP/d4/kneecare.db" "$TMP/damaged.copy"
run "$K" plan start --checked
expect_rc 0 "damaged file: a fresh one is started"
err_has "was moved to" "damaged file: the message says where it went"
clean "damaged file"
moved=$(ls "$TMP/d4"/kneecare.db.corrupt-* 2>/dev/null | head -1)
[ -n "$moved" ] || fail "damaged file: not moved aside"
cmp -s "$moved" "$TMP/damaged.copy" || fail "damaged file: the moved copy differs"
run "$K" plan status
expect_rc 0 "damaged file: the fresh database works"
[ -z "$ERR" ] || fail "damaged file: the warning is repeated on the next run"

# ---- read-only places: reading works, writing says why ------------------------------------
# Issue 13 (F9) changed this: a read-only data directory or file used to
# refuse every user-data command; now the commands that only read work and
# every write says why nothing can be saved. As root (which ignores
# permissions) the commands run as nobody through setpriv.
NOBODY=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
fi
if [ "$(id -u)" = 0 ] && [ ${#NOBODY[@]} = 0 ]; then
  echo "note: running as root without setpriv: read-only tests skipped"
else
  readonly_place() { # WHAT DIR WHY-TEXT
    local what=$1 dir=$2 why=$3 c
    export KNEECARE_DATA_DIR=$dir
    run "${NOBODY[@]}" "$K" plan tick compression
    expect_rc 1 "$what: tick"
    err_has "$why" "$what: tick says why"
    err_has "Nothing was saved" "$what: tick"
    [ "$(wc -l <<<"$ERR")" = 1 ] || fail "$what: tick: expected a one-line message"
    for c in "plan ice" "plan pain 3" "plan end"; do
      # shellcheck disable=SC2086
      run "${NOBODY[@]}" "$K" $c
      expect_rc 1 "$what: $c"
      err_has "$why" "$what: $c"
    done
    for c in "plan status" "plan export" "history" "report" "profiles"; do
      # shellcheck disable=SC2086
      run "${NOBODY[@]}" "$K" $c
      expect_rc 0 "$what: $c reads"
      clean "$what: $c"
    done
    run "${NOBODY[@]}" "$K" wizard --answers "$GOOD" --save
    expect_rc 1 "$what: wizard --save"
    has "Not saved" "$what: wizard --save says it was not saved"
    run "${NOBODY[@]}" "$K" topics
    expect_rc 0 "$what: topics"
  }
  mkdir -p "$TMP/ro-home"
  chmod 755 "$TMP" "$TMP/ro-home"
  for d in d5 d7; do
    export KNEECARE_DATA_DIR="$TMP/ro-home/$d"
    run "${NOBODY[@]}" "$K" plan start --checked
    [ "$RC" = 0 ] || { chown -R 65534:65534 "$TMP/ro-home" && run "${NOBODY[@]}" "$K" plan start --checked; }
    expect_rc 0 "read-only: set up $d"
  done
  [ ${#NOBODY[@]} = 0 ] || chown -R 65534:65534 "$TMP/ro-home"
  chmod 500 "$TMP/ro-home/d5"
  readonly_place "read-only data directory" "$TMP/ro-home/d5" "is read-only"
  chmod 400 "$TMP/ro-home/d7/kneecare.db"
  readonly_place "read-only data file" "$TMP/ro-home/d7" "chmod 600"
  chmod 700 "$TMP/ro-home/d5"
  export KNEECARE_DATA_DIR="$TMP/ro-home/d5"
  run "${NOBODY[@]}" "$K" plan status
  expect_rc 0 "read-only: writable again, the plan is there"
  grep -qE '^  compression +- ' <<<"$OUT" || fail "read-only: a tick was written"
  # A data directory that cannot be created.
  mkdir -p "$TMP/ro-home/ro"
  chmod 500 "$TMP/ro-home/ro"
  run "${NOBODY[@]}" "$K" --data "$TMP/ro-home/ro/data" plan status
  expect_rc 1 "read-only parent"
  err_has "Permission denied" "read-only parent"
  chmod 700 "$TMP/ro-home/ro"
fi

# ---- unusual files beside or in place of the data file (F9, I5) ------------------------------
export KNEECARE_DATA_DIR="$TMP/d8"
run "$K" plan start --checked
expect_rc 0 "links: set up"
ln -s "$TMP/elsewhere-wal" "$TMP/d8/kneecare.db-journal"
run "$K" plan status
expect_rc 1 "a symlinked -journal"
err_has "$TMP/d8/kneecare.db-journal" "a symlinked -journal is named"
err_has "symbolic link" "a symlinked -journal"
[ ! -e "$TMP/elsewhere-wal" ] || fail "the -journal symlink was followed"
rm "$TMP/d8/kneecare.db-journal"
ln "$TMP/d8/kneecare.db" "$TMP/second-name.db"
run "$K" plan status
expect_rc 1 "a hard-linked data file"
err_has "hard links" "a hard-linked data file"
rm "$TMP/second-name.db"
run "$K" plan status
expect_rc 0 "links gone: the plan is there"
# A negative data version: damaged, moved aside, the message says why.
printf '\377\377\377\377' | dd of="$TMP/d8/kneecare.db" bs=1 seek=60 conv=notrunc status=none
run "$K" plan status
err_has "data version is -1" "negative version: says why"
err_has "moved to $TMP/d8/kneecare.db.corrupt-" "negative version: names the new file"
# Header byte 18 (write version) 3: a newer SQLite format: read, not written.
export KNEECARE_DATA_DIR="$TMP/d9"
run "$K" plan start --checked
printf '\003' | dd of="$TMP/d9/kneecare.db" bs=1 seek=18 conv=notrunc status=none
run "$K" plan status
expect_rc 0 "newer file format: reading works"
run "$K" plan tick compression
expect_rc 1 "newer file format: writing refused"
err_has "newer file format" "newer file format: says why"

# ---- a locked database -----------------------------------------------------------------------------
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import sqlite3' 2>/dev/null; then
  export KNEECARE_DATA_DIR="$TMP/d6"
  run "$K" plan start --checked
  expect_rc 0 "locked: set up"
  /usr/bin/python3 - "$TMP/d6/kneecare.db" "$TMP/locked" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(12)
db.execute("ROLLBACK")
PY
  locker=$!
  for _ in $(seq 100); do [ -e "$TMP/locked" ] && break; sleep 0.1; done
  [ -e "$TMP/locked" ] || fail "locked: could not take the lock"
  run "$K" plan tick compression
  kill "$locker" 2>/dev/null
  wait "$locker" 2>/dev/null
  expect_rc 1 "locked: tick"
  err_has "locked" "locked: tick"
  clean "locked"
  run "$K" plan status
  expect_rc 0 "locked: after the lock is gone"
  grep -qE '^  compression +- ' <<<"$OUT" || fail "locked: a tick was written"
else
  echo "note: /usr/bin/python3 with sqlite3 not found: locked database test skipped"
fi

echo "datadir: ok"
