# `kneecare plan ...` and `kneecare profiles`: start (backdated, refused
# dates, one active plan), status (Day 2 of 3, JSON), tick/untick/ice/pain
# with late records, every bad input refused with exit 2 and nothing
# written (the export is compared before and after), future days refused,
# the day-3 check-in, end, export as Markdown and CSV, separate profiles,
# and a clock moving from 23:50 to 00:10 moving the plan to its next day.
source "$(dirname "$0")/lib/common.bash" "$@"

# Today is Sunday 2026-03-01 (12:00 UTC); yesterday 2026-02-28.
run "$K" plan status
expect_rc 1 "status with no plan"
err_has "has no active recovery plan" "status with no plan"
run "$K" plan tick compression
expect_rc 1 "tick with no plan"
run "$K" plan export
expect_rc 1 "export with no plan at all"
run "$K" plan
expect_rc 2 "plan without a subcommand"
run "$K" plan frobnicate
expect_rc 2 "unknown subcommand"

# ---- start ----------------------------------------------------------------
for d in 2026-02-30 2026-3-01 yesterday 2026-03-01x ""; do
  run "$K" plan start --checked --date "$d"
  expect_rc 2 "start --date '$d'"
done
run "$K" plan start --checked --date 2026-03-02
expect_rc 2 "start in the future"
err_has "cannot start in the future" "start in the future"
run "$K" plan start --checked --date 2026-02-20
expect_rc 2 "start more than 7 days back"
run "$K" plan status
expect_rc 1 "refused starts wrote nothing"

# From a script nobody can answer the warning signs: without --checked the
# start is refused (exit 2) and nothing is written.
run "$K" plan start --date 2026-02-28 </dev/null
expect_rc 2 "start from a script without --checked"
err_has "warning signs must be answered first" "start without --checked: why"
err_has "--checked" "start without --checked: the way out"
lacks "Level" "start without --checked: no level it has not assessed"
run "$K" plan status
expect_rc 1 "start without --checked wrote nothing"
run "$K" plan export
expect_rc 1 "start without --checked: no plan at all"
run "$K" plan start --checked --kind sprain
expect_rc 2 "start with an unknown --kind"

run "$K" plan start --checked --date 2026-02-28
expect_rc 0 "start yesterday"
has "Today is Day 2 of 3" "start yesterday"
has "no to every warning sign (--checked)" "start --checked: recorded"
has "Plan: First days after an injury (--kind injury)" "start from a script: the injury plan"
lacks "Level" "start: no level it has not assessed"
run "$K" plan start --checked
expect_rc 1 "second start while one is active"
err_has "already has an active plan" "second start"

run "$K" plan status
expect_rc 0 "status"
has "Day 2 of 3 (today is 2026-03-01)" "status: day"
has "started 2026-02-28" "status: start"
lacks "Level" "status: no level it has not assessed"
lacks "Self-care" "status: no implied clearance"
has "Safety check: no to every warning sign on 2026-03-01 (today)" "status: the --checked answers"
has "Plan: First days after an injury" "status: plan kind"
clean "status"
run "$K" plan status --json
expect_rc 0 "status --json"
json_ok "status --json"
has '"day_label":"Day 2 of 3"' "status --json"
has '"kind":"injury"' "status --json: the plan kind"
has '"assessed":false' "status --json: self-care is not an assessed level"
has '"last_safety_check":"2026-03-01"' "status --json: the --checked answers"

