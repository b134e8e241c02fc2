#!/usr/bin/env bash
# The processor under real work (issue 14), on one throwaway durable server, printing:
#  a. fast-event latency (notify commit -> action start) p50/p99, 2 workers, 100 events at ~50/s,
#     with no slow action and beside one 15 s action;
#  b. a processor role with statement_timeout = 2 s (as on managed services): one 3 s action and
#     10 fast events: events done and log rows;
#  c. SIGTERM while an action runs pg_sleep(3600): seconds to exit (grace 5 s) and the
#     processor's backends left at exit, the event's state;
#  d. kill -9 during that action: the processor's backends left 10 s later.
# Usage: bench/processor_realwork.sh   (needs a built tree, build/ci; also run by processor_bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_processor
pids=()
bench_on_exit() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; }
bench_cluster realwork
q <<'SQL'
create extension pg_relay;
create table public.latency (ms double precision);
grant insert on public.latency to pgrelay;
select pgrelay.create_channel('rw.fast',
    $$insert into public.latency values (extract(epoch from clock_timestamp() - ($1->>'t')::timestamptz) * 1000)$$);
select pgrelay.create_channel('rw.slow', $$select pg_sleep(($1->>'s')::float8)$$);
create role rw_processor login;
grant pgrelay_processor to rw_processor;
alter role rw_processor in database realwork set statement_timeout = '2s';
SQL
now_ms() { date +%s%3N; }
backends() {
    q -c "select count(*) from pg_stat_activity where datname = 'realwork' and application_name like 'pgrelay-processor%'"
}
wait_for() {  # SQL SECONDS: polls until the query returns t
    local deadline=$((SECONDS + $2))
    until [ "$(q -c "$1")" = t ]; do
        [ $SECONDS -lt "$deadline" ] || { echo "timed out waiting for: $1" >&2; return 1; }
        sleep 0.05
    done
}
sleeping="select count(*) = 1 from pg_stat_activity where datname = 'realwork' and wait_event = 'PgSleep'"

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores"

fast_latency() {  # SLOW_SECONDS (0: none) -> "p50 p99"
    local slow=$1 pid
    q -c "truncate public.latency"
    "$processor" --workers 2 --grace 0 "dbname=realwork" 2>/dev/null & pid=$!
    pids+=("$pid")
    if [ "$slow" != 0 ]; then
        q -c "select pgrelay.notify('rw.slow', jsonb_build_object('s', $slow))" >/dev/null
        wait_for "$sleeping" 20
    fi
    q -c "do \$\$ begin for i in 1 .. 100 loop
            perform pgrelay.notify('rw.fast', jsonb_build_object('t', clock_timestamp()));
            commit; perform pg_sleep(0.02); end loop; end \$\$"
    wait_for "select count(*) = 100 from public.latency" 30
    [ "$slow" = 0 ] || [ "$(q -c "$sleeping")" = t ] || echo "(the slow action ended before the fast events did)" >&2
    kill -TERM "$pid"; wait "$pid" || true
    q -c "select round(percentile_cont(0.5) within group (order by ms)::numeric, 1) || ' ' ||
                 round(percentile_cont(0.99) within group (order by ms)::numeric, 1) from public.latency"
}
read -r p50 p99 <<<"$(fast_latency 0)"
echo "a. fast events, 2 workers, no slow action:         p50 $p50 ms, p99 $p99 ms"
read -r p50 p99 <<<"$(fast_latency 15)"
echo "a. fast events, 2 workers, beside a 15 s action:   p50 $p50 ms, p99 $p99 ms  (target p99 <= 250 ms)"
q -c "delete from pgrelay.queue where channel = 'rw.slow'"

q -c "truncate public.latency; truncate pgrelay.log"
q -c "select pgrelay.notify('rw.slow', jsonb_build_object('s', 3))" >/dev/null
q -c "select pgrelay.notify('rw.fast', jsonb_build_object('t', clock_timestamp())) from generate_series(1, 10)" >/dev/null
timeout 60 "$processor" --once --workers 1 "dbname=realwork user=rw_processor" 2>/dev/null || echo "(--once did not finish: exit $?)" >&2
echo "b. role statement_timeout 2 s, a 3 s action + 10:  $(q -c "select count(*) from pgrelay.log where outcome = 'succeeded'") of 11 events done," \
     "$(q -c "select count(*) from pgrelay.log") log rows, $(q -c "select count(*) from pgrelay.queue where channel like 'rw.%'") left queued"

q -c "select pgrelay.notify('rw.slow', jsonb_build_object('s', 3600))" >/dev/null
"$processor" --grace 5 "dbname=realwork" 2>/dev/null & pid=$!
pids+=("$pid")
wait_for "$sleeping" 20
start=$(now_ms)
kill -TERM "$pid"
wait "$pid" && code=0 || code=$?
end=$(now_ms)
left=$(backends)
echo "c. SIGTERM during an hour-long action, grace 5 s:   exit $code after $(awk -v ms=$((end - start)) 'BEGIN { printf "%.1f", ms / 1000 }') s," \
     "backends left $left; the event: $(q -c "select 'queued, attempt ' || attempt from pgrelay.queue where channel = 'rw.slow'
                                              union all select 'FAILED' from pgrelay.failed")"

"$processor" "dbname=realwork" 2>/dev/null & pid=$!
pids+=("$pid")
wait_for "$sleeping" 20
exec 3>&2 2>/dev/null   # bash reports the killed job on stderr
kill -9 "$pid"
wait "$pid" || true
exec 2>&3 3>&-
sleep 10   # the figure asked for: what is left 10 s after the kill
echo "d. kill -9 during that action:                      backends left 10 s later: $(backends)"
