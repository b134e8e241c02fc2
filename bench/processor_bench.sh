#!/usr/bin/env bash
# Processor benchmark, one run on one throwaway durable server (fsync on), printing:
#  1. the server's raw limit: the same claim/act/log/dequeue work done by one server-side loop
#     (pg_relay_performance_test.sql), no client;
#  2. pgrelay-processor events/s with a trivial action for workers = 1, 2, 4 and 2 processors x 2;
#  3. the ratio of 2 to 1;
#  4. commit -> action latency p50/p99 at ~100 events/s, with and without the wake-up hint;
#  5. the empty-queue poll cost, server-side and round trip, on a fresh queue and right after
#     1,000,000 events were processed (no manual VACUUM), then again 10 s later;
#  6. real work (bench/processor_realwork.sh, its own server): fast events beside a long action,
#     a role statement_timeout, SIGTERM during an hour-long action, kill -9.
# Usage: bench/processor_bench.sh [EVENTS]   (default 50000; needs a built tree, build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-50000}
. bench/lib.sh
bench_processor
bench_cluster bench
state=$bench_state
q <<'SQL'
create extension pg_relay;
create table public.latency (ms double precision);
grant insert on public.latency to pgrelay;
select pgrelay.create_channel('bench.noop', 'select $1');
select pgrelay.create_channel('bench.latency',
    $$insert into public.latency values (extract(epoch from clock_timestamp() - ($1->>'t')::timestamptz) * 1000)$$);
SQL
enqueue() {  # N events in transactions of 1,000
    q -c "do \$\$ begin for i in 1 .. $1 loop perform pgrelay.notify('bench.noop', jsonb_build_object('i', i));
          if i % 1000 = 0 then commit; end if; end loop; end \$\$"
}
now_ms() { date +%s%3N; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n / (ms / 1000) }'; }

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores, $events events per run"

raw=$(q -v events="$events" -f sql/pg_relay/pg_relay_performance_test.sql 2>&1 |
      sed -n 's/.*breakeven: .* = \([0-9]*\) events\/s.*/\1/p')
echo "1. raw limit (server-side loop, batches of 50):      $raw events/s"

run_processors() {  # COUNT WORKERS -> events/s
    local count=$1 workers=$2 start end pids=()
    enqueue "$events"
    start=$(now_ms)
    for _ in $(seq "$count"); do
        "$processor" --once --workers "$workers" "dbname=bench" 2>/dev/null & pids+=($!)
    done
    wait "${pids[@]}"
    end=$(now_ms)
    [ "$(q -c "select count(*) from pgrelay.queue where channel = 'bench.noop'")" = 0 ] || echo "queue not drained!" >&2
    rate "$events" $((end - start))
}
for w in 1 2 4; do
    r=$(run_processors 1 "$w")
    printf '2. processor, %d worker(s):                         %s events/s  (3. %s %% of raw)\n' \
        "$w" "$r" "$(awk -v a="$r" -v b="$raw" 'BEGIN { printf "%.0f", 100 * a / b }')"
done
r=$(run_processors 2 2)
printf '2. 2 processors x 2 workers:                        %s events/s  (3. %s %% of raw)\n' \
    "$r" "$(awk -v a="$r" -v b="$raw" 'BEGIN { printf "%.0f", 100 * a / b }')"

latency() {  # POLL_SECONDS [PROCESSOR OPTIONS] -> "p50 p99" ms at ~100 events/s for 10 s
    local poll=$1 pid
    shift
    q -c "truncate public.latency"
    "$processor" --poll-interval "$poll" "$@" "dbname=bench" 2>/dev/null & pid=$!
    sleep 1
    q -c "do \$\$ begin for i in 1 .. 1000 loop
            perform pgrelay.notify('bench.latency', jsonb_build_object('t', clock_timestamp()));
            commit; perform pg_sleep(0.01); end loop; end \$\$"
    for _ in $(seq 100); do
        [ "$(q -c "select count(*) from public.latency")" = 1000 ] && break; sleep 0.1
    done
    kill -TERM "$pid"; wait "$pid" || true
    q -c "select round(percentile_cont(0.5) within group (order by ms)::numeric, 1) || ' ' ||
                 round(percentile_cont(0.99) within group (order by ms)::numeric, 1) from public.latency"
}
read -r p50 p99 <<<"$(latency 1)"
echo "4. commit->action latency, poll 1 s, wake-up hint:   p50 $p50 ms, p99 $p99 ms"
read -r p50 p99 <<<"$(latency 1 --no-wakeup-hint)"
echo "4. commit->action latency, poll 1 s, no hint:        p50 $p50 ms, p99 $p99 ms"

poll_cost() {  # -> "server_us roundtrip_us"
    local server rt
    server=$(q -c "do \$\$ declare t timestamptz := clock_timestamp(); begin
                     for i in 1 .. 1000 loop perform pgrelay.has_due_events(); end loop;
                     raise notice '%', round((extract(epoch from clock_timestamp() - t) * 1e6 / 1000)::numeric, 1); end \$\$" 2>&1 |
             sed -n 's/.*NOTICE: *//p')
    echo 'select pgrelay.has_due_events();' >"$state/poll.sql"
    rt=$("$AUTOMV_PG_BINDIR/pgbench" -n -c 1 -T 3 -f "$state/poll.sql" bench 2>/dev/null |
         awk '/latency average/ { printf "%.0f", $4 * 1000 }')
    echo "$server $rt"
}
read -r s rt <<<"$(poll_cost)"
echo "5. empty poll, fresh queue:                          server ${s} us, round trip ${rt} us"
q -c "do \$\$ begin for b in 1 .. 100 loop
        insert into pgrelay.queue (part, channel, payload, run_at)
        select (select current_part from pgrelay.queue_state), 'bench.noop', null, now()
          from generate_series(1, 10000);
        commit; end loop; end \$\$"
start=$(now_ms)
"$processor" --once --workers 2 "dbname=bench" 2>/dev/null
end=$(now_ms)
echo "   drained 1,000,000 events in $(( (end - start) / 1000 )) s with 2 workers ($(rate 1000000 $((end - start))) events/s)"
read -r s rt <<<"$(poll_cost)"
echo "5. empty poll, right after the 1M drain:             server ${s} us, round trip ${rt} us"
sleep 10
read -r s rt <<<"$(poll_cost)"
echo "5. empty poll, 10 s later (no manual VACUUM):        server ${s} us, round trip ${rt} us"
echo "6. real work (bench/processor_realwork.sh):"
bench/processor_realwork.sh | sed -n 's/^[a-d]\. /   /p'
