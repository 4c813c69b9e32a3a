# The built-in content is read from the program file (/proc/self/exe, at the
# offset its program headers give). Started through the dynamic loader,
# /proc/self/exe is the loader, whose headers differ: the image is then read
# from memory instead, with the same answers.
source "$(dirname "$0")/lib/common.bash" "$@"

LOADER=$(readelf -l "$K" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
for args in "show symptoms-by-cause" "search swelling behind the knee" "topics"; do
  # shellcheck disable=SC2086 # the words are separate arguments
  run "$K" $args
  expect_rc 0 "$args"
  direct=$OUT
  [ -n "$direct" ] || fail "$args: no output"
  if [ -x "$LOADER" ]; then
    # shellcheck disable=SC2086
    run "$LOADER" "$K" $args
    expect_rc 0 "$args through $LOADER"
    [ "$OUT" = "$direct" ] || fail "$args: through the loader the answer differs"
  fi
done
[ -x "$LOADER" ] || echo "builtin: no loader found, only the direct start checked"

echo "builtin: ok"
