-- Deduplication keys (issue 17): notify(p_key, p_on_conflict) keeps at most one event not yet
-- started per (channel, key); a running one does not count, and nobody waits for it. Runs in
-- autocommit: a second session (dblink) holds a batch open.
create extension pg_relay;
create extension dblink;
create schema app;
grant usage on schema app to pgrelay;
create table app.ran (p jsonb);
grant insert on app.ran to pgrelay;
create function app.run(p jsonb) returns void language plpgsql as $$
begin
    insert into app.ran values (p);
    if p ? 'fail' then
        raise exception 'asked to fail' using errcode = '40001';
    end if;
end $$;
grant execute on function app.run(jsonb) to pgrelay;
select pgrelay.create_channel('d.job', 'select app.run($1)');
select pgrelay.create_channel('d.other', 'select app.run($1)');
drop role if exists dedup_app, dedup_stranger;
create role dedup_app;
create role dedup_stranger;
select pgrelay.grant_notify('d.job', 'dedup_app');
select pgrelay.grant_notify('d.other', 'dedup_stranger');
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;

select plan(22);

-- keep / replace
select pgrelay.notify('d.job', '{"v": 1}', p_key => 'acct:7') as first \gset
select is(pgrelay.notify('d.job', '{"v": 2}', p_key => 'acct:7'), :first::bigint,
          'a second notify of the key returns the queued event''s id');
select results_eq($$select payload from pgrelay.queue where channel = 'd.job'$$, $$values ('{"v": 1}'::jsonb)$$,
                  '''keep'' (the default) leaves it as it was: one event, the first payload');
select is(pgrelay.notify('d.job', '{"v": 3}', now() + interval '1 minute', p_key => 'acct:7', p_on_conflict => 'replace'),
          :first::bigint, '''replace'' returns the same id');
select results_eq($$select payload, run_at > now() + interval '59 s' from pgrelay.queue where channel = 'd.job'$$,
                  $$values ('{"v": 3}'::jsonb, true)$$, 'and gives it the new payload and run_at');
select isnt(pgrelay.notify('d.job', '{"v": 4}', p_key => 'acct:8'), :first::bigint, 'another key is another event');
select isnt(pgrelay.notify('d.other', '{"v": 5}', p_key => 'acct:7'), :first::bigint, 'so is the same key on another channel');
select ok(pgrelay.notify('d.job', '{"v": 6}') <> :first, 'unkeyed notifies are never merged');
select is((select count(*)::int from pgrelay.queue where channel = 'd.job'), 3, 'd.job has three events');
select throws_ok($$select pgrelay.notify('d.job', null, p_key => 'k', p_on_conflict => 'merge')$$, '22023',
                 'pg_relay: p_on_conflict must be ''keep'' or ''replace'', not ''merge''', 'an unknown p_on_conflict is refused');

-- As the roles that notify: keyed events of their own channels only.
set role dedup_app;
select is(pgrelay.notify('d.job', '{"v": 7}', p_key => 'acct:7', p_on_conflict => 'replace'), :first::bigint,
          'a notifier keeps and replaces keyed events of its channel');
reset role;
select is((select payload from pgrelay.queue where id = :first), '{"v": 7}'::jsonb, 'the replace took effect');
set role dedup_stranger;
select throws_ok($$select pgrelay.notify('d.job', '{"evil": true}', p_key => 'acct:7', p_on_conflict => 'replace')$$,
                 'PR013', null, 'another channel''s notifier cannot replace its keyed event (it cannot see it)');
select is((select count(*)::int from pgrelay.queue_p2 where channel = 'd.job'), 0,
          'and reads no queued event of a channel it may not notify');
reset role;
select is((select payload from pgrelay.queue where id = :first), '{"v": 7}'::jsonb, 'the event is unchanged');

-- The key's event is running in another session's batch: a new one is queued, without waiting.
delete from pgrelay.queue where channel in ('d.job', 'd.other');
select pgrelay.notify('d.job', '{"fail": true}', p_key => 'acct:9') as running \gset
select dblink_connect('batch', pg_temp.conninfo());
select dblink_exec('batch', 'begin');
select is((select n from dblink('batch', 'select count(*)::int from pgrelay.process_batch(10)') as t(n int)), 1,
          'another session''s batch takes the keyed event (and has not committed)');
set statement_timeout = '5s';
select pgrelay.notify('d.job', '{"v": 10}', p_key => 'acct:9') as newer \gset
reset statement_timeout;
select isnt(:newer::bigint, :running::bigint, 'a notify of its key queues a new event at once: the running one may have read its payload');
select dblink_exec('batch', 'commit');
select dblink_disconnect('batch');
-- The running one failed with a retryable error: its retry goes back without the key.
select results_eq($$select id, dedup_key from pgrelay.queue where channel = 'd.job' order by id$$,
                  format($$values (%s::bigint, null::text), (%s, 'acct:9')$$, :running, :newer),
                  'its retry goes back without the key, which the newer event holds');
select is(pgrelay.notify('d.job', '{"v": 11}', p_key => 'acct:9'), :newer::bigint, 'so the key still means one event');

-- Likewise with no competitor: the key is free once a batch has taken the event.
delete from pgrelay.queue where channel = 'd.job';
select pgrelay.notify('d.job', '{"fail": true}', p_key => 'acct:10') as ev \gset
select results_eq($$select outcome from pgrelay.process_batch(10)$$, $$values ('retry'::text)$$, 'a keyed event fails and is retried');
select is((select dedup_key from pgrelay.queue where id = :ev), null, 'without its key');
select isnt(pgrelay.notify('d.job', '{"v": 12}', p_key => 'acct:10'), :ev::bigint, 'so a keyed notify queues a new event');

-- Unkeyed notifies pay nothing for keys: their partition has no key index.
select is((select count(*)::int from pg_index where indrelid = 'pgrelay.queue_p0'::regclass), 1,
          'queue_p0 (unkeyed events of priority 0) keeps its one index');

select * from finish();
delete from pgrelay.queue;
drop owned by dedup_app;
drop owned by dedup_stranger;
drop role dedup_app;
drop role dedup_stranger;
