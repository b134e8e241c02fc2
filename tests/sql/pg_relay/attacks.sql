-- Attacks that worked on the code of 2026-12-04 (issue 13), replayed as the roles that made
-- them. Each block says what the attack was; every assertion fails on that code.
create extension pg_auto_mv cascade;
-- Roles are cluster-wide: a run that stopped half-way may have left them.
drop role if exists att_chadmin, att_app, att_mallory, att_tenant_a, att_tenant_b, att_admin_a, att_admin_b, att_owner;
create role att_chadmin login in role pgrelay_admin;
create role att_app login in role pgrelay_notify;
create role att_mallory login;
create role att_tenant_a nologin;
create role att_tenant_b nologin;
create role att_admin_a login in role pgrelay_admin, att_tenant_a;
create role att_admin_b login in role pgrelay_admin, att_tenant_b;
create role att_owner login in role pgauto_mv_admin;
create schema att;
grant usage on schema att to public;
create table att.hits (channel text, who name default current_user, v jsonb);
grant insert on att.hits to pgrelay, att_tenant_a, att_tenant_b;
create table att.secret_a (v text);
insert into att.secret_a values ('tenant A secret');
grant select on att.secret_a to att_tenant_a;

-- Runs SQL as another login: SET SESSION AUTHORIZATION, so session_user is that role too, as
-- when it connects itself (SET ROLE would leave session_user the superuser running the test).
create function att.as_login(p_role text, p_sql text)
returns void
language plpgsql
as $$
begin
    execute format('set local session authorization %I', p_role);
    execute p_sql;
    reset session authorization;
end
$$;

-- The same, for an attack's setup: a refusal is only noted (the assertions tell what worked).
create function att.try_as_login(p_role text, p_sql text)
returns void
language plpgsql
as $$
begin
    perform att.as_login(p_role, p_sql);
exception when others then
    raise notice 'refused: %', sqlerrm;
end
$$;

-- Runs every due event, as the processor does, one batch after another.
create function att.process_all()
returns setof pgrelay.log
language plpgsql
as $$
declare
    v_first bigint := coalesce((select max(id) from pgrelay.log), 0);
begin
    for i in 1..20 loop
        exit when not exists (select from pgrelay.queue where not held and run_at <= now());
        perform count(*) from pgrelay.process_batch(60);
    end loop;
    return query select * from pgrelay.log where id > v_first order by id;
end
$$;

begin;
select plan(59);

-- 1. A channel admin became superuser: '$$' inside an identifier hid two statements from the
--    home-made statement splitter; the first made the action runner SECURITY INVOKER (role
--    pgrelay owned it), so the second ran as the installer.
create temp table secdef_before as
select p.oid::regprocedure::text as fn from pg_proc p
 where p.pronamespace in ('pgrelay'::regnamespace, 'pgauto_mv'::regnamespace) and p.prosecdef;
select att.try_as_login('att_chadmin', $a$select pgrelay.create_channel('esc.hidden',
    'select 1 as a$$; alter function pgrelay.run_action(text, jsonb) security invoker; select 1 as b$$')$a$);
select att.try_as_login('att_chadmin', $a$select pgrelay.notify('esc.hidden')$a$);
select att.try_as_login('att_chadmin', $a$select pgrelay.create_channel('esc.hidden2',
    'select 1 as a$$; alter function pgrelay.process_batch(integer, integer, integer) security invoker; select 1 as b$$')$a$);
select att.try_as_login('att_chadmin', $a$select pgrelay.notify('esc.hidden2')$a$);
select att.try_as_login('att_chadmin', $a$select pgrelay.create_channel('esc.super',
    'select 1 as a$$; alter role att_chadmin superuser; select 1 as b$$')$a$);
select * from att.process_all();
select att.try_as_login('att_chadmin', $a$select pgrelay.notify('esc.super')$a$);
select * from att.process_all();
select ok(not (select rolsuper from pg_roles where rolname = 'att_chadmin'),
          'attack 1: the channel admin did not become superuser');
