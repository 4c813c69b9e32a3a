# `kneecare wizard` and `kneecare history`: the questions listing, every
# kind of bad answers file (exit 2 naming the line, nothing saved), answers
# files of the earlier question set (exit 2 naming what changed), a run
# stopped at an answer that needs help now, --save then history / history
# ID, a run saved by an earlier version still opening in history, runs kept
# per profile, JSON that parses, and no terminal control characters from
# hostile input.
source "$(dirname "$0")/lib/common.bash" "$@"

GOOD="$SRC/tests/cases/meniscus-twist.answers"
[ -f "$GOOD" ] || fail "missing $GOOD"

# ---- questions -----------------------------------------------------------
run "$K" wizard --questions
expect_rc 0 "wizard --questions"
has "1. age [about, one]" "questions: age asked first"
has "3. rf-chest [red-flags, one]" "questions: the warning signs, most urgent first"
has "[warning sign calf-clot: 24h]" "questions: a sign and its level on an option"
has "asked only if: injury=recent|unsure (injury is recent or unsure)" "questions: condition"
has "asked only if: age=under-16 (age is under-16)" "questions: the child question"
has "[story, many" "questions: a many question"
has "[story, one, a test: never after a warning sign or a recent injury]" "questions: a test"
has "|  G  | A | B   |" "questions: the location drawing, in ASCII"
clean "questions"
first_story=$(grep -n '^[0-9]*\. .*\[story' <<<"$OUT" | head -1 | cut -d: -f1)
last_flag=$(grep -n '^[0-9]*\. .*\[red-flags' <<<"$OUT" | tail -1 | cut -d: -f1)
[ "$last_flag" -lt "$first_story" ] || fail "questions: red flags are not all asked first"
run "$K" wizard --questions --json
expect_rc 0 "wizard --questions --json"
json_ok "questions --json"
has '"id":"rf-calf"' "questions --json"
has '"kind":"many"' "questions --json"
has '"sign":"calf-clot","level":"24h"' "questions --json: sign and level"
has '"exclusive":true' "questions --json: none of these"

# ---- usage ----------------------------------------------------------------
run "$K" wizard
expect_rc 2 "wizard with nothing"
run "$K" wizard --questions --answers "$GOOD"
expect_rc 2 "wizard with both"
run "$K" wizard --questions --save
expect_rc 2 "wizard --questions --save"
run "$K" wizard --bogus
expect_rc 2 "wizard --bogus"
run "$K" wizard --answers "$TMP/no-such-file"
expect_rc 2 "missing answers file"
err_has "$TMP/no-such-file: cannot open" "missing answers file"

# ---- bad answers: exit 2, the line named, nothing saved ---------------------
bad() { # NAME FILE EXPECTED-STDERR-TEXT
  run "$K" wizard --answers "$2" --save
  expect_rc 2 "$1"
  err_has "$3" "$1"
  [ -z "$OUT" ] || fail "$1: printed a result for bad answers"
  clean "$1"
  run "$K" history
  expect_rc 0 "history after $1"
  has "no saved symptom checks" "$1: --save must not save anything"
}

{ cat "$GOOD"; echo "nonsense=yes"; } >"$TMP/unknown-q.answers"
n=$(wc -l <"$TMP/unknown-q.answers")
bad "unknown question" "$TMP/unknown-q.answers" "$TMP/unknown-q.answers: line $n: unknown question 'nonsense'"

sed 's/^rf-foot-numb=no$/rf-foot-numb=maybe/' "$GOOD" >"$TMP/unknown-o.answers"
n=$(grep -n '^rf-foot-numb=' "$TMP/unknown-o.answers" | cut -d: -f1)
bad "unknown option" "$TMP/unknown-o.answers" "line $n: unknown option 'maybe' for question 'rf-foot-numb'"

