-- pg_auto_mv: refresh now, read-your-writes, and the status view.

create function pgauto_mv.refresh_materialised_view_now(p_mv_name text, p_mv_schema text default 'public')
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
begin
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_id));
    return pgauto_mv.enqueue_refresh(v_id, jsonb_build_object('mv', v_id, 'src', 'manual'));
end
$$;
comment on function pgauto_mv.refresh_materialised_view_now(text, text) is
    'Asks the processor to refresh the view now (ignores lag and cooldown; one refresh at a time); returns the pg_relay event id';

create function pgauto_mv.refresh_materialized_view_now(p_mv_name text, p_mv_schema text default 'public')
returns bigint
language sql security definer
set search_path = pg_catalog, pg_temp
as $$ select pgauto_mv.refresh_materialised_view_now(p_mv_name, p_mv_schema) $$;
comment on function pgauto_mv.refresh_materialized_view_now(text, text) is 'Same as refresh_materialised_view_now()';

-- Is anything still to do for the view: a change or refresh event queued, a change not yet
-- covered, or a refresh running?
create function pgauto_mv.has_pending_work(p_mv_id integer)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select exists (select 1 from pgauto_mv.request r where r.mv_ids @> array[p_mv_id::text])
        or exists (select 1 from pgrelay.queue q
                    where q.channel = 'pgauto_mv.refresh' and (q.payload->>'mv')::integer = p_mv_id
                      and q.payload->>'src' <> 'watch')
        or exists (select 1 from pgauto_mv.mv_state s where s.mv_id = p_mv_id and s.first_change_at is not null)
        or pgauto_mv.refreshing(p_mv_id)
$$;

-- Blocks until every change committed before the call is in the view (through its chain
-- upstreams too), or the timeout passes.
-- Call it outside an open transaction that wrote the data (its events are not visible yet).
create function pgauto_mv.wait_until_fresh(p_mv_name text, p_mv_schema text default 'public',
                                           p_timeout interval default '30 s')
returns boolean
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id       integer := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
    v_deadline timestamptz := clock_timestamp() + coalesce(p_timeout, interval '30 s');
    v_pause    double precision := 0.005;
    v_ids      integer[];
    -- WAL capture: a change is known only once the capture has read past it (33_capture.sql).
    v_upto     pg_lsn := case when exists (select 1 from pgauto_mv.capture c where c.slot_name is not null)
                              then pg_current_wal_insert_lsn() end;
    v_captured boolean;
begin
    -- The view and every view upstream of it in chains: their changes reach it too.
    with recursive up(id) as (
        select v_id
        union
        select c.upstream_id from pgauto_mv.chain c join up on c.downstream_id = up.id
    )
    select array_agg(up.id) into v_ids from up;
    loop
        -- The capture first: what it has read is queued as requests (in the same transaction)
        -- by the time the next statement looks for them.
        v_captured := v_upto is null or not pgauto_mv.capture_holds(v_ids, v_upto);
        if v_captured and not exists (select 1 from unnest(v_ids) u(id) where pgauto_mv.has_pending_work(u.id)) then
            return true;
        end if;
        if clock_timestamp() >= v_deadline then
            return false;
        end if;
        perform pg_sleep(least(v_pause, extract(epoch from v_deadline - clock_timestamp())));
        v_pause := least(v_pause * 2, 0.1);
    end loop;
end
$$;
comment on function pgauto_mv.wait_until_fresh(text, text, interval) is
    'Waits until the view holds every change committed before the call; false on timeout';

