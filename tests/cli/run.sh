# `kneecare run ...`: the return-to-running programme from the command
# line. Without a programme: status says so, the rest exit 1. A programme
# (started in the guide; here one SQL row, as the guide's start writes it)
# then: log pain during and the next morning (the pain rule's sentence),
# status and --json, next, pause/resume (the pause costs no step), restart
# from a week, end, export as Markdown and CSV; every bad input exits 2
# with nothing written (the user database's run tables compared before and
# after), and a programme stopped by a warning sign refuses every change.
source "$(dirname "$0")/lib/common.bash" "$@"

DB="$KNEECARE_DATA_DIR/kneecare.db"
TODAY=$((NOON / DAY)) # 2026-03-01, a Sunday
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
if [ $have_sqlite = 0 ]; then
  echo "note: sqlite3 not found: the run commands cannot be tested without a programme row"
  exit 0
fi
dump() { sqlite3 "$DB" "SELECT * FROM run_programme; SELECT * FROM run_session; SELECT * FROM run_pause;"; }

# ---- no programme -------------------------------------------------------------
run "$K" run status
expect_rc 0 "status without a programme"
has "No programme" "status without a programme"
run "$K" run status --json
expect_rc 0 "status --json without a programme"
has '{"programme":null}' "status --json without a programme"
for sub in "log --during 1" pause resume end "export" "restart --week 1"; do
  run "$K" run $sub
  expect_rc 1 "run $sub without a programme"
  err_has "no return-to-running programme" "run $sub without a programme"
done
run "$K" run next
expect_rc 0 "next without a programme"
[ -z "$OUT" ] || fail "next without a programme printed '$OUT'"
run "$K" run
expect_rc 2 "run without a subcommand"
run "$K" run sprint
expect_rc 2 "unknown subcommand"

# A programme for runner's knee started today (what the guide's start writes).
sqlite3 "$DB" "INSERT INTO run_programme (profile_id, programme_id, cause_id, level_at_start,
  start_day, started_at) SELECT id, 'walk-run', 'runners-knee', 1, $TODAY, $NOON FROM profile;" ||
  fail "seeding the programme"

run "$K" run status
expect_rc 0 "status"
has "Step 1 of 6: run 1 minute, walk 2 minutes, 6 times" "status: step 1"
has "Status: active" "status: active"
clean "status"
run "$K" run next
expect_rc 0 "next"
has "Running, step 1 of 6: run today (run 1 minute, walk 2 minutes, 6 times)" "next: run today"

# ---- bad input: exit 2, nothing written ----------------------------------------
BEFORE=$(dump)
refuse() { # WHAT ARGS...
  local what=$1
  shift
  run "$K" run "$@"
  expect_rc 2 "$what"
  [ -n "$ERR" ] || fail "$what: no message"
  [ "$(dump)" = "$BEFORE" ] || fail "$what: the database changed"
}
refuse "log without a score" log
refuse "pain 11" log --during 11
refuse "pain -1" log --during -1
refuse "pain not a number" log --during two
refuse "morning 12" log --next-morning 12
refuse "pain with a decimal" log --during 2.5
refuse "session 0" log --during 1 --session 0
refuse "session not a number" log --during 1 --session x
refuse "unknown option" log --during 1 --fast
refuse "extra argument" log --during 1 now
refuse "status extra" status --csv
refuse "pause reason" pause --reason holiday
refuse "restart without a week" restart
refuse "restart week 0" restart --week 0
refuse "restart week 99" restart --week 99
refuse "export format" export --format pdf
refuse "end with an argument" end now
refuse "good score with a bad one" log --during 2 --next-morning 11
run "$K" run status
has "Runs logged: 0" "refused logs wrote nothing"

