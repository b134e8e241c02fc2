-- process_batch(): action, log row and removal commit together; retries only for class 40 at
-- +3/+5/+10 s, then failed; anything else fails at once; dead letters keep the payload.
create extension pg_relay;
create schema app;
create table app.sink (v jsonb);
grant usage on schema app to pgrelay;
grant insert on app.sink to pgrelay;
create function app.deadlock(p jsonb) returns void language plpgsql as $$
begin raise exception 'simulated deadlock for %', p->>'k' using errcode = '40P01'; end $$;
grant execute on function app.deadlock(jsonb) to pgrelay;
select pgrelay.create_channel('t.ok', 'insert into app.sink values ($1)');
select pgrelay.create_channel('t.div', $$select 1 / coalesce(($1->>'d')::int, 0)$$);
select pgrelay.create_channel('t.retry', 'select app.deadlock($1)');

begin;
select plan(34);

-- Success: action ran, event gone, one log row.
select pgrelay.notify('t.ok', '{"n": 1}') as ok_id \gset
select results_eq($$select event_id, outcome, attempt from pgrelay.process_batch(10, 3, 2)$$,
                  format($$values (%s::bigint, 'succeeded'::text, 1)$$, :ok_id),
                  'the batch reports the event as succeeded');
select is((select count(*)::int from app.sink where v = '{"n": 1}'), 1, 'the action ran once with the payload as $1');
select is((select count(*)::int from pgrelay.queue where id = :ok_id), 0, 'the event left the queue');
select results_eq(format('select outcome, attempt, processor_slot, worker from pgrelay.log where event_id = %s', :ok_id),
                  $$values ('succeeded'::text, 1, 3, 2)$$, 'one log row with outcome, attempt, slot and worker');

-- Atomicity: if the caller's transaction rolls back, nothing of the batch stays.
savepoint before_batch;
select pgrelay.notify('t.ok', '{"n": 2}') as atom_id \gset
release savepoint before_batch;
savepoint s1;
select count(*) from pgrelay.process_batch(10);
rollback to savepoint s1;
select is((select count(*)::int from pgrelay.queue where id = :atom_id), 1, 'rolled-back batch: the event is still queued');
select is((select count(*)::int from app.sink where v = '{"n": 2}'), 0, 'rolled-back batch: the action left no trace');
select is((select count(*)::int from pgrelay.log where event_id = :atom_id), 0, 'rolled-back batch: no log row');
select count(*) from pgrelay.process_batch(10);

-- Non-class-40 error: failed at once, payload kept in failed, never in the log.
select pgrelay.notify('t.div', '{"marker": "SECRET-PAYLOAD-7f3a"}') as div_id \gset
select results_eq($$select outcome, error_code from pgrelay.process_batch(10)$$,
                  $$values ('failed'::text, '22012'::text)$$, 'division by zero fails at once with its SQLSTATE');
select results_eq(format('select payload, attempts, sqlstate from pgrelay.failed where id = %s', :div_id),
                  $$values ('{"marker": "SECRET-PAYLOAD-7f3a"}'::jsonb, 1, '22012'::text)$$,
                  'the failed event keeps its payload in pgrelay.failed');
select results_eq(format('select outcome, sqlstate, message from pgrelay.log where event_id = %s', :div_id),
                  $$values ('failed'::text, '22012'::text, 'division by zero'::text)$$,
                  'the log row holds SQLSTATE and message');
select is((select count(*)::int from pgrelay.log l where l::text like '%SECRET-PAYLOAD-7f3a%'), 0,
          'the payload appears nowhere in the log');

-- Class 40: retried at +3, +5, +10 s, then failed.
select pgrelay.notify('t.retry', '{"k": "r1"}') as r_id \gset
create temp table retry_steps (attempt int, delay_s numeric);
do $$
declare
    r record;
    v_before timestamptz;
begin
    for i in 1 .. 4 loop
        v_before := clock_timestamp();
        for r in select * from pgrelay.process_batch(10) loop
            insert into retry_steps
            select r.attempt, round(extract(epoch from q.run_at - v_before)::numeric, 0)
              from pgrelay.queue q where q.channel = 't.retry';
            if r.outcome = 'failed' then
                insert into retry_steps values (r.attempt, null);
            end if;
        end loop;
        update pgrelay.queue set run_at = now() where channel = 't.retry';  -- make it due now
    end loop;
end $$;
select results_eq($$select attempt, delay_s from retry_steps order by attempt$$,
                  $$values (1, 3::numeric), (2, 5::numeric), (3, 10::numeric), (4, null::numeric)$$,
                  'a class-40 error is retried after 3, 5 and 10 s, and the 4th failure is final');
select results_eq(format('select outcome, attempt, sqlstate from pgrelay.log where event_id = %s order by id', :r_id),
                  $$values ('retry'::text, 1, '40P01'::text), ('retry', 2, '40P01'), ('retry', 3, '40P01'), ('failed', 4, '40P01')$$,
                  'one log row per attempt');
select is((select attempts from pgrelay.failed where id = :r_id), 4, 'the dead letter counts 4 attempts');

-- Requeue.
select is(pgrelay.requeue_failed(:div_id), :div_id::bigint, 'requeue_failed returns the event id');
select results_eq(format('select attempt, payload from pgrelay.queue where id = %s', :div_id),
                  $$values (1, '{"marker": "SECRET-PAYLOAD-7f3a"}'::jsonb)$$, 'the event is back, attempt 1, payload intact');
