# The case stories of tests/cases through `kneecare wizard --answers`: each
# *.answers file has a line in expected.txt ("NAME level=LEVEL top3=a,b,c");
# the level must match exactly, the first expected cause must rank first,
# and the set of the engine's top 3 must equal the expected three. The
# text output must show the same level, urgent levels with a '!!!' banner.
source "$(dirname "$0")/lib/common.bash" "$@"

CASES="$SRC/tests/cases"
EXPECTED="$CASES/expected.txt"
[ -f "$EXPECTED" ] || fail "no $EXPECTED"

checked=0
for f in "$CASES"/*.answers; do
  name=$(basename "$f" .answers)
  line=$(grep -E "^$name " "$EXPECTED") || fail "$name: no line in expected.txt"
  want_level=$(sed -n 's/.* level=\([^ ]*\).*/\1/p' <<<"$line")
  want_top3=$(sed -n 's/.* top3=\([^ ]*\).*/\1/p' <<<"$line")
  [ -n "$want_level" ] && [ -n "$want_top3" ] || fail "$name: bad expected line: $line"

  run "$K" wizard --answers "$f" --json
  expect_rc 0 "$name"
  json_ok "$name"
  clean "$name"
  # The JSON is one compact object: level first, causes as
  # {"rank":N,"id":"..."} in rank order.
  got_level=$(sed -n 's/^{"level":"\([^"]*\)".*/\1/p' <<<"$OUT")
  got_top3=$(grep -o '"rank":[0-9]*,"id":"[^"]*"' <<<"$OUT" | head -3 | sed 's/.*"id":"\([^"]*\)"/\1/' | paste -sd, -)
  [ "$got_level" = "$want_level" ] || fail "$name: level $got_level, expected $want_level"
  want_first=${want_top3%%,*}
  got_first=${got_top3%%,*}
  [ "$got_first" = "$want_first" ] || fail "$name: first cause $got_first, expected $want_first (top 3: $got_top3)"
  sorted() { tr , '\n' <<<"$1" | sort | paste -sd, -; }
  [ "$(sorted "$got_top3")" = "$(sorted "$want_top3")" ] ||
    fail "$name: top 3 {$got_top3}, expected {$want_top3}"

  run "$K" wizard --answers - <"$f"
  expect_rc 0 "$name (text, stdin)"
  clean "$name (text)"
  has "(level: $want_level)" "$name (text)"
  case $want_level in
  24h | ed | ambulance) has '!!!' "$name (text: urgent banner)" ;;
  *) lacks '!!!' "$name (text: no urgent banner)" ;;
  esac
  checked=$((checked + 1))
done

n_expected=$(grep -c -E '^[a-z0-9-]+ level=' "$EXPECTED")
[ "$checked" = "$n_expected" ] || fail "expected.txt has $n_expected cases but $checked answer files were run"
[ "$checked" -ge 12 ] || fail "only $checked case stories (need at least 12)"
echo "cases: $checked checked"
