#!/usr/bin/env bash
# Write-path cost of pgrelay.notify(): a 16-client pgbench of notify() beside a plain single-row
# INSERT into an unindexed table, on the same throwaway, durable server, in one run. Samples
# pg_stat_activity every 50 ms during each run and counts lock waits.
# Each round also runs the queue row INSERTed by the client (no function): notify()'s floor; and
# keyed notifies (issue 17): p_key over a million keys (nearly every call queues a new event)
# and over 100 hot keys (nearly every call finds the key's queued event and keeps it).
# Usage: bench/notify_pgbench.sh [SECONDS] [CLIENTS] [ROUNDS]   (needs a built tree: build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5} clients=${2:-16} rounds=${3:-7}
build=${AUTOMV_BUILD_DIR:-build/ci}
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
trap 'tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
. "$state/cluster.env"
export PGHOST PGPORT PGUSER
pgbench=$AUTOMV_PG_BINDIR/pgbench   # the npm server builds (PG_BINDIR=...) have none: Debian's
[ -x "$pgbench" ] || pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
create extension pg_relay;
create table public.plain_sink (payload jsonb);
create table public.bench_sink (payload jsonb);
grant insert on public.bench_sink to pgrelay;
select pgrelay.create_channel('bench.event', 'insert into public.bench_sink values ($1)');
create table public.lock_samples (run text, at timestamptz, wait_event text, waiting int);
-- One sampling session for the whole run (a psql per sample would cost more CPU than it measures).
create procedure public.sample_locks(p_run text, p_secs int) language plpgsql as $$
declare v_end timestamptz := clock_timestamp() + make_interval(secs => p_secs);
begin
    while clock_timestamp() < v_end loop
        insert into public.lock_samples
            select p_run, clock_timestamp(), coalesce(wait_event, '-'), count(*) from pg_stat_activity
             where wait_event_type = 'Lock' and datname = current_database() group by wait_event
            union all select p_run, clock_timestamp(), '-', 0;
        commit;
        perform pg_sleep(0.05);
    end loop;
end $$;
SQL
echo 'insert into public.plain_sink values ('"'"'{"order": 42, "status": "paid"}'"'"');' >"$state/plain.sql"
echo 'select pgrelay.notify('"'"'bench.event'"'"', '"'"'{"order": 42, "status": "paid"}'"'"');' >"$state/notify.sql"
echo 'select pgrelay.notify('"'"'bench.event'"'"', '"'"'{"order": 42, "status": "paid"}'"'"', p_key => '"'"'order:'"'"' || (random() * 1000000)::int);' >"$state/keyed.sql"
echo 'select pgrelay.notify('"'"'bench.event'"'"', '"'"'{"order": 42, "status": "paid"}'"'"', p_key => '"'"'order:'"'"' || (random() * 100)::int);' >"$state/hot.sql"
# The floor under notify(): the same queue row INSERTed by the client itself (as superuser: no
# function, no channel check, no hint) — what the queue's row, index and partition cost alone.
echo 'insert into pgrelay.queue_p0 (part, channel, payload, run_at) values (0, '"'"'bench.event'"'"', '"'"'{"order": 42, "status": "paid"}'"'"', now());' >"$state/raw.sql"

run() {  # run NAME SCRIPT -> prints tps; samples lock waits meanwhile
    local name=$1 script=$2 sampler
    psql -X -q -d postgres -c "truncate public.plain_sink, pgrelay.queue" -c "checkpoint" >/dev/null
    psql -X -q -d postgres -c "call public.sample_locks('$name', $secs)" >/dev/null 2>&1 &
    sampler=$!
    "$pgbench" -n -c "$clients" -j 2 -T "$secs" -f "$script" postgres 2>/dev/null |
        awk '/^tps/ {print $3; exit}'
    wait "$sampler"
}
# Interleaved rounds: this machine's speed drifts by ±20 % over tens of seconds (a shared VM),
# so each round runs both back to back and the figure is the median of the per-round ratios.
ratios=() plains=() notifies=() raws=() raw_ratios=() keyed=() keyed_ratios=() hot=() hot_ratios=()
pct() { awk -v p="$1" -v n="$2" 'BEGIN { printf "%.1f", 100 * n / p }'; }
for round in $(seq "$rounds"); do
    p=$(run plain "$state/plain.sql")
    n=$(run notify "$state/notify.sql")
    w=$(run raw "$state/raw.sql")
    k=$(run keyed "$state/keyed.sql")
    h=$(run hot "$state/hot.sql")
    plains+=("$p") notifies+=("$n") raws+=("$w") keyed+=("$k") hot+=("$h")
    ratios+=("$(pct "$p" "$n")") raw_ratios+=("$(pct "$p" "$w")")
    keyed_ratios+=("$(pct "$n" "$k")") hot_ratios+=("$(pct "$n" "$h")")
    printf 'round %d: plain %6.0f tps   notify %6.0f (%5.1f %%)   raw queue row %6.0f (%5.1f %%)   keyed %6.0f   hot keys %6.0f\n' \
        "$round" "$p" "$n" "${ratios[-1]}" "$w" "${raw_ratios[-1]}" "$k" "$h"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
psql -X -At -d postgres -F ' ' -c "
    select run, count(distinct at), coalesce(string_agg(distinct wait_event || ':' || n, ' ')
                                           filter (where wait_event <> '-'), 'none')
      from (select run, at, wait_event, sum(waiting) over (partition by run, wait_event) as n
              from public.lock_samples) s
     group by run order by run" |
    while read -r run n waits; do
        echo "heavyweight-lock waits sampled during $run ($n samples): $waits"
    done
echo "server: PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable (fsync on), $clients clients, $rounds rounds of ${secs}s each"
printf 'plain INSERT (unindexed table): %10.0f tps (median)\n' "$(median "${plains[@]}")"
printf 'pgrelay.notify():               %10.0f tps (median)\n' "$(median "${notifies[@]}")"
printf 'notify / plain insert:          %9.1f %% (median of the rounds)\n' "$(median "${ratios[@]}")"
printf 'floor: the queue row INSERTed by the client, no function: %.0f tps, %.1f %% of plain\n' \
    "$(median "${raws[@]}")" "$(median "${raw_ratios[@]}")"
printf 'keyed notify(p_key), 1M keys (new events):  %6.0f tps, %5.1f %% of unkeyed notify\n' \
    "$(median "${keyed[@]}")" "$(median "${keyed_ratios[@]}")"
printf 'keyed notify(p_key), 100 hot keys (kept):   %6.0f tps, %5.1f %% of unkeyed notify\n' \
    "$(median "${hot[@]}")" "$(median "${hot_ratios[@]}")"
