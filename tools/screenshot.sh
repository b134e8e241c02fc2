#!/usr/bin/env bash
# Captures the whole X display (default :99, as tools/run.sh uses without a display) to a PNG.
# Usage: tools/screenshot.sh OUT.png [DISPLAY]
set -euo pipefail
out=${1:?usage: tools/screenshot.sh OUT.png [DISPLAY]}
display=${2:-${DISPLAY:-:99}}
xwd -root -silent -display "$display" | xwdtopnm 2>/dev/null | pnmtopng >"$out"
echo "$out"
