-- queue_metrics(): one row per channel with due, future, held and failed events, the oldest
-- due event's wait, attempts in the last minute and hour, and failures; readers may call it,
-- a role that only notifies may not.
create extension pg_relay;
drop role if exists relay_metrics_app, relay_metrics_reader;
create role relay_metrics_app login in role pgrelay_notify;
create role relay_metrics_reader login in role pgrelay_reader;
create table public.sink (v jsonb);
grant insert on public.sink to pgrelay;
select pgrelay.create_channel('m.ok', 'insert into public.sink values ($1)');
select pgrelay.create_channel('m.bad', 'select 1 / 0');
select pgrelay.create_channel('m.off', 'select 1');

begin;
select plan(4);

select pgrelay.notify('m.ok') from generate_series(1, 3);
select pgrelay.notify('m.bad');
select count(*) from pgrelay.process_batch(100);    -- three succeed, one fails
select pgrelay.notify('m.ok', null, now() - interval '10 minutes');
select pgrelay.notify('m.ok');
select pgrelay.notify('m.ok', null, now() + interval '1 hour');
select pgrelay.notify('m.off');
select pgrelay.alter_channel('m.off', p_active => false);

select results_eq(
    $$select channel, due, future, held, failed, oldest_due_age, processed_last_minute,
             processed_last_hour, failures_last_hour
        from pgrelay.queue_metrics() where channel like 'm.%'$$,
    $$values ('m.bad'::text, 0::bigint, 0::bigint, 0::bigint, 1::bigint, null::interval, 1::bigint, 1::bigint, 1::bigint),
             ('m.off', 0, 0, 1, 0, null, 0, 0, 0),
             ('m.ok', 2, 1, 0, 0, interval '10 minutes', 3, 3, 0)$$,
    'per channel: due, future, held, dead letters, the oldest wait, attempts and failures');
select is((select count(*)::int from pgrelay.queue_metrics() where channel like 'pgrelay.%'), 1,
          'the built-in channel has its row too');
select lives_ok($$select tap_helpers.as_role('relay_metrics_reader', 'select count(*) from pgrelay.queue_metrics()')$$,
                'a reader may read the metrics');
select throws_ok($$select tap_helpers.as_role('relay_metrics_app', 'select count(*) from pgrelay.queue_metrics()')$$,
                 '42501', null, 'a role that only notifies may not');

select * from finish();
rollback;
drop role relay_metrics_app, relay_metrics_reader;