select is((select string_agg(fn, ', ') from secdef_before b
            where not exists (select from pg_proc p where p.oid::regprocedure::text = b.fn and p.prosecdef)),
          null, 'attack 1: every SECURITY DEFINER function of pg_relay and pg_auto_mv still is');
select is((select string_agg(p.oid::regprocedure::text, ', ') from pg_proc p
            where p.pronamespace in ('pgrelay'::regnamespace, 'pgauto_mv'::regnamespace)
              and p.proowner in (select oid from pg_roles where rolname in ('pgrelay', 'pgrelay_internal'))),
          null, 'attack 1: no role actions run as owns a pg_relay or pg_auto_mv function');
select is((select prosrc from pg_proc where oid = 'pgrelay_action."esc.hidden"(jsonb)'::regprocedure),
          (select action_sql from pgrelay.channel where name = 'esc.hidden'),
          'attack 1: what runs is byte for byte what was validated (the function body is the action)');
-- The body is parsed again when it runs: a session with standard_conforming_strings = off
-- would read this one-statement text as three (found by fuzz_actions.sql); process_batch() pins it.
select pgrelay.create_channel('esc.scs', $act$select 'a\', ';insert into att.hits (channel) select current_user;select 1 as x --'$act$);
set local standard_conforming_strings = off;
select pgrelay.notify('esc.scs');
select * from att.process_all();
set local standard_conforming_strings = on;
select is((select count(*)::int from att.hits where channel = 'pgrelay'), 0,
          'attack 1: a processor session with other string rules runs the text as it was validated');
select is((select outcome || ' ' || sqlstate from pgrelay.log where channel = 'esc.super'),
          'failed 42501', 'attack 1: the smuggled ALTER ROLE ran as pgrelay and was refused');

-- 2. A role with no grants stopped every refresh for good: resume_watching() (PUBLIC) trusted
--    the session setting pgauto_mv.suspended_ids.
create table att.base (id int primary key, v text);
alter table att.base owner to att_owner;
create materialized view att.mv_a as select id, v from att.base;
alter materialized view att.mv_a owner to att_owner;
select att.as_login('att_owner', $$select pgauto_mv.register_mv('mv_a', 'att')$$);
delete from pgauto_mv.request;
select att.as_login('att_mallory',
    $$select set_config('pgauto_mv.suspended_ids', ',abc,', true); select pgauto_mv.resume_watching()$$);
select is((select count(*)::int from pgauto_mv.request), 0,
          'attack 2: a forged malformed id is not stored as a request');
select lives_ok($$select pgauto_mv.on_drain_event('{}')$$, 'attack 2: the drain keeps working');
select att.as_login('att_mallory', format(
    $$select set_config('pgauto_mv.suspended_ids', ',%s,', true); select pgauto_mv.resume_watching()$$,
    (select id from pgauto_mv.mv where mv_name = 'mv_a')));
select is((select count(*)::int from pgauto_mv.request), 0,
          'attack 2: nor a refresh of a view the role may neither manage nor cause to change');
select att.as_login('att_owner', format(
    $$select set_config('pgauto_mv.suspended_ids', ',%s,abc,', true); select pgauto_mv.resume_watching()$$,
    (select id from pgauto_mv.mv where mv_name = 'mv_a')));
select is((select array_agg(x) from pgauto_mv.request r, unnest(r.mv_ids) x),
          array[(select id::text from pgauto_mv.mv where mv_name = 'mv_a')],
          'attack 2: the owner''s own resume still requests its view, and only the valid id');
-- A malformed row (only pg_auto_mv writes them; never trust it) is logged and skipped.
insert into pgauto_mv.request (mv_ids) values ('{abc,-1}');
select lives_ok($$select pgauto_mv.on_drain_event('{}')$$, 'attack 2: a malformed request row does not wedge the drain');
select is((select count(*)::int from pgauto_mv.request), 0, 'attack 2: every request was taken, the malformed one too');
select is((select detail from pgauto_mv.refresh_log where mv = '(malformed request)'),
          '2 malformed view id(s) in refresh requests skipped', 'attack 2: the malformed request is logged');
select ok(exists (select from pgauto_mv.get_mv_problems() where code = 'malformed_requests'),
          'attack 2: and shows in get_mv_problems()');
insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms, sqlstate)
values (0, 'pgauto_mv.drain', 'failed', 1, now(), 1, '22P02');
select ok(exists (select from pgauto_mv.get_mv_problems() where code = 'drain_failing' and severity = 'error'),
          'attack 2: a failing drain shows in get_mv_problems()');