# ---- bad input: exit 2, nothing written ----------------------------------------
run "$K" plan export
expect_rc 0 "export (before)"
BEFORE=$OUT
run "$K" plan export --format csv
BEFORE_CSV=$OUT
long_note=$(printf 'x%.0s' $(seq 501))
refuse() { # WHAT ARGS... : exit 2, stderr says something, nothing changed
  local what=$1
  shift
  run "$K" plan "$@"
  expect_rc 2 "$what"
  [ -n "$ERR" ] || fail "$what: no message"
  clean "$what"
  run "$K" plan export
  [ "$OUT" = "$BEFORE" ] || fail "$what: the plan changed"
  run "$K" plan export --format csv
  [ "$OUT" = "$BEFORE_CSV" ] || fail "$what: the plan changed (csv)"
}
refuse "unknown task" tick nope
refuse "task of the wrong kind (ice)" tick ice
refuse "task of the wrong kind (pain)" untick pain-score
refuse "hostile task id" tick $'comp\033[2Jression'
refuse "tick without a task" tick
refuse "tick two tasks" tick compression elevation
refuse "day 0" tick compression --day 0
refuse "day 4" tick compression --day 4
refuse "day x" tick compression --day x
refuse "day -1" tick compression --day -1
refuse "future day: tick" tick compression --day 3
refuse "future day: untick" untick compression --day 3
refuse "future day: ice" ice --day 3
refuse "future day: pain" pain 3 --day 3
refuse "score 11" pain 11
refuse "score -1" pain -1
refuse "score 2.5" pain 2.5
refuse "score abc" pain abc
refuse "no score" pain
refuse "note with an escape" pain 3 --note $'ok\033[31m red'
refuse "note with a newline" pain 3 --note $'two\nlines'
refuse "note too long" pain 3 --note "$long_note"
refuse "note not UTF-8" pain 3 --note $'caf\xe9'
refuse "check-in before day 3" checkin better
refuse "check-in answer" checkin maybe
refuse "unknown option" tick compression --json
refuse "export format" export --format xml
run "$K" plan checkin better
err_has "the check-in is on day 3 (2026-03-02); today is day 2" "check-in before day 3: message"
run "$K" plan tick compression --day 3
err_has "day 3 (2026-03-02) has not come yet" "future day: message"

# ---- ticks, ice, pain -------------------------------------------------------------
run "$K" plan tick compression
expect_rc 0 "tick today"
has "day 2 (2026-03-01)" "tick: defaults to today's plan day"
run "$K" plan tick compression --day 1
expect_rc 0 "tick yesterday"
has "(recorded late)" "tick yesterday is late"
run "$K" plan tick elevation --day 1
run "$K" plan untick elevation --day 1
expect_rc 0 "untick"
has "Unticked" "untick"
run "$K" plan untick rest-move
expect_rc 0 "untick what is not ticked"
has "nothing to undo" "untick what is not ticked"

export KNEECARE_NOW=$((NOON - 3 * 3600)) # 09:00
run "$K" plan ice
expect_rc 0 "ice"
has "recorded at 09:00 for day 2" "ice: now, today"
has ": 1 that day. Ice is optional" "ice: count, never a target"
export KNEECARE_NOW=$NOON
run "$K" plan ice
has ": 2 that day" "ice: second session"
run "$K" plan ice --day 1
has "(recorded late)" "ice yesterday"
run "$K" plan pain 4 --note "stairs hurt | worse going down"
expect_rc 0 "pain"
has "Pain 4/10 recorded for day 2" "pain"
run "$K" plan pain 6 --day 1 --note "first day"
run "$K" plan pain 5 --day 1 --note "first day, on reflection"
has "replacing 6/10" "pain replaced"

run "$K" plan status
has "Day 2 of 3" "status after changes"
grep -qE '^  compression +done late +done +future' <<<"$OUT" || fail "status: compression row"
grep -qE '^  ice +1 used +2 used +future' <<<"$OUT" || fail "status: ice row"
grep -qE '^  progress +1/4 ' <<<"$OUT" || fail "status: day 1 progress without ice (1 of the 4 required)"
grep -qE '^  pain-score +5/10 late +4/10 +future' <<<"$OUT" || fail "status: pain row"
has "Day 2: 09:00, 12:00" "status: ice times"
has "Day 2: morning 4/10 at 2026-03-01 12:00: stairs hurt | worse going down" "status: pain note"
lacks "check-in" "status: no check-in before day 3"
run "$K" plan status --json
json_ok "status --json after changes"
has '"minutes":20' "status --json: ice minutes"

run "$K" plan export
expect_rc 0 "export markdown"
has "# 3-day recovery plan" "export markdown: title"
has "## Day 1: 2026-02-28 (Sat)" "export markdown: day 1"
has "| Compression bandage if the knee is swollen (compression), optional | done late | 2026-03-01 12:00 |" "export: late tick time"
has "2026-03-01 09:00, 2026-03-01 12:00" "export: ice times"
has "| 4/10 | 2026-03-01 12:00 | stairs hurt \\| worse going down |" "export: pain with escaped note"
clean "export markdown"
run "$K" plan export --format csv
expect_rc 0 "export csv"
has "day,date,kind,task,label,state,value,time,late,note" "csv header"
has '2,2026-03-01,pain,"pain-score",' "csv: pain row"
has ',done,4,2026-03-01 12:00,0,"stairs hurt | worse going down"' "csv: pain score and note"
has '1,2026-02-28,check,"compression","Compression bandage if the knee is swollen",done late,,2026-03-01 12:00,1,' "csv: late tick"
[ "$(grep -c ',ice-session,' <<<"$OUT")" = 3 ] || fail "csv: three ice sessions"
clean "export csv"

