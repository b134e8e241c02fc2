-- Failure alerts (issue 17): an event that fails for good enqueues one on the channel's
-- p_on_failure channel with its facts, its payload only on request; no loops; no dangling.
create extension pg_relay;
create schema app;
grant usage on schema app to pgrelay;
create table app.alerts (alert jsonb);
grant insert on app.alerts to pgrelay;
create function app.fail(p jsonb) returns void language plpgsql as $$
begin
    if p ? 'code' then
        raise exception 'failing for customer %', p->>'customer' using errcode = p->>'code';
    end if;
end $$;
grant execute on function app.fail(jsonb) to pgrelay;

begin;
select plan(17);

select pgrelay.create_channel('a.alerts', 'insert into app.alerts values ($1)');
select lives_ok($$select pgrelay.create_channel('a.job', 'select app.fail($1)', p_on_failure => 'a.alerts',
                                                p_max_attempts => 2, p_retry_on => '{P0}', p_retry_base => '1 s')$$,
                'a channel with a failure alert channel');

-- A final failure alerts once, with the facts and without the payload.
select pgrelay.notify('a.job', '{"code": "P0001", "customer": "ACME-4711"}') as ev \gset
select results_eq($$select outcome from pgrelay.process_batch(10)$$, $$values ('retry'::text)$$, 'the first failure is retried');
select is((select count(*)::int from pgrelay.queue where channel = 'a.alerts'), 0, 'a retry does not alert');
update pgrelay.queue set run_at = now() where channel = 'a.job';
select results_eq($$select outcome from pgrelay.process_batch(10)$$, $$values ('failed'::text)$$, 'the second is final');
select results_eq($$select channel, outcome from pgrelay.process_batch(10)$$, $$values ('a.alerts'::text, 'succeeded'::text)$$,
                  'an alert event is queued on the alert channel, and runs as any event');
select results_eq($$select alert->>'event_id', alert->>'channel', alert->>'sqlstate', alert->>'attempts',
                          alert->>'message', alert ? 'failed_at', alert ? 'payload' from app.alerts$$,
                  format($$values (%L, 'a.job', 'P0001', '2', 'failing for customer ACME-?', true, false)$$, :ev),
                  'it carries the event''s id, channel, SQLSTATE, message (values redacted, as in the log), attempts and time, not its payload');

-- Opting in to the payload.
select pgrelay.alter_channel('a.job', p_alert_payload => true, p_max_attempts => 1);
select pgrelay.notify('a.job', '{"code": "P0002", "customer": "ACME-1"}');
select pgrelay.process_batch(10);
select pgrelay.process_batch(10);
select is((select alert->'payload' from app.alerts where alert->>'sqlstate' = 'P0002'),
          '{"code": "P0002", "customer": "ACME-1"}'::jsonb, 'with p_alert_payload the payload comes too');

-- Success alerts nobody.
delete from app.alerts;
select pgrelay.notify('a.job', '{"ok": true}');
select results_eq($$select outcome from pgrelay.process_batch(10)$$, $$values ('succeeded'::text)$$, 'a success');
select is((select count(*)::int from pgrelay.queue where channel = 'a.alerts'), 0, 'sends no alert');

-- An inactive alert channel keeps its alerts.
select pgrelay.alter_channel('a.alerts', p_active => false);
select pgrelay.notify('a.job', '{"code": "P0003"}');
select pgrelay.process_batch(10);
select is((select held from pgrelay.queue where channel = 'a.alerts'), true, 'an inactive alert channel holds the alert');
select pgrelay.alter_channel('a.alerts', p_active => true);
delete from pgrelay.queue where channel = 'a.alerts';

-- Refused: unknown, internal, itself, a loop.
select throws_ok($$select pgrelay.alter_channel('a.job', p_on_failure => 'no.such')$$, 'PR001',
                 'pg_relay: failure alert channel "no.such" of channel "a.job" does not exist', 'an unknown alert channel is refused');
select throws_ok($$select pgrelay.alter_channel('a.job', p_on_failure => 'pgrelay.purge_log')$$, 'PR001', null,
                 'so is an internal one');
select throws_ok($$select pgrelay.alter_channel('a.job', p_on_failure => 'a.job')$$, '22023',
                 'pg_relay: channel "a.job" cannot send its failure alerts to "a.job": they would come back to it',
                 'a channel cannot alert itself');
select throws_ok($$select pgrelay.alter_channel('a.alerts', p_on_failure => 'a.job')$$, '22023',
                 'pg_relay: channel "a.alerts" cannot send its failure alerts to "a.job": they would come back to it',
                 'nor its alert channel alert it back');

-- No dangling: the alert channel cannot go while a channel points to it.
select throws_ok($$select pgrelay.drop_channel('a.alerts')$$, '2BP01',
                 'pg_relay: channel "a.alerts" receives the failure alerts of channel(s) a.job',
                 'an alert channel in use cannot be dropped');
select pgrelay.alter_channel('a.job', p_no_on_failure => true);
select lives_ok($$select pgrelay.drop_channel('a.alerts')$$, 'once unset, it can');
select is((select on_failure from pgrelay.channel where name = 'a.job'), null, 'and the job channel alerts nobody');

select * from finish();
rollback;
