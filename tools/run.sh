#!/usr/bin/env bash
# Sets up (Debian/Ubuntu packages), builds and runs the console. Arguments go to automv-console
# (for example a libpq connection string); with none, the console starts the local demo (a
# private PostgreSQL with the demo schema and the embedded processor) and connects to it.
# Without a display it runs under Xvfb on :99 so the command still works on a headless machine
# (see tools/screenshot.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh run
cmake --preset release
# Only the console (and what it links): the benchmarks and the headless processor are not
# needed to run it, and building them doubled the time to the first window on a new machine.
cmake --build --preset release --target automv-console
console=build/release/app/console/automv-console
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    tools/setup-debian.sh screenshots
    export DISPLAY=:99
    if ! xdpyinfo -display :99 >/dev/null 2>&1; then
        Xvfb :99 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
        for _ in $(seq 50); do xdpyinfo -display :99 >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    echo "run.sh: no display found; the console runs under Xvfb on :99 (tools/screenshot.sh captures it)"
fi
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    XDG_RUNTIME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/automv-runtime.XXXXXX")
    export XDG_RUNTIME_DIR
fi
[ $# -gt 0 ] || set -- --demo
exec "$console" "$@"