-- 3. notify had no per-channel permission: any pgrelay_notify role could notify internal
--    channels (refresh other owners' views, bypassing their checks and cooldown).
select throws_ok($$select att.as_login('att_app', 'select pgrelay.notify(''pgauto_mv.refresh'', ''{"mv": 1}'')')$$,
                 'PR013', null, 'attack 3: pgrelay_notify cannot notify pgauto_mv.refresh');
select throws_ok($$select att.as_login('att_app', 'select pgrelay.notify(''pgauto_mv.sync'')')$$,
                 'PR013', null, 'attack 3: nor pgauto_mv.sync');
select throws_ok($$select att.as_login('att_app', 'select pgrelay.notify(''pgrelay.purge_log'')')$$,
                 'PR013', null, 'attack 3: nor pgrelay.purge_log');
select throws_ok($$select att.as_login('att_chadmin', 'select pgrelay.notify(''pgauto_mv.refresh'', ''{"mv": 1}'')')$$,
                 'PR013', null, 'attack 3: nor can a channel admin');
select throws_ok($$select att.as_login('att_app',
                    'insert into pgrelay.queue_p0 (part, id, channel, payload, run_at) values (0, -5, ''pgauto_mv.refresh'', ''{"mv": 1}'', now())')$$,
                 'PR013', null, 'attack 3: nor insert the event into the queue directly (the queue''s row-level security refuses it)');
select throws_ok($$select att.as_login('att_chadmin', 'select pgrelay.schedule(''sneaky'', ''pgauto_mv.refresh'', p_every => ''1 min'')')$$,
                 'PR003', null, 'attack 3: nor schedule an internal channel');
select pgrelay.create_channel('user.ch', 'insert into att.hits (channel, v) values (''user.ch'', $1)');
select lives_ok($$select att.as_login('att_app', 'select pgrelay.notify(''user.ch'')')$$,
                'attack 3: by default pgrelay_notify may notify a user channel');
select pgrelay.revoke_notify('user.ch', 'pgrelay_notify');
select throws_ok($$select att.as_login('att_app', 'select pgrelay.notify(''user.ch'')')$$,
                 'PR013', null, 'attack 3: revoke_notify takes that away');
select pgrelay.grant_notify('user.ch', 'att_app');
select lives_ok($$select att.as_login('att_app', 'select pgrelay.notify(''user.ch'')')$$,
                'attack 3: grant_notify gives it to one role');
select throws_ok($$select att.as_login('att_mallory', 'select pgrelay.notify(''user.ch'')')$$,
                 '42501', null, 'attack 3: a role with nothing still cannot notify');
select throws_ok($$select pgrelay.grant_notify('pgauto_mv.refresh', 'att_app')$$,
                 'PR003', null, 'attack 3: nobody can be granted notify on an internal channel');

-- 4. An action changed the worker's session for good (statement_timeout = 1 ms wedged every
--    later batch); temp tables, prepared statements and advisory locks outlived it too.
delete from pgrelay.queue;
select pgrelay.create_channel('sess.timeout', 'select pg_catalog.set_config(''statement_timeout'', ''1'', false)');
select pgrelay.notify('sess.timeout'), pgrelay.notify('user.ch', '{"after": true}');
create temp table batch4 as select channel, outcome, error_code from pgrelay.process_batch(10);
select is((select error_code from batch4 where channel = 'sess.timeout'), 'PR015',
          'attack 4: an action that changes a session setting fails (PR015)');
