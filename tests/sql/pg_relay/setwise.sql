-- process_batch() runs a batch's actions set-wise (one statement per run of a channel, one
-- subtransaction for the pass) and still gives every event its own outcome: a failing action
-- fails alone and is not run again, the others succeed once, each sees its own event id, and
-- an error only found after the pass (a deferred constraint) falls back to one by one, at most
-- 60 events, the rest back in the queue unchanged.
create extension pg_relay;
create schema app;
create table app.sink (n int, event_id bigint);
create sequence app.calls;   -- not rolled back: counts every run of an action
create table app.checked (n int);
create function app.check_later() returns trigger language plpgsql as $$
begin if new.n < 0 then raise exception 'negative numbers are refused' using errcode = '23514'; end if; return null; end $$;
create constraint trigger check_later after insert on app.checked
    deferrable initially deferred for each row execute function app.check_later();
grant usage on schema app to pgrelay;
grant insert on app.sink, app.checked to pgrelay;
grant usage on sequence app.calls to pgrelay;
select pgrelay.create_channel('s.ok', $$
    select nextval('app.calls');
    insert into app.sink values (($1->>'n')::int, current_setting('pgrelay.event_id')::bigint)$$);
select pgrelay.create_channel('s.other', $$insert into app.sink values (($1->>'n')::int + 1000, current_setting('pgrelay.event_id')::bigint)$$);
select pgrelay.create_channel('s.deferred', 'insert into app.checked values (($1->>''n'')::int)');

begin;
select plan(21);

-- 200 events: one pass, one subtransaction (every row has the same xmin), each event once.
create temp table ids1 as
    select i as n, pgrelay.notify('s.ok', jsonb_build_object('n', i)) as id from generate_series(1, 200) i;
create temp table b1 as select * from pgrelay.process_batch(500);
select is((select count(*)::int from b1 where outcome = 'succeeded'), 200, 'all 200 events succeeded');
select is((select count(*)::int from app.sink), 200, 'each action ran');
select is((select count(distinct xmin::text)::int from app.sink), 1, 'in one subtransaction: the pass ran set-wise');
select is((select count(*)::int from app.sink s join ids1 on ids1.n = s.n and ids1.id = s.event_id), 200,
          'each action saw its own event id in pgrelay.event_id');
select is((select count(*)::int from pgrelay.log l join b1 on b1.event_id = l.event_id
            where l.outcome = 'succeeded' and l.duration_ms >= 0), 200, 'one log row per event');
select ok(not exists (select from (select l.started_at, lag(l.started_at) over (order by l.event_id) as prev
                                     from pgrelay.log l join b1 on b1.event_id = l.event_id) x
                       where x.started_at < x.prev),
          'log rows start in the order the events ran');

-- A failing action in the middle: it alone fails and is not run again; the others succeed once.
truncate app.sink;
select setval('app.calls', 1, false);
select pgrelay.notify('s.ok', jsonb_build_object('n', i)) from generate_series(1, 4) i;
select pgrelay.notify('s.ok', '{"n": "five"}') as bad_id \gset
select pgrelay.notify('s.ok', jsonb_build_object('n', i)) from generate_series(6, 10) i;
create temp table b2 as select * from pgrelay.process_batch(500);
select results_eq($$select outcome, error_code, count(*)::int from b2 group by 1, 2 order by 1$$,
                  $$values ('failed'::text, '22P02'::text, 1), ('succeeded', null, 9)$$,
                  'the bad event failed with its SQLSTATE, the nine others succeeded');
select is((select event_id from b2 where outcome = 'failed'), :bad_id::bigint, 'the failure is the bad event''s');
select is((select array_agg(n order by n) from app.sink), array[1, 2, 3, 4, 6, 7, 8, 9, 10],
          'the good events'' rows stay, each once');
select is((select nextval('app.calls')::int - 1), 14,
          'actions ran 14 times: 5 in the pass the bad event undid (it included), 9 in the pass that stayed');
select results_eq(format('select sqlstate, attempts from pgrelay.failed where id = %s', :bad_id),
                  $$values ('22P02'::text, 1)$$, 'the bad event is a dead letter with its SQLSTATE');

-- Runs of two channels interleaved keep their order; each event sees its own id.
truncate app.sink;
select pgrelay.notify(case when i % 3 = 0 then 's.other' else 's.ok' end, jsonb_build_object('n', i))
  from generate_series(1, 12) i;
create temp table b3 as select * from pgrelay.process_batch(500);
select is((select count(*)::int from b3 where outcome = 'succeeded'), 12, 'two channels interleaved: all succeeded');
select is((select array_agg(s.n order by s.ctid) from app.sink s),
          array[1, 2, 1003, 4, 5, 1006, 7, 8, 1009, 10, 11, 1012], 'in claim order');
select is((select count(*)::int from app.sink s join pgrelay.log l on l.event_id = s.event_id
            where l.channel = case when s.n > 1000 then 's.other' else 's.ok' end), 12,
          'each row carries its own event''s id');

-- An error found only after the pass (a deferred constraint): one by one finds whose it is;
-- past 60 events one by one, the rest go back to the queue unchanged.
select pgrelay.notify('s.deferred', jsonb_build_object('n', case when i = 2 then -1 else i end))
  from generate_series(1, 70) i;
-- (Earlier batches of this test transaction made every constraint immediate: SET CONSTRAINTS
-- lasts for the transaction. A processor's batch is a transaction of its own.)
set constraints all deferred;
create temp table b4 as select * from pgrelay.process_batch(500);
select results_eq($$select outcome, error_code, count(*)::int from b4 group by 1, 2 order by 1$$,
                  $$values ('failed'::text, '23514'::text, 1), ('succeeded', null, 59)$$,
                  'the deferred constraint fails event 2 alone, one by one');
select is((select count(*)::int from pgrelay.queue where channel = 's.deferred'), 10,
          'the ten events past 60 stay queued');
select is((select count(*)::int from pgrelay.process_batch(500) where outcome = 'succeeded'), 10,
          'and the next batch runs them');

-- The processor's form: successes counted, not listed.
select pgrelay.notify('s.ok', jsonb_build_object('n', i)) from generate_series(1, 3) i;
select pgrelay.notify('s.ok', '{"n": "four"}');
select results_eq($$select outcome, attempt, error_code from pgrelay.process_batch(500, p_successes => false)$$,
                  $$values ('failed'::text, 1, '22P02'::text), ('processed', 4, null)$$,
                  'p_successes => false: the failure, then a count of every event processed');

-- Without a progress counter (its name taken here; on a server, no TEMP privilege for pg_relay's
-- owner) a batch runs one by one, as before; with it back, set-wise again.
drop sequence pg_temp.pgrelay_progress;
create temp table pgrelay_progress (x int);
truncate app.sink;
select pgrelay.notify('s.ok', jsonb_build_object('n', i)) from generate_series(1, 5) i;
create temp table b6 as select * from pgrelay.process_batch(500);
select is((select count(*)::int from b6 where outcome = 'succeeded'), 5, 'no counter: all five succeed');
select is((select count(distinct xmin::text)::int from app.sink), 5, 'one by one, a subtransaction each');
drop table pg_temp.pgrelay_progress;
truncate app.sink;
select pgrelay.notify('s.ok', jsonb_build_object('n', i)) from generate_series(1, 5) i;
select count(*) from pgrelay.process_batch(500);
select is((select count(distinct xmin::text)::int from app.sink), 1, 'the counter made again: set-wise');

select * from finish();
rollback;
