# Clear, bounded, safe output (issue 13, the review's F6, F7, I1, I2, I4):
# out-of-range stored times print as "-"; the moved-aside message names the
# whole new path however long; a Markdown export shows URLs and e-mail
# addresses in notes as text (no GFM autolink); a CSV field with a formula
# behind leading spaces is neutralised; an error message never carries a
# newline from input (no forged second "kneecare:" line).
source "$(dirname "$0")/lib/common.bash" "$@"
GOOD="$SRC/tests/cases/meniscus-twist.answers"

# ---- F6: a stored time localtime cannot convert ------------------------------------------
run "$K" wizard --answers "$GOOD" --save
expect_rc 0 "save a check"
if [ -x /usr/bin/python3 ]; then
  /usr/bin/python3 - "$KNEECARE_DATA_DIR/kneecare.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE wizard_run SET at = 9223372036854775807")
c.commit()
PY
  run "$K" history
  expect_rc 0 "history with an out-of-range time"
  grep -qP '^\d+\t-\t' <<<"$OUT" || fail "F6: the time is not shown as '-': $OUT"
  run "$K" history --json
  json_ok "history --json with an out-of-range time"
fi

# ---- I1, I2: notes in exports ------------------------------------------------------------------
run "$K" plan start --checked
expect_rc 0 "plan start --checked"
run "$K" plan pain 3 --note "see https://evil.example/login and www.evil.example or me@evil.example"
expect_rc 0 "a note with links"
run "$K" plan export
expect_rc 0 "markdown export"
lacks "https://evil" "I1: a URL in a note stays text"
lacks "me@evil" "I1: an e-mail address in a note stays text"
lacks " www.evil" "I1: a www. name in a note stays text"
has 'evil\.example' "I1: the note is there, escaped"
run "$K" plan pain 4 --note "  =HYPERLINK(\"http://x\")"
expect_rc 0 "a note with a formula behind spaces"
run "$K" plan export --format csv
expect_rc 0 "csv export"
has "\"'  =HYPERLINK" "I2: a formula after leading spaces is neutralised"
run "$K" plan pain 4 --note "+1 better"
run "$K" plan export --format csv
has "\"'+1 better\"" "I2: a leading + is neutralised"

# ---- I4: no newline from input in a message ---------------------------------------------------
run "$K" --data "$TMP/nope
kneecare: Saved as symptom check 1; all data kept." --user $'bad\nname' profiles
expect_rc 2 "a bad --user name"
[ "$(wc -l <<<"$ERR")" = 1 ] || fail "I4: the message spans lines: $ERR"
run "$K" show $'no-such\nkneecare: forged line'
expect_rc 1 "unknown article with a newline"
[ "$(wc -l <<<"$ERR")" = 1 ] || fail "I4: show's message spans lines: $ERR"
clean "I4"

# ---- F7: a long data path and a damaged file: the message names the new file -------------------
long="$TMP"
for _ in 1 2 3 4 5 6; do long="$long/dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"; done
mkdir -p "$long"
head -c 8192 /dev/urandom >"$long/kneecare.db"
run "$K" --data "$long" plan start --checked
expect_rc 0 "F7: a fresh file is started"
moved=$(ls "$long"/kneecare.db.corrupt-* 2>/dev/null | head -1)
[ -n "$moved" ] || fail "F7: not moved aside"
err_has "moved to $moved and a fresh one was started; nothing was deleted." "F7: names the file"
[ "$(grep -c 'moved' <<<"$ERR")" = 1 ] || fail "F7: says it more than once"
! grep -q "Restart" <<<"$ERR" || fail "F7: contradicts itself"

echo "messages: ok"
