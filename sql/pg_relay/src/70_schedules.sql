-- pg_relay: schedules. A schedule's next run is an ordinary event with a future run_at and the
-- schedule's name; processing it enqueues the following one in the same transaction, so there
-- is exactly one pending occurrence per schedule (pgrelay.schedule.pending_event_id).

create function pgrelay.check_timezone(p_timezone text)
returns text
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_timezone is null or btrim(p_timezone) = '' then
        raise exception 'pg_relay: time zone must not be empty'
            using errcode = 'PR006', hint = 'Use a name such as ''UTC'' or ''Europe/Berlin''.';
    end if;
    -- Only a zone name: a POSIX spec such as '+25' or 'UTC+99' parses (as an offset of 25 or
    -- 99 hours) but means nothing a DBA would schedule by.
    if not exists (select from pg_timezone_names z where lower(z.name) = lower(p_timezone)) then
        raise exception 'pg_relay: unknown time zone "%"', p_timezone
            using errcode = 'PR006',
                  hint = 'Use a name from pg_timezone_names, such as ''Europe/Berlin'' or ''UTC''.';
    end if;
    perform now() at time zone p_timezone;
    return p_timezone;
exception
    when invalid_parameter_value or feature_not_supported then
        raise exception 'pg_relay: unknown time zone "%"', p_timezone
            using errcode = 'PR006',
                  hint = 'Use a name from pg_timezone_names, such as ''Europe/Berlin''.';
end
$$;

create function pgrelay.check_every(p_every interval)
returns interval
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_every is null or p_every < interval '1 s'
       or extract(epoch from p_every) < 1 then
        raise exception 'pg_relay: schedule interval % must be at least 1 second', coalesce(p_every::text, '<NULL>')
            using errcode = 'PR007', hint = 'For example interval ''30 s'' or ''1 day''.';
    end if;
    return p_every;
end
$$;

-- Next run strictly after p_after: for an interval, anchored on p_anchor (the previous
-- scheduled time, so runs never drift; days and months count in wall-clock time of the zone);
-- for cron, the rules of pgrelay.cron_next().
create function pgrelay.next_run(p_every interval, p_cron text, p_timezone text,
                                 p_anchor timestamptz, p_after timestamptz)
returns timestamptz
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_next  timestamptz := p_anchor;
    v_secs  double precision;
    v_k     bigint;
begin
    if p_cron is not null then
        return pgrelay.cron_next(pgrelay.cron_parse(p_cron), p_timezone, p_after);
    end if;
    if extract(month from p_every) = 0 and extract(year from p_every) = 0
       and extract(day from p_every) = 0 then
        v_secs := extract(epoch from p_every);
        v_k := greatest(floor(extract(epoch from p_after - p_anchor) / v_secs)::bigint + 1, 1);
        v_next := p_anchor + make_interval(secs => v_k * v_secs);
        while v_next <= p_after loop
            v_next := v_next + p_every;
        end loop;
        return v_next;
    end if;
    loop    -- calendar intervals: step in local time, at most one step per period missed
        v_next := ((v_next at time zone p_timezone) + p_every) at time zone p_timezone;
        exit when v_next > p_after;
    end loop;
    return v_next;
end
$$;

-- Creates or replaces a schedule on any channel. Not granted: the extensions' own code calls
-- it; admins call pgrelay.schedule(), which keeps them off internal channels.
create function pgrelay.schedule_internal(p_name text, p_channel text, p_every interval default null,
                                          p_cron text default null, p_payload jsonb default null,
                                          p_timezone text default 'UTC')
returns timestamptz
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_first  timestamptz;
    v_old    bigint;
    v_id     bigint;
