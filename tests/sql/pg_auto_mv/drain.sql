-- The drain's protocol (50_engine.sql, on_drain_event): no request is ever stranded, and under
-- traffic no drain reads pg_locks (pgauto_mv.writers_in_flight). The writer in flight is another
-- session (dblink) holding its appended request uncommitted; each drain is called as the
-- processor would run the scheduled one (pgrelay.event_id set to it). Runs in autocommit.
create extension pg_auto_mv cascade;
create extension dblink;
create table public.t (id int primary key, v int not null default 0);
insert into public.t values (1);
create materialized view public.a as select id, v from public.t;
create unique index on public.a (id);
select pgauto_mv.register_mv('a', p_watch_tables => array[pgauto_mv.mv_watch('public.t')],
                             p_refresh_lag => 600, p_cooldown => 0);
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;
select dblink_connect('writer', pg_temp.conninfo());
-- Runs the drain the last one scheduled (none yet: a drain of its own); returns how many times it
-- looked for writers in flight. The caller holds the transaction open.
-- (The counts not yet flushed to the statistics, which may include earlier transactions': the
-- difference.)
create function pg_temp.looks() returns integer language sql as $$
    select coalesce(sum(calls), 0)::int from pg_stat_xact_user_functions
     where schemaname = 'pgauto_mv' and funcname = 'writers_in_flight' $$;
create function pg_temp.drain() returns integer language plpgsql as $$
declare
    v_before integer := pg_temp.looks();
begin
    perform set_config('pgrelay.event_id', (select next_event_id::text from pgauto_mv.drain_schedule), true);
    perform pgauto_mv.on_drain_event(null);
    return pg_temp.looks() - v_before;
end $$;
create function pg_temp.active() returns boolean language sql as $$
    select pg_sequence_last_value('pgauto_mv.drain_active') is not distinct from 2 $$;
create function pg_temp.changes() returns bigint language sql as $$ select change_seq from pgauto_mv.mv_state $$;
set track_functions = 'all';
delete from pgauto_mv.request;

select plan(16);

-- Drains active, a committed change: the drain takes it and schedules the next, without looking.
select setval('pgauto_mv.drain_active', 2);
update public.t set v = v + 1;
begin;
select is(pg_temp.drain(), 0, 'flag active, a change to take: the drain does not read pg_locks');
commit;
select is(pg_temp.changes(), 1::bigint, 'it took the change');
select ok(pg_temp.active() and (select next_event_id is not null from pgauto_mv.drain_schedule),
          'and stays active with the next drain scheduled');

-- Drains active, nothing committed, a writer in flight: the drain looks (after taking nothing)
-- and stays active.
select dblink_exec('writer', 'begin');
select dblink_exec('writer', 'update public.t set v = v + 1');
begin;
select is(pg_temp.drain(), 1, 'flag active, nothing taken: the drain looks for writers');
commit;
select ok(pg_temp.active(), 'finds one in flight and stays active');
select dblink_exec('writer', 'commit');
begin;
select is(pg_temp.drain(), 0, 'the writer committed: the next drain takes its change without looking');
commit;
select is(pg_temp.changes(), 2::bigint, 'the change was counted');

-- Drains active, nothing at all: the drain goes idle through one last sweep.
begin;
select is(pg_temp.drain(), 1, 'nothing taken: it looks');
commit;
select ok(not pg_temp.active() and (select next_event_id is not null from pgauto_mv.drain_schedule),
          'and, nobody writing, flips to idle with one last sweep scheduled');

-- The last sweep while a writer is in flight (it read the flag idle: it asked for a drain of
-- its own as well): the sweep looks first, then consumes, and stays with the writer.
select dblink_exec('writer', 'begin');
select dblink_exec('writer', 'update public.t set v = v + 1');
begin;
select is(pg_temp.drain(), 1, 'flag idle: the sweep looks for writers before consuming');
commit;
select ok(pg_temp.active(), 'finds one in flight and turns active again');
select dblink_exec('writer', 'commit');
begin;
select is(pg_temp.drain(), 0, 'the next drain takes the writer''s change without looking');
commit;
select is(pg_temp.changes(), 3::bigint, 'every change was counted once');
begin;
select is(pg_temp.drain(), 1, 'then, nothing left, it looks');
commit;
begin;
select is(pg_temp.drain(), 1, 'the last sweep looks too');
commit;
select ok(not pg_temp.active() and (select count(*) = 0 from pgauto_mv.request), 'idle, no request left');

select * from finish();
select dblink_disconnect('writer');
