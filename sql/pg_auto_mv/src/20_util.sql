-- pg_auto_mv: helpers shared by the API functions.
--
-- SQLSTATEs of our own (class AM), documented in docs/pg_auto_mv.md:
--   AM001 unknown materialised view        AM002 not a materialised view
--   AM003 view not registered              AM004 invalid watch (table, operation, column)
--   AM005 invalid timing value             AM006 chain would form a cycle
--   AM007 unknown schedule                 AM008 pg_auto_mv cannot refresh / trigger this
--   AM009 invalid name                     AM010 pg_relay missing
-- Standard ones we raise: 42501 (insufficient_privilege), 42710 (duplicate_object).

-- The role the caller acts as. Inside a SECURITY DEFINER function current_user is the
-- function's owner, but the "role" setting still says what the session SET ROLE to.
create function pgauto_mv.caller()
returns name
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select case when current_setting('role') in ('none', '') then session_user
                else current_setting('role')::name end
$$;

-- The role that owns pg_auto_mv's functions: refreshes and triggers run with its rights.
create function pgauto_mv.installer()
returns name
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select r.rolname from pg_namespace n join pg_roles r on r.oid = n.nspowner
     where n.nspname = 'pgauto_mv'
$$;

-- 'schema.name' for messages and the log, each part quoted only where SQL needs it.
--
-- PL/pgSQL, as the other small helpers the processor's hot paths call (seconds, saw_all, log,
-- upstream_busy, enqueue_refresh …): a SQL function with a SET clause is never inlined, and each
-- call from a new statement parses and plans its body again — display_name took ~0.15 ms a call,
-- log() ~0.6 ms, while a PL/pgSQL function keeps its plans for the session.
create function pgauto_mv.display_name(p_oid oid)
returns text
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    return (select format('%I.%I', n.nspname, c.relname)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.oid = p_oid);
end
$$;

create function pgauto_mv.relkind_name(p_relkind "char")
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    select case p_relkind when 'r' then 'a table' when 'p' then 'a partitioned table'
                          when 'v' then 'a view' when 'm' then 'a materialised view'
                          when 'f' then 'a foreign table' when 'i' then 'an index'
                          when 'S' then 'a sequence' when 'c' then 'a composite type'
                          else 'not a table' end
$$;

-- The OID of the materialised view p_schema.p_name (names exactly as stored, no quoting
-- needed), or an error saying what is wrong and what to do.
create function pgauto_mv.resolve_mv(p_name text, p_schema text)
returns oid
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_oid     oid;
    v_relkind "char";
begin
    if p_name is null or p_name = '' or p_schema is null or p_schema = '' then
        raise exception 'pg_auto_mv: a materialised view name and schema are required'
            using errcode = 'AM001', hint = 'For example: p_mv_name => ''daily_sales'', p_mv_schema => ''public''.';
    end if;
    select c.oid, c.relkind into v_oid, v_relkind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = p_schema and c.relname = p_name;
    if v_oid is null then
        raise exception 'pg_auto_mv: materialised view %.% does not exist', quote_ident(p_schema), quote_ident(p_name)
            using errcode = 'AM001',
                  hint = 'Names are matched exactly as stored (case-sensitive, no quotes): check with ' || E'\\dm ' || quote_ident(p_schema) || '.*';
    end if;
    if v_relkind <> 'm' then
        raise exception 'pg_auto_mv: %.% is %, not a materialised view', quote_ident(p_schema), quote_ident(p_name),
                pgauto_mv.relkind_name(v_relkind)
            using errcode = 'AM002',
                  hint = 'pg_auto_mv refreshes materialised views only (CREATE MATERIALIZED VIEW).';
    end if;
    return v_oid;
end
$$;

-- The registry id of a registered view, found by its current name, or by the name it had
-- when it was last seen (so a dropped view can still be unregistered).
create function pgauto_mv.registered_id(p_name text, p_schema text)
returns integer
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id integer;
begin
    select m.id into v_id
      from pgauto_mv.mv m
      join pg_class c on c.oid = m.mv_oid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = p_schema and c.relname = p_name;
    if v_id is null then
        select m.id into v_id from pgauto_mv.mv m
         where m.mv_schema = p_schema and m.mv_name = p_name
           and not exists (select 1 from pg_class c where c.oid = m.mv_oid and c.relkind = 'm');
    end if;
    if v_id is null then
        perform pgauto_mv.resolve_mv(p_name, p_schema);   -- says "does not exist" / "not an MV"
        raise exception 'pg_auto_mv: materialised view %.% is not registered', quote_ident(p_schema), quote_ident(p_name)
            using errcode = 'AM003', hint = 'Register it with pgauto_mv.register_mv().';
    end if;
    return v_id;
