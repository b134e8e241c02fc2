-- Security: PUBLIC gets nothing; privileged functions pin search_path; actions run as their
-- channel's run-as role ("pgrelay" by default) and cannot escalate; the grantable roles grant
-- exactly what they say. The attacks of issue 13 are replayed in attacks.sql.
create extension pg_relay;
-- Roles are cluster-wide: a run that stopped half-way may have left them.
drop role if exists relay_sec_mallory, relay_sec_app, relay_sec_auditor;
create role relay_sec_mallory login;
create role relay_sec_app login in role pgrelay_notify;
create role relay_sec_auditor login in role pgrelay_reader;
create schema app;
create table app.secret (v text);
insert into app.secret values ('top secret');
create table app.sink (v jsonb);
grant usage on schema app to pgrelay;
grant insert on app.sink to pgrelay;
select pgrelay.create_channel('t.ok', 'insert into app.sink values ($1)');

begin;
select plan(30);

-- Catalog checks.
select is((select count(*)::int from pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
            where c.relnamespace = 'pgrelay'::regnamespace and a.grantee = 0),
          0, 'PUBLIC holds no privilege on any pgrelay table, view or sequence');
select is((select count(*)::int from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
            where p.pronamespace = 'pgrelay'::regnamespace and a.grantee = 0),
          0, 'PUBLIC may execute no pgrelay function');
select is((select string_agg(proname, ', ') from pg_proc
            where pronamespace = 'pgrelay'::regnamespace and prosecdef
              and not coalesce(proconfig, '{}') @> array['search_path=pg_catalog, pg_temp']),
          null, 'every SECURITY DEFINER function pins search_path = pg_catalog, pg_temp');
select is((select pg_get_userbyid(proowner)::text from pg_proc where oid = 'pgrelay_action."t.ok"(jsonb)'::regprocedure),
          'pgrelay', 'a channel''s action is a function owned by its run-as role, pgrelay by default');
select ok(not (select rolsuper or rolcreaterole or rolcreatedb or rolcanlogin or rolbypassrls
                 from pg_roles where rolname = 'pgrelay'), 'role pgrelay has no special attributes');

-- An unprivileged role can do nothing.
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select count(*) from pgrelay.queue')$$,
                 '42501', null, 'mallory cannot read the queue');
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select count(*) from pgrelay.log')$$,
                 '42501', null, 'mallory cannot read the log');
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select pgrelay.notify(''t.ok'')')$$,
                 '42501', null, 'mallory cannot notify');
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select pgrelay.create_channel(''evil'', ''select 1'')')$$,
                 '42501', null, 'mallory cannot create channels');
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select pgrelay_action."t.ok"(null)')$$,
                 '42501', null, 'mallory cannot run actions');
select throws_ok($$select tap_helpers.as_role('relay_sec_mallory', 'select count(*) from pgrelay.process_batch(1)')$$,
                 '42501', null, 'mallory cannot process events');

-- pgrelay_notify may notify and nothing else.
select lives_ok($$select tap_helpers.as_role('relay_sec_app', 'select pgrelay.notify(''t.ok'', ''{"from": "app"}'')')$$,
                'a member of pgrelay_notify can notify');
select throws_ok($$select tap_helpers.as_role('relay_sec_app', 'select count(*) from pgrelay.queue')$$,
                 '42501', null, 'but cannot read the queue');
select throws_ok($$select tap_helpers.as_role('relay_sec_app', 'select pgrelay.drop_channel(''t.ok'')')$$,
                 '42501', null, 'nor administer channels');
select throws_ok($$select tap_helpers.as_role('relay_sec_app', 'select pgrelay.pause_schedule(''pgrelay.purge_log'')')$$,
                 '42501', null, 'nor pause schedules');
select throws_ok($$select tap_helpers.as_role('relay_sec_app', 'select pgrelay.resume_schedule(''pgrelay.purge_log'')')$$,
                 '42501', null, 'nor resume them');

-- pgrelay_reader may read the log but not the queue or dead letters (payloads).
select lives_ok($$select tap_helpers.as_role('relay_sec_auditor', 'select count(*) from pgrelay.log')$$,
                'a member of pgrelay_reader can read the log');
select throws_ok($$select tap_helpers.as_role('relay_sec_auditor', 'select count(*) from pgrelay.failed')$$,
                 '42501', null, 'but not the dead letters, which hold payloads');

-- Search-path hijack: objects in a caller-controlled schema are never picked up.
create schema evil;
create table evil.channel (name text, action_sql text, active boolean);
create function evil.now() returns timestamptz language sql as $$ select 'infinity'::timestamptz $$;
set local search_path = evil, public;
select lives_ok($$select pgrelay.notify('t.ok', '{"hijack": "no"}')$$, 'notify works with a hostile search_path');
select ok((select run_at < 'infinity' from pgrelay.queue where payload = '{"hijack": "no"}'),
          'and used pg_catalog.now(), not evil.now()');
-- notify() has no pinned search_path (it runs with the caller's rights; see 40_notify.sql):
-- even with pg_catalog searched after the hostile schema, it calls pg_catalog's functions.
set local search_path = evil, pg_catalog, public;
select pgrelay.notify('t.ok', '{"hijack": "still no"}');
select ok((select run_at < 'infinity' from pgrelay.queue where payload = '{"hijack": "still no"}'),
          'and with pg_catalog searched after it too');
reset search_path;

-- Escalation through an action: the action runs as pgrelay and cannot leave that role.
select pgrelay.create_channel('t.steal', 'insert into app.sink select to_jsonb(v) from app.secret');
select pgrelay.create_channel('t.role', 'select set_config(''role'', ''postgres'', false)');
select pgrelay.create_channel('t.auth', 'set session authorization postgres');
select pgrelay.create_channel('t.log', 'delete from pgrelay.log');
select pgrelay.create_channel('t.who', 'insert into app.sink select jsonb_build_object(''user'', current_user)');
select pgrelay.create_channel('t.self', 'alter function pgrelay_action."t.self"(jsonb) security invoker');
delete from pgrelay.queue;
select pgrelay.notify('t.steal'), pgrelay.notify('t.role'), pgrelay.notify('t.auth'), pgrelay.notify('t.log'),
       pgrelay.notify('t.who'), pgrelay.notify('t.self');
create temp table outcomes as select channel, outcome, error_code from pgrelay.process_batch(10);
select is((select error_code from outcomes where channel = 't.steal'), '42501', 'an action cannot read what pgrelay was not granted');
select is((select outcome from outcomes where channel = 't.role'), 'failed', 'an action cannot switch role');
select is((select outcome from outcomes where channel = 't.auth'), 'failed', 'nor session authorization');
select is((select error_code from outcomes where channel = 't.log'), '42501', 'an action cannot touch pg_relay''s own tables');
select is((select error_code from outcomes where channel = 't.self'), '42501', 'nor alter its own function (no access to its schema)');
select is((select v->>'user' from app.sink where v ? 'user'), 'pgrelay', 'actions run as role pgrelay');
select is((select count(*)::int from app.sink where v::text like '%top secret%'), 0, 'no secret leaked into the sink');
-- A function altered behind pg_relay's back is not run (it would not run as the channel's role).
alter function pgrelay_action."t.who"(jsonb) security invoker;
select pgrelay.notify('t.who');
select is((select error_code from pgrelay.process_batch(10)), 'PR016', 'an action function altered behind pg_relay''s back is refused (PR016)');
select is((select count(*)::int from app.sink where v ? 'user'), 1, 'and did not run');

select * from finish();
rollback;