create view pgauto_mv.mv_status as
select m.id,
       case when c.oid is not null then format('%I.%I', n.nspname, c.relname) else format('%I.%I', m.mv_schema, m.mv_name) end as mv,
       case when c.oid is null then 'missing'
            when pgauto_mv.refreshing(m.id) then 'refreshing'
            when m.paused then 'paused'
            when s.last_outcome = 'failed' then 'failed'
            when pgauto_mv.overdue(s.first_change_at, m.max_wait) and s.timer_reason is distinct from 'blackout' then 'stale'
            when s.first_change_at is not null then 'pending'
            when not c.relispopulated then 'unpopulated'
            else 'fresh' end as state,
       s.first_change_at as changed_since,
       s.last_change_at,
       (select count(*) from pgauto_mv.request r where r.mv_ids @> array[m.id::text]) as pending_requests,
       case when s.timer_event_id is not null then s.timer_due end as next_due,
       case when s.first_change_at is null then null
            when s.timer_reason = 'upstream' then 'waiting for upstream ' || coalesce(pgauto_mv.upstream_busy(m.id), 'views')
            else s.timer_reason end as why_waiting,
       s.last_refresh_at, s.last_success_at, s.last_outcome, s.last_mode, s.last_source, s.last_duration_ms,
       s.last_error, s.refreshes, s.failures,
       m.refresh_lag, m.max_wait, m.cooldown, m.fire_on_replica,
       m.on_failure,
       (select string_agg(format('%I.%I', w.table_schema, w.table_name), ', ' order by w.table_schema, w.table_name)
          from pgauto_mv.watch w where w.mv_id = m.id) as watches,
       (select g.group_name from pgauto_mv.refresh_group_mv g where g.mv_id = m.id) as refresh_group,
       m.priority
  from pgauto_mv.mv m
  join pgauto_mv.mv_state s on s.mv_id = m.id
  left join pg_class c on c.oid = m.mv_oid and c.relkind = 'm'
  left join pg_namespace n on n.oid = c.relnamespace;
comment on view pgauto_mv.mv_status is
    'One row per registered view: state, changed since, pending requests, next due and why it waits, last refresh';

-- The pg_relay channels a view's failure alerts may go to (the user's, not the extensions'
-- own), for editors such as the console's: a pgauto_mv_admin may name one without reading
-- pg_relay's tables.
create function pgauto_mv.alert_channels()
returns setof text
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
    select c.name from pgrelay.channel c where not pgrelay.is_internal_channel(c.name) order by c.name
$$;
comment on function pgauto_mv.alert_channels() is 'The pg_relay channels failure alerts may go to (p_on_failure)';

-- Days for a blackout window: 'daily', 'weekdays', 'weekends', or day names and ranges such as
-- 'Mon-Fri' or 'Sat,Sun' (English, three letters or whole, any case) -> ISO days 1 (Mon) … 7.
create function pgauto_mv.parse_days(p_days text)
returns integer[]
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_names constant text[] := array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    v_part  text;
    v_from  integer;
    v_to    integer;
    v_days  integer[] := '{}';
    v_bad   boolean := false;
begin
    case lower(btrim(coalesce(p_days, '')))
        when 'daily' then return array[1, 2, 3, 4, 5, 6, 7];
        when 'weekdays' then return array[1, 2, 3, 4, 5];
        when 'weekends' then return array[6, 7];
        else null;
    end case;
    foreach v_part in array string_to_array(lower(replace(coalesce(p_days, ''), ' ', '')), ',') loop
        v_from := array_position(v_names, left(split_part(v_part, '-', 1), 3));
        v_to := case when v_part like '%-%' then array_position(v_names, left(split_part(v_part, '-', 2), 3)) else v_from end;
        if v_part = '' or v_from is null or v_to is null or v_to < v_from then
            v_bad := true;
            exit;
        end if;
        v_days := v_days || array(select generate_series(v_from, v_to));
    end loop;
    if v_bad or cardinality(v_days) = 0 then
        raise exception 'pg_auto_mv: days must be daily, weekdays, weekends or day names and ranges such as ''Mon-Fri'' or ''Sat,Sun'', not %',
                coalesce(quote_literal(p_days), 'NULL')
            using errcode = 'AM005';
    end if;
    return array(select distinct d from unnest(v_days) d order by d);
end
$$;

-- A blackout window for one view (p_mv_name) or, without one, for every view: e.g.
-- add_blackout('Mon-Fri', '08:00', '18:00', 'Europe/London', 'daily_sales'). Returns its id.
create function pgauto_mv.add_blackout(p_days text, p_from time, p_to time, p_timezone text default 'UTC',
                                       p_mv_name text default null, p_mv_schema text default 'public')
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_mv integer;
    v_id integer;
    v_days integer[] := pgauto_mv.parse_days(p_days);