select is(current_setting('statement_timeout'), '0', 'attack 4: and the setting is as before');
select is((select outcome from batch4 where channel = 'user.ch'), 'succeeded', 'attack 4: the next event runs normally');
select pgrelay.create_channel('sess.leftovers',
    'create temp table leftover (a int); prepare leftover_stmt as select 1; select pg_advisory_lock(4242); select pg_advisory_lock(1885827686, 7); select pg_catalog.set_config(''att.tenant'', ''A'', false)');
select pgrelay.notify('sess.leftovers');
select * from att.process_all();
select is((select outcome from pgrelay.log where channel = 'sess.leftovers'), 'succeeded',
          'attack 4: (an action leaving a temp table, a prepared statement, a lock and a custom setting)');
select is((select count(*)::int from pg_class where relnamespace = pg_my_temp_schema() and relname = 'leftover'), 0,
          'attack 4: the action''s temp table is gone after the batch');
select is((select count(*)::int from pg_prepared_statements where name = 'leftover_stmt'), 0,
          'attack 4: so is its prepared statement');
select is((select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and objid = 4242), 0,
          'attack 4: and its session advisory lock');
select is((select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
             and classid = 1885827686 and objid = 7 and objsubid = 2), 0,
          'attack 4: even one on a pg_relay key, which would squat processor slot 7');
select is(coalesce(current_setting('att.tenant', true), ''), '', 'attack 4: and its custom setting');
-- The same in a session that registered a processor slot: the action's locks go, the slot stays.
select pgrelay.register_processor('att-host', 1, 'test', 1) as att_slot \gset
select pgrelay.notify('sess.leftovers');
select * from att.process_all();
select is((select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
             and ((classid = 0 and objid = 4242) or (classid = 1885827686 and objid = 7 and objsubid = 2))), 0,
          'attack 4: a session holding a processor slot loses the action''s locks too');
select is((select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted
             and classid = 1885827686 and objid = :att_slot and objsubid = 2), 1,
          'attack 4: and keeps its slot');
select pgrelay.unregister_processor(:att_slot);

-- 5. One role ran every channel: any channel admin had the union of every grant to pgrelay.
select throws_ok($$select att.as_login('att_admin_b', 'select pgrelay.create_channel(''b.steal'', ''insert into att.hits (channel, v) select ''''b.steal'''', to_jsonb(v) from att.secret_a'', p_run_as => ''att_tenant_a'')')$$,
                 'PR014', null, 'attack 5: an admin cannot make a channel run as a role it is not a member of');
select lives_ok($$select att.as_login('att_admin_b', 'select pgrelay.create_channel(''b.try'', ''insert into att.hits (channel, v) select ''''b.try'''', to_jsonb(v) from att.secret_a'', p_run_as => ''att_tenant_b'')')$$,
                'attack 5: it can make one run as its own tenant role');
select lives_ok($$select att.as_login('att_admin_a', 'select pgrelay.create_channel(''a.read'', ''insert into att.hits (channel, v) select ''''a.read'''', to_jsonb(v) from att.secret_a'', p_run_as => ''att_tenant_a'')')$$,
                'attack 5: tenant A''s admin makes one run as tenant A');
grant select on att.secret_a to pgrelay;   -- someone granted pgrelay more than it should have
select lives_ok($$select att.as_login('att_admin_b', 'select pgrelay.alter_channel(''b.try'', p_run_as => ''att_tenant_b'')')$$,
                'attack 5: (re-stating its run-as role is fine)');
select pgrelay.notify('b.try'), pgrelay.notify('a.read');
select * from att.process_all();
select is((select sqlstate from pgrelay.log where channel = 'b.try'), '42501',
          'attack 5: tenant B''s action cannot read tenant A''s table, whatever pgrelay holds');