# ---- day 3: check-in; then the plan is over ------------------------------------
export KNEECARE_NOW=$((NOON + DAY))
run "$K" plan status
has "Day 3 of 3" "status on day 3"
has "kneecare plan checkin better|same|worse" "status prompts for the check-in"
run "$K" plan checkin same
expect_rc 0 "checkin same"
has "Not easing after 3 days of home care" "checkin same: advice"
has "(level: soon)" "checkin same: level"
has "not-getting-better" "checkin same: articles"
run "$K" plan status
has "Check-in: same" "status shows the check-in"
has "See a physio or GP soon (level: soon)" "status: the plan's level rose"
run "$K" plan checkin better </dev/null
expect_rc 0 "checkin better (answer replaced)"
has "return-to-running" "checkin better: articles"
has "Ready to run? Five checks" "checkin better: the readiness checks, not a start"
has "hop gently" "checkin better: the hop check"
lacks "All five pass" "checkin better from a script: nothing assumed"
run "$K" plan checkin worse </dev/null
expect_rc 0 "checkin worse"
has "SEE A DOCTOR WITHIN 24 HOURS (level: 24h)" "checkin worse: at least a same-day review"
has "kneecare show red-flags" "checkin worse: the warning signs again"
run "$K" plan status
has "(level: 24h)" "status after worse"

export KNEECARE_NOW=$((NOON + 3 * DAY))
run "$K" plan status
has "Day 5: the 3-day plan is over" "status after the plan"
run "$K" plan tick compression
expect_rc 2 "tick without --day after the plan"
err_has "the 3-day plan is over" "tick after the plan"
run "$K" plan tick elevation --day 3
expect_rc 0 "late tick of day 3 after the plan"

run "$K" plan end
expect_rc 0 "end"
has "Ended the recovery plan started 2026-02-28" "end"
run "$K" plan status
expect_rc 1 "status after end"
run "$K" plan end
expect_rc 1 "end twice"
run "$K" plan export
expect_rc 0 "export of the finished plan"
has "- Ended: 2026-03-04 12:00" "export: ended"
has "- Day-3 check-in: worse" "export: check-in"

# ---- profiles are separate ------------------------------------------------------------
# (Issue 12 changed this: an unknown --user name no longer makes a profile
# unless --create is given; it fails with a suggestion.)
run "$K" --user Bob plan status
expect_rc 1 "Bob does not exist yet"
err_has 'There is no profile called "Bob"' "an unknown --user"
err_has "Add --create" "an unknown --user: how to make it"
run "$K" --user Bob --create plan status
expect_rc 1 "Bob has no plan"
run "$K" --user bob profiles
expect_rc 0 "names are compared without case"
run "$K" --user Bob plan start --checked
expect_rc 0 "Bob starts"
has "Day 1 of 3" "Bob: day 1"
run "$K" --user Bob plan tick rest-move
run "$K" plan start --checked
expect_rc 0 "the default profile can start again (its plan ended)"
run "$K" plan status
grep -qE '^  rest-move +not done' <<<"$OUT" || fail "Bob's tick leaked into the default profile"
run "$K" --user Bob plan status
grep -qE '^  rest-move +done' <<<"$OUT" || fail "Bob's tick is missing"
run "$K" --user Bob profiles
expect_rc 0 "profiles"
grep -qE '^\* Bob ' <<<"$OUT" || fail "profiles: Bob is marked current"
[ "$(wc -l <<<"$OUT")" = 2 ] || fail "profiles: two profiles"
run "$K" profiles --json
json_ok "profiles --json"
has '"name":"Bob"' "profiles --json"
run "$K" --user "" profiles
expect_rc 2 "empty profile name"
run "$K" --user $'evil\033]0;x\a' plan status
expect_rc 2 "control characters in a profile name"
clean "control characters in a profile name"

# ---- midnight: 23:50 -> 00:10 is the next plan day -------------------------------------
export KNEECARE_NOW=$((NOON + 9 * DAY + 11 * 3600 + 50 * 60)) # 2026-03-10 23:50
run "$K" --user Night --create plan start --checked
expect_rc 0 "start at 23:50"
has "on 2026-03-10" "start at 23:50: today"
has "Day 1 of 3" "start at 23:50: day 1"
run "$K" --user Night plan tick elevation
export KNEECARE_NOW=$((KNEECARE_NOW + 20 * 60)) # 2026-03-11 00:10
run "$K" --user Night plan status
has "Day 2 of 3 (today is 2026-03-11)" "00:10 is day 2"
grep -qE '^  elevation +done +not done +future' <<<"$OUT" || fail "00:10: day 1 tick kept on day 1"
run "$K" --user Night plan tick rest-move --day 1
has "(recorded late)" "00:10: ticking day 1 is late"

