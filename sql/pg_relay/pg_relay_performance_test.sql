-- pg_relay performance test: measures, on this server, how fast events are enqueued with
-- pgrelay.notify() and how fast the server-side claim/act/log/dequeue path processes them
-- (the breakeven rate: above it the queue grows). Runs entirely inside the database, no client
-- round trips, so it is the server's own limit; a processor adds its network and protocol cost.
--
--   psql -d yourdb -v events=20000 -v batch=1000 -f pg_relay_performance_test.sql
--
-- Needs pg_relay installed and a role allowed to administer and process it (a superuser or a
-- member of pgrelay_admin and pgrelay_processor). Creates channel "perf.test", removes it after.
\set ON_ERROR_STOP on
\if :{?events}
\else
\set events 20000
\endif
\if :{?batch}
\else
\set batch 1000
\endif
set client_min_messages = notice;
select set_config('pgrelay_perf.events', :'events', false), set_config('pgrelay_perf.batch', :'batch', false) \gset

do $setup$
begin
    if exists (select 1 from pgrelay.channel where name = 'perf.test') then
        raise exception 'channel perf.test exists already (a previous run was interrupted?): drop it with pgrelay.drop_channel(''perf.test'')';
    end if;
    if exists (select 1 from pgrelay.queue where not held and run_at <= now()) then
        raise exception 'the queue already has due events; run this test on an idle queue';
    end if;
    perform pgrelay.create_channel('perf.test', 'select $1', 'pg_relay_performance_test.sql');
end
$setup$;

-- 1. Enqueue: notify() in transactions of 100 events, committed.
do $enqueue$
declare
    v_n      integer := current_setting('pgrelay_perf.events')::integer;
    v_start  timestamptz := clock_timestamp();
    v_secs   double precision;
begin
    for i in 1 .. v_n loop
        perform pgrelay.notify('perf.test', jsonb_build_object('i', i));
        if i % 100 = 0 then
            commit;
        end if;
    end loop;
    commit;
    v_secs := extract(epoch from clock_timestamp() - v_start);
    raise notice 'enqueue:    % events in % s = % events/s (notify, 100 per commit)',
        v_n, round(v_secs::numeric, 3), round((v_n / v_secs)::numeric);
end
$enqueue$;

-- 2. Process: process_batch() until the queue is drained, one commit per batch.
do $process$
declare
    v_batch  integer := current_setting('pgrelay_perf.batch')::integer;
    v_total  bigint := 0;
    v_n      integer;
    v_start  timestamptz := clock_timestamp();
    v_secs   double precision;
begin
    loop
        select count(*) into v_n from pgrelay.process_batch(v_batch, null, null);
        commit;
        exit when v_n = 0;
        v_total := v_total + v_n;
    end loop;
    v_secs := extract(epoch from clock_timestamp() - v_start);
    raise notice 'breakeven:  % events in % s = % events/s (claim + action + log + dequeue, batches of %)',
        v_total, round(v_secs::numeric, 3), round((v_total / v_secs)::numeric), v_batch;
end
$process$;

-- 3. The poll right after the drain, and after maintain() has rotated the queue.
do $poll$
declare
    v_start timestamptz;
    v_us    double precision;
    v_did   text;
    v_step  text;
begin
    v_start := clock_timestamp();
    for i in 1 .. 100 loop
        perform pgrelay.has_due_events();
    end loop;
    v_us := extract(epoch from clock_timestamp() - v_start) * 1e6 / 100;
    raise notice 'poll:       % us per has_due_events() right after the drain', round(v_us::numeric, 1);
    v_did := pgrelay.maintain(1);
    commit;
    -- maintain() leaves the old partition alone for a second after a switch; then truncates it.
    for i in 1 .. 100 loop
        v_step := pgrelay.maintain(1);
        commit;
        exit when v_step like 'truncated%';
        perform pg_sleep(0.05);
    end loop;
    v_did := v_did || ', ' || v_step;
    v_start := clock_timestamp();
    for i in 1 .. 100 loop
        perform pgrelay.has_due_events();
    end loop;
    v_us := extract(epoch from clock_timestamp() - v_start) * 1e6 / 100;
    raise notice 'poll:       % us per has_due_events() after maintain() (%)', round(v_us::numeric, 1), v_did;
end
$poll$;

delete from pgrelay.log where channel = 'perf.test';
select pgrelay.drop_channel('perf.test');