select is((select count(*)::int from pgrelay.failed where id = :div_id), 0, 'and left the dead letters');
select throws_ok($$select pgrelay.requeue_failed(-1)$$, 'PR008', null, 'requeueing an unknown id is a clear error');
delete from pgrelay.queue where id = :div_id;

-- Inactive channel: queued events are held, not run, and released on reactivation.
select pgrelay.notify('t.ok', '{"n": 3}') as held_id \gset
select pgrelay.alter_channel('t.ok', p_active => false);
select is((select count(*)::int from pgrelay.process_batch(10)), 0, 'events of an inactive channel are not claimed');
select ok((select held from pgrelay.queue where id = :held_id), 'they are held in the queue');
select pgrelay.alter_channel('t.ok', p_active => true);
select results_eq($$select outcome from pgrelay.process_batch(10)$$, $$values ('succeeded'::text)$$,
                  'reactivated: the held event runs');

-- Batch limits and order.
select throws_ok($$select * from pgrelay.process_batch(1001)$$, 'PR007', null, 'more than 1000 per batch is refused');
select throws_ok($$select * from pgrelay.process_batch(0)$$, 'PR007', null, 'a batch of 0 is refused');
select pgrelay.notify('t.ok', '{"o": 2}', now() - interval '1 s');
select pgrelay.notify('t.ok', '{"o": 1}', now() - interval '2 s');
select pgrelay.notify('t.ok', '{"o": 3}');
select is((select array_agg(event_id order by ord) from
             (select event_id, row_number() over () as ord from pgrelay.process_batch(2)) b),
          (select array_agg(id order by run_at, id) from (select id, run_at from pgrelay.queue order by run_at, id limit 2) q),
          'claims the two oldest due events first');
select is((select count(*)::int from pgrelay.queue where channel = 't.ok'), 1, 'and leaves the rest');

-- Solo channels: such an event is processed in a batch of its own; the action sees its event id.
select count(*) from pgrelay.process_batch(60);
select pgrelay.create_channel('t.solo', $$insert into app.sink values (jsonb_build_object('solo', current_setting('pgrelay.event_id')::bigint))$$,
                              p_solo => true);
select pgrelay.notify('t.ok', '{"s": 1}', now() - interval '4 s');
select pgrelay.notify('t.ok', '{"s": 2}', now() - interval '3 s');
select pgrelay.notify('t.solo', null, now() - interval '2 s') as solo_id \gset
select pgrelay.notify('t.ok', '{"s": 3}', now() - interval '1 s');
select is((select array_agg(channel order by event_id) from pgrelay.process_batch(10)), '{t.ok,t.ok,t.ok}',
          'a batch passes a solo event by (it stays unlocked, for another worker)');
select is((select array_agg(channel) from pgrelay.process_batch(10)), '{t.solo}',
          'a solo event at the head of the queue is a batch of its own');
select is((select count(*)::int from pgrelay.process_batch(10)), 0, 'and nothing was left behind');
select is((select (v->>'solo')::bigint from app.sink where v ? 'solo'), :solo_id::bigint,
          'the action read its own event id from pgrelay.event_id');
select pgrelay.alter_channel('t.solo', p_solo => false);
select is((select solo from pgrelay.channel where name = 't.solo'), false, 'alter_channel changes solo');

-- A deferred constraint that fails is its event's failure, not the batch's: left for COMMIT
-- it rolled back the whole batch every time it was retried, and blocked the queue behind it.
create table app.checked (v jsonb);
create function app.check_later() returns trigger language plpgsql as $$
begin perform (new.v->>'n')::int; return null; end $$;
create constraint trigger check_later after insert on app.checked
    deferrable initially deferred for each row execute function app.check_later();
grant insert on app.checked to pgrelay;
select pgrelay.create_channel('t.deferred', 'insert into app.checked values ($1)');
delete from pgrelay.queue;
select pgrelay.notify('t.deferred', '{"n": "not a number"}'), pgrelay.notify('t.deferred', '{"n": 7}');
select results_eq($$select outcome, error_code from pgrelay.process_batch(10)$$,
                  $$values ('failed'::text, '22P02'::text), ('succeeded', null)$$,
                  'a deferred constraint failing fails its own event; the next one succeeds');
select is((select count(*)::int from app.checked), 1, 'and only the good row stays');

-- A statement_timeout (a role's, say) that cancels an action is that event's failure (57014),
-- not the batch's: the events after it run.
select pgrelay.create_channel('t.slow', 'select pg_sleep(2)');
delete from pgrelay.queue;
select pgrelay.notify('t.slow'), pgrelay.notify('t.ok', '{"after_timeout": 1}'), pgrelay.notify('t.ok', '{"after_timeout": 2}');
set local statement_timeout = '300ms';
create temp table timed as select outcome, error_code from pgrelay.process_batch(10);
reset statement_timeout;
select results_eq($$select outcome, error_code from timed$$,
                  $$values ('failed'::text, '57014'::text), ('succeeded', null), ('succeeded', null)$$,
                  'a cancelled action fails alone (57014); the rest of its batch succeeds');

-- A dropped channel cannot strand events: drop refuses while events are pending.
select pgrelay.notify('t.ok', '{"later": 1}', now() + interval '1 hour');
select throws_ok($$select pgrelay.drop_channel('t.ok')$$, '2BP01', null, 'drop_channel refuses while events are pending');

select * from finish();
rollback;
