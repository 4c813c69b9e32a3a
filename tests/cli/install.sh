#!/usr/bin/env bash
# `cmake --install` puts the binary and the manual page under the prefix, and
# the installed binary runs from anywhere with no other files (the content
# database is inside it).
set -euo pipefail
bin=$1
build=$(dirname "$bin")
prefix=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$prefix" "$home"' EXIT
fail() { echo "install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install failed"
[ -x "$prefix/bin/kneecare" ] || fail "no binary at $prefix/bin/kneecare"
man="$prefix/share/man/man1/kneecare.1"
[ -f "$man" ] || fail "no manual page at $man"
for section in KEYS OPTIONS COMMANDS FILES "EXIT STATUS" ENVIRONMENT; do
  grep -q "^\.SH $section" "$man" || fail "manual page lacks the $section section"
done

# Run the installed copy from / with an empty environment and a fresh HOME:
# no source tree, no build tree.
out=$(cd / && env -i HOME="$home" PATH=/usr/bin:/bin "$prefix/bin/kneecare" topics) ||
  fail "installed binary failed"
grep -q '^causes' <<<"$out" || fail "installed binary has no content: $out"
# The red-flags body names its warning signs by tag ({sign:...}), so check the
# title and a plain word of the body that read the same before and after the
# tags are rendered.
shown=$(cd / && env -i HOME="$home" PATH=/usr/bin:/bin "$prefix/bin/kneecare" show red-flags --width 60) ||
  fail "installed binary cannot show an article"
grep -qi 'Red flags: warning signs' <<<"$shown" || fail "installed binary cannot show an article (title)"
grep -q 'Ottawa' <<<"$shown" || fail "installed binary cannot show an article (body)"
echo "install: binary, manual page and built-in content OK"
