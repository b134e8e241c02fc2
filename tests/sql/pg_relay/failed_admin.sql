-- Dead letters (issue 17): failed_retention, purged by the built-in job; requeue and discard
-- by filter, as an admin, never "all" by accident.
create extension pg_relay;
drop role if exists failed_admin, failed_reader;
create role failed_admin;
grant pgrelay_admin to failed_admin;
create role failed_reader;
grant pgrelay_reader to failed_reader;

begin;
select plan(20);

select pgrelay.create_channel('f.a', 'select 1');
select pgrelay.create_channel('f.b', 'select 1', p_priority => 3);
select pgrelay.create_channel('f.gone', 'select 1');
insert into pgrelay.failed (id, channel, payload, enqueued_at, run_at, attempts, failed_at, sqlstate, message)
values (101, 'f.a', '{"n": 1}', now() - interval '40 days', now() - interval '40 days', 4, now() - interval '40 days', '40P01', 'deadlock'),
       (102, 'f.a', '{"n": 2}', now() - interval '2 days', now() - interval '2 days', 4, now() - interval '2 days', '40001', 'serialization'),
       (103, 'f.a', '{"n": 3}', now() - interval '1 hour', now() - interval '1 hour', 1, now() - interval '1 hour', '23505', 'duplicate key'),
       (104, 'f.b', '{"n": 4}', now() - interval '1 hour', now() - interval '1 hour', 1, now() - interval '1 hour', 'P0001', 'bug'),
       (105, 'f.gone', null, now() - interval '1 hour', now() - interval '1 hour', 1, now() - interval '1 hour', 'P0001', 'bug');

-- Retention.
select is((select value from pgrelay.setting where name = 'failed_retention'), '30 days',
          'dead letters are kept 30 days by default');
select lives_ok($$select pgrelay.set_setting('failed_retention', '35 days')$$, 'failed_retention is a setting');
select throws_ok($$select pgrelay.set_setting('failed_retention', 'forever')$$, 'PR010', null,
                 'and takes an interval only');
select pgrelay.set_setting('failed_retention', '30 days');
update pgrelay.queue set run_at = now() where schedule_name = 'pgrelay.purge_log';
select results_eq($$select channel, outcome from pgrelay.process_batch(10)$$,
                  $$values ('pgrelay.purge_log'::text, 'succeeded'::text)$$, 'the built-in purge job runs');
select results_eq($$select id from pgrelay.failed order by id$$, $$values (102::bigint), (103), (104), (105)$$,
                  'and deleted the dead letter older than failed_retention, only that one');

-- Never all by accident.
select throws_ok($$select pgrelay.requeue_failed_events()$$, '22023',
                 'pg_relay: requeue which failed events? No filter was given',
                 'requeue with no filter is refused');
select throws_ok($$select pgrelay.discard_failed_events()$$, '22023',
                 'pg_relay: discard which failed events? No filter was given',
                 'and so is discard');
select is((select count(*)::int from pgrelay.failed), 4, 'nothing was touched');

-- Requeue by class, by channel, by time.
select is(pgrelay.requeue_failed_events(p_sqlstate => '40'), 1::bigint, 'a class matches its codes: one event requeued');
select results_eq($$select id, channel, attempt, payload, run_at = now(), tableoid::regclass::text like 'pgrelay.queue_p_' from pgrelay.queue where id = 102$$,
                  $$values (102::bigint, 'f.a'::text, 1, '{"n": 2}'::jsonb, true, true)$$,
                  'back in the queue: its id and payload, attempt 1, due now');
select pgrelay.alter_channel('f.b', p_active => false);
select is(pgrelay.requeue_failed_events(p_channel => 'f.b', p_run_at => now() + interval '1 hour'), 1::bigint,
          'by channel, for later');
select results_eq($$select held, priority::int, tableoid::regclass::text, run_at = now() + interval '1 hour' from pgrelay.queue where id = 104$$,
                  $$values (true, 3, 'pgrelay.queue_p2', true)$$,
                  'held, as its channel is inactive, with the channel''s priority in its partition, at the time given');
select is(pgrelay.requeue_failed_events(p_sqlstate => '23505', p_failed_before => now() - interval '2 hours'), 0::bigint,
          'filters combine: none failed with 23505 before two hours ago');
select is(pgrelay.requeue_failed_events(p_failed_after => now() - interval '3 hours', p_sqlstate => '23505'), 1::bigint,
          'one did after three hours ago');

-- A channel that is gone.
select pgrelay.drop_channel('f.gone');
select is(pgrelay.requeue_failed_events(p_all => true), 0::bigint, 'p_all: every one, but a dropped channel''s stays');
select is((select array_agg(id) from pgrelay.failed), array[105::bigint], 'it is still a dead letter');

-- Discard, as an admin; a reader may not.
select throws_ok($$select tap_helpers.as_role('failed_reader', 'select pgrelay.discard_failed_events(p_all => true)')$$,
                 '42501', null, 'a reader may not discard');
select is((select tap_helpers.as_role_value('failed_admin', 'select pgrelay.discard_failed_events(p_channel => ''f.gone'')')), '1',
          'an admin discards by channel, and learns how many');
select is((select count(*)::int from pgrelay.failed), 0, 'none is left');
select is((select tap_helpers.as_role_value('failed_admin', 'select pgrelay.requeue_failed_events(p_channel => ''f.a'')')), '0',
          'an admin may requeue too (none left to)');

select * from finish();
rollback;

drop role failed_admin;
drop role failed_reader;
