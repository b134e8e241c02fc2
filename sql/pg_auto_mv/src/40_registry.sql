-- pg_auto_mv: the registry — mv_watch values, register_mv / alter_mv / unregister_mv.

create type pgauto_mv.mv_watch as (
    table_name   text,       -- 'schema.table' as SQL would read it (quote odd names), or 'table' (public)
    operations   text,       -- comma-separated: INSERT, UPDATE, DELETE, TRUNCATE
    columns      text[],     -- UPDATE only of these columns; NULL: any column
    read_columns boolean     -- UPDATE only of the columns the view reads (from pg_depend)
);
comment on type pgauto_mv.mv_watch is 'A watched table for register_mv(): build it with pgauto_mv.mv_watch()';

create function pgauto_mv.mv_watch(p_table text, p_operations text default 'INSERT,UPDATE,DELETE,TRUNCATE',
                                   p_columns text[] default null, p_read_columns_only boolean default false)
returns pgauto_mv.mv_watch
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select row(p_table, p_operations, p_columns, coalesce(p_read_columns_only, false))::pgauto_mv.mv_watch $$;
comment on function pgauto_mv.mv_watch(text, text, text[], boolean) is
    'A watch for register_mv(): table, operations (INSERT,UPDATE,DELETE,TRUNCATE), optional UPDATE column narrowing';

-- The table a watch names: 'schema.table' parsed as SQL identifiers ('public' when no schema).
create function pgauto_mv.resolve_table(p_table text)
returns oid
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_parts   text[];
    v_oid     oid;
    v_relkind "char";
begin
    begin
        v_parts := parse_ident(p_table);
    exception when others then
        raise exception 'pg_auto_mv: watch table name % is not a valid table name', coalesce(quote_literal(p_table), 'NULL')
            using errcode = 'AM004', hint = 'Write it as SQL would: schema.table, with double quotes around odd names ("My Table").';
    end;
    if cardinality(v_parts) = 1 then
        v_parts := array['public'] || v_parts;
    elsif cardinality(v_parts) <> 2 then
        raise exception 'pg_auto_mv: watch table name % has too many parts', quote_literal(p_table)
            using errcode = 'AM004', hint = 'Write it as schema.table.';
    end if;
    select c.oid, c.relkind into v_oid, v_relkind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = v_parts[1] and c.relname = v_parts[2];
    if v_oid is null then
        raise exception 'pg_auto_mv: watch table %.% does not exist', quote_ident(v_parts[1]), quote_ident(v_parts[2])
            using errcode = 'AM004', hint = 'Unquoted names are folded to lower case; quote mixed-case names: ''public."Orders"''.';
    end if;
    if v_relkind not in ('r', 'p') then
        raise exception 'pg_auto_mv: watch table %.% is %; only tables can be watched', quote_ident(v_parts[1]),
                quote_ident(v_parts[2]), pgauto_mv.relkind_name(v_relkind)
            using errcode = 'AM004',
                  hint = case when v_relkind in ('v', 'm') then 'Watch the tables it reads from (for a materialised view, chain it with pgauto_mv.add_chain()).'
                              else 'Watch the table the data lives in.' end;
    end if;
    return v_oid;
end
$$;

-- Columns of p_table that the view p_mv reads, through plain views down to the table.
create function pgauto_mv.columns_read(p_mv oid, p_table oid)
returns text[]
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    with recursive reads(relid) as (
        select p_mv
        union
        select d.refobjid
          from reads r
          join pg_rewrite rw on rw.ev_class = r.relid
          join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
                          and d.refclassid = 'pg_class'::regclass
          join pg_class c on c.oid = d.refobjid
         where c.relkind in ('v', 'm') and (r.relid = p_mv or c.relkind = 'v')
    )
    select array_agg(distinct a.attname::text order by a.attname::text)
      from reads r
      join pg_rewrite rw on rw.ev_class = r.relid
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
                      and d.refclassid = 'pg_class'::regclass and d.refobjid = p_table and d.refobjsubid > 0
      join pg_attribute a on a.attrelid = p_table and a.attnum = d.refobjsubid
$$;

-- Validates the watch list and returns it as rows, resolved; raises on the first bad entry.
create function pgauto_mv.resolve_watches(p_mv oid, p_watches pgauto_mv.mv_watch[])
returns table (table_oid oid, table_schema text, table_name text, operations text[], update_columns text[])
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    w        pgauto_mv.mv_watch;
    v_ops    text[];
    v_op     text;
    v_col    text;
    v_seen   oid[] := '{}';
    v_caller name := pgauto_mv.caller();
    v_inst   name := pgauto_mv.installer();
