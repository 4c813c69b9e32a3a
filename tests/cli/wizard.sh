# `kneecare wizard` and `kneecare history`: the questions listing, every
# kind of bad answers file (exit 2 naming the line, nothing saved), --save
# then history / history ID, runs kept per profile, JSON that parses, and
# no terminal control characters from hostile input.
source "$(dirname "$0")/lib/common.bash" "$@"

GOOD="$SRC/tests/cases/meniscus-twist.answers"
[ -f "$GOOD" ] || fail "missing $GOOD"

# ---- questions -----------------------------------------------------------
run "$K" wizard --questions
expect_rc 0 "wizard --questions"
has "1. rf-calf [red-flags, one]" "questions: first question, id, section, kind"
has "[red flag: 24h]" "questions: red-flag level on an option"
has "asked only if: injury=yes|unsure (injury is yes or unsure)" "questions: condition"
has "[story, many" "questions: a many question"
clean "questions"
first_story=$(grep -n '^[0-9]*\. .*\[story' <<<"$OUT" | head -1 | cut -d: -f1)
last_flag=$(grep -n '^[0-9]*\. .*\[red-flags' <<<"$OUT" | tail -1 | cut -d: -f1)
[ "$last_flag" -lt "$first_story" ] || fail "questions: red flags are not all asked first"
run "$K" wizard --questions --json
expect_rc 0 "wizard --questions --json"
json_ok "questions --json"
has '"id":"rf-calf"' "questions --json"
has '"kind":"many"' "questions --json"
has '"level":"24h"' "questions --json: red-flag level"

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

sed 's/^rf-foot=no$/rf-foot=maybe/' "$GOOD" >"$TMP/unknown-o.answers"
n=$(grep -n '^rf-foot=' "$TMP/unknown-o.answers" | cut -d: -f1)
bad "unknown option" "$TMP/unknown-o.answers" "line $n: unknown option 'maybe' for question 'rf-foot'"

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

# Hostile bytes: an escape sequence in an id must not reach the terminal.
{ printf 'rf-calf=\033[31mred\033]0;title\a\n'; cat "$GOOD"; } >"$TMP/escape.answers"
bad "escape sequence in an option" "$TMP/escape.answers" "line 1: unknown option"

# ---- a good run: text, JSON, stdin ----------------------------------------------
run "$K" wizard --answers "$GOOD"
expect_rc 0 "good answers"
has "(level: 24h)" "good answers: level"
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

# An emergency stands out without colour.
run "$K" wizard --answers "$SRC/tests/cases/septic-knee.answers"
expect_rc 0 "septic knee"
has "!!! CALL AN AMBULANCE NOW" "emergency banner"
has "!!!!!!!!!!!!!!!!!!!!" "emergency banner row"

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
has $'2\t2026-03-01 13:00\tambulance\t' "history: newest first, local time, level"
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
has "Meniscus tear (cartilage pad inside the joint) (meniscus-tear), score" "history 1: causes"
clean "history 1"
run "$K" history 2
has "!!! CALL AN AMBULANCE NOW" "history 2: urgent banner"
run "$K" history 1 --json
expect_rc 0 "history 1 --json"
json_ok "history 1 --json"
has '"question":"mechanism"' "history 1 --json: answers"

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

echo "wizard: ok"