sed 's/^feel=sharp$/feel sharp/' "$GOOD" >"$TMP/malformed.answers"
n=$(grep -n '^feel sharp' "$TMP/malformed.answers" | cut -d: -f1)
bad "malformed line" "$TMP/malformed.answers" "line $n: expected question=option"

grep -v '^feel=' "$GOOD" >"$TMP/missing.answers"
bad "missing required answer" "$TMP/missing.answers" "missing answer to required question 'feel'"

# onset is asked only when there was no injury (injury=no|unsure).
{ cat "$GOOD"; echo "onset=gradual"; } >"$TMP/not-asked.answers"
n=$(wc -l <"$TMP/not-asked.answers")
bad "answer to a question not asked" "$TMP/not-asked.answers" "line $n: question 'onset' is not asked"

sed 's/^rf-calf=no$/rf-calf=yes,no/' "$GOOD" >"$TMP/two.answers"
bad "two options for a one-question" "$TMP/two.answers" "takes one option"

sed 's/^mechanical=.*/mechanical=clicking,none/' "$GOOD" >"$TMP/none-and.answers"
bad "none of these with another option" "$TMP/none-and.answers" "option 'none' of question 'mechanical' cannot be combined"

# The hop test is never asked after a warning sign (here a painful click):
# an answer to it is ignored with a note, and the sign decides (refusing
# the file would hide what to do).
run "$K" wizard --answers "$GOOD" --json
want=$OUT
{ cat "$GOOD"; echo "hop=no"; } >"$TMP/hop.answers"
run "$K" wizard --answers "$TMP/hop.answers" --json
expect_rc 0 "a test after a warning sign"
err_has "1 answer to the knee tests ignored" "a test after a warning sign: the note"
[ "$OUT" = "$want" ] || fail "a test after a warning sign: the result changed"

# Answers files written for the earlier question set: exit 2, saying what
# changed, nothing saved.
run "$K" wizard --answers "$SRC/tests/cli/fixtures/v1-calf-clot.answers" --save
expect_rc 2 "v1 answers"
err_has "changed in this version" "v1 answers: what changed"
run "$K" wizard --answers "$SRC/tests/cli/fixtures/v1-meniscus-twist.answers"
expect_rc 2 "v1 meniscus answers"
err_has "line 16: unknown question 'rf-foot' (changed in this version: split into 'rf-foot-cold'" "v1: rf-foot split"
sed '/^rf-foot=/d; /^rf-night-unwell=/d; /^rf-child-limp=/d' "$SRC/tests/cli/fixtures/v1-meniscus-twist.answers" >"$TMP/v1b.answers"
run "$K" wizard --answers "$TMP/v1b.answers"
expect_rc 2 "v1 without the split questions"
err_has "unknown option 'yes' for question 'injury' (changed in this version: 'yes' now says when" "v1: injury=yes"
run "$K" history
has "no saved symptom checks" "v1 answers: nothing saved"

# Hostile bytes: an escape sequence in an id must not reach the terminal.
{ printf 'rf-calf=\033[31mred\033]0;title\a\n'; cat "$GOOD"; } >"$TMP/escape.answers"
bad "escape sequence in an option" "$TMP/escape.answers" "line 1: unknown option"

# ---- a good run: text, JSON, stdin ----------------------------------------------
run "$K" wizard --answers "$GOOD"
expect_rc 0 "good answers"
has "(level: 24h)" "good answers: level"
has "What your warning signs can mean:" "good answers: the danger first"
has "!! Meniscus tear (a cartilage pad inside the joint): see a doctor within 24" "good answers: danger line"
has "Warning sign: The knee clicks, and the click hurts." "good answers: the sign"
has "Why this level:" "good answers: why"
has "Meniscus tear" "good answers: top cause"
has "article: meniscus-tear" "good answers: article id"
has "+ for (" "good answers: reasons for"
has "Read next" "good answers: articles"
clean "good answers"
run "$K" wizard --answers - --json <"$GOOD"
expect_rc 0 "good answers from stdin as JSON"
json_ok "wizard --answers --json"
has '"level":"24h"' "JSON level"
has '"saved_run":null' "JSON: not saved"

