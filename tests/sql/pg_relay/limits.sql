-- Per-channel limits: priority (claim order), max_parallel (slots across processors, and the
-- last free worker), timeout (stored; the processor enforces it: tests/core/tst_processor.cpp).
create extension pg_relay;
create table public.ran (channel text, n int, seq bigint generated always as identity);
grant insert on public.ran to pgrelay;
drop role if exists limits_app;
create role limits_app;

begin;
select plan(27);

-- Creating and changing limits; bad values are refused by name and change nothing.
select lives_ok($$select pgrelay.create_channel('l.low', 'insert into public.ran (channel, n) values (''low'', ($1->>''n'')::int)', p_priority => -5)$$,
                'a channel with a negative priority');
select lives_ok($$select pgrelay.create_channel('l.normal', 'insert into public.ran (channel, n) values (''normal'', ($1->>''n'')::int)')$$,
                'a channel with the default priority');
select lives_ok($$select pgrelay.create_channel('l.high', 'insert into public.ran (channel, n) values (''high'', ($1->>''n'')::int)', p_priority => 10)$$,
                'a channel with a positive priority');
select lives_ok($$select pgrelay.create_channel('l.limited', 'insert into public.ran (channel, n) values (''limited'', ($1->>''n'')::int)',
                                                p_max_parallel => 2, p_timeout => '30 s')$$,
                'a channel with max_parallel and timeout');
select is((select array[timeout::text, max_parallel::text, priority::text] from pgrelay.channel where name = 'l.limited'),
          array['00:00:30', '2', '0'], 'its limits are stored');
select throws_ok($$select pgrelay.create_channel('l.bad', 'select 1', p_timeout => '0 s')$$, '22023',
                 'pg_relay: timeout 00:00:00 of channel "l.bad" is out of range', 'a zero timeout is refused by name');
select throws_ok($$select pgrelay.create_channel('l.bad', 'select 1', p_max_parallel => 0)$$, '22023',
                 'pg_relay: max_parallel 0 of channel "l.bad" is out of range', 'max_parallel 0 is refused');
select throws_ok($$select pgrelay.alter_channel('l.high', p_priority => 5000)$$, '22023',
                 'pg_relay: priority 5000 of channel "l.high" is out of range', 'a priority out of range is refused');
select is((select count(*)::int from pgrelay.channel where name = 'l.bad'), 0, 'nothing was stored');
select is((select priority::int from pgrelay.channel where name = 'l.high'), 10, 'the refused change changed nothing');

-- Claim order: higher priority first, then due time, whatever the enqueue order.
select pgrelay.notify('l.low', '{"n": 1}'), pgrelay.notify('l.normal', '{"n": 2}'), pgrelay.notify('l.high', '{"n": 3}'),
       pgrelay.notify('l.low', '{"n": 4}'), pgrelay.notify('l.normal', '{"n": 5}'), pgrelay.notify('l.high', '{"n": 6}');
create temp table batch1 as select * from pgrelay.process_batch(10);
select is((select array_agg(n order by seq) from public.ran), array[3, 6, 2, 5, 1, 4],
          'events run high (10), normal (0), low (-5), each in due order');
select is((select array_agg(event_id order by event_id) from batch1), (select array_agg(event_id order by event_id) from pgrelay.log),
          'and all of them in one batch, one log row each');

-- Changing a channel's priority re-orders its queued events.
delete from public.ran;
select pgrelay.notify('l.normal', '{"n": 7}'), pgrelay.notify('l.low', '{"n": 8}');
select pgrelay.alter_channel('l.low', p_priority => 20);
select is((select priority::int from pgrelay.queue where channel = 'l.low'), 20, 'a queued event takes the new priority');
select count(*) from pgrelay.process_batch(10);
select is((select array_agg(n order by seq) from public.ran), array[8, 7], 'and is claimed first');

-- max_parallel: an event runs holding one of the channel's slots; a claim skips a channel whose
-- slots are all held, and the processor's last free worker (p_spare) leaves limited channels alone.
delete from public.ran;
select pgrelay.notify('l.limited', '{"n": 9}');
select is((select count(*)::int from pgrelay.process_batch(10, null, null, true)), 0,
          'the last free worker does not take an event of a limited channel');
select ok(not pgrelay.has_due_events(true), 'and its poll does not call it for one');
select ok(pgrelay.has_due_events(false), 'another worker''s poll does');
select is((select outcome from pgrelay.process_batch(10, null, null, false)), 'succeeded', 'and that worker runs it');
select is((select count(*)::int from pg_locks where locktype = 'advisory' and classid = pgrelay.parallel_key('l.limited')::oid
           and objid between 1 and 2 and pid = pg_backend_pid()), 1,
          'holding one of the channel''s two slots until the batch commits');

-- An idle poll (nothing due: the usual one, from every processor) does not ask which channels are
-- busy: busy_channels() reads pg_locks, which takes every lock-manager partition lock and every
-- backend's fast-path lock. A poll that finds an event due does.
set local track_functions = 'all';
select is((select count(*)::int from pgrelay.queue where not held and run_at <= now()), 0, 'nothing is due');
select ok(not pgrelay.has_due_events(false), 'an idle poll says so');
select is((select coalesce(sum(calls), 0)::int from pg_stat_xact_user_functions
            where schemaname = 'pgrelay' and funcname = 'busy_channels'), 0,
          'without reading which channels are busy');
select pgrelay.notify('l.normal', '{"n": 99}');
select ok(pgrelay.has_due_events(false), 'a poll with an event due says so');
select is((select coalesce(sum(calls), 0)::int from pg_stat_xact_user_functions
            where schemaname = 'pgrelay' and funcname = 'busy_channels'), 1,
          'having read which channels are busy');
delete from pgrelay.queue where payload->>'n' = '99';
reset track_functions;

-- Notifiers cannot jump the queue: a direct insert must carry the channel's priority.
select pgrelay.grant_notify('l.normal', 'limits_app');
select throws_ok($$select tap_helpers.as_role('limits_app',
                     'insert into pgrelay.queue_p0 (part, channel, run_at, priority) values (0, ''l.normal'', now(), 1000)')$$,
                 'PR013', 'pg_relay: an event of channel "l.normal" must have the channel''s priority',
                 'a notifier''s direct insert with another priority is refused');
select throws_ok($$select tap_helpers.as_role('limits_app',
                     'insert into pgrelay.queue_p2 (part, channel, run_at, priority) values (2, ''l.normal'', now(), 0)')$$,
                 '42501', null,
                 'and one of a priority-0 channel into queue_p2 (the other priorities'' partition, never claimed from for priority 0)');
select lives_ok($$select tap_helpers.as_role('limits_app', 'select pgrelay.notify(''l.normal'')')$$,
                'while notify() as that role works');

select * from finish();
rollback;

drop owned by limits_app;
drop role limits_app;
