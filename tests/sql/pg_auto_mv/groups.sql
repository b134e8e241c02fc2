-- Atomic refresh groups (issue 18): a view of a group refreshes with the whole group, in
-- dependency order, in one transaction; one failure leaves every view as it was; an automatic
-- group refresh waits for a paused member; chains inside the group do not refresh twice; bad
-- input and other roles are refused.
create extension pg_auto_mv cascade;
create table public.t (id int primary key);
create table public.d (n int not null);
insert into public.d values (1);
create materialized view public.a as select count(*) as n from public.t;
create view public.a_plus as select n + 1 as n from public.a;
-- b reads a through a plain view: b must refresh after a.
create materialized view public.b as select n from public.a_plus;
create materialized view public.c as select count(*) as n from public.t;
-- f fails to refresh while d holds 0 (division by zero).
create materialized view public.f as select 100 / (select min(n) from public.d) as n;
create materialized view public.lone as select count(*) as n from public.t;
create materialized view public.unregistered as select 1 as n;
select pgauto_mv.register_mv(v, p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_cooldown => 0)
  from unnest(array['a', 'b', 'c', 'f', 'lone']) v;
drop role if exists group_other;
create role group_other;
grant pgauto_mv_admin to group_other;
drop role if exists group_nobody;
create role group_nobody;

create function pg_temp.id(p_mv text) returns integer language sql as $$ select id from pgauto_mv.mv where mv_name = p_mv $$;
create function pg_temp.refresh(p_mv text, p_src text default 'manual') returns void language sql as $$
    select pgauto_mv.on_refresh_event(jsonb_build_object('mv', pg_temp.id(p_mv), 'src', p_src))
$$;
create function pg_temp.refreshes(p_mv text) returns bigint language sql as $$
    select refreshes from pgauto_mv.mv_state where mv_id = pg_temp.id(p_mv)
$$;

begin;
select plan(34);

-- Bad input.
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['public.a'])$$, 'AM011',
                 'pg_auto_mv: refresh group "g" needs at least two views (got public.a)', 'one view is not a group');
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['public.a', 'a'])$$, 'AM011', null,
                 'nor is one view named twice');
select throws_ok($$select pgauto_mv.create_refresh_group('', array['a', 'b'])$$, 'AM011',
                 'pg_auto_mv: a refresh group needs a name', 'a group needs a name');
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['a', 'public.unregistered'])$$, 'AM003', null,
                 'an unregistered view is refused');
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['a', 'public.nope'])$$, 'AM001', null,
                 'so is one that does not exist');
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['a', '"unterminated'])$$, 'AM001', null,
                 'so is a name that is no view name');
select throws_ok($$select pgauto_mv.alter_refresh_group('nope', array['a', 'b'])$$, 'AM011',
                 'pg_auto_mv: unknown refresh group ''nope''', 'altering an unknown group');
select throws_ok($$select pgauto_mv.drop_refresh_group('nope')$$, 'AM011', null, 'dropping an unknown group');

-- Rights: a role with nothing may not call it; another admin may not group views it does not own.
set local role group_nobody;
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['a', 'b'])$$, '42501', null,
                 'a role with nothing may not create a group');
set local role group_other;
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['a', 'b'])$$, '42501', null,
                 'another admin may not group views it does not own');
reset role;

-- Order: b reads a (through a plain view), so a comes first though b was named first.
select lives_ok($$select pgauto_mv.create_refresh_group('g', array['public.b', 'public.c', 'public.a'])$$, 'a group of three');
select is(pgauto_mv.refresh_members(pg_temp.id('c')), array[pg_temp.id('a'), pg_temp.id('b'), pg_temp.id('c')],
          'refreshed in dependency order');
select is(pgauto_mv.refresh_members(pg_temp.id('lone')), array[pg_temp.id('lone')], 'a view in no group refreshes alone');
select throws_ok($$select pgauto_mv.create_refresh_group('g', array['f', 'lone'])$$, 'AM011',
                 'pg_auto_mv: refresh group "g" already exists', 'a name is taken once');
select throws_ok($$select pgauto_mv.create_refresh_group('h', array['a', 'lone'])$$, 'AM011',
                 'pg_auto_mv: a view belongs to one refresh group at most: public.a is in refresh group "g"',
                 'a view is in one group at most');
