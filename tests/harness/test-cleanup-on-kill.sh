#!/usr/bin/env bash
# Proves the harness's promise: when the process a cluster watches dies (as ctest does when a run
# is killed), the watchdog stops the server and removes its files. Polls with a deadline.
set -euo pipefail
script=$1
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-killtest.XXXXXX")
sleep 600 &
victim=$!
trap 'kill $victim 2>/dev/null || true; "$script" stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT

"$script" start "$state" --watch-pid "$victim"
# shellcheck disable=SC1090
. "$state/cluster.env"
postmaster=$(head -n 1 "$AUTOMV_PG_DATA/postmaster.pid")
psql -X -At -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c 'select 1' | grep -qx 1
echo "cluster up: postmaster $postmaster on port $PGPORT"

kill -9 "$victim"
deadline=$((SECONDS + 30))
while kill -0 "$postmaster" 2>/dev/null || [ -d "$AUTOMV_PG_TMP" ]; do
    if [ $SECONDS -ge $deadline ]; then
        echo "FAIL: server $postmaster or $AUTOMV_PG_TMP still there 30 s after the run died" >&2
        exit 1
    fi
    sleep 0.2
done
echo "ok: server stopped and files removed after the watched process was killed"