# An emergency stands out without colour, and names its danger first.
run "$K" wizard --answers "$SRC/tests/cases/septic-knee.answers"
expect_rc 0 "septic knee"
has "!!! GO TO AN EMERGENCY DEPARTMENT NOW" "emergency banner"
has "!!!!!!!!!!!!!!!!!!!!" "emergency banner row"
has "!! Possible infection in the knee joint (septic arthritis): go to an" "septic: the danger"

# A file may stop at an answer that needs help now (as the screen offers).
STOPPED="$SRC/tests/cases/pe-after-race-flight.answers"
run "$K" wizard --answers "$STOPPED" --json
expect_rc 0 "stopped run"
json_ok "stopped run"
has '"level":"ambulance"' "stopped: level"
has '"complete":false' "stopped: not complete"
has '"rank":1,"id":"pulmonary-embolism"' "stopped: the danger first"
run "$K" wizard --answers "$STOPPED"
has "The questions stopped at an answer that needs help now" "stopped: said"

# ---- --save, history, history ID ----------------------------------------------------
run "$K" wizard --answers "$GOOD" --save
expect_rc 0 "save"
has "Saved as symptom check 1" "save: run id"
export KNEECARE_NOW=$((NOON + 3600))
run "$K" wizard --answers "$SRC/tests/cases/septic-knee.answers" --save --json
expect_rc 0 "save --json"
json_ok "save --json"
has '"saved_run":2' "save --json: run id"

run "$K" history
expect_rc 0 "history"
[ "$(wc -l <<<"$OUT")" = 2 ] || fail "history: expected 2 runs"
has $'2\t2026-03-01 13:00\ted\tPossible infection in the knee joint' "history: newest first, local time, level, the danger"
has $'1\t2026-03-01 12:00\t24h\tMeniscus tear' "history: older run with top cause"
run "$K" history --json
expect_rc 0 "history --json"
json_ok "history --json"
has '"top_cause":{"id":"meniscus-tear"' "history --json"

run "$K" history 1
expect_rc 0 "history 1"
has "Symptom check 1, 2026-03-01 12:00" "history 1: header"
has "(level: 24h)" "history 1: level"
has "How did the injury happen?" "history 1: question text"
has "-> I twisted on a planted foot with the knee bent" "history 1: chosen label"
has "1. Meniscus tear (a cartilage pad inside the joint) (meniscus-tear), named by" "history 1: the danger"
clean "history 1"
run "$K" history 2
has "!!! GO TO AN EMERGENCY DEPARTMENT NOW" "history 2: urgent banner"
run "$K" history 1 --json
expect_rc 0 "history 1 --json"
json_ok "history 1 --json"
has '"question":"mechanism"' "history 1 --json: answers"

run "$K" history 1 --json
has '"kind":"danger"' "history 1 --json: the danger marked"

# A run saved by an earlier version (old question ids, three-field causes,
# the old 4 = emergency read as 5 by user-data migration 003) still opens.
sqlite3 "$KNEECARE_DATA_DIR/kneecare.db" \
  "INSERT INTO wizard_run (profile_id, at, answers, level, causes) SELECT id, $((NOON - 3600)), 'rf-calf=yes'||char(10)||'rf-foot=no'||char(10)||'injury=no', 3, 'runners-knee'||char(9)||'18'||char(9)||'Runner''s knee (pain around the kneecap)' FROM profile LIMIT 1" ||
  fail "cannot plant an old run"
