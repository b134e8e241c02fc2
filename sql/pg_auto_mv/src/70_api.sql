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
    return pgrelay.notify('pgauto_mv.refresh', jsonb_build_object('mv', v_id, 'src', 'manual'));
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
begin
    loop
        -- The view and every view upstream of it in chains: their changes reach it too.
        if not exists (
            with recursive up(id) as (
                select v_id
                union
                select c.upstream_id from pgauto_mv.chain c join up on c.downstream_id = up.id
            )
            select 1 from up where pgauto_mv.has_pending_work(up.id)) then
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
            when pgauto_mv.overdue(s.first_change_at, m.max_wait) then 'stale'
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
          from pgauto_mv.watch w where w.mv_id = m.id) as watches
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