begin
    foreach w in array coalesce(p_watches, '{}') loop
        if w is null or w.table_name is null then
            raise exception 'pg_auto_mv: a watch entry has no table'
                using errcode = 'AM004', hint = 'Use pgauto_mv.mv_watch(''schema.table'', ''INSERT,UPDATE'').';
        end if;
        table_oid := pgauto_mv.resolve_table(w.table_name);
        select n.nspname, c.relname into table_schema, table_name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = table_oid;
        if table_oid = any (v_seen) then
            raise exception 'pg_auto_mv: table %.% is watched twice', quote_ident(table_schema), quote_ident(table_name)
                using errcode = 'AM004', hint = 'Give each table once, with all its operations: mv_watch(''t'', ''INSERT,UPDATE'').';
        end if;
        v_seen := v_seen || table_oid;
        v_ops := '{}';
        foreach v_op in array string_to_array(coalesce(w.operations, ''), ',') loop
            v_op := upper(btrim(v_op));
            continue when v_op = '';
            if v_op not in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') then
                raise exception 'pg_auto_mv: unknown operation % for table %.%', quote_literal(v_op),
                        quote_ident(table_schema), quote_ident(table_name)
                    using errcode = 'AM004', hint = 'Operations are INSERT, UPDATE, DELETE and TRUNCATE, comma-separated.';
            end if;
            if not v_op = any (v_ops) then
                v_ops := v_ops || v_op;
            end if;
        end loop;
        if cardinality(v_ops) = 0 then
            raise exception 'pg_auto_mv: no operation given for table %.%', quote_ident(table_schema), quote_ident(table_name)
                using errcode = 'AM004', hint = 'Give at least one of INSERT, UPDATE, DELETE, TRUNCATE.';
        end if;
        operations := array(select o from unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) o where o = any (v_ops));
        update_columns := null;
        if w.columns is not null or w.read_columns then
            if not 'UPDATE' = any (operations) then
                raise exception 'pg_auto_mv: columns are given for table %.% but UPDATE is not watched', quote_ident(table_schema), quote_ident(table_name)
                    using errcode = 'AM004', hint = 'Column narrowing applies to UPDATE only.';
            end if;
            if w.read_columns then
                update_columns := pgauto_mv.columns_read(p_mv, table_oid);
                if update_columns is null then
                    raise exception 'pg_auto_mv: the view reads no column of %.% that pg_depend knows of', quote_ident(table_schema), quote_ident(table_name)
                        using errcode = 'AM004', hint = 'List the columns yourself with p_columns, or watch every column.';
                end if;
            else
                foreach v_col in array w.columns loop
                    if not exists (select 1 from pg_attribute where attrelid = table_oid and attname = v_col
                                                                and attnum > 0 and not attisdropped) then
                        raise exception 'pg_auto_mv: table %.% has no column %', quote_ident(table_schema), quote_ident(table_name),
                                coalesce(quote_ident(v_col), 'NULL')
                            using errcode = 'AM004', hint = 'Column names are matched exactly as stored (case-sensitive, no quotes).';
                    end if;
                end loop;
                update_columns := array(select distinct c from unnest(w.columns) c order by c);
            end if;
        end if;
        if not has_table_privilege(v_caller, table_oid, 'TRIGGER') then
            raise exception 'pg_auto_mv: role % may not put triggers on %.%', quote_ident(v_caller), quote_ident(table_schema), quote_ident(table_name)
                using errcode = '42501', hint = 'Watching a table adds triggers to it: its owner must grant TRIGGER on it first.';
        end if;
        if not (pg_has_role(v_inst, (select relowner from pg_class where oid = table_oid), 'USAGE')
                or has_table_privilege(v_inst, table_oid, 'TRIGGER')) then
            raise exception 'pg_auto_mv cannot put triggers on %.%: its installing role % lacks TRIGGER on it',
                    quote_ident(table_schema), quote_ident(table_name), quote_ident(v_inst)
                using errcode = 'AM008', hint = format('GRANT TRIGGER ON %I.%I TO %I;', table_schema, table_name, v_inst);
        end if;
        return next;
    end loop;
end
$$;

create function pgauto_mv.register_mv(p_mv_name text, p_mv_schema text default 'public',
                                      p_watch_tables pgauto_mv.mv_watch[] default '{}',
                                      p_refresh_lag numeric default 0, p_max_wait numeric default 0,
                                      p_cooldown numeric default 2, p_fire_on_replica boolean default false,
                                      p_lock_timeout numeric default 5, p_refresh_timeout numeric default 0,
                                      p_on_failure text default null, p_priority integer default 0)
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_oid oid;
    v_id  integer;
    v_tab oid;