old=$(sqlite3 "$KNEECARE_DATA_DIR/kneecare.db" "SELECT max(id) FROM wizard_run")
run "$K" history "$old"
expect_rc 0 "an old run in history"
has "(level: 24h)" "old run: level as saved"
has "These answers do not fit this version's questions any more" "old run: answers as saved"
has "rf-foot=no" "old run: an old answer"
has "Runner's knee (pain around the kneecap) (runners-knee), score 18" "old run: causes as saved"
run "$K" history "$old" --json
json_ok "old run --json"
has '"kind":null' "old run: no kind"

run "$K" history 99
expect_rc 1 "history of an unknown id"
err_has "no symptom check 99" "history 99"
run "$K" history abc
expect_rc 2 "history abc"
run "$K" history 1 2
expect_rc 2 "history with two ids"

# Runs belong to their profile.
run "$K" --user "Ana María" --create history
expect_rc 0 "history of another profile"
has "no saved symptom checks" "another profile's history is empty"
run "$K" --user "Ana María" history 1
expect_rc 1 "another profile's run is not shown"

# Article tags render from the content database's sign and level tables:
# in `show` and in what search indexes and quotes (packed with kcpack).
PACK=$(dirname "$K")/kcpack
if [ -x "$PACK" ]; then
  mkdir -p "$TMP/tree" && cp -r "$SRC/assets" "$SRC/db" "$TMP/tree/"
  cat >"$TMP/tree/assets/articles/first-aid/tag-demo.md" <<'MD'
id: tag-demo
title: Tag demo
topic: first-aid
summary: Shows tags.
source: NHS, Knee pain - https://www.nhs.uk/conditions/knee-pain/ (checked 2026-01-10)
---
Zyxwv check: {sign:hot-swollen}

{action:ambulance}
MD
  "$PACK" --assets "$TMP/tree/assets" --db "$TMP/tree/db" --out "$TMP/tree.db" >/dev/null 2>&1 ||
    fail "packing a tree with a tagged article"
  run "$K" --content "$TMP/tree.db" show tag-demo
  expect_rc 0 "show a tagged article"
  has "The knee is hot and swollen" "show: a sign tag renders its statement"
  has "within 24 hours" "show: a sign tag renders its level"
  has "Call your local emergency number" "show: an action tag renders the level's action"
  lacks "{sign:" "show: no tag left"
  run "$K" --content "$TMP/tree.db" search zyxwv
  expect_rc 0 "search a tagged article"
  has "tag-demo" "search finds the tagged article"
  lacks "{sign:" "search snippet: no tag"
fi

# Safety data that does not validate fails closed: a --content file whose
# wizard names a warning sign it lacks, or that marks none for the daily
# check, is refused whole (exit 1, the reason named, nothing started).
DB=$(dirname "$K")/content.db
if command -v python3 >/dev/null && [ -f "$DB" ]; then
  python3 - "$DB" "$TMP" <<'PY'
import shutil, sqlite3, sys
db, tmp = sys.argv[1], sys.argv[2]
for name, sql in (("nosign", "DELETE FROM sign WHERE id = 'calf-clot'"),
                  ("norecheck", "UPDATE sign SET recheck = 0")):
    shutil.copy(db, f"{tmp}/{name}.db")
    c = sqlite3.connect(f"{tmp}/{name}.db")
    c.execute(sql)
    c.commit()
    c.close()
PY
  run "$K" --content "$TMP/nosign.db" wizard --answers "$GOOD"
  expect_rc 1 "content missing a warning sign"
  err_has "not usable: its warning signs do not load or validate" "a missing sign refuses the file"
  err_has "unknown sign 'calf-clot'" "the missing sign is named"
  run "$K" --content "$TMP/norecheck.db" --user failclosed plan start --checked
  expect_rc 1 "content with no daily-check signs"
  err_has "No warning sign is marked for the daily check" "no daily-check sign refuses the file"
  run "$K" --user failclosed plan status
  expect_rc 1 "no plan was started from the refused file"
else
  echo "wizard: note: python3 or content.db missing; fail-closed content cases skipped"
fi

echo "wizard: ok"
