-- Operations: two processors racing on a schedule, the processor registry, queue rotation
-- (no bloat), log retention and settings. Concurrency uses real second sessions (dblink).
create extension pg_relay;
create extension dblink;
create table public.ticks (at timestamptz);
grant insert on public.ticks to pgrelay;
select pgrelay.create_channel('t.tick', 'insert into public.ticks values (now())');
select pgrelay.schedule('s.race', 't.tick', p_every => '10 s');
update pgrelay.queue set run_at = now() - interval '1 s' where schedule_name = 's.race';
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;
select dblink_connect('p1', pg_temp.conninfo());
select dblink_connect('p2', pg_temp.conninfo());

begin;
select plan(21);

-- Two processors race for the same due occurrence: one runs it, the other skips it.
select dblink_exec('p1', 'begin');
select is((select n from dblink('p1', 'select count(*)::int from pgrelay.process_batch(10)') as t(n int)), 1,
          'processor 1 claims the due occurrence');
select is((select n from dblink('p2', 'select count(*)::int from pgrelay.process_batch(10)') as t(n int)), 0,
          'processor 2, racing, skips it (SKIP LOCKED) instead of waiting or doubling it');
select dblink_exec('p1', 'commit');
select is((select count(*)::int from public.ticks), 1, 'the occurrence ran exactly once');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.race'), 1,
          'and exactly one next occurrence is pending');

-- Registry: slots from advisory locks; liveness from the lock, not from a heartbeat guess.
select is((select slot from dblink('p1', $$select pgrelay.register_processor('host-a', 101, '1.0', 2)$$) as t(slot int)), 1,
          'the first processor gets slot 1');
select is((select slot from dblink('p2', $$select pgrelay.register_processor('host-b', 102, '1.0', 1)$$) as t(slot int)), 2,
          'the second gets slot 2');
select results_eq($$select slot, host, workers, alive from pgrelay.processor_status order by slot$$,
                  $$values (1, 'host-a'::text, 2, true), (2, 'host-b', 1, true)$$, 'both are listed alive');
select lives_ok($$select * from dblink('p1', 'select pgrelay.heartbeat_processor(1, 10, 1, 2)') as t(x text)$$, 'a heartbeat stores counters');
select results_eq($$select events_succeeded, events_retried, events_failed from pgrelay.processor where slot = 1$$,
                  $$values (10::bigint, 1::bigint, 2::bigint)$$, 'the counters are visible from SQL');
select throws_ok($$select * from dblink('p2', 'select pgrelay.heartbeat_processor(1)') as t(x text)$$, null, null,
                 'a session cannot heartbeat a slot it does not hold');
select dblink_disconnect('p1');
-- The slot frees when the session ends: wait for it with a deadline.
select tap_helpers.wait_until('select not alive from pgrelay.processor_status where slot = 1', 5);
select is((select alive from pgrelay.processor_status where slot = 1), false,
          'a processor whose session died shows as not alive at once');
select dblink_disconnect('p2');

-- Wake-up hint: sent only while a processor sleeps (holds advisory lock 65), so busy
-- processors cost writers nothing.
select dblink_connect('sleeper', pg_temp.conninfo());
select dblink_connect('listener', pg_temp.conninfo());
select dblink_connect('writer', pg_temp.conninfo());
select dblink_exec('listener', 'listen pgrelay_wakeup');
select dblink_exec('listener', 'listen t_sentinel');
-- Notifications reach a listener asynchronously, in commit order: after each case the writer
-- commits a sentinel NOTIFY, and the listener collects what came before it (or fails after 10 s).
create function pg_temp.notes_until_sentinel() returns text[] language plpgsql as $$
declare
    v_notes    text[] := '{}';
    v_name     text;
    v_deadline timestamptz := clock_timestamp() + interval '10 s';
begin
    perform dblink_exec('writer', 'notify t_sentinel');
    loop
        for v_name in select notify_name from dblink_get_notify('listener') loop
            if v_name = 't_sentinel' then
                return v_notes;
            end if;
            v_notes := v_notes || v_name;
        end loop;
        if clock_timestamp() > v_deadline then
            raise exception 'the sentinel notification did not arrive within 10 s';
        end if;
        perform pg_sleep(0.01);
    end loop;
end $$;
select * from dblink('sleeper', 'select pg_advisory_lock(1885827686, 65)') as t(x text);
select * from dblink('writer', $$select pgrelay.notify('t.tick')$$) as t(id bigint);
select is(pg_temp.notes_until_sentinel(), '{pgrelay_wakeup}',
          'a due event wakes a sleeping processor with one NOTIFY pgrelay_wakeup');
select * from dblink('sleeper', 'select pg_advisory_unlock(1885827686, 65)') as t(x text);
select * from dblink('writer', $$select pgrelay.notify('t.tick')$$) as t(id bigint);
select is(pg_temp.notes_until_sentinel(), '{}', 'no hint while no processor sleeps');
select * from dblink('sleeper', 'select pg_advisory_lock(1885827686, 65)') as t(x text);
select * from dblink('writer', $$select pgrelay.notify('t.tick', null, now() + interval '1 hour')$$) as t(id bigint);
select is(pg_temp.notes_until_sentinel(), '{}', 'no hint for an event that is not due yet');
select dblink_disconnect('sleeper');
select dblink_disconnect('listener');
select dblink_disconnect('writer');

-- Rotation: notify() moves to the other partition, and the drained one is truncated.
select pgrelay.notify('t.tick') from generate_series(1, 30);
select count(*) from pgrelay.process_batch(60);
select pgrelay.notify('t.tick', null, now() + interval '1 day') as future_id \gset
select is(pgrelay.maintain(10), 'switched', 'after enough events, maintain() switches notify() to partition 1');
select pgrelay.notify('t.tick', null, now() + interval '1 day') as new_id \gset
select is((select part from pgrelay.queue where id = :new_id), 1::smallint, 'new events go to partition 1');
select is(pgrelay.maintain(10), 'idle',
          'right after the switch partition 0 is left alone (sessions may still append there for 50 ms)');
update pgrelay.queue_state set switched_at = switched_at - interval '2 s';  -- a second later
select pgrelay.notify('t.tick') as due_id \gset
update pgrelay.queue set part = 0 where id = :due_id;  -- a due event a late session appended
select is(pgrelay.maintain(10), 'idle', 'a partition with due events is left for the processors to drain');
select count(*) from pgrelay.process_batch(60);
select is(pgrelay.maintain(10), 'truncated', 'once drained, partition 0 is truncated');
select is((select part from pgrelay.queue where id = :future_id), 1::smallint,
          'its not-yet-due event moved to partition 1 first');
select is((select count(*)::int from pgrelay.queue_p0), 0, 'partition 0 is empty and fresh');

select * from finish();
rollback;
