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
select plan(12);

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
select is((select array_agg(pg_get_expr(i.indpred, i.indrelid) order by 1) from pg_index i join pg_class c on c.oid = i.indrelid
            where c.relname = 'queue_p0' and i.indexrelid <> 'pgrelay.queue_p0_run_at_id_idx'::regclass),
          array['((NOT held) AND (priority <> 0))'],
          'the only other index on the queue leaves out events of priority 0: a notify of such a channel does not write it');

select * from finish();
rollback;
