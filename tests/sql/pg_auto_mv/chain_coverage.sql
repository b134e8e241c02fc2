-- A chain's request is covered when the downstream view's last successful refresh already saw
-- the upstream's transaction (tests/core/tst_auto_mv.cpp, diamondRefreshesItsBottomOnce, under
-- load: the bottom refreshed after both upstreams committed, then again for the second one's
-- request, drained late). Runs in autocommit: visibility is about committed transactions.
create extension pg_auto_mv cascade;
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

select plan(6);

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

select * from finish();
