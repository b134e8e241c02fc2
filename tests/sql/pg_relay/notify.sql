-- notify(): an append in the caller's transaction; the poll uses the partial index.
create extension pg_relay;
create table public.sink (v jsonb);
grant insert on public.sink to pgrelay;
select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)');
-- A committed event and a rolled-back one.
begin;
select pgrelay.notify('t.sink', '{"n": 1}');
commit;
begin;
select pgrelay.notify('t.sink', '{"n": 2}');
rollback;

begin;
select plan(21);

select is((select count(*)::int from pgrelay.queue where channel = 't.sink'), 1,
          'a committed notify leaves one event; the rolled-back one never existed');
select is((select payload from pgrelay.queue where channel = 't.sink'), '{"n": 1}'::jsonb,
          'the payload is stored as given');
select throws_ok($$select pgrelay.notify('no.such', '{}')$$, 'PR001', 'pg_relay: unknown channel "no.such"',
                 'an unknown channel is refused by name');
select throws_ok($$select pgrelay.notify(null)$$, 'PR001', null, 'a NULL channel is refused');
select pgrelay.alter_channel('t.sink', p_active => false);
select throws_ok($$select pgrelay.notify('t.sink')$$, 'PR002', 'pg_relay: channel "t.sink" is inactive',
                 'an inactive channel is refused by name');
select pgrelay.alter_channel('t.sink', p_active => true);
select ok(pgrelay.notify('t.sink') > 0, 'a NULL payload is allowed');
select ok(pgrelay.has_due_events(), 'due events are seen by the poll');

-- Future events are not due.
delete from pgrelay.queue where channel = 't.sink';
select pgrelay.notify('t.sink', '{}', now() + interval '1 hour');
select ok(not pgrelay.has_due_events(), 'an event with a future run_at is not due');
select is((select count(*)::int from pgrelay.process_batch(10)), 0, 'and is not claimed');

-- The poll's plan: an index scan of the partial due index on each partition.
insert into pgrelay.queue (part, channel, run_at)
select 0, 't.sink', now() + interval '1 day' from generate_series(1, 5000);
analyze pgrelay.queue_p0;
select matches(
    (select string_agg(line, E'\n') from (
        select * from tap_helpers.explain_lines('select exists (select 1 from pgrelay.queue where not held and run_at <= now())')
     ) e(line)),
    'Index (Only )?Scan using queue_p0_run_at_id_idx', 'the poll reads the partial index of partition 0');
select ok((select indpred is not null from pg_index where indexrelid = 'pgrelay.queue_p0_run_at_id_idx'::regclass),
          'that index is partial (held events left out)');
select is((select count(*)::int from pg_index i where i.indrelid = 'pgrelay.queue_p0'::regclass), 1,
          'a notify of a priority-0 channel writes one index: the due index is queue_p0''s only one');
select is((select array_agg(i.indexrelid::regclass::text order by i.indexrelid::regclass::text) from pg_index i
            where i.indrelid = 'pgrelay.queue_p2'::regclass),
          array['pgrelay.queue_key_idx', 'pgrelay.queue_p2_run_at_id_idx', 'pgrelay.queue_priority_idx'],
          'the priority and key indexes are on queue_p2, the partition of other priorities and keyed events, beside its due index');

-- Priority channels' events go to queue_p2, and move when the channel's priority changes.
delete from pgrelay.queue;
select pgrelay.create_channel('t.urgent', 'insert into public.sink values ($1)', p_priority => 5);
select pgrelay.notify('t.urgent', '{"u": 1}'), pgrelay.notify('t.sink', '{"n": 3}');
select results_eq($$select channel, tableoid::regclass::text from pgrelay.queue order by channel$$,
                  $$values ('t.sink', 'pgrelay.queue_p' || (select current_part from pgrelay.queue_state)),
                           ('t.urgent', 'pgrelay.queue_p2')$$,
                  'a priority-5 channel''s event is in queue_p2, a priority-0 one''s in the current partition');
select pgrelay.alter_channel('t.urgent', p_priority => 0);
select pgrelay.alter_channel('t.sink', p_priority => -3);
select results_eq($$select channel, priority::int, tableoid::regclass::text from pgrelay.queue order by channel$$,
                  $$values ('t.sink', -3, 'pgrelay.queue_p2'),
                           ('t.urgent', 0, 'pgrelay.queue_p' || (select current_part from pgrelay.queue_state))$$,
                  'changing a channel''s priority moves its queued events to the partition that goes with it');
select results_eq($$select channel from pgrelay.process_batch(10) order by event_id$$,
                  $$values ('t.urgent'), ('t.sink')$$,
                  'and the claim follows the new priorities (0 before -3)');

-- Two functions share the name (40_notify.sql): notify(channel, payload) without default
-- arguments, and the general form with a varchar channel. Every call shape must resolve, and
-- to the form meant for it (call counts of this transaction, track_functions = pl).
set local track_functions = 'pl';
create function pg_temp.calls(p_form regprocedure) returns bigint language sql
as $$ select coalesce((select calls from pg_stat_xact_user_functions where funcid = p_form), 0) $$;
create function pg_temp.forms() returns int[] language sql
as $$ select array[pg_temp.calls('pgrelay.notify(text, jsonb)')::int,
                   pg_temp.calls('pgrelay.notify(varchar, jsonb, timestamptz, text, text)')::int] $$;
select pgrelay.create_channel('t.short', 'insert into public.sink values ($1)');
select pgrelay.notify('t.short', '{"f": 1}');
select is(pg_temp.forms(), array[1, 0], 'notify(channel, payload) with literals takes the short form');
prepare short_form as select pgrelay.notify($1, $2);
execute short_form('t.short', '{"f": 2}');
select pgrelay.notify(p_channel => 't.short', p_payload => '{"f": 3}'),
       pgrelay.notify(pg_catalog.format('t.%s', 'short'), jsonb_build_object('f', 4));
select is(pg_temp.forms(), array[4, 0], 'so do parameters of unknown type, named arguments and text and jsonb values');
select pgrelay.notify('t.short'), pgrelay.notify('t.short', '{}', now()),
       pgrelay.notify('t.short', '{}', p_key => 'k'), pgrelay.notify('t.short'::varchar, '{}');
select is(pg_temp.forms(), array[4, 4], 'one argument, three, a named p_key and a varchar channel take the general form');
select pgrelay.notify('t.sink', '{"n": 4}');
select is(pg_temp.forms(), array[5, 5], 'the short form hands another priority''s channel to the general form');
select is((select array_agg(tableoid::regclass::text) from pgrelay.queue where payload = '{"n": 4}'), array['pgrelay.queue_p2'],
          'which queues it in queue_p2, once');

select * from finish();
rollback;
