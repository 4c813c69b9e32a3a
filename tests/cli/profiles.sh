# Profiles and a person's data as a whole (issue 12): names compared
# without case, an unknown --user failing with a suggestion unless --create,
# `data export` (everything of a profile as JSON), `data delete` (asks on a
# terminal, needs --yes otherwise; a whole profile or one symptom check) and
# `data check`.
source "$(dirname "$0")/lib/common.bash" "$@"
GOOD="$SRC/tests/cases/meniscus-twist.answers"

count_profiles() { "$K" profiles | wc -l; }
count_profiles_in() { "$K" --data "$1" profiles | wc -l; }

# ---- --user: a typo never makes a profile ---------------------------------------------
run "$K" --user Zoe --create plan start --checked
expect_rc 0 "--create makes Zoe"
before=$(count_profiles)
run "$K" --user Zeo plan status
expect_rc 1 "an unknown --user fails"
err_has 'There is no profile called "Zeo"; did you mean "Zoe"?' "a suggestion"
err_has "Add --create" "how to make it"
[ "$(wc -l <<<"$ERR")" = 1 ] || fail "one line"
[ "$(count_profiles)" = "$before" ] || fail "a profile was made from a typo"
run "$K" --user Nobody-Like-This history
expect_rc 1 "an unknown name with nothing near"
err_has 'There is no profile called "Nobody-Like-This".' "no suggestion when nothing is near"
run "$K" --user ZOE plan status
expect_rc 0 "names are compared without case"
has "Recovery plan for \"Zoe\"" "the profile keeps the name as typed"
run "$K" --user zoe --create profiles
expect_rc 0 "--create with an existing name (another case) uses it"
[ "$(count_profiles)" = "$before" ] || fail "--create made a second Zoe"

# ---- data export ------------------------------------------------------------------------
run "$K" --user Zoe wizard --answers "$GOOD" --save
expect_rc 0 "Zoe saves a check"
run "$K" --user Zoe plan pain 4 --note 'stairs "down" \ back'
expect_rc 0 "Zoe logs pain"
run "$K" --user Zoe data export
expect_rc 0 "data export"
json_ok "data export is JSON"
has '"format": "kneecare-profile-export"' "export format"
has '"profile": "Zoe"' "export names the profile"
if [ -x /usr/bin/python3 ]; then
  cat >"$TMP/check.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
t = d["tables"]
assert [p["name"] for p in t["profile"]] == ["Zoe"], t["profile"]
assert len(t["wizard_run"]) == 1 and t["wizard_run"][0]["answers"].count("\n") > 10
assert t["pain"][0]["note"] == 'stairs "down" \\ back', t["pain"][0]
assert len(t["plan"]) == 1
for name, rows in t.items():  # only Zoe's rows
    for r in rows:
        assert r.get("profile_id", 0) in (0, t["profile"][0]["id"]), (name, r)
PY
  /usr/bin/python3 "$TMP/check.py" <<<"$OUT" || fail "data export: the content is not what was saved"
fi
run "$K" --user Zoe data export --output "$TMP/zoe.json"
expect_rc 0 "export to a file"
[ "$(stat -c %a "$TMP/zoe.json")" = 600 ] || fail "the export file is not 0600"
err_has "to $TMP/zoe.json" "says where"
run "$K" --user Zoe data export --output "$TMP/zoe.json"
expect_rc 1 "an existing file is not overwritten"
err_has "nothing is overwritten" "says why"
run "$K" data export extra
expect_rc 2 "data export takes no argument"

# ---- data delete --------------------------------------------------------------------------
run "$K" --user Zoe history
id=$(cut -f1 <<<"$OUT" | head -1)
run "$K" --user Zoe data delete --check "$id"
expect_rc 2 "not on a terminal: --yes is needed"
err_has "nothing was deleted" "says nothing was deleted"
run "$K" --user Zoe data delete --check "$id" --yes
expect_rc 0 "delete one check"
has "Deleted symptom check $id" "says which"
run "$K" --user Zoe history
has "no saved symptom checks" "the check is gone"
run "$K" --user Zoe data delete --check "$id" --yes
expect_rc 1 "a check that is not there"
run "$K" --user Zoe data delete --check abc
expect_rc 2 "--check takes a number"
run "$K" --user Zoe data delete
expect_rc 2 "not on a terminal: the profile is not deleted without --yes"
run "$K" --user Zoe plan status
expect_rc 0 "Zoe is still there"
if command -v script >/dev/null; then
  # On a terminal it asks; anything but "yes" keeps everything.
  printf 'no\n' | script -qec "'$K' --user Zoe data delete" /dev/null >"$TMP/tty.out" 2>&1
  grep -q "Type yes to delete" "$TMP/tty.out" || fail "on a terminal it does not ask"
  grep -q "nothing was deleted" "$TMP/tty.out" || fail "a 'no' deleted something"
  run "$K" --user Zoe plan status
  expect_rc 0 "Zoe kept after 'no'"
  printf 'yes\n' | script -qec "'$K' --user Zoe data delete" /dev/null >"$TMP/tty.out" 2>&1
  grep -q 'Deleted profile "Zoe"' "$TMP/tty.out" || fail "'yes' on a terminal did not delete"
else
  run "$K" --user Zoe data delete --yes
fi
run "$K" --user Zoe plan status
expect_rc 1 "Zoe is gone"
err_has 'no profile called "Zoe"' "Zoe is gone"

# ---- no --user: the profile chosen last, else the only one, else the login name's --------
# (the password database, which goes through NSS, is read only in that last case)
ONE="$TMP/one-profile"
run "$K" --data "$ONE" --user Ana --create plan start --checked
expect_rc 0 "Ana starts a plan in a data directory of her own"
run "$K" --data "$ONE" plan status
expect_rc 0 "no --user, one profile"
has 'Recovery plan for "Ana"' "the only profile is the one opened"
run "$K" --data "$ONE" --user Ben --create profiles
expect_rc 0 "a second profile"
run "$K" --data "$ONE" plan status
grep -qaF 'Recovery plan for "Ana"' <<<"$OUT$ERR" && fail "two profiles, none chosen: Ana's was opened"
[ "$(count_profiles_in "$ONE")" = 3 ] || fail "two profiles, none chosen: the login name's is made"

# ---- data check --------------------------------------------------------------------------
run "$K" data check
expect_rc 0 "data check"
has "is sound (full integrity check" "data check says so"
has "$KNEECARE_DATA_DIR/kneecare.db" "data check names the file"

echo "profiles: ok"
