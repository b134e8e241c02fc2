#!/usr/bin/env bash
# Layered graph layout benchmark, no database needed: builds layout_bench and prints, for random
# schema-shaped graphs of 100, 250, 500 and 1000 nodes, the median time of the full layout beside
# the same run's time with crossing reduction off, and the crossings before and after reduction.
# Then the graph canvas with the same graphs: laying out and building the scene, recolouring it
# (the live update), highlighting a selection and painting it (graph_scene_bench).
# Usage: bench/layout_bench.sh [RUNS]   (default 21; builds the ci preset, or AUTOMV_BUILD_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
if [ -n "${AUTOMV_BUILD_DIR:-}" ]; then
    build=$AUTOMV_BUILD_DIR
    cmake --build "$build" --target layout_bench graph_scene_bench >&2
else
    build=build/ci
    cmake --build --preset ci --target layout_bench graph_scene_bench >&2
fi
echo "== $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
"$build/bench/layout_bench" "$runs"
QT_QPA_PLATFORM=offscreen "$build/bench/graph_scene_bench" "$(( (runs + 1) / 2 ))" 2>/dev/null