# Across the spring daylight-saving change (Europe/London, 2026-03-29 has 23
# hours): 23:50 on Saturday is day 1, 00:10 on Monday is day 3, although
# fewer than 48 hours have passed.
if [ -f /usr/share/zoneinfo/Europe/London ]; then
  export TZ=Europe/London
  export KNEECARE_NOW=1774741800 # 2026-03-28 23:50 GMT
  run "$K" --user DST --create plan start --checked
  expect_rc 0 "DST: start at 23:50"
  has "on 2026-03-28" "DST: start day"
  export KNEECARE_NOW=1774825800 # 2026-03-30 00:10 BST
  run "$K" --user DST plan status
  has "Day 3 of 3 (today is 2026-03-30)" "DST: 00:10 two calendar days later is day 3"
  export TZ=UTC
else
  echo "note: no Europe/London time zone data: daylight-saving test skipped"
fi

# ---- the plan that fits the problem -------------------------------------------------------
export KNEECARE_NOW=$NOON
run "$K" --user Over --create plan start --checked --kind overuse
expect_rc 0 "start an overuse plan"
has "Plan: Easing an overuse problem (--kind overuse)" "overuse plan named"
run "$K" --user Over plan status
for t in relative-rest strength ice pain-relief pain-score; do
  grep -qE "^  $t " <<<"$OUT" || fail "overuse plan: task $t"
done
for t in compression elevation rest-move walking-aid; do
  grep -qE "^  $t " <<<"$OUT" && fail "overuse plan: no $t task"
done
run "$K" --user Over plan tick compression
expect_rc 2 "overuse plan: compression is not one of its tasks"
err_has "not a task of this plan" "overuse plan: tick of the injury plan's task"
run "$K" --user Over plan tick strength
expect_rc 0 "overuse plan: tick its loading task"

# ---- a plan row written by an older version (no kind, no origin) keeps working -------------
run "$K" --user Old --create plan start --checked --kind overuse
python3 - "$KNEECARE_DATA_DIR/kneecare.db" <<'PY' || fail "old-style plan row: could not edit"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE plan SET kind = NULL, cause_id = NULL, wizard_run_id = NULL "
           "WHERE profile_id = (SELECT id FROM profile WHERE name = 'Old')")
db.commit()
PY
run "$K" --user Old plan tick compression
expect_rc 0 "old-style plan: its RICE tasks still tick"
run "$K" --user Old plan status
expect_rc 0 "old-style plan: status"
has "Plan: First days after an injury" "old-style plan: the injury version (its RICE plan)"
grep -qE '^  compression +done ' <<<"$OUT" || fail "old-style plan: the tick shows"

# ---- a warning sign answered yes (in the guide) stops home care ------------------------------
run "$K" --user Stop --create plan start --checked
python3 - "$KNEECARE_DATA_DIR/kneecare.db" <<'PY' || fail "stopped plan: could not record the check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
pid = db.execute("SELECT plan.id FROM plan JOIN profile ON profile.id = plan.profile_id "
                 "WHERE profile.name = 'Stop'").fetchone()[0]
db.execute("INSERT INTO redflag_check (plan_id, cal_day, at, level, answers) "
           "VALUES (?, 20513, 1772366400, 5, 'breathless-chest=yes\ncalf-clot=no\n')", (pid,))
db.commit()
PY
run "$K" --user Stop plan status
expect_rc 0 "stopped plan: status"
has "CALL AN AMBULANCE NOW (level: ambulance)" "stopped plan: the sign's level"
has "This can mean: Possible blood clot in the lungs" "stopped plan: the danger named"
has "Home care has stopped" "stopped plan: said"
run "$K" --user Stop plan tick rest-move
expect_rc 1 "stopped plan: no more ticks"
err_has "home care has stopped" "stopped plan: why"
run "$K" --user Stop plan ice
expect_rc 1 "stopped plan: no ice"
run "$K" --user Stop plan next
has "home care has stopped: Call an ambulance now" "stopped plan: plan next says so, nothing else"
lacks "task" "stopped plan: plan next lists no tasks"

echo "plan: ok"