begin
    if p_from is null or p_to is null or p_from = p_to then
        raise exception 'pg_auto_mv: a blackout window needs a start and a different end time, not % and %',
                coalesce(p_from::text, 'NULL'), coalesce(p_to::text, 'NULL')
            using errcode = 'AM005', hint = 'An end before the start ends the next day, e.g. ''22:00'' to ''06:00''.';
    end if;
    if p_timezone is null or not exists (select from pg_timezone_names where name = p_timezone) then
        raise exception 'pg_auto_mv: unknown time zone %', coalesce(quote_literal(p_timezone), 'NULL')
            using errcode = 'AM005', hint = 'Use a name from pg_timezone_names, e.g. ''Europe/London''.';
    end if;
    if p_mv_name is not null then
        v_mv := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
        perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_mv));
    else
        perform pgauto_mv.check_may_manage_all();
    end if;
    insert into pgauto_mv.blackout (mv_id, days, start_time, end_time, timezone, created_by)
    values (v_mv, v_days, p_from, p_to, p_timezone, pgauto_mv.caller())
    returning id into v_id;
    perform pgauto_mv.rearm_all(v_mv);
    return v_id;
end
$$;
comment on function pgauto_mv.add_blackout(text, time, time, text, text, text) is
    'Adds a blackout window (no automatic refresh) for one view or, without p_mv_name, for all; returns its id';

create function pgauto_mv.drop_blackout(p_id integer)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    b pgauto_mv.blackout;
begin
    select * into b from pgauto_mv.blackout where id = p_id;
    if not found then
        raise exception 'pg_auto_mv: no blackout window %', coalesce(p_id::text, 'NULL')
            using errcode = 'AM005', hint = 'The windows are listed in pgauto_mv.blackout.';
    end if;
    if b.mv_id is not null then
        perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = b.mv_id));
    else
        perform pgauto_mv.check_may_manage_all();
    end if;
    delete from pgauto_mv.blackout where id = p_id;
    perform pgauto_mv.rearm_all(b.mv_id);   -- a view waiting for the window's end refreshes now
end
$$;
comment on function pgauto_mv.drop_blackout(integer) is 'Removes a blackout window; views it held back are due again';

-- What holds every view (a blackout window for all): the role that installed pg_auto_mv (the
-- schema's owner) and its members, or a superuser; not every pgauto_mv_admin.
create function pgauto_mv.check_may_manage_all()
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_owner oid := (select nspowner from pg_namespace where nspname = 'pgauto_mv');
begin
    if not pg_has_role(pgauto_mv.caller(), v_owner, 'member') then
        raise exception 'pg_auto_mv: only % (who installed pg_auto_mv) may change what holds every view', v_owner::regrole
            using errcode = '42501',
                  hint = 'Ask that role. (A blackout window for a view of your own needs no more: name it, p_mv_name.)';
    end if;
end
$$;

-- Re-evaluates the timers of one view, or (NULL) of every view, after their windows changed.
create function pgauto_mv.rearm_all(p_mv_id integer)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer;
begin
    for v_id in select id from pgauto_mv.mv where p_mv_id is null or id = p_mv_id order by id loop
        perform pgauto_mv.rearm(v_id);
    end loop;
end
$$;

-- ISO days as text again: {1,2,3,4,5} -> 'Mon-Fri', {6,7} -> 'Sat-Sun', {1,3} -> 'Mon,Wed'.
create function pgauto_mv.days_text(p_days integer[])
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    with d as (select x, x - row_number() over (order by x) as run from unnest(p_days) x),
         r as (select min(x) as lo, max(x) as hi from d group by run)
    select case when cardinality(p_days) = 7 then 'daily' else
           string_agg(case when lo = hi then (array['Mon','Tue','Wed','Thu','Fri','Sat','Sun'])[lo]
                           else (array['Mon','Tue','Wed','Thu','Fri','Sat','Sun'])[lo] || '-' ||
                                (array['Mon','Tue','Wed','Thu','Fri','Sat','Sun'])[hi] end, ',' order by lo) end
      from r
$$;
