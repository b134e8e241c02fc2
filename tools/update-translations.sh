#!/usr/bin/env bash
# Brings translations/*.ts up to date with the sources: new strings are added as unfinished,
# strings no longer in the sources are dropped. English is the source language: its file holds
# only the plural forms (-pluralonly). Then translate the unfinished entries (Qt Linguist or
# by hand); the test "translations.complete" fails while any is unfinished or obsolete.
# -I . lets lupdate read the headers, so contexts carry the namespace (automv::ui::ViewsPage),
# exactly as tr() looks them up at run time. No line numbers: the files change only when texts do.
# Usage: tools/update-translations.sh [DIR]   (default translations/; the test updates a copy)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-translations}
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate)
common=(-I . -no-obsolete -locations none -target-language)
"$lupdate" "${common[@]}" en -pluralonly ui app -ts "$dir/automv_en.ts"
"$lupdate" "${common[@]}" de ui app -ts "$dir/automv_de.ts"
"$lupdate" "${common[@]}" fr ui app -ts "$dir/automv_fr.ts"
