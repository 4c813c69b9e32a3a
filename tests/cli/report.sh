# `kneecare report`: the one-page Markdown summary for a clinician holds the
# story from the last saved symptom check (question texts with the chosen
# labels), the warning signs answered yes in the sign table's words, the
# result and level, the danger a warning sign named before the story's
# causes, the plan's pain scores day by day with notes, and says it is a
# self-report, not a diagnosis. With nothing saved it still prints a page.
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
run "$K" wizard --answers "$SRC/tests/cases/meniscus-twist-slow-swelling.answers" --save
expect_rc 0 "save meniscus"
run "$K" plan start --checked --date 2026-02-28
expect_rc 0 "plan start --checked"
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
has "- No to all 19 warning-sign questions asked." "report: warning signs"
has "## About you" "report: about"
has "give the child's age\\.\\)** 30 to 44" "report: age"
has "- **Which knee hurts?** The right knee" "report: which knee"
has "an awkward landing or a blow to the knee?** Yes, 1 to 6 weeks ago" "report: injury"
has "- **How did the injury happen?** I twisted on a planted foot with the knee bent" "report: how it started"
has "- **What makes it worse?** Squatting; Twisting or turning on the leg" "report: what makes it worse"
has "lock or give way?** Something catches inside it" "report: other symptoms"
has "hurt or swell too?** No, only the knee" "report: other joints"
has "- **How long have you had this pain?** 3 days to 2 weeks" "report: how long"
has "- Level: **See a physio or GP soon** (soon)" "report: level"
has "- Causes the answers point to: 1. Meniscus tear \\(a cartilage pad inside the joint\\) (score" "report: top cause"
has "| 1 | 2026-02-28 | 6 | first day\\: \\*sharp\\* on stairs |" "report: day 1 pain with escaped note (the one Markdown escaper)"
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
has "- **You have a fever or feel hot, shivery or generally unwell, and the knee is swollen, hot or very painful** (Go to an emergency department now)" "report: warning sign with its level"
has "- Level: **Go to an emergency department now** (ed)" "report: emergency level"
has "- To rule out first (named by a warning sign): Possible infection in the knee joint \\(septic arthritis\\)" "report: the danger, before the story's causes"
lacks "No to all" "report: signs answered yes"

echo "report: ok"
