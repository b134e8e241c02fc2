#!/usr/bin/env bash
# Write-path cost of pgrelay.notify(): a 16-client pgbench of notify() beside a plain single-row
# INSERT into an unindexed table, on the same throwaway, durable server, in one run. Samples
# pg_locks / pg_stat_activity every 50 ms during each run and counts lock waits.
# Usage: bench/notify_pgbench.sh [SECONDS] [CLIENTS]   (needs a built tree: build/ci by default)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15} clients=${2:-16}
build=${AUTOMV_BUILD_DIR:-build/ci}
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
trap 'tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
. "$state/cluster.env"
export PGHOST PGPORT PGUSER
pgbench=$AUTOMV_PG_BINDIR/pgbench
psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
create extension pg_relay;
create table public.plain_sink (payload jsonb);
create table public.bench_sink (payload jsonb);
grant insert on public.bench_sink to pgrelay;
select pgrelay.create_channel('bench.event', 'insert into public.bench_sink values ($1)');
create table public.lock_samples (run text, at timestamptz, wait_event text, waiting int);
SQL
echo 'insert into public.plain_sink values ('"'"'{"order": 42, "status": "paid"}'"'"');' >"$state/plain.sql"
echo 'select pgrelay.notify('"'"'bench.event'"'"', '"'"'{"order": 42, "status": "paid"}'"'"');' >"$state/notify.sql"

run() {  # run NAME SCRIPT -> prints tps; samples lock waits meanwhile
    local name=$1 script=$2 sampler
    psql -X -q -d postgres -c "checkpoint" >/dev/null
    ( end=$((SECONDS + secs)); while [ $SECONDS -lt $end ]; do
        psql -X -q -d postgres -c "insert into public.lock_samples
            select '$name', now(), coalesce(wait_event, '-'), count(*) from pg_stat_activity
             where wait_event_type = 'Lock' and datname = current_database() group by wait_event
            union all select '$name', now(), '-', 0" >/dev/null 2>&1 || true
        sleep 0.05; done ) &
    sampler=$!
    "$pgbench" -n -c "$clients" -j 2 -T "$secs" -f "$script" postgres 2>/dev/null |
        awk '/^tps/ {print $3; exit}'
    wait "$sampler"
}
plain_tps=$(run plain "$state/plain.sql")
notify_tps=$(run notify "$state/notify.sql")
psql -X -At -d postgres -F ' ' -c "
    select run, count(distinct at), coalesce(string_agg(distinct wait_event || ':' || n, ' ')
                                           filter (where wait_event <> '-'), 'none')
      from (select run, at, wait_event, sum(waiting) over (partition by run, wait_event) as n
              from public.lock_samples) s
     group by run order by run" |
    while read -r run n waits; do
        echo "heavyweight-lock waits sampled during $run ($n samples): $waits"
    done
queued=$(psql -X -At -d postgres -c "select count(*) from pgrelay.queue where channel = 'bench.event'")
echo "server: PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable (fsync on), $clients clients, ${secs}s each"
printf 'plain INSERT (unindexed table): %10.0f tps\n' "$plain_tps"
printf 'pgrelay.notify():               %10.0f tps  (%d events queued)\n' "$notify_tps" "$queued"
awk -v p="$plain_tps" -v n="$notify_tps" 'BEGIN { printf "notify / plain insert:          %9.1f %%\n", 100 * n / p }'
