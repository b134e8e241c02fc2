-- pg_auto_mv: named schedules, on pg_relay schedules. Each fires an event on channel
-- pgauto_mv.schedule; its handler asks for a refresh of every attached view (source schedule:
-- no lag, but the view's cooldown and one-refresh-at-a-time hold).

create function pgauto_mv.check_schedule_name(p_name text)
returns text
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_name is null or p_name !~ '^[a-z][a-z0-9_.:-]*$' or octet_length(p_name) > 50 then
        raise exception 'pg_auto_mv: invalid schedule name %', coalesce(quote_literal(p_name), 'NULL')
            using errcode = 'AM009',
                  hint = 'Use 1 to 50 characters: lower-case letters, digits, "_", ".", ":" or "-", starting with a letter.';
    end if;
    return p_name;
end
$$;

create function pgauto_mv.create_schedule(p_name text, p_every interval default null, p_cron text default null,
                                          p_timezone text default 'UTC')
returns timestamptz
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_first timestamptz;
begin
    perform pgauto_mv.check_schedule_name(p_name);
    -- pg_relay validates every / cron / time zone and raises its own clear errors (PR005, PR006).
    v_first := pgrelay.schedule_internal('pgauto_mv:' || p_name, 'pgauto_mv.schedule', p_every, p_cron,
                                jsonb_build_object('schedule', p_name), p_timezone);
    insert into pgauto_mv.schedule (name, every, cron, timezone) values (p_name, p_every, p_cron, p_timezone)
    on conflict (name) do update set every = excluded.every, cron = excluded.cron, timezone = excluded.timezone;
    return v_first;
end
$$;
comment on function pgauto_mv.create_schedule(text, interval, text, text) is
    'Creates or replaces a named refresh schedule (interval, or cron with optional seconds); returns its first run';

create function pgauto_mv.drop_schedule(p_name text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    if not exists (select 1 from pgauto_mv.schedule where name = p_name) then
        raise exception 'pg_auto_mv: unknown schedule %', coalesce(quote_literal(p_name), 'NULL')
            using errcode = 'AM007', hint = 'List schedules with: select name from pgauto_mv.schedule;';
    end if;
    perform pgrelay.unschedule_internal('pgauto_mv:' || p_name);
    delete from pgauto_mv.schedule where name = p_name;
end
$$;

create function pgauto_mv.attach_schedule(p_mv text, p_schedule text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer := pgauto_mv.registered_id(p_mv);
begin
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_id));
    if not exists (select 1 from pgauto_mv.schedule where name = p_schedule) then
        raise exception 'pg_auto_mv: unknown schedule %', coalesce(quote_literal(p_schedule), 'NULL')
            using errcode = 'AM007', hint = 'Create it first with pgauto_mv.create_schedule().';
    end if;
    insert into pgauto_mv.schedule_mv (schedule_name, mv_id) values (p_schedule, v_id) on conflict do nothing;
end
$$;

create function pgauto_mv.detach_schedule(p_mv text, p_schedule text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer := pgauto_mv.registered_id(p_mv);
begin
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_id));
    delete from pgauto_mv.schedule_mv where schedule_name = p_schedule and mv_id = v_id;
    if not found then
        raise exception 'pg_auto_mv: % is not attached to schedule %', p_mv, coalesce(quote_literal(p_schedule), 'NULL')
            using errcode = 'AM007';
    end if;
end
$$;

-- Handler of channel pgauto_mv.schedule: {"schedule": name}.
create function pgauto_mv.on_schedule_event(p jsonb)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer;
begin
    for v_id in select mv_id from pgauto_mv.schedule_mv where schedule_name = p->>'schedule' order by mv_id loop
        perform pgauto_mv.enqueue_refresh(v_id, jsonb_build_object('mv', v_id, 'src', 'schedule'));
    end loop;
end
$$;