begin
    perform pgrelay.check_name('schedule', p_name);
    if (p_every is null) = (p_cron is null) then
        raise exception 'pg_relay: schedule "%" needs exactly one of p_every and p_cron', p_name
            using errcode = 'PR005',
                  hint = 'For example p_every => ''30 s'' or p_cron => ''0 */5 * * * *''.';
    end if;
    if p_every is not null then
        perform pgrelay.check_every(p_every);
    else
        perform pgrelay.cron_parse(p_cron);
    end if;
    perform pgrelay.check_timezone(p_timezone);
    if not exists (select 1 from pgrelay.channel where name = p_channel) then
        raise exception 'pg_relay: unknown channel "%" for schedule "%"', coalesce(p_channel, '<NULL>'), p_name
            using errcode = 'PR001', hint = 'Create the channel first with pgrelay.create_channel().';
    end if;
    v_first := pgrelay.next_run(p_every, p_cron, p_timezone, now(), now());
    if v_first is null then
        raise exception 'pg_relay: cron expression "%" never fires', p_cron
            using errcode = 'PR005', hint = 'Check day-of-month against month (e.g. 30 February).';
    end if;

    select pending_event_id into v_old from pgrelay.schedule where name = p_name for update;
    if v_old is not null then
        delete from pgrelay.queue where id = v_old and schedule_name = p_name;
    end if;
    v_id := pgrelay.enqueue_occurrence(p_name, p_channel, p_payload, v_first);
    insert into pgrelay.schedule (name, channel, every, cron, timezone, payload, pending_event_id, next_run_at)
    values (p_name, p_channel, p_every, p_cron, p_timezone, p_payload, v_id, v_first)
    on conflict (name) do update
       set channel = excluded.channel, every = excluded.every, cron = excluded.cron,
           timezone = excluded.timezone, payload = excluded.payload,
           pending_event_id = excluded.pending_event_id, next_run_at = excluded.next_run_at,
           paused = false;   -- replaced: a new schedule, running
    return v_first;
end
$$;

-- Refuses an admin's change to a schedule of an internal channel (pg_auto_mv's schedules, the
-- built-in jobs): those belong to the extensions, which change them through their own API.
create function pgrelay.check_schedule_not_internal(p_name text, p_channel text)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    if pgrelay.is_internal_channel(p_channel)
       or exists (select from pgrelay.schedule s
                   where s.name = p_name and pgrelay.is_internal_channel(s.channel)) then
        raise exception 'pg_relay: schedule "%" would run internal channel "%"', p_name,
                        coalesce((select s.channel from pgrelay.schedule s where s.name = p_name), p_channel)
            using errcode = 'PR003',
                  hint = 'Schedules of pgrelay.* and pgauto_mv.* channels belong to the extensions (pg_auto_mv: pgauto_mv.create_schedule()).';
    end if;
end
$$;

-- Enqueues one occurrence of schedule p_name (its channel's priority, the partition that goes
-- with it); returns the event id. The one place schedules write the queue.
create function pgrelay.enqueue_occurrence(p_name text, p_channel text, p_payload jsonb,
                                           p_run_at timestamptz)
returns bigint
language sql
set search_path = pg_catalog, pg_temp
as $$
    insert into pgrelay.queue (part, channel, payload, run_at, schedule_name, priority)
    select pgrelay.queue_part(p.priority), p_channel, p_payload, p_run_at, p_name, p.priority
      from (select pgrelay.channel_priority(p_channel) as priority) p
    returning id
$$;

create function pgrelay.schedule(p_name text, p_channel text, p_every interval default null,
                                 p_cron text default null, p_payload jsonb default null,
                                 p_timezone text default 'UTC')
returns timestamptz
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.check_schedule_not_internal(p_name, p_channel);
    return pgrelay.schedule_internal(p_name, p_channel, p_every, p_cron, p_payload, p_timezone);
end
$$;
comment on function pgrelay.schedule(text, text, interval, text, jsonb, text) is
    'Creates or replaces a recurring job; returns its first run time';

-- The schedule, locked for a change; PR009 if there is none of that name.
create function pgrelay.schedule_for_update(p_name text)
returns pgrelay.schedule
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    s pgrelay.schedule;
begin
    select * into s from pgrelay.schedule where name = p_name for update;
    if not found then
        raise exception 'pg_relay: unknown schedule "%"', coalesce(p_name, '<NULL>')
            using errcode = 'PR009', hint = 'List schedules with: select name from pgrelay.schedule;';
    end if;
    return s;
end
$$;

