-- A chain's request is covered when the downstream view's last successful refresh already saw
-- the upstream's transaction (tests/core/tst_auto_mv.cpp, diamondRefreshesItsBottomOnce, under
-- load: the bottom refreshed after both upstreams committed, then again for the second one's
-- request, drained late). Runs in autocommit: visibility is about committed transactions; the
-- refresh that commits while a drain is at work runs in other sessions (dblink).
create extension pg_auto_mv cascade;
create extension dblink;
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;
create table public.t (id int primary key, v int);
insert into public.t values (1, 1);
create materialized view public.up as select id, v from public.t;
create materialized view public.down as select sum(v) as total from public.up;
select pgauto_mv.register_mv('up', p_cooldown => 0);
select pgauto_mv.register_mv('down', p_cooldown => 0);
select pgauto_mv.add_chain('up', 'down');
create function pg_temp.down_id() returns text language sql as
    $$ select id::text from pgauto_mv.mv where mv_name = 'down' $$;
-- Runs the queued refresh of down alone (drains are called by hand below).
create function pg_temp.refresh_down() returns text language plpgsql as $$
begin
    delete from pgrelay.queue where channel = 'pgauto_mv.drain';
    perform pgauto_mv.refresh_materialised_view_now('down');
    return (select string_agg(outcome, ',') from pgrelay.process_batch(10));
end $$;
create function pg_temp.changes() returns bigint language sql as
    $$ select count(*) from pgauto_mv.refresh_log where mv = 'public.down' and kind = 'change' $$;

select plan(13);

-- 1. The upstream's transaction commits, then down refreshes, then the request is drained.
select pgauto_mv.enqueue_request(array[pg_temp.down_id()], null, null, 'chain');
select is(pg_temp.refresh_down(), 'succeeded', 'down refreshes after the upstream''s transaction committed');
select pgauto_mv.on_drain_event(null);
select is(pg_temp.changes(), 0::bigint, 'its late-drained chain request records no change: the refresh saw it');
select is((select first_change_at from pgauto_mv.mv_state where mv_id = pg_temp.down_id()::int), null::timestamptz,
          'and nothing waits to be refreshed');

-- 2. A request from a transaction that committed after the refresh began counts.
select is(pg_temp.refresh_down(), 'succeeded', 'down refreshes again');
select pgauto_mv.enqueue_request(array[pg_temp.down_id()], null, null, 'chain');
select pgauto_mv.on_drain_event(null);
select is(pg_temp.changes(), 1::bigint, 'a chain request the refresh did not see is a change');

-- 3. The watch triggers' requests (no transaction id kept) always count.
insert into pgauto_mv.request (mv_ids, t) values (array[pg_temp.down_id()], clock_timestamp());
delete from pgrelay.queue where channel = 'pgauto_mv.drain';   -- so this drain is not left to the scheduled one
select pgauto_mv.on_drain_event(null);
select is(pg_temp.changes(), 2::bigint, 'a writer''s request is always a change');

-- 4. The drain read the view's state before a refresh that saw the request committed, and
--    counted the request after it (the drain waits for the state row the refresh holds): the
--    refresh covered it all the same (CI, trigger mode: the diamond's bottom refreshed twice).
select dblink_connect('refresher', pg_temp.conninfo());
select dblink_connect('drainer', pg_temp.conninfo());
select is(pg_temp.refresh_down(), 'succeeded', 'down refreshes for the writer''s change');
delete from pgrelay.queue;
select is((select count(*)::int from pgauto_mv.mv_state where first_change_at is not null), 0, 'nothing is waiting');
select pgauto_mv.enqueue_request(array[pg_temp.down_id()], null, null, 'chain');
delete from pgrelay.queue where channel = 'pgauto_mv.drain';
select dblink_exec('refresher', 'begin');
select is((select n from dblink('refresher', format($q$select count(*)::int from (select pgauto_mv.on_refresh_event('{"mv": %s, "src": "manual"}')) r$q$,
                                              pg_temp.down_id())) t(n int)),
          1, 'down refreshes in another session (not committed yet)');
create table pg_temp.drainer as select pid from dblink('drainer', 'select pg_backend_pid()') t(pid int);
select dblink_send_query('drainer', 'select pgauto_mv.on_drain_event(null)');
select ok(tap_helpers.wait_until(format('select exists (select 1 from pg_locks where not granted and pid = %s)',
                                        (select pid from pg_temp.drainer))),
          'a drain takes the request and waits for the state row the refresh holds');
select dblink_exec('refresher', 'commit');
select is((select x from dblink_get_result('drainer') t(x text)), '', 'the drain ends when the refresh commits');
select is(pg_temp.changes(), 2::bigint, 'the request the refresh saw records no change');
select is((select first_change_at from pgauto_mv.mv_state where mv_id = pg_temp.down_id()::int), null::timestamptz,
          'and nothing waits to be refreshed: down refreshes once');
select dblink_disconnect('refresher');
select dblink_disconnect('drainer');

select * from finish();