# ---- a run, the next morning, the rule's sentence -------------------------------------
run "$K" run log --during 2
expect_rc 0 "log during"
has "Run 1 logged: pain during 2/10" "log during"
run "$K" run log --during 1
expect_rc 1 "a second run the same day"
err_has "No run is due today" "a second run the same day"
run "$K" run log --next-morning 9 --session 4
expect_rc 1 "morning of a session that does not exist"
KNEECARE_NOW=$((NOON + DAY)) run "$K" run log --next-morning 1
expect_rc 0 "next morning"
has "Pain during the run was 2/10 and 1/10 the next morning" "the rule's sentence"
has "1 good run in a row" "the rule's sentence"
KNEECARE_NOW=$((NOON + DAY)) run "$K" run next
has "rest day; next run Tue 3 Mar" "next: a rest day between runs"
# two more good runs (the data: 3 in a row move up a step)
KNEECARE_NOW=$((NOON + 2 * DAY)) run "$K" run log --during 1 --next-morning 1
expect_rc 0 "run 2"
KNEECARE_NOW=$((NOON + 4 * DAY)) run "$K" run log --during 1 --next-morning 0
expect_rc 0 "run 3"
has "step 2" "run 3 moves up"
KNEECARE_NOW=$((NOON + 6 * DAY)) run "$K" run status --json
json_ok "status --json"
has '"step":2' "status --json: step 2"
has '"run_min":2' "status --json: 2 minutes"
has '"decision":"progress"' "status --json: progress"
# logging session 3 again replaces its pain during
KNEECARE_NOW=$((NOON + 6 * DAY)) run "$K" run log --during 0 --session 3
expect_rc 0 "log again"

# ---- pause, resume -------------------------------------------------------------------
export KNEECARE_NOW=$((NOON + 6 * DAY))
run "$K" run pause --reason illness
expect_rc 0 "pause"
has "Paused (illness)" "pause"
run "$K" run pause
expect_rc 1 "pause twice"
err_has "already paused" "pause twice"
run "$K" run next
has "Running paused" "next while paused"
KNEECARE_NOW=$((NOON + 20 * DAY)) run "$K" run resume
expect_rc 0 "resume two weeks later"
KNEECARE_NOW=$((NOON + 20 * DAY)) run "$K" run status --json
has '"step":2' "the pause cost no step"
has '"today":"run"' "a run is due after the pause"
KNEECARE_NOW=$((NOON + 20 * DAY)) run "$K" run resume
expect_rc 1 "resume when not paused"

# ---- export ------------------------------------------------------------------------
export KNEECARE_NOW=$((NOON + 20 * DAY))
run "$K" run export
expect_rc 0 "export markdown"
has "# Return to running" "export markdown"
has "| 1 | 2026-03-01 | 1 | run 1 minute, walk 2 minutes, 6 times | 6 | 2 | 1 | keep |" "export: run 1"
has "| 3 | 2026-03-05 | 1 |" "export: run 3"
has "progress |" "export: progress"
has "- 2026-03-07 to 2026-03-20 (illness)" "export: the pause"
run "$K" run export --format csv
expect_rc 0 "export csv"
has "kind,seq,date,step" "csv header"
has "run,1,2026-03-01,1,1,2,6,6,10,2,1,keep," "csv run 1"
has "pause,,2026-03-07,,,,,,,,,illness,until 2026-03-20" "csv pause"
n=$(grep -c '^run,' <<<"$OUT")
[ "$n" = 3 ] || fail "csv: $n runs, expected 3"

# ---- restart, end -----------------------------------------------------------------------
run "$K" run restart --week 4
expect_rc 0 "restart from week 4"
has "Restarted from week 4" "restart"
run "$K" run status --json
has '"step":4' "restart: step 4"
run "$K" run end
expect_rc 0 "end"
run "$K" run end
expect_rc 1 "end twice"
run "$K" run status
has "Status: ended" "ended by the person"
run "$K" run status --json
has '"status":"ended"' "ended by the person (JSON)"

# ---- a warning sign stops it for good ---------------------------------------------
sqlite3 "$DB" "INSERT INTO run_programme (profile_id, programme_id, cause_id, level_at_start,
  start_day, started_at, ended_at, end_reason, stop_level) SELECT id, 'walk-run', 'runners-knee',
  1, $((TODAY + 20)), $((NOON + 20 * DAY + 60)), $((NOON + 20 * DAY + 120)), 'warning-sign', 3
  FROM profile;" || fail "seeding a stopped programme"
run "$K" run status
expect_rc 0 "status after a warning sign"
has "Status: stopped" "a warning sign stops"
has "SEE A DOCTOR WITHIN 24 HOURS" "the sign's level"
run "$K" run log --during 1
expect_rc 1 "no run after a warning sign"
run "$K" run restart --week 1
expect_rc 1 "no restart after a warning sign"
err_has "warning sign" "no restart after a warning sign"
echo "ok ($TEST_NAME)"
