-- Queue rotation seen from another session: notify() keeps the current partition in session
-- state (40_notify.sql), so a writer that was appending to partition 0 must follow a switch
-- made elsewhere, and maintain() must not truncate under it. Runs in autocommit: the switch
-- has to be committed for the writer to see it.
create extension pg_relay;
create extension dblink;
create table public.ticks (at timestamptz);
grant insert on public.ticks to pgrelay;
select pgrelay.create_channel('t.tick', 'insert into public.ticks values (now())');
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;
-- Two writers, one per form of notify() (40_notify.sql): 'writer' calls the general form (one
-- argument), 'short' notify(channel, payload); each keeps its own session state.
select dblink_connect('writer', pg_temp.conninfo());
select dblink_connect('short', pg_temp.conninfo());
create function pg_temp.writer_notify(p_writer text default 'writer') returns bigint language sql as $$
    select id from dblink(p_writer, case p_writer when 'short' then $q$select pgrelay.notify('t.tick', '{}')$q$
                                                   else $q$select pgrelay.notify('t.tick')$q$ end) as t(id bigint) $$;
-- Polls a writer until its events land in partition p_part; fails after 10 s. (Not
-- tap_helpers.wait_until: the event must be read in a statement after the one that queued it.)
create function pg_temp.writer_follows(p_part smallint, p_writer text default 'writer') returns boolean language plpgsql as $$
declare
    v_deadline timestamptz := clock_timestamp() + interval '10 s';
    v_id       bigint;
begin
    loop
        v_id := pg_temp.writer_notify(p_writer);
        if (select part from pgrelay.queue where id = v_id) = p_part then
            return true;
        end if;
        if clock_timestamp() > v_deadline then
            return false;
        end if;
        perform pg_sleep(0.01);
    end loop;
end $$;

select plan(10);

select pg_temp.writer_notify() as first_id \gset
select is((select part from pgrelay.queue where id = :first_id), 0::smallint,
          'the writer appends to partition 0');
select pg_temp.writer_notify('short') as short_id \gset
select is((select part from pgrelay.queue where id = :short_id), 0::smallint,
          'so does the writer of notify(channel, payload)');
select pgrelay.notify('t.tick') from generate_series(1, 10);
select is(pgrelay.maintain(10), 'switched', 'another session switches notify() to partition 1');
select ok(pg_temp.writer_follows(1::smallint), 'the writer follows the switch (within 50 ms; 10 s deadline)');
select ok(pg_temp.writer_follows(1::smallint, 'short'), 'so does the writer of notify(channel, payload)');
select is(pgrelay.maintain(10), 'idle', 'a switch under a second old leaves partition 0 alone');
select count(*) from pgrelay.process_batch(60);
select pgrelay.notify('t.tick', null, now() + interval '1 day') as future_id \gset
update pgrelay.queue set part = 0 where id = :future_id;   -- a not-yet-due event left behind
do $$
declare
    v_deadline timestamptz := clock_timestamp() + interval '10 s';
begin   -- the second of grace passes; poll with a deadline, a transaction per try (now() moves)
    while pgrelay.maintain(1000) <> 'truncated' and clock_timestamp() < v_deadline loop
        commit;
        perform pg_sleep(0.05);
    end loop;
end $$;
select is((select count(*)::int from pgrelay.queue_p0), 0, 'a second later the drained partition 0 is truncated');
select is((select part from pgrelay.queue where id = :future_id), 1::smallint,
          'its not-yet-due event moved to partition 1 first');
select ok(pg_temp.writer_follows(1::smallint), 'the writer still appends to partition 1');
select ok(pg_temp.writer_follows(1::smallint, 'short'), 'and so does the writer of notify(channel, payload)');

select * from finish();
select dblink_disconnect('writer');
select dblink_disconnect('short');
