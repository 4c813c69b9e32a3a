#!/bin/sh
# The guide's run-time libraries, checked: no libm. SQLite's SQL math
# functions are bound to it on first call (src/store/sqlite_math.c) and
# search's one logarithm is src/core/ln.c, because loading libm maps about
# 0.5 MB, a tenth of the guide's memory. Run: deps.sh PATH_TO_KNEECARE
set -eu
needed=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "$1 needs:" $needed
case " $(echo $needed) " in
*" libm.so"*) echo "libm is loaded at start" >&2; exit 1 ;;
esac