begin
    v_oid := pgauto_mv.resolve_mv(p_mv_name, p_mv_schema);
    perform pgauto_mv.check_may_manage(v_oid);
    perform pgauto_mv.check_can_refresh(v_oid);
    perform pgauto_mv.check_seconds('refresh_lag', p_refresh_lag);
    perform pgauto_mv.check_seconds('max_wait', p_max_wait);
    perform pgauto_mv.check_seconds('cooldown', p_cooldown);
    perform pgauto_mv.check_seconds('lock_timeout', p_lock_timeout, 0.01);
    perform pgauto_mv.check_seconds('refresh_timeout', coalesce(p_refresh_timeout, 0));
    if p_fire_on_replica is null then
        raise exception 'pg_auto_mv: fire_on_replica must be true or false' using errcode = 'AM005';
    end if;
    perform pgauto_mv.check_alert_channel(p_on_failure);
    perform pgauto_mv.check_priority(p_priority);
    if exists (select 1 from pgauto_mv.mv where mv_oid = v_oid) then
        raise exception 'pg_auto_mv: materialised view %.% is already registered', quote_ident(p_mv_schema), quote_ident(p_mv_name)
            using errcode = 'duplicate_object', hint = 'Change it with pgauto_mv.alter_mv().';
    end if;
    insert into pgauto_mv.mv (mv_oid, mv_schema, mv_name, refresh_lag, max_wait, cooldown, fire_on_replica,
                              lock_timeout, refresh_timeout, on_failure, priority, registered_by)
    values (v_oid, p_mv_schema, p_mv_name, p_refresh_lag, p_max_wait, p_cooldown, p_fire_on_replica,
            p_lock_timeout, nullif(p_refresh_timeout, 0), nullif(p_on_failure, ''), p_priority, pgauto_mv.caller())
    returning id into v_id;
    insert into pgauto_mv.mv_state (mv_id) values (v_id);
    insert into pgauto_mv.watch (mv_id, table_oid, table_schema, table_name, operations, update_columns)
    select v_id, w.* from pgauto_mv.resolve_watches(v_oid, p_watch_tables) w;
    perform set_config('lock_timeout', '5s', true);   -- CREATE TRIGGER must not queue writers for long
    for v_tab in select table_oid from pgauto_mv.watch where mv_id = v_id loop
        perform pgauto_mv.rebuild_triggers(v_tab);
    end loop;
    return v_id;
end
$$;
comment on function pgauto_mv.register_mv(text, text, pgauto_mv.mv_watch[], numeric, numeric, numeric, boolean, numeric, numeric, text, integer) is
    'Registers a materialised view: watched tables and timing in seconds (lag, max_wait, cooldown), the channel its failures alert, its refresh priority; returns its id';

create function pgauto_mv.alter_mv(p_mv_name text, p_mv_schema text default 'public',
                                   p_watch_tables pgauto_mv.mv_watch[] default null,
                                   p_refresh_lag numeric default null, p_max_wait numeric default null,
                                   p_cooldown numeric default null, p_fire_on_replica boolean default null,
                                   p_lock_timeout numeric default null, p_refresh_timeout numeric default null,
                                   p_on_failure text default null, p_priority integer default null)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id     integer;
    v_oid    oid;
    v_tables oid[];
    v_tab    oid;
begin
    v_id := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
    select mv_oid into v_oid from pgauto_mv.mv where id = v_id for update;
    perform pgauto_mv.check_may_manage(v_oid);
    if p_refresh_lag is not null then perform pgauto_mv.check_seconds('refresh_lag', p_refresh_lag); end if;
    if p_max_wait is not null then perform pgauto_mv.check_seconds('max_wait', p_max_wait); end if;
    if p_cooldown is not null then perform pgauto_mv.check_seconds('cooldown', p_cooldown); end if;
    if p_lock_timeout is not null then perform pgauto_mv.check_seconds('lock_timeout', p_lock_timeout, 0.01); end if;
    if p_refresh_timeout is not null then perform pgauto_mv.check_seconds('refresh_timeout', p_refresh_timeout); end if;
    perform pgauto_mv.check_alert_channel(p_on_failure);
    if p_priority is not null then perform pgauto_mv.check_priority(p_priority); end if;
    update pgauto_mv.mv
       set refresh_lag = coalesce(p_refresh_lag, refresh_lag), max_wait = coalesce(p_max_wait, max_wait),
           cooldown = coalesce(p_cooldown, cooldown), fire_on_replica = coalesce(p_fire_on_replica, fire_on_replica),
           lock_timeout = coalesce(p_lock_timeout, lock_timeout),
           refresh_timeout = case when p_refresh_timeout is null then refresh_timeout else nullif(p_refresh_timeout, 0) end,
           on_failure = case when p_on_failure is null then on_failure else nullif(p_on_failure, '') end,
           priority = coalesce(p_priority, priority),
           updated_at = now()
     where id = v_id;
    select array_agg(table_oid) into v_tables from pgauto_mv.watch where mv_id = v_id;
    if p_watch_tables is not null then
        -- A bad entry raises inside resolve_watches() and undoes the delete with everything else.
        delete from pgauto_mv.watch where mv_id = v_id;
        insert into pgauto_mv.watch (mv_id, table_oid, table_schema, table_name, operations, update_columns)
        select v_id, w.* from pgauto_mv.resolve_watches(v_oid, p_watch_tables) w;
    end if;
    if p_watch_tables is not null or p_fire_on_replica is not null then
        perform set_config('lock_timeout', '5s', true);
        for v_tab in select unnest(coalesce(v_tables, '{}')) union select table_oid from pgauto_mv.watch where mv_id = v_id loop
            perform pgauto_mv.rebuild_triggers(v_tab);
        end loop;
    end if;
    if p_priority is not null then   -- a pending refresh takes the new priority
        update pgrelay.queue q set priority = p_priority, part = pgrelay.queue_part(p_priority::smallint, q.dedup_key is not null)
         where q.channel = 'pgauto_mv.refresh' and (q.payload->>'mv')::integer = v_id and q.priority <> p_priority;
    end if;
    perform pgauto_mv.rearm(v_id);   -- new timing applies to changes already pending