end
$$;

-- The caller must own the view (be a member of its owner role) or, on 17+, hold MAINTAIN.
create function pgauto_mv.check_may_manage(p_oid oid)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_caller name := pgauto_mv.caller();
    v_owner  oid;
begin
    select relowner into v_owner from pg_class where oid = p_oid;
    if v_owner is null then
        return;   -- the view is gone; the registry entry may be cleaned up by anyone allowed here
    end if;
    if pg_has_role(v_caller, v_owner, 'USAGE') then
        return;
    end if;
    if current_setting('server_version_num')::integer >= 170000
       and has_table_privilege(v_caller, p_oid, 'MAINTAIN') then
        return;
    end if;
    raise exception 'pg_auto_mv: role % may not manage the refreshes of %', quote_ident(v_caller), pgauto_mv.display_name(p_oid)
        using errcode = '42501',
              detail = 'Only the owner of a materialised view (or, from PostgreSQL 17, a holder of MAINTAIN on it) may register, alter or unregister it.',
              hint = 'Ask its owner, ' || quote_ident((select rolname from pg_roles where oid = v_owner)::text) || ', to do it.';
end
$$;

-- A view's refresh priority: -1000 … 1000 (pg_relay's range), else AM005.
create function pgauto_mv.check_priority(p_priority integer)
returns void
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_priority is null or p_priority not between -1000 and 1000 then
        raise exception 'pg_auto_mv: priority % is out of range', coalesce(p_priority::text, 'NULL')
            using errcode = 'AM005',
                  hint = 'Use -1000 to 1000: when more refreshes are due than may run at once, the higher starts first (default 0).';
    end if;
end
$$;

-- pg_auto_mv's own role must be able to refresh the view (PostgreSQL checks the owner).
create function pgauto_mv.check_can_refresh(p_oid oid)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_installer name := pgauto_mv.installer();
    v_owner     oid;
begin
    select relowner into v_owner from pg_class where oid = p_oid;
    if pg_has_role(v_installer, v_owner, 'USAGE')
       or (current_setting('server_version_num')::integer >= 170000
           and has_table_privilege(v_installer, p_oid, 'MAINTAIN')) then
        return;
    end if;
    raise exception 'pg_auto_mv cannot refresh %: its installing role % is not a member of the view''s owner %',
            pgauto_mv.display_name(p_oid), quote_ident(v_installer),
            quote_ident((select rolname from pg_roles where oid = v_owner)::text)
        using errcode = 'AM008',
              hint = format('Run GRANT %I TO %I; (or, on PostgreSQL 17+, GRANT MAINTAIN ON %s TO %I;)',
                            (select rolname from pg_roles where oid = v_owner), v_installer,
                            pgauto_mv.display_name(p_oid), v_installer);
end
$$;

-- A timing value in seconds: finite, not negative, at most a day.
create function pgauto_mv.check_seconds(p_what text, p_value numeric, p_min numeric default 0)
returns numeric
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_value is null or p_value = 'NaN'::numeric or p_value < p_min or p_value > 86400 then
        raise exception 'pg_auto_mv: % must be a number of seconds from % to 86400, not %', p_what, p_min,
                coalesce(p_value::text, 'NULL')
            using errcode = 'AM005',
                  hint = 'Fractions are allowed, e.g. 0.5; 0 switches ' || p_what || ' off where that makes sense.';
    end if;
    return p_value;
end
$$;

