#!/usr/bin/env bash
# graphile-worker beside pg_relay and PgQ (called by bench/peers_bench.sh, on its server, with
# PG* set): drain EVENTS jobs (task: one INSERT into public.sink) with concurrency 1 and 4, and
# pgbench CLIENTS x SECONDS of graphile_worker.add_job(). graphile-worker 0.16 comes from npm,
# installed once into a cache outside the repository ($AUTOMV_NPM_CACHE, default
# /var/cache/automv/npm, as tools/pg-matrix.sh keeps its servers); skipped when npm or node is missing.
# Usage (from peers_bench.sh): bench/peers_graphile.sh EVENTS SECONDS CLIENTS
set -euo pipefail
events=$1 secs=$2 clients=$3
command -v npm >/dev/null && command -v node >/dev/null || { echo "graphile-worker: skipped (no npm/node)"; exit 0; }
dir=${AUTOMV_NPM_CACHE:-/var/cache/automv/npm}/graphile-worker
if [ ! -f "$dir/node_modules/graphile-worker/package.json" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm install --silent --no-audit --no-fund graphile-worker@0.16 >/dev/null) ||
        { echo "graphile-worker: skipped (npm install failed)"; exit 0; }
fi
conn="postgres:///${PGDATABASE}?host=${PGHOST}&port=${PGPORT}&user=${PGUSER}"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
"$dir/node_modules/.bin/graphile-worker" -c "$conn" --schema-only >/dev/null 2>&1
fill() { q -c "truncate public.sink" \
           -c "select count(graphile_worker.add_job('sink', json_build_object('i', g))) from generate_series(1, $events) g" >/dev/null
         q -c "checkpoint"; }
for concurrency in 1 4; do
    fill
    r=$(node bench/peers_graphile.mjs "$dir/node_modules" "$conn" "$concurrency" "$events" 2>/dev/null | tail -1)
    [ "$(q -c "select count(*) from public.sink")" = "$events" ] || echo "graphile-worker: sink incomplete!" >&2
    printf 'drain   graphile-worker, concurrency %d:             %6s events/s\n' "$concurrency" "$r"
done
pgbench=$AUTOMV_PG_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
script=$(mktemp)
echo "select graphile_worker.add_job('sink', '{\"i\": 42}');" >"$script"
q -c "checkpoint"
tps=$("$pgbench" -n -c "$clients" -j "$clients" -T "$secs" -f "$script" "$PGDATABASE" 2>/dev/null |
      sed -n 's/^tps = \([0-9.]*\).*/\1/p' | cut -d. -f1)
rm -f "$script"
printf 'enqueue graphile_worker.add_job():                  %6s tps\n' "$tps"