end
$$;
comment on function pgauto_mv.alter_mv(text, text, pgauto_mv.mv_watch[], numeric, numeric, numeric, boolean, numeric, numeric, text, integer) is
    'Changes a registration; NULL keeps a setting; p_watch_tables replaces the whole watch list; p_on_failure  goes back to the database default';

create function pgauto_mv.unregister_mv(p_mv_name text, p_mv_schema text default 'public')
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id     integer;
    v_tables oid[];
    v_tab    oid;
begin
    v_id := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_id));
    select array_agg(table_oid) into v_tables from pgauto_mv.watch where mv_id = v_id;
    delete from pgauto_mv.mv where id = v_id;   -- watches, state and chains go with it
    perform set_config('lock_timeout', '5s', true);
    foreach v_tab in array coalesce(v_tables, '{}') loop
        perform pgauto_mv.rebuild_triggers(v_tab);
    end loop;
    -- Its pending events find no registration and do nothing.
end
$$;
comment on function pgauto_mv.unregister_mv(text, text) is 'Stops managing a view: removes its watches (and triggers no other view needs)';

-- Pause a view's automatic refreshes (Timescale's alter_job(scheduled => false)): changes,
-- chains and schedules are still recorded, nothing refreshes it but a manual refresh; resuming
-- refreshes it once if anything changed meanwhile. pause_mv() and resume_mv() call this.
create function pgauto_mv.set_paused(p_mv_name text, p_mv_schema text, p_paused boolean)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id  integer := pgauto_mv.registered_id(p_mv_name, p_mv_schema);
    v_oid oid;
    v_ev  bigint;
begin
    select mv_oid into v_oid from pgauto_mv.mv where id = v_id for update;
    perform pgauto_mv.check_may_manage(v_oid);
    update pgauto_mv.mv set paused = p_paused, updated_at = now() where id = v_id;
    if not p_paused then
        -- One refresh, if anything changed while paused — also of a view of its refresh group
        -- that waited for this one.
        perform pgauto_mv.rearm(g) from unnest(pgauto_mv.refresh_members(v_id)) g;
        return;
    end if;
    select timer_event_id into v_ev from pgauto_mv.mv_state where mv_id = v_id for update;
    delete from pgrelay.queue q where q.id = v_ev and q.channel = 'pgauto_mv.refresh';
    update pgauto_mv.mv_state set timer_event_id = null, timer_due = null, timer_reason = null where mv_id = v_id;
    perform pgauto_mv.log(v_id, 'refresh', 'deferred', 'manual', p_detail => 'paused by ' || session_user);
end
$$;

create function pgauto_mv.pause_mv(p_mv_name text, p_mv_schema text default 'public')
returns void
language sql security definer
set search_path = pg_catalog, pg_temp
as $$ select pgauto_mv.set_paused(p_mv_name, p_mv_schema, true) $$;
comment on function pgauto_mv.pause_mv(text, text) is
    'Stops automatic refreshes of the view until resume_mv(); changes are remembered';

create function pgauto_mv.resume_mv(p_mv_name text, p_mv_schema text default 'public')
returns void
language sql security definer
set search_path = pg_catalog, pg_temp
as $$ select pgauto_mv.set_paused(p_mv_name, p_mv_schema, false) $$;
comment on function pgauto_mv.resume_mv(text, text) is
    'Resumes automatic refreshes; changes made while paused give one refresh';