-- A channel failure alerts go to: NULL or '' (none of its own) passes; otherwise an existing
-- pg_relay channel of the user's (the extensions' own channels carry no alerts).
create function pgauto_mv.check_alert_channel(p_channel text)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    if coalesce(p_channel, '') = '' then
        return;
    end if;
    if pgrelay.is_internal_channel(p_channel) then
        raise exception 'pg_auto_mv: failure alerts cannot go to "%", one of the extensions'' own channels', p_channel
            using errcode = 'AM005', hint = 'Name a channel of your own, made with pgrelay.create_channel().';
    end if;
    if not exists (select from pgrelay.channel c where c.name = p_channel) then
        raise exception 'pg_auto_mv: failure alert channel "%" does not exist', p_channel
            using errcode = 'AM005',
                  hint = 'Create it first with pgrelay.create_channel(p_name, p_action), whose action receives the alert as $1 (jsonb).';
    end if;
end
$$;

create function pgauto_mv.seconds(p_value numeric)
returns interval
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$ begin return make_interval(secs => p_value::double precision); end $$;

-- The end of the blackout window (of the view or of all views) that `p_at` lies in, following
-- windows that meet or overlap; `p_at` itself when it lies in none.
create function pgauto_mv.blackout_end(p_mv_id integer, p_at timestamptz)
returns timestamptz
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_at    timestamptz := p_at;
    v_end   timestamptz;
    v_guard integer := 0;
begin
    if p_at is null or not exists (select from pgauto_mv.blackout b where b.mv_id = p_mv_id or b.mv_id is null) then
        return p_at;
    end if;
    loop
        -- A window contains v_at if it started on v_at's local day or the day before.
        select max(((d.day + b.end_time + case when b.end_time < b.start_time then interval '1 day' else interval '0' end)
                    at time zone b.timezone))
          into v_end
          from pgauto_mv.blackout b
          cross join lateral (select (v_at at time zone b.timezone) as local) l
          cross join lateral (values (l.local::date), (l.local::date - 1)) d(day)
         where (b.mv_id = p_mv_id or b.mv_id is null)
           and extract(isodow from d.day)::integer = any (b.days)
           and l.local >= d.day + b.start_time
           and l.local < d.day + b.end_time + case when b.end_time < b.start_time then interval '1 day' else interval '0' end;
        if v_end is null or v_end <= v_at then
            return v_at;
        end if;
        v_at := v_end;
        v_guard := v_guard + 1;
        if v_guard > 14 then
            return v_at;   -- windows back to back for two weeks: a policy error, not a loop
        end if;
    end loop;
end
$$;

-- Is a refresh of the view running now? The refresh holds the advisory lock (1885827695, id);
-- advisory locks are cluster-wide, so only this database's count (view ids repeat across
-- databases).
create function pgauto_mv.refreshing(p_mv_id integer)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select exists (select 1 from pg_locks l
                    where l.locktype = 'advisory' and l.granted and l.classid = 1885827695
                      and l.objid = p_mv_id::oid and l.objsubid = 2
                      and l.database = (select oid from pg_database where datname = current_database()))
$$;

-- Is a view with unrefreshed changes since p_first_change past its max_wait by more than the
-- few seconds a processor takes to start the refresh that was due then? (mv_status's 'stale'
-- and get_mv_problems()'s older_than_max_wait. Without the grace, a view under steady writes
-- showed 'stale' for a moment every max_wait although it refreshed on time.)
create function pgauto_mv.overdue(p_first_change timestamptz, p_max_wait numeric)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select p_first_change is not null and p_max_wait > 0
       and p_first_change + pgauto_mv.seconds(p_max_wait) + interval '5 s' < now()
$$;

-- How long a view whose refresh failed n times in a row waits before the next automatic try:
-- 10 s, 20 s, 40 s, … at most an hour. A manual refresh does not wait.
create function pgauto_mv.failure_backoff(p_failed_in_row integer)
returns interval
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$ begin return make_interval(secs => least(3600, 10 * power(2::float8, least(greatest(p_failed_in_row, 1) - 1, 12)))); end $$;

-- How long a chained view with changes waits for an upstream that has a refresh pending: its
-- own max_wait, or 60 s without one.
create function pgauto_mv.upstream_wait_bound(p_max_wait numeric)
returns interval
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$ begin return case when p_max_wait > 0 then pgauto_mv.seconds(p_max_wait) else interval '60 s' end; end $$;

create function pgauto_mv.version()
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select '1.0'::text $$;
comment on function pgauto_mv.version() is 'Version of the pg_auto_mv objects installed in this database';
