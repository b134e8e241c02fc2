-- Channels: create, alter, drop; names and actions validated with documented SQLSTATEs.
create extension pg_relay;
begin;
select plan(25);
create table public.sink (v jsonb);
grant insert on public.sink to pgrelay;

select lives_ok($$select pgrelay.create_channel('orders.created', 'insert into public.sink values ($1)', 'demo')$$,
                'a channel is created with an action that reads the payload as $1');
select is((select action_sql from pgrelay.channel where name = 'orders.created'),
          'insert into public.sink values ($1)', 'the action is stored as given');
select throws_ok($$select pgrelay.create_channel('orders.created', 'select 1')$$, '42710', null,
                 'a duplicate channel is refused with duplicate_object');

-- Bad names: each a clear error (PR003), nothing created.
select throws_ok($$select pgrelay.create_channel(null, 'select 1')$$, 'PR003', null, 'NULL name refused');
select throws_ok($$select pgrelay.create_channel('', 'select 1')$$, 'PR003', null, 'empty name refused');
select throws_ok($$select pgrelay.create_channel('has space', 'select 1')$$, 'PR003', null, 'name with a space refused');
select throws_ok($$select pgrelay.create_channel('it''s', 'select 1')$$, 'PR003', null, 'name with a quote refused');
select throws_ok($$select pgrelay.create_channel('"quoted"', 'select 1')$$, 'PR003', null, 'name with double quotes refused');
select throws_ok($$select pgrelay.create_channel('ünïcode', 'select 1')$$, 'PR003', null, 'non-ASCII name refused');
select throws_ok($$select pgrelay.create_channel('Upper', 'select 1')$$, 'PR003', null, 'upper-case name refused');
select throws_ok(format('select pgrelay.create_channel(%L, %L)', repeat('a', 64), 'select 1'), 'PR003',
                 null, 'a 64-byte name is refused');
select lives_ok(format('select pgrelay.create_channel(%L, %L)', repeat('a', 63), 'select 1'),
                'a 63-byte name is accepted');
select lives_ok($$select pgrelay.create_channel('select', 'select 1')$$,
                'a reserved word is a fine channel name: names are data, never SQL');

-- Bad actions (PR004): must parse; nothing of a bad action runs.
select throws_ok($$select pgrelay.create_channel('bad.syntax', 'selec 1')$$, 'PR004', null, 'syntax error refused');
select throws_ok($$select pgrelay.create_channel('bad.empty', '  ;  ')$$, 'PR004', null, 'empty action refused');
select throws_ok($$select pgrelay.create_channel('bad.table', 'insert into public.nowhere values ($1)')$$,
                 'PR004', null, 'action on a missing table refused');
create table public.locked (v jsonb);
-- Privileges are the run-as role's at run time (an action is a SECURITY DEFINER function owned
-- by it): creating the channel is fine, the event fails with 42501 when it runs.
select lives_ok($$select pgrelay.create_channel('perm.later', 'insert into public.locked values ($1)')$$,
                'an action whose role lacks a privilege is stored: privileges are checked when it runs');
select is((select pg_get_userbyid(p.proowner) from pg_proc p
            where p.oid = 'pgrelay_action."perm.later"(jsonb)'::regprocedure),
          'pgrelay', 'its action function is owned by the run-as role');
select lives_ok($$select pgrelay.create_channel('multi.stmt', 'select 1; drop table public.sink')$$,
                'several statements are one function body, parsed by the server itself');
select has_table('public', 'sink', 'validating an action never runs it: the table is still there');
select is((select count(*)::int from pgrelay.channel where name like 'bad.%'), 0,
          'no bad channel was stored');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'pgrelay_action' and p.proname like 'bad.%'), 0,
          'and no action function of one');

-- Alter and drop.
select lives_ok($$select pgrelay.alter_channel('orders.created', p_description => 'changed')$$, 'alter keeps what is NULL');
select throws_ok($$select pgrelay.alter_channel('nope', p_active => false)$$, 'PR001', null, 'altering an unknown channel names it');
select throws_ok($$select pgrelay.drop_channel('nope')$$, 'PR001', null, 'dropping an unknown channel names it');

select * from finish();
rollback;
