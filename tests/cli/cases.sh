# The case stories of tests/cases through `kneecare wizard --answers`: each
# *.answers file has a line in expected.txt ("NAME level=LEVEL first=ID
# top3=a,b,... [unclear]"): the level must match, the first cause must be
# ID ("-": none expected), each of the engine's first three causes must be
# one of the acceptable ones, and "unclear" stories must not name a most
# likely cause. The text output must show the same level, urgent levels
# with a '!!!' banner, and any warning sign's danger before the story.
source "$(dirname "$0")/lib/common.bash" "$@"

CASES="$SRC/tests/cases"
EXPECTED="$CASES/expected.txt"
[ -f "$EXPECTED" ] || fail "no $EXPECTED"

checked=0
for f in "$CASES"/*.answers; do
  name=$(basename "$f" .answers)
  line=$(grep -E "^$name " "$EXPECTED") || fail "$name: no line in expected.txt"
  want_level=$(sed -n 's/.* level=\([^ ]*\).*/\1/p' <<<"$line")
  want_first=$(sed -n 's/.* first=\([^ ]*\).*/\1/p' <<<"$line")
  ok=$(sed -n 's/.* top3=\([^ ]*\).*/\1/p' <<<"$line")
  [ -n "$want_level" ] && [ -n "$want_first" ] && [ -n "$ok" ] || fail "$name: bad expected line: $line"

  run "$K" wizard --answers "$f" --json
  expect_rc 0 "$name"
  json_ok "$name"
  clean "$name"
  # The JSON is one compact object: level first, causes as
  # {"rank":N,"id":"..."} in rank order, dangers first.
  got_level=$(sed -n 's/^{"level":"\([^"]*\)".*/\1/p' <<<"$OUT")
  got_top3=$(grep -o '"rank":[0-9]*,"id":"[^"]*"' <<<"$OUT" | head -3 | sed 's/.*"id":"\([^"]*\)"/\1/' | paste -sd, -)
  [ "$got_level" = "$want_level" ] || fail "$name: level $got_level, expected $want_level"
  got_first=${got_top3%%,*}
  [ "$want_first" = - ] || [ "$got_first" = "$want_first" ] ||
    fail "$name: first cause $got_first, expected $want_first (top 3: $got_top3)"
  if [ "$ok" != - ]; then
    for c in ${got_top3//,/ }; do
      [[ ",$ok," == *",$c,"* ]] || fail "$name: $c is in the top 3 but not acceptable ($ok)"
    done
  fi
  case $line in *' unclear'*) has '"clear":false' "$name: unclear" ;; esac
  json=$OUT

  run "$K" wizard --answers - <"$f"
  expect_rc 0 "$name (text, stdin)"
  clean "$name (text)"
  has "(level: $want_level)" "$name (text)"
  case $want_level in
  24h | ed | ambulance) has '!!!' "$name (text: urgent banner)" ;;
  *) lacks '!!!' "$name (text: no urgent banner)" ;;
  esac
  # A warning sign names its danger before any cause from the story.
  if grep -q '"dangers":[1-9]' <<<"$json"; then
    danger_line=$(grep -n 'What your warning signs can mean' <<<"$OUT" | head -1 | cut -d: -f1)
    causes_line=$(grep -n '^Causes, the warning signs' <<<"$OUT" | head -1 | cut -d: -f1)
    [ -n "$danger_line" ] && [ -n "$causes_line" ] && [ "$danger_line" -lt "$causes_line" ] ||
      fail "$name: the danger is not named before the causes"
  fi
  checked=$((checked + 1))
done

n_expected=$(grep -c -E '^[a-z0-9-]+ level=' "$EXPECTED")
[ "$checked" = "$n_expected" ] || fail "expected.txt has $n_expected cases but $checked answer files were run"
[ "$checked" -ge 40 ] || fail "only $checked case stories (need at least 40)"
for level in self-care soon 24h ed ambulance; do
  grep -q " level=$level " "$EXPECTED" || fail "no case story at level $level"
done
echo "cases: $checked checked"
