-- get_mv_problems(): each problem appears when created and goes when fixed; sync_mv() and
-- clean_mv() repair and are idempotent; named schedules; log retention.
create extension pg_auto_mv cascade;
create schema app;
create table app.t (id int primary key, v int);
create table app.u (id int primary key);
create materialized view app.good as select id, v from app.t;
create unique index on app.good (id);
create materialized view app.no_index as select v from app.t;
create materialized view app.empty as select id from app.t with no data;
create unique index on app.empty (id);
select pgauto_mv.register_mv('good', 'app', array[pgauto_mv.mv_watch('app.t'), pgauto_mv.mv_watch('app.u', 'INSERT')]);
select pgauto_mv.register_mv('no_index', 'app');
select pgauto_mv.register_mv('empty', 'app');
-- A processor "alive" in the registry, so no_processor is tested on its own below.
select pgrelay.register_processor('test-host', 1, 'test', 1) as slot \gset

create function pg_temp.codes(p_mv text) returns text[] language sql as
    $$ select coalesce(array_agg(code order by code), '{}') from pgauto_mv.get_mv_problems() where mv is not distinct from p_mv $$;

begin;
select plan(33);

select is(pg_temp.codes('app.good'), '{}', 'a healthy view has no problem');
select is(pg_temp.codes('app.no_index'), '{no_unique_index}', 'no unique index is reported');
select ok((select fix from pgauto_mv.get_mv_problems() where code = 'no_unique_index') like 'create unique index on app.no_index%',
          'with the index to create as the fix');
select is(pg_temp.codes('app.empty'), '{unpopulated}', 'an unpopulated view is reported');
refresh materialized view app.empty;
select is(pg_temp.codes('app.empty'), '{}', 'and no longer once populated');

-- Triggers: dropped or disabled -> reported; clean_mv() fixes both, idempotently.
drop trigger pgauto_mv_insert on app.u;
alter table app.t disable trigger pgauto_mv_update;
select is(pg_temp.codes('app.good'), '{trigger_disabled,trigger_missing}', 'a dropped and a disabled trigger are reported');
select is(pgauto_mv.clean_mv(), 5, 'clean_mv() rebuilds the five triggers');
select is(pg_temp.codes('app.good'), '{}', 'and the problems are gone');
select is(pgauto_mv.clean_mv(), 5, 'clean_mv() again changes nothing');
select is((select count(*)::int from pg_trigger where tgrelid = 'app.t'::regclass), 4, 'no duplicate triggers');

-- Renamed view: reported; sync_mv() follows it.
alter materialized view app.good rename to better;
select is(pg_temp.codes('app.better'), '{view_renamed}', 'a renamed view is reported');
select results_eq($$select action, object from pgauto_mv.sync_mv()$$, $$values ('renamed'::text, 'app.better'::text)$$,
                  'sync_mv() follows the rename');
select is(pg_temp.codes('app.better'), '{}', 'and the problem is gone');
select is((select count(*)::int from pgauto_mv.sync_mv()), 0, 'sync_mv() again finds nothing to do');

-- Dropped watched table and dropped view.
drop table app.u;
select is(pg_temp.codes('app.better'), '{watched_table_dropped}', 'a dropped watched table is reported');
drop materialized view app.no_index;
select is(pg_temp.codes('app.no_index'), '{view_missing}', 'a dropped view is reported');
select results_eq($$select action, object from pgauto_mv.sync_mv() order by 1$$,
                  $$values ('unregistered'::text, 'app.no_index'::text), ('watch_removed', 'app.u')$$,
                  'sync_mv() unregisters the dropped view and removes the dropped table''s watch');
select is((select count(*)::int from pgauto_mv.get_mv_problems()), 0, 'nothing left to report');

-- Failures and staleness, as the handlers record them.
update pgauto_mv.mv_state s set last_outcome = 'failed', last_error = 'division by zero'
  from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
insert into pgauto_mv.refresh_log (mv_id, mv, kind, outcome, source, detail)
select id, 'app.better', 'refresh', 'failed', 'watch', 'division by zero' from pgauto_mv.mv where mv_name = 'better';
select is(pg_temp.codes('app.better'), '{recent_failures}', 'a recent failure is reported');
update pgauto_mv.mv_state s set last_outcome = 'succeeded' from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
select is(pg_temp.codes('app.better'), '{}', 'and not after a success');
select pgauto_mv.alter_mv('better', 'app', p_max_wait => 1);
update pgauto_mv.mv_state s set first_change_at = now() - interval '1 minute'
  from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
