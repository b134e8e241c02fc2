#!/usr/bin/env bash
# pg_relay against the queues a user would pick instead, side by side on one throwaway durable
# server in one run (issue 15): PgQ (Debian's postgresql-15-pgq3) and, when npm is available,
# graphile-worker (installed into a cache outside the repository; bench/peers_graphile.sh).
#
#  drain:   EVENTS events, action = one INSERT into a sink table, drained to the end.
#           ours: pgrelay-processor --once with 1 and 2 workers (exactly-once removal, a log row
#           per event, retries; actions run set-wise under one savepoint a pass, a failing event
#           fails alone: see process_batch);
#           PgQ: its consumer API run server-side in one session, batches of 100 events (a tick
#           every 100), a savepoint per event (BEGIN … EXCEPTION), pgq.finish_batch per batch.
#           Each also warm (drain_*_warm): consumers already running, the fresh process and the
#           cold session's first calls left out.
#  enqueue: pgbench, CLIENTS clients, SECONDS each: a plain single-row INSERT,
#           pgq.insert_event() and pgrelay.notify() (as the superuser and as an app role, whose
#           notify right the queue's insert policy checks), all with the same payload {"i": 42}.
# Rounds are interleaved (ours, PgQ, ours, PgQ …) and the medians printed, with our ratio to PgQ:
# the median of the rounds' ratios (each round's two runs share the machine's state of the moment;
# on a shared VM that state swings by ±20 % between rounds, more than the two differ).
# Usage: bench/peers_bench.sh [EVENTS] [ROUNDS] [SECONDS] [CLIENTS]
#        (default 20000 5 10 16; needs a built tree: cmake --build --preset ci)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-20000} rounds=${2:-5} secs=${3:-10} clients=${4:-16}
tools/setup-debian.sh bench >&2   # PgQ (postgresql-15-pgq3), npm
. bench/lib.sh
bench_processor
bench_cluster bench
pgbench=$AUTOMV_PG_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
sharedir=$("$AUTOMV_PG_BINDIR/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)
[ -f "$sharedir/extension/pgq.control" ] || { echo "peers_bench: PgQ is not installed for this server ($sharedir)" >&2; exit 1; }

q >/dev/null <<'SQL'
create extension pg_relay;
create extension pgq;
create table public.sink (i int);
grant insert on public.sink to pgrelay;
select pgrelay.create_channel('bench.sink', $$insert into public.sink values (($1->>'i')::int)$$);
-- notify() as an application would call it: a role without BYPASSRLS, so the queue's insert
-- policy checks its notify right on every call (the superuser running the rest skips it).
create role bench_app login;
select pgrelay.grant_notify('bench.sink', 'bench_app');
select pgq.create_queue('bench');
select pgq.set_queue_config('bench', 'ticker_max_count', '100');
select pgq.set_queue_config('bench', 'ticker_max_lag', '1 hour');
select pgq.set_queue_config('bench', 'ticker_idle_period', '1 hour');
select pgq.register_consumer('bench', 'sink');
create table public.plain (payload jsonb);
-- PgQ's consumer, server-side: every batch, every event under its own savepoint, one commit per
-- batch (what a PL/pgSQL consumer of PgQ does; pgq.event_retry on a failure). Both queues carry
-- the same payload, {"i": n} (PgQ's ev_data is text), and both actions read i from it.
create procedure public.pgq_drain() language plpgsql as $$
declare b bigint; ev record;
begin
    loop
        b := pgq.next_batch('bench', 'sink');
        exit when b is null;
        for ev in select ev_id, ev_data from pgq.get_batch_events(b) loop
            begin
                insert into public.sink values ((ev.ev_data::jsonb ->> 'i')::int);
            exception when others then
                perform pgq.event_retry(b, ev.ev_id, 3);
            end;
        end loop;
        perform pgq.finish_batch(b);
        commit;
    end loop;
end $$;
-- Enqueue N events in transactions of 100, a tick after each (PgQ's batches of 100).
create procedure public.pgq_fill(n int) language plpgsql as $$
begin
    for i in 1 .. n loop
        perform pgq.insert_event('bench', 'sink', jsonb_build_object('i', i)::text);
        if i % 100 = 0 then commit; perform pgq.ticker('bench'); commit; end if;
    end loop;
    commit;
    perform pgq.ticker('bench');
end $$;
-- The warm drains: waits until no due event is left (the batches' deletes committed) and
-- returns when the last action ended, in ms after p_t0 (the commit of the events). Looks every
-- 250 ms: the figure comes from the log, not from when this loop noticed, and a look (a scan of
-- the queue) every 20 ms took a fifth of a core from the drain it was timing, on 2 cores.
create function public.relay_drained_after(p_t0 timestamptz, p_limit interval) returns numeric language plpgsql as $$
begin
    while exists (select 1 from pgrelay.queue where channel = 'bench.sink') loop
        if clock_timestamp() > p_t0 + p_limit then
            raise exception 'not drained within %', p_limit;
        end if;
        perform pg_sleep(0.25);
    end loop;
    return round(extract(epoch from (select max(started_at + duration_ms * interval '1 ms') from pgrelay.log
                                      where channel = 'bench.sink') - p_t0)::numeric * 1000, 1);
end $$;
create procedure public.relay_fill(n int) language plpgsql as $$
begin
    for i in 1 .. n loop
        perform pgrelay.notify('bench.sink', jsonb_build_object('i', i));
        if i % 100 = 0 then commit; end if;
    end loop;
end $$;
SQL

now_ms() { date +%s%3N; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n / (ms / 1000) }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
checkpoint() { q -c "checkpoint"; }

drain_ours() {  # WORKERS -> events/s
    q -c "truncate public.sink" -c "call public.relay_fill($events)"
    checkpoint
    local start end
    start=$(now_ms)
    "$processor" --once --workers "$1" "dbname=bench" 2>/dev/null
    end=$(now_ms)
    [ "$(q -c "select count(*) from public.sink")" = "$events" ] || echo "ours: sink incomplete!" >&2
    [ "$(q -c "select count(*) from pgrelay.queue where channel = 'bench.sink'")" = 0 ] || echo "ours: queue not drained!" >&2
    rate "$events" $((end - start))
}
drain_pgq() {  # -> events/s
    q -c "truncate public.sink" -c "call public.pgq_fill($events)"
    checkpoint
    local start end
    start=$(now_ms)
    q -c "call public.pgq_drain()"
    end=$(now_ms)
    [ "$(q -c "select count(*) from public.sink")" = "$events" ] || echo "PgQ: sink incomplete!" >&2
    rate "$events" $((end - start))
}
# Warm: both consumers already running, as in production. PgQ: the procedure is called once on
# the empty queue in the same session first, then the fill, then the timed call. Ours: a running
# processor (registered, idle) is woken by the commit of all EVENTS events in one transaction;
# timed from that commit to the end of the last action (the log's started_at + duration).
drain_pgq_warm() {  # -> events/s
    q -c "truncate public.sink"
    local ms
    ms=$(psql -X -At -v ON_ERROR_STOP=1 -c "call public.pgq_drain()" -c "call public.pgq_fill($events)" -c "checkpoint" \
              -c "\\timing on" -c "call public.pgq_drain()" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    [ "$(q -c "select count(*) from public.sink")" = "$events" ] || echo "PgQ warm: sink incomplete!" >&2
    rate "$events" "$ms"
}
drain_ours_warm() {  # WORKERS -> events/s
    q -c "truncate public.sink" -c "delete from pgrelay.log where channel = 'bench.sink'" -c "checkpoint"
    "$processor" --workers "$1" --poll-interval 0.05 "dbname=bench" 2>/dev/null &
    local pid=$! ms
    q -c "do \$\$ declare t0 timestamptz := clock_timestamp(); begin
            while not exists (select from pgrelay.processor_status where alive) loop
                if clock_timestamp() > t0 + interval '30 s' then raise exception 'the processor did not register'; end if;
                perform pg_sleep(0.02);
            end loop; end \$\$" >/dev/null
    ms=$(timeout 60 psql -X -At -v ON_ERROR_STOP=1 -c "begin" \
              -c "select count(pgrelay.notify('bench.sink', jsonb_build_object('i', i))) from generate_series(1, $events) i" \
              -c "commit" -c "select public.relay_drained_after(clock_timestamp(), interval '50 s')" | tail -1)
    kill "$pid"; wait "$pid" || true
    [ "$(q -c "select count(*) from public.sink")" = "$events" ] || echo "ours warm: sink incomplete!" >&2
    rate "$events" "$ms"
}
enqueue_tps() {  # SCRIPT [ROLE] -> tps
    checkpoint
    "$pgbench" -n ${2:+-U "$2"} -c "$clients" -j "$clients" -T "$secs" -f "$1" bench 2>/dev/null |
        sed -n 's/^tps = \([0-9.]*\).*/\1/p' | cut -d. -f1
}

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores;" \
     "drain $events events (action: one INSERT), enqueue $clients clients x $secs s; $rounds interleaved rounds, medians"
# Median over rounds of ours[i] / theirs[i]: round_ratio "a1 a2 …" "b1 b2 …"
round_ratio() {
    paste <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") |
        awk '{ print $1 / $2 }' | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Interleaved rounds of ours with 1 worker, PgQ, ours with 2; prints the medians and our ratios.
# drain_rounds TITLE OURS_FN PGQ_FN
drain_rounds() {
    local ours1=() ours2=() pgq=() r
    for r in $(seq "$rounds"); do
        ours1+=("$("$2" 1)")
        pgq+=("$("$3")")
        ours2+=("$("$2" 2)")
        echo "   $1 round $r: ours 1 worker ${ours1[-1]}, PgQ ${pgq[-1]}, ours 2 workers ${ours2[-1]} events/s" >&2
    done
    printf '%-56s%6s events/s\n' "$1: PgQ server-side consumer (batches of 100):" "$(printf '%s\n' "${pgq[@]}" | median)"
    printf '%-56s%6s events/s  %s x PgQ\n' "$1: pg_relay, 1 worker:" "$(printf '%s\n' "${ours1[@]}" | median)" \
        "$(round_ratio "${ours1[*]}" "${pgq[*]}")"
    printf '%-56s%6s events/s  %s x PgQ\n' "$1: pg_relay, 2 workers:" "$(printf '%s\n' "${ours2[@]}" | median)" \
        "$(round_ratio "${ours2[*]}" "${pgq[*]}")"
}
drain_rounds "drain" drain_ours drain_pgq
drain_rounds "drain, warm" drain_ours_warm drain_pgq_warm

echo "insert into public.plain values ('{\"i\": 42}');" >"$bench_state/plain.sql"
echo "select pgq.insert_event('bench', 'sink', '{\"i\": 42}');" >"$bench_state/pgq.sql"
echo "select pgq.insert_event('bench', 'sink', '42');" >"$bench_state/pgq_short.sql"
echo "select pgrelay.notify('bench.sink', '{\"i\": 42}');" >"$bench_state/notify.sql"
# The drains above leave dead rows behind (ours: queue and log; PgQ: its event tables) that
# autovacuum would clean up during the enqueue rounds, charging the drains' cleanup to whichever
# enqueue ran then: start the enqueue rounds from a vacuumed database instead. The order of the
# runs rotates from round to round, so none always runs first after a checkpoint.
q -c "vacuum analyze" >/dev/null
# Every run enqueues the same event, {"i": 42} (the plain INSERT too, into a jsonb column). PgQ
# also runs with the 2-byte payload '42' that this bench gave it before 2026-12-07, for
# comparison with older figures; our ratio is to PgQ with the same payload.
plain=() pq=() pqs=() ours=() app=()
run_enqueue() {  # plain|pgq|pgq_short|notify|notify_app
    case "$1" in
        plain) plain+=("$(enqueue_tps "$bench_state/plain.sql")") ;;
        pgq) pq+=("$(enqueue_tps "$bench_state/pgq.sql")") ;;
        pgq_short) pqs+=("$(enqueue_tps "$bench_state/pgq_short.sql")") ;;
        notify) ours+=("$(enqueue_tps "$bench_state/notify.sql")") ;;
        notify_app) app+=("$(enqueue_tps "$bench_state/notify.sql" bench_app)") ;;
    esac
}
kinds=(plain pgq notify pgq_short notify_app)
for r in $(seq "$rounds"); do
    for k in 0 1 2 3 4; do run_enqueue "${kinds[$(( (r + k) % 5 ))]}"; done
    echo "   round $r: plain INSERT ${plain[-1]}, pgq.insert_event ${pq[-1]} ('42': ${pqs[-1]}), notify() ${ours[-1]}, as an app role ${app[-1]} tps" >&2
done
mp=$(printf '%s\n' "${plain[@]}" | median) mpq=$(printf '%s\n' "${pq[@]}" | median) mo=$(printf '%s\n' "${ours[@]}" | median)
mpqs=$(printf '%s\n' "${pqs[@]}" | median)
printf 'enqueue plain single-row INSERT:                    %6s tps\n' "$mp"
printf 'enqueue pgq.insert_event(), payload {"i": 42}:      %6s tps\n' "$mpq"
printf 'enqueue pgq.insert_event(), payload 42:             %6s tps\n' "$mpqs"
printf 'enqueue pgrelay.notify():                           %6s tps  %s x PgQ\n' "$mo" "$(round_ratio "${ours[*]}" "${pq[*]}")"
printf 'enqueue pgrelay.notify() as an app role (RLS):      %6s tps  %s x PgQ\n' "$(printf '%s\n' "${app[@]}" | median)" \
    "$(round_ratio "${app[*]}" "${pq[*]}")"

export AUTOMV_PG_BINDIR
bench/peers_graphile.sh "$events" "$secs" "$clients" || echo "graphile-worker: failed (see above)"