select results_eq($$select views from pgauto_mv.refresh_groups where name = 'g'$$,
                  $$values (array['public.a', 'public.b', 'public.c'])$$, 'refresh_groups lists the views');
select is((select refresh_group from pgauto_mv.mv_status where mv = 'public.b'), 'g', 'mv_status names the group');

-- A refresh of one view refreshes the group, in one go and in order.
insert into public.t select generate_series(1, 5);
select pg_temp.refresh('c');
select results_eq($$select (select n from public.a), (select n from public.b), (select n from public.c)$$,
                  $$values (5::bigint, 6::bigint, 5::bigint)$$, 'every view of the group refreshed, b after a');
select is((select n from public.lone), 0::bigint, 'a view outside the group did not');
select is((select count(*)::int from pgauto_mv.refresh_log
            where kind = 'refresh' and outcome = 'succeeded' and detail = 'refresh group "g": 3 views in one transaction'),
          3, 'one log row per view, naming the group');
select results_eq($$select pg_temp.refreshes('a'), pg_temp.refreshes('b'), pg_temp.refreshes('c')$$,
                  $$values (1::bigint, 1::bigint, 1::bigint)$$, 'each view''s state counts the refresh');

-- A chain inside the group does not refresh its downstream again (the group did, in order).
select pgauto_mv.add_chain('public.c', 'public.a');
select is(pgauto_mv.refresh_members(pg_temp.id('a')), array[pg_temp.id('c'), pg_temp.id('a'), pg_temp.id('b')],
          'a chain inside the group orders it too');
delete from pgauto_mv.request;
select pg_temp.refresh('b', 'schedule');
select is((select count(*)::int from pgauto_mv.request where source = 'chain'), 0,
          'no chain request for a view the group refreshed');
select is(pg_temp.refreshes('a'), 2::bigint, 'the scheduled refresh of b refreshed the group');

-- One failure: nothing refreshes, every view says why.
select pgauto_mv.alter_refresh_group('g', array['a', 'b', 'c', 'f']);
insert into public.t values (6);
update public.d set n = 0;
select pg_temp.refresh('a');
select results_eq($$select (select n from public.a), (select n from public.c)$$, $$values (5::bigint, 5::bigint)$$,
                  'a failing view rolls back the whole group');
select results_eq($$select last_outcome, last_sqlstate from pgauto_mv.mv_state where mv_id = pg_temp.id('f')$$,
                  $$values ('failed'::text, '22012'::text)$$, 'the failing view has its error');
select is((select last_error from pgauto_mv.mv_state where mv_id = pg_temp.id('c')),
          'refresh group "g" rolled back: public.f failed (22012)', 'the others say which view failed');
select is((select count(*)::int from pgauto_mv.mv_state where mv_id in (pg_temp.id('a'), pg_temp.id('b'), pg_temp.id('c'), pg_temp.id('f'))
             and failed_in_row = 1), 4, 'and back off together');
update public.d set n = 1;

-- A paused view holds its group's automatic refreshes; resuming it refreshes the group.
update pgauto_mv.mv_state set failed_in_row = 0, last_refresh_at = null;
select pgauto_mv.pause_mv('f');
select pg_temp.refresh('a', 'schedule');
select is((select n from public.a), 5::bigint, 'an automatic refresh waits while a view of the group is paused');
select ok(exists (select from pgauto_mv.refresh_log where mv = 'public.a' and outcome = 'deferred'
                    and detail = 'refresh group "g": public.f paused; refreshes when resumed'), 'and says so');
select pg_temp.refresh('a', 'manual');
select is((select n from public.a), 6::bigint, 'a manual refresh runs the group at once');

-- Out of the group, alone again; unregistering a view takes it out; dropping the group.
select pgauto_mv.alter_refresh_group('g', array['a', 'b']);
select is(pgauto_mv.refresh_members(pg_temp.id('c')), array[pg_temp.id('c')], 'a view left out refreshes alone');
select pgauto_mv.unregister_mv('b');
select is((select count(*)::int from pgauto_mv.refresh_group_mv where group_name = 'g'), 1, 'unregistering takes a view out');
select pgauto_mv.drop_refresh_group('g');
select is((select count(*)::int from pgauto_mv.refresh_group), 0, 'the group is dropped');

select * from finish();
rollback;
drop role group_other;
drop role group_nobody;
