-- Log retention: a setting, a purge function and a built-in recurring job.
create extension pg_relay;
begin;
select plan(8);

select is((select value from pgrelay.setting where name = 'log_retention'), '14 days', 'logs are kept 14 days by default');
select results_eq($$select channel, every from pgrelay.schedule where name = 'pgrelay.purge_log'$$,
                  $$values ('pgrelay.purge_log'::text, interval '1 hour')$$, 'a built-in job purges the log every hour');
select is((select count(*)::int from pgrelay.queue where schedule_name = 'pgrelay.purge_log'), 1, 'and has its pending run');

insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms)
values (1, 'x', 'succeeded', 1, now() - interval '15 days', 1),
       (2, 'x', 'succeeded', 1, now() - interval '13 days', 1);
select pgrelay.set_setting('log_retention', '14 days');
update pgrelay.queue set run_at = now() where schedule_name = 'pgrelay.purge_log';
select results_eq($$select channel, outcome from pgrelay.process_batch(10)$$,
                  $$values ('pgrelay.purge_log'::text, 'succeeded'::text)$$, 'the purge job runs as an ordinary event');
select results_eq($$select event_id from pgrelay.log where channel = 'x'$$, $$values (2::bigint)$$,
                  'it deleted only rows older than the retention');

select throws_ok($$select pgrelay.set_setting('log_retention', 'soon')$$, 'PR010', null, 'a bad interval is refused');
select throws_ok($$select pgrelay.set_setting('nope', '1 day')$$, 'PR010', null, 'an unknown setting is refused');
select pgrelay.set_setting('log_purge_every', '10 minutes');
select is((select every from pgrelay.schedule where name = 'pgrelay.purge_log'), interval '10 minutes',
          'changing log_purge_every reschedules the job');

select * from finish();
rollback;
