#!/usr/bin/env bash
# Every user-visible string is translated: a copy of translations/*.ts is brought up to date
# with the sources (tools/update-translations.sh, as a translator would), and then no entry may
# be unfinished (new or untranslated), obsolete or vanished (no longer in the sources), and
# lrelease must report every entry finished.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/automv-ts.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$src"/translations/*.ts "$work/"
"$src/tools/update-translations.sh" "$work" >"$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log" >&2; exit 1; }
status=0
for ts in "$work"/*.ts; do
    name=$(basename "$ts")
    for kind in unfinished obsolete vanished; do
        n=$(grep -c "type=\"$kind\"" "$ts" || true)
        if [ "$n" -gt 0 ]; then
            echo "$name: $n $kind entr$([ "$n" = 1 ] && echo y || echo ies), e.g.:" >&2
            grep -B3 "type=\"$kind\"" "$ts" | grep -m3 '<source>' >&2
            status=1
        fi
    done
    if ! cmp -s "$ts" "$src/translations/$name"; then
        echo "$name: not in step with the sources; run tools/update-translations.sh" >&2
        status=1
    fi
    lrelease=${LRELEASE:-/usr/lib/qt6/bin/lrelease}
    "$lrelease" "$ts" -qm "$work/${name%.ts}.qm" | grep -E "Generated" || true
done
[ $status = 0 ] && echo "translations: complete"
exit $status