select is((select who::text || ' ' || (v #>> '{}') from att.hits where channel = 'a.read'), 'att_tenant_a tenant A secret',
          'attack 5: tenant A''s action runs as tenant A, with exactly its rights');
select throws_ok($$select pgrelay.create_channel('x.super', 'select 1', p_run_as => 'postgres')$$,
                 'PR014', null, 'attack 5: a superuser run-as role is refused');
select throws_ok($$select pgrelay.create_channel('x.admin', 'select 1', p_run_as => 'pgrelay_admin')$$,
                 'PR014', null, 'attack 5: a pgrelay_* run-as role is refused');
select throws_ok($$select pgrelay.create_channel('x.internal', 'select 1', p_run_as => 'pgrelay_internal')$$,
                 'PR014', null, 'attack 5: the internal channels'' role is refused');
select throws_ok($$select att.as_login('att_admin_a', 'select pgrelay.create_channel(''x.admin2'', ''select 1'', p_run_as => ''att_admin_b'')')$$,
                 'PR014', null, 'attack 5: so is a role with the privileges of pgrelay_admin');

-- 6. Payload values reached the audit log (readable by pgrelay_reader) and the processor's log.
select pgrelay.create_channel('pii.parse', 'select ($1->>''ssn'')::int');
delete from pgrelay.queue;   -- so the batch is this event's (a batch runs one run-as role)
select pgrelay.notify('pii.parse', '{"ssn": "123-45-6789 John Doe"}');
create temp table batch6 as select channel, error_code, error_message from pgrelay.process_batch(10);
select is((select error_message from batch6 where channel = 'pii.parse'),
          'invalid input syntax for type integer: "?"', 'attack 6: process_batch returns the message without the value');
select is((select message from pgrelay.log where channel = 'pii.parse'),
          'invalid input syntax for type integer: "?"', 'attack 6: so does the audit log');
select is((select count(*)::int from pgrelay.log where message ~ '(John|6789)'), 0,
          'attack 6: no log row holds the payload value');
select ok((select message like '%123-45-6789 John Doe%' from pgrelay.failed where channel = 'pii.parse'),
          'attack 6: the full message stays with the payload in pgrelay.failed (admins only)');
create table att.raw (s text);
insert into att.raw values ('John 555');
create materialized view att.mv_pii as select s::int as n from att.raw with no data;
select pgauto_mv.register_mv('mv_pii', 'att');
select pgauto_mv.refresh_materialized_view_now('mv_pii', 'att');
select * from att.process_all();
select is((select outcome || ' ' || sqlstate from pgauto_mv.refresh_log where mv = 'att.mv_pii' and kind = 'refresh'),
          'failed 22P02', 'attack 6: (the view''s refresh failed on a value of its data)');
select is((select count(*)::int from pgauto_mv.refresh_log where detail ~ '(John|555)'), 0,
          'attack 6: refresh_log holds no value from the failing view''s data');

-- Refused inputs.
select throws_ok($$select pgrelay.schedule('tz.a', 'user.ch', p_every => '1 h', p_timezone => '+25')$$,
                 'PR006', null, 'time zone ''+25'' is refused');
select throws_ok($$select pgrelay.schedule('tz.b', 'user.ch', p_every => '1 h', p_timezone => 'UTC+99')$$,
                 'PR006', null, 'time zone ''UTC+99'' is refused');
select throws_ok($$select pgrelay.notify('user.ch', null, 'infinity')$$, 'PR007', null, 'run_at infinity is refused');
select throws_ok($$select pgrelay.notify('user.ch', null, '-infinity')$$, 'PR007', null, 'run_at -infinity is refused');
select throws_ok($$select pgrelay.notify('user.ch', null, '0044-03-15 12:00 BC')$$, 'PR007', null, 'a BC run_at is refused');
select throws_ok($$select att.as_login('att_app',
                    'insert into pgrelay.queue_p0 (part, id, channel, payload, run_at) values (0, -6, ''user.ch'', null, ''infinity'')')$$,
                 '42501', null, 'and a direct INSERT of one is refused by the queue''s insert policy');

select * from finish();
rollback;
drop schema att cascade;
drop role att_chadmin, att_app, att_mallory, att_admin_a, att_admin_b, att_owner;
drop owned by att_tenant_a, att_tenant_b;
drop role att_tenant_a, att_tenant_b;
