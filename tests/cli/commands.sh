# The command table in src/cli/main.c is the one list of commands: the
# usage lines `kneecare --help` prints from it must be exactly the entries
# of the man page's COMMANDS section and the command lines of the README,
# in the same order, so none of the three can drift from the others.
source "$(dirname "$0")/lib/common.bash" "$@"

# Usage lines from --help: "  USAGE   summary", or "  USAGE" alone when the
# summary goes on the next (deeply indented) line.
run "$K" --help
expect_rc 0 "--help"
help=$(awk '/^Commands:/ { on = 1; next } on && /^$/ { exit }
  on && /^  [a-z]/ { sub(/^  /, ""); sub(/  +.*$/, ""); print }' <<<"$OUT")
[ -n "$help" ] || fail "--help lists no commands"

# Man page: in COMMANDS, each .TP/.TQ is followed by a .B or .BR line
# naming the usage; troff quoting and fonts are removed.
man=$(awk '/^\.SH COMMANDS/ { on = 1; next } /^\.SH / { on = 0 }
  on && (/^\.TP/ || /^\.TQ/) { want = 1; next }
  on && want && /^\.BR? / { print; want = 0 }' "$SRC/man/kneecare.1" |
  sed -e 's/^\.BR* //' -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/" "//g' -e 's/"//g' \
    -e 's/  */ /g' -e 's/ *$//')

# README: the command block lines "kneecare USAGE   # summary" (global
# options, "kneecare --...", are not commands).
readme=$(awk '/^Commands for scripts/ { on = 1 } on && /^```$/ { n++; if (n == 2) exit; next }
  on && n == 1 && /^kneecare [a-z]/ { sub(/^kneecare /, ""); sub(/ *#.*$/, ""); print }' \
  "$SRC/README.md")

compare() { # NAME TEXT
  if [ "$help" != "$2" ]; then
    diff <(echo "$help") <(echo "$2") >&2
    fail "$1 differs from the command table (kneecare --help): < help, > $1"
  fi
}
compare "man page COMMANDS" "$man"
compare "README command list" "$readme"

# Every row of the table runs: --help-like misuse gives a usage error, not
# "unknown command" (an entry that names a handler that is not wired).
while read -r name sub _; do
  case "$sub" in
  -* | "" | [A-Z]* | \[*) args=("$name" --no-such-option) ;;
  *) args=("$name" "$sub" --no-such-option) ;;
  esac
  run "$K" "${args[@]}" </dev/null
  ! grep -q "unknown command" <<<"$ERR" || fail "$name $sub: not dispatched"
  [ "$RC" -ne 0 ] || fail "$name $sub --no-such-option: exit 0"
done <<<"$help"

echo "commands: ok ($(wc -l <<<"$help") usage lines)"
