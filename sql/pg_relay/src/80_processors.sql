-- pg_relay: processor registry. A processor holds a session advisory lock on its slot
-- (key 1885827686, slot), so a crashed processor frees its slot at once and
-- pgrelay.processor_status shows who is really alive.

create function pgrelay.register_processor(p_host text default null, p_pid integer default null,
                                           p_version text default null, p_workers integer default 1)
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    for v_slot in 1 .. 64 loop
        if pg_try_advisory_lock(1885827686, v_slot) then
            insert into pgrelay.processor (slot, host, pid, backend_pid, version, workers)
            values (v_slot, p_host, p_pid, pg_backend_pid(), p_version, p_workers)
            on conflict (slot) do update
               set host = excluded.host, pid = excluded.pid, backend_pid = excluded.backend_pid,
                   version = excluded.version, workers = excluded.workers,
                   started_at = now(), heartbeat_at = now(),
                   events_succeeded = 0, events_retried = 0, events_failed = 0;
            return v_slot;
        end if;
    end loop;
    raise exception 'pg_relay: all 64 processor slots are taken'
        using errcode = 'PR011',
              hint = 'See pgrelay.processor_status; stop a processor before starting another.';
end
$$;

create function pgrelay.heartbeat_processor(p_slot integer, p_succeeded bigint default null,
                                            p_retried bigint default null,
                                            p_failed bigint default null)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    update pgrelay.processor
       set heartbeat_at = now(),
           events_succeeded = coalesce(p_succeeded, events_succeeded),
           events_retried = coalesce(p_retried, events_retried),
           events_failed = coalesce(p_failed, events_failed)
     where slot = p_slot and backend_pid = pg_backend_pid();
    if not found then
        raise exception 'pg_relay: this session does not hold processor slot %', p_slot
            using errcode = 'PR012', hint = 'Register with pgrelay.register_processor() first.';
    end if;
end
$$;

create function pgrelay.unregister_processor(p_slot integer)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    delete from pgrelay.processor where slot = p_slot and backend_pid = pg_backend_pid();
    perform pg_advisory_unlock(1885827686, p_slot);
end
$$;

create view pgrelay.processor_status as
select p.*,
       exists (select 1 from pg_catalog.pg_locks l
                where l.locktype = 'advisory' and l.granted
                  and l.classid = 1885827686::oid and l.objid = p.slot::oid and l.objsubid = 2
                  and l.database = (select oid from pg_catalog.pg_database
                                     where datname = pg_catalog.current_database())) as alive,
       pg_catalog.now() - p.heartbeat_at as since_heartbeat
  from pgrelay.processor p;
comment on view pgrelay.processor_status is 'Registered processors; alive = its session still holds the slot';