create function pgrelay.unschedule(p_name text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.check_schedule_not_internal(p_name, null);
    perform pgrelay.unschedule_internal(p_name);
end
$$;

create function pgrelay.unschedule_internal(p_name text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_pending bigint;
begin
    v_pending := (pgrelay.schedule_for_update(p_name)).pending_event_id;
    delete from pgrelay.queue where id = v_pending and schedule_name = p_name;
    delete from pgrelay.schedule where name = p_name;
end
$$;

-- Pausing takes the pending occurrence out of the queue (an occurrence running now finishes;
-- it enqueues no next one: schedule_next_occurrence sees no pending event of its own).
create function pgrelay.pause_schedule(p_name text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    s pgrelay.schedule;
begin
    perform pgrelay.check_schedule_not_internal(p_name, null);
    s := pgrelay.schedule_for_update(p_name);
    if s.paused then
        return;
    end if;
    delete from pgrelay.queue where id = s.pending_event_id and schedule_name = p_name;
    update pgrelay.schedule set paused = true, pending_event_id = null, next_run_at = null
     where name = p_name;
end
$$;
comment on function pgrelay.pause_schedule(text) is
    'Pauses a schedule: its pending occurrence leaves the queue until resume_schedule()';

-- Resuming enqueues the next occurrence after now: runs missed while paused are not made up.
create function pgrelay.resume_schedule(p_name text)
returns timestamptz
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    s       pgrelay.schedule;
    v_next  timestamptz;
    v_id    bigint;
begin
    perform pgrelay.check_schedule_not_internal(p_name, null);
    s := pgrelay.schedule_for_update(p_name);
    if not s.paused then
        return s.next_run_at;
    end if;
    v_next := pgrelay.next_run(s.every, s.cron, s.timezone, coalesce(s.last_run_at, s.created_at), now());
    if v_next is not null then
        v_id := pgrelay.enqueue_occurrence(s.name, s.channel, s.payload, v_next);
    end if;
    update pgrelay.schedule set paused = false, pending_event_id = v_id, next_run_at = v_next
     where name = p_name;
    return v_next;
end
$$;
comment on function pgrelay.resume_schedule(text) is
    'Resumes a paused schedule at its next occurrence after now (no backlog); returns that time';

-- Called by process_batch() when a schedule's occurrence has finished: enqueue the next one.
create function pgrelay.schedule_next_occurrence(p_name text, p_event_id bigint,
                                                 p_scheduled timestamptz)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    s       pgrelay.schedule;
    v_next  timestamptz;
    v_id    bigint;
begin
    select * into s from pgrelay.schedule where name = p_name for update;
    if not found or s.pending_event_id is distinct from p_event_id then
        return;   -- unscheduled or replaced meanwhile: that one has its own pending event
    end if;
    v_next := pgrelay.next_run(s.every, s.cron, s.timezone, p_scheduled,
                               greatest(p_scheduled, now()));
    if v_next is not null then
        v_id := pgrelay.enqueue_occurrence(s.name, s.channel, s.payload, v_next);
    end if;
    update pgrelay.schedule
       set pending_event_id = v_id, next_run_at = v_next, last_run_at = p_scheduled
     where name = p_name;
end
$$;

-- Gives every schedule whose pending event went missing (restored from a dump, deleted by
-- hand) a new one. The processor calls it when it starts; idempotent.
create function pgrelay.repair_schedules()
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    s       pgrelay.schedule;
    v_n     integer := 0;
    v_next  timestamptz;
    v_id    bigint;
begin
    for s in select * from pgrelay.schedule sc
              where not sc.paused
                and not exists (select 1 from pgrelay.queue q
                                 where q.id = sc.pending_event_id and q.schedule_name = sc.name)
                for update
    loop
        v_next := pgrelay.next_run(s.every, s.cron, s.timezone, coalesce(s.last_run_at, now()), now());
        v_id := pgrelay.enqueue_occurrence(s.name, s.channel, s.payload, v_next);
        update pgrelay.schedule set pending_event_id = v_id, next_run_at = v_next where name = s.name;
        v_n := v_n + 1;
    end loop;
    return v_n;
end
$$;

-- The next p_count run times of a would-be schedule, for previews (nothing is stored).
create function pgrelay.preview_schedule(p_every interval default null, p_cron text default null,
                                         p_timezone text default 'UTC', p_count integer default 5,
                                         p_from timestamptz default now())
returns setof timestamptz
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_at timestamptz := p_from;
begin
    if (p_every is null) = (p_cron is null) then
        raise exception 'pg_relay: give exactly one of p_every and p_cron' using errcode = 'PR005';
    end if;
    if p_every is not null then
        perform pgrelay.check_every(p_every);
    end if;
    perform pgrelay.check_timezone(p_timezone);
    for i in 1 .. least(greatest(p_count, 0), 100) loop
        v_at := pgrelay.next_run(p_every, p_cron, p_timezone, v_at, v_at);
        exit when v_at is null;
        return next v_at;
    end loop;
end
$$;
