-- Refresh concurrency (issue 18): at most N refreshes at once (setting max_parallel_refreshes,
-- the limit of channel pgauto_mv.refresh) and a per-view priority that orders the claim when
-- more are due than may run; bad values and other roles are refused.
create extension pg_auto_mv cascade;
create table public.t (id int primary key);
create materialized view public.hi as select count(*) as n from public.t;
create materialized view public.mid as select count(*) as n from public.t;
create materialized view public.lo as select count(*) as n from public.t;
drop role if exists concurrency_other;
create role concurrency_other;
grant pgauto_mv_admin to concurrency_other;

create function pg_temp.claim_order() returns text language sql as $$
    select string_agg(q.payload->>'mv', ',' order by d.ord)
      from pgrelay.due_events(10, '{}') with ordinality d(run_at, id, solo, run_as, part, tid, channel, max_parallel, priority, ord)
      join pgrelay.queue q on q.id = d.id
$$;
create function pg_temp.id(p_mv text) returns text language sql as $$ select id::text from pgauto_mv.mv where mv_name = p_mv $$;

begin;
select plan(14);

-- Priority.
select throws_ok($$select pgauto_mv.register_mv('hi', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_priority => 5000)$$,
                 'AM005', 'pg_auto_mv: priority 5000 is out of range', 'a priority out of range is refused');
select pgauto_mv.register_mv('hi', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_priority => 10);
select pgauto_mv.register_mv('mid', p_watch_tables => array[pgauto_mv.mv_watch('public.t')]);
select pgauto_mv.register_mv('lo', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_priority => -5);
select is((select string_agg(mv || '=' || priority, ', ' order by mv) from pgauto_mv.mv_status),
          'public.hi=10, public.lo=-5, public.mid=0', 'mv_status shows each view''s priority');
select pgauto_mv.refresh_materialised_view_now(v) from unnest(array['lo', 'mid', 'hi']) v;
select results_eq($$select payload->>'mv', priority from pgrelay.queue where channel = 'pgauto_mv.refresh' order by id$$,
                  $$values (pg_temp.id('lo'), -5::smallint), (pg_temp.id('mid'), 0::smallint), (pg_temp.id('hi'), 10::smallint)$$,
                  'each refresh is queued at its view''s priority');
select is(pg_temp.claim_order(), pg_temp.id('hi') || ',' || pg_temp.id('mid') || ',' || pg_temp.id('lo'),
          'the processor claims the higher priority first, though it was queued last');
select pgauto_mv.alter_mv('mid', p_priority => 20);
select is(pg_temp.claim_order(), pg_temp.id('mid') || ',' || pg_temp.id('hi') || ',' || pg_temp.id('lo'),
          'alter_mv gives a pending refresh the new priority');
select throws_ok($$select pgauto_mv.alter_mv('mid', p_priority => -1001)$$, 'AM005', null, 'alter_mv refuses one out of range too');
select is((select priority from pgauto_mv.mv where mv_name = 'mid'), 20::smallint, 'and keeps the priority it had');
select throws_ok($$select pgrelay.notify_internal('user.channel', null, null, 5)$$, 'PR013', null,
                 'notify_internal() is for the extensions'' own channels only');

-- At most N at once.
select pgauto_mv.set_setting('max_parallel_refreshes', '2');
select is((select max_parallel from pgrelay.channel where name = 'pgauto_mv.refresh'), 2,
          'max_parallel_refreshes is the refresh channel''s limit');
select is((select value from pgauto_mv.setting where name = 'max_parallel_refreshes'), '2', 'and is listed with the settings');
select throws_ok($$select pgauto_mv.set_setting('max_parallel_refreshes', '0')$$, 'AM005',
                 'pg_auto_mv: max_parallel_refreshes needs a whole number from 1 to 1000, not ''0''', 'zero is refused');
select throws_ok($$select pgauto_mv.set_setting('max_parallel_refreshes', 'lots')$$, 'AM005', null, 'so is a word');
set local role concurrency_other;
select throws_ok($$select pgauto_mv.set_setting('max_parallel_refreshes', '1')$$, '42501', null,
                 'another admin may not change the limit that holds every view');
reset role;
select is((select max_parallel from pgrelay.channel where name = 'pgauto_mv.refresh'), 2, 'which is unchanged');

select * from finish();
rollback;
drop role concurrency_other;
