# `kneecare plan next` (what is due now, one line, for a prompt, cron or a
# systemd timer; nothing due: no output, exit 0; it never creates data or a
# profile) with --notify through a stand-in notify-send; and the pain score
# twice a day (--morning/--evening; a new score keeps the note).
source "$(dirname "$0")/lib/common.bash" "$@"
HOUR=3600

# ---- nothing due, nothing created -------------------------------------------------------
run "$K" plan next
expect_rc 0 "no data yet"
[ -z "$OUT$ERR" ] || fail "no data yet: something printed"
[ ! -e "$KNEECARE_DATA_DIR" ] || fail "plan next created the data directory"
run "$K" plan start --checked
expect_rc 0 "start"
run "$K" --user Somebody plan next
expect_rc 0 "an unknown profile: nothing due"
[ -z "$OUT$ERR" ] || fail "an unknown profile: something printed"
run "$K" profiles
[ "$(wc -l <<<"$OUT")" = 1 ] || fail "plan next made a profile"

# ---- what is due, through the day (2026-03-01 is plan day 1) -----------------------------
export KNEECARE_NOW=$((NOON - 4 * HOUR)) # 08:00
run "$K" plan next
expect_rc 0 "08:00"
has "Knee plan, day 1 of 3:" "08:00: the day"
lacks "today's safety check" "08:00: answered at the start (--checked)"
lacks "ice" "08:00: ice is optional, never a reminder"
has "morning pain score" "08:00: morning pain"
has "tasks left" "08:00: tasks"
[ "$(wc -l <<<"$OUT")" = 1 ] || fail "plan next is one line"
run "$K" plan ice
run "$K" plan pain 2 --note "woke stiff"
has ", morning" "08:00 pain is the morning one"
run "$K" plan next
lacks "ice now" "just iced: no ice for two hours"
lacks "morning pain" "morning pain given"
export KNEECARE_NOW=$((NOON + 7 * HOUR)) # 19:00
run "$K" plan next
lacks "ice now" "19:00: ice is optional, never a reminder"
has "evening pain score" "19:00: evening pain"
run "$K" plan pain 5 --evening
has ", evening" "an explicit evening score"
run "$K" plan pain 3 --morning
has "replacing 2/10 (the note is kept)" "a new morning score keeps the note"
run "$K" plan status
has "Day 1: morning 3/10 at" "status shows the morning score"
has "woke stiff; evening 5/10 at" "status shows both, the note kept"
run "$K" plan pain 3 --morning --evening
expect_rc 2 "--morning and --evening together"
run "$K" plan status --json
json_ok "status --json with both scores"
has '"slot":"evening"' "status --json: the slot"

# ---- --notify: the same line to notify-send when it is installed ---------------------------
mkdir -p "$TMP/bin"
cat >"$TMP/bin/notify-send" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$TMP/notified"
EOF
chmod +x "$TMP/bin/notify-send"
run env PATH="$TMP/bin:$PATH" "$K" plan next --notify
expect_rc 0 "--notify"
has "Knee plan, day 1 of 3" "--notify still prints"
[ -f "$TMP/notified" ] || fail "--notify did not run notify-send"
grep -qF -- "--app-name=kneecare" "$TMP/notified" || fail "--notify: the app name"
grep -qF "Knee plan, day 1 of 3" "$TMP/notified" || fail "--notify: the line"
rm -f "$TMP/notified"
run env PATH="/usr/bin:/bin" "$K" plan next --notify
expect_rc 0 "--notify without notify-send installed"
has "Knee plan" "--notify without notify-send: the line is printed"
run "$K" plan next --now
expect_rc 2 "an unknown option"

# ---- later days ---------------------------------------------------------------------------
export KNEECARE_NOW=$((NOON + DAY)) # day 2: a new day's safety check
run "$K" plan next
has "Knee plan, day 2 of 3: today's safety check" "day 2: the safety check first"
export KNEECARE_NOW=$((NOON + 3 * DAY)) # day 4
run "$K" plan next
has "day-3 check-in" "day 4: the check-in"
run "$K" plan checkin better
run "$K" plan next
has "kneecare plan end" "after the check-in: end the plan"
run "$K" plan end
run "$K" plan next
expect_rc 0 "no active plan"
[ -z "$OUT$ERR" ] || fail "no active plan: something printed"

echo "plan_next: ok"
