# `kneecare report`: the one-page Markdown summary for a clinician holds the
# story from the last saved symptom check (question texts with the chosen
# labels), the warning signs answered yes, the result and level, the plan's
# pain scores day by day with notes, and says it is a self-report, not a
# diagnosis. With nothing saved it still prints a page.
source "$(dirname "$0")/lib/common.bash" "$@"

run "$K" report
expect_rc 0 "report with nothing saved"
has "# Knee pain: summary for a physio or doctor" "empty report: title"
has "not a diagnosis" "empty report: self-report line"
has "No symptom check saved yet" "empty report: no wizard run"
has "No recovery plan recorded." "empty report: no plan"
run "$K" report --bogus
expect_rc 2 "report --bogus"

# A red-flag story saved first, then the meniscus story: the last one counts.
run "$K" wizard --answers "$SRC/tests/cases/septic-knee.answers" --save
expect_rc 0 "save septic"
export KNEECARE_NOW=$((NOON + 60))
run "$K" wizard --answers "$SRC/tests/cases/meniscus-twist.answers" --save
expect_rc 0 "save meniscus"
run "$K" plan start --date 2026-02-28
expect_rc 0 "plan start"
run "$K" plan pain 6 --day 1 --note "first day: *sharp* on stairs"
expect_rc 0 "pain day 1"
run "$K" plan pain 4 --note "a little easier"
expect_rc 0 "pain day 2"

run "$K" report
expect_rc 0 "report"
clean "report"
has "self-report" "report: self-report"
has "not a diagnosis" "report: not a diagnosis"
has "From the symptom check of 2026-03-01 12:01." "report: the last run"
has "- No to all 17 warning-sign questions asked." "report: warning signs"
has "- **Did the pain start with a fall, a twist or a blow to the knee?** Yes" "report: injury"
has "- **How did the injury happen?** I twisted on a planted foot with the knee bent" "report: how it started"
has "- **What makes it worse? (choose all that apply)** Squatting or kneeling; Twisting or turning on the leg" "report: what makes it worse"
has "- **Does the knee click, catch, lock or give way? (choose all that apply)** Something catches inside it; It locks for a moment, then frees up" "report: other symptoms"
has "- **Do other joints hurt or swell too? (choose all that apply)** No, only this knee" "report: other joints"
has "- **How long have you had this pain?** 3 days to 2 weeks" "report: how long"
has "- Level: **See a doctor within 24 hours** (24h)" "report: level"
has "1. Meniscus tear (cartilage pad inside the joint) (score" "report: top cause"
has "| 1 | 2026-02-28 | 6 | first day: \\*sharp\\* on stairs |" "report: day 1 pain with escaped note"
has "| 2 | 2026-03-01 | 4 | a little easier |" "report: day 2 pain"
has "| 3 | 2026-03-02 | - |" "report: day 3 not yet"
lines=$(wc -l <<<"$OUT")
[ "$lines" -le 66 ] || fail "report: $lines lines, more than a page"

# The plan ended: the report still shows its scores. A red-flag story lists
# the warning signs answered yes.
run "$K" plan end
export KNEECARE_NOW=$((NOON + 120))
run "$K" wizard --answers "$SRC/tests/cases/septic-knee.answers" --save
run "$K" report
expect_rc 0 "report after end"
has "| 2 | 2026-03-01 | 4 | a little easier |" "report after end: scores"
has ", ended 2026-03-01 12:01" "report after end: ended"
has "** Yes (Call an ambulance now)" "report: red flag with its level"
has "- Level: **Call an ambulance now** (ambulance)" "report: emergency level"

echo "report: ok"