select is(pg_temp.codes('app.better'), '{older_than_max_wait,refresh_not_scheduled}',
          'a view older than max_wait is reported (here no refresh is scheduled either)');
-- Just past max_wait the due refresh is starting: 'pending', not 'stale' (a view under steady
-- writes flipped to 'stale' for a moment every max_wait although it refreshed on time).
select pgauto_mv.alter_mv('better', 'app', p_max_wait => 10);
update pgauto_mv.mv_state s set first_change_at = now() - interval '11 s'
  from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
select is((select state from pgauto_mv.mv_status where mv = 'app.better'), 'pending',
          'a view whose max_wait refresh is due this moment is pending, not stale');
update pgauto_mv.mv_state s set first_change_at = now() - interval '16 s'
  from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
select is((select state from pgauto_mv.mv_status where mv = 'app.better'), 'stale',
          'five seconds later it is stale');
update pgauto_mv.mv_state set first_change_at = null;

-- Pending changes without a scheduled refresh (its event failed): reported; sync_mv() re-arms.
select pgauto_mv.alter_mv('better', 'app', p_max_wait => 0);
update pgauto_mv.mv_state s set first_change_at = now() - interval '1 minute', last_change_at = now() - interval '1 minute',
       timer_event_id = null from pgauto_mv.mv m where m.id = s.mv_id and m.mv_name = 'better';
select is(pg_temp.codes('app.better'), '{refresh_not_scheduled}', 'pending changes with no refresh scheduled are reported');
select results_eq($$select action from pgauto_mv.sync_mv()$$, $$values ('timer_rearmed'::text)$$, 'sync_mv() re-arms the timer');
select is(pg_temp.codes('app.better'), '{}', 'and the problem is gone');
delete from pgrelay.queue where channel = 'pgauto_mv.refresh';
update pgauto_mv.mv_state set first_change_at = null, timer_event_id = null;

-- No live processor.
select pgrelay.unregister_processor(:slot);
select is(pg_temp.codes(null), '{no_processor}', 'no live processor is reported');

-- A chain cycle made by editing the table by hand.
select pgauto_mv.register_mv('empty', 'app') where false;
insert into pgauto_mv.chain (upstream_id, downstream_id)
select a.id, b.id from pgauto_mv.mv a, pgauto_mv.mv b where a.mv_name = 'better' and b.mv_name = 'empty'
union all
select b.id, a.id from pgauto_mv.mv a, pgauto_mv.mv b where a.mv_name = 'better' and b.mv_name = 'empty';
select ok('chain_cycle' = any (pg_temp.codes(null)), 'a chain cycle is reported');
delete from pgauto_mv.chain;

-- Named schedules on pg_relay schedules; sync_mv() restores a lost one.
select lives_ok($$select pgauto_mv.create_schedule('nightly', p_cron => '0 0 2 * * *', p_timezone => 'Europe/Berlin')$$,
                'create_schedule with a six-field cron and a time zone');
select pgauto_mv.attach_schedule('app.better', 'nightly');
select is((select payload from pgrelay.queue where schedule_name = 'pgauto_mv:nightly'), '{"schedule": "nightly"}',
          'its pg_relay schedule has one pending occurrence');
select throws_ok($$select pgauto_mv.create_schedule('Bad Name', p_every => '1 min')$$, 'AM009', null, 'bad schedule names are refused');
select throws_ok($$select pgrelay.unschedule('pgauto_mv:nightly')$$, 'PR003', null,
                 'a pg_relay admin cannot remove pg_auto_mv''s schedule behind its back');
select pgrelay.unschedule_internal('pgauto_mv:nightly');   -- as if lost (the test runs as the owner)
select results_eq($$select action, object from pgauto_mv.sync_mv()$$, $$values ('schedule_restored'::text, 'nightly'::text)$$,
                  'sync_mv() restores a lost pg_relay schedule');

select * from finish();
rollback;
