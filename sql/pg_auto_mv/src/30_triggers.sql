-- pg_auto_mv: the watch triggers.
--
-- One trigger set per watched table, shared by every view that watches it: a statement-level
-- AFTER trigger per operation (UPDATE: one per distinct column list), whose arguments are the
-- ids of the views it serves. Firing appends one row to pgauto_mv.request per transaction,
-- listing the views not yet requested in this transaction (a transaction-local setting
-- remembers them): a writer appends one heap row and never waits on another writer; the
-- processor drains the requests in bulk and coalesces them per view.
-- Waking the processor: while drains are active (sequence pgauto_mv.drain_active) the processor polls
-- the requests every 50 ms by itself; when it is idle, the writer also enqueues a drain event,
-- once per transaction. See on_drain_event() for why no request is ever stranded.
-- Partitions: statement triggers of a partitioned table do not fire for writes sent straight
-- to a partition, so every partition gets the same set.
-- fire_on_replica: logical-replication apply fires only row-level triggers, so such views also
-- get ENABLE ALWAYS row-level triggers, which do their work only while applying
-- (session_replication_role = replica); local writes are served by the statement triggers.
-- Bulk loads: SET LOCAL pgauto_mv.suspend = on (or pgauto_mv.suspend_watching()) makes the
-- triggers only remember the views; pgauto_mv.resume_watching() requests them once.

-- Enqueues a drain event unless this transaction did so already. Called after an append,
-- when pgauto_mv.drain_active says drains are idle.
create function pgauto_mv.wake_drain()
returns void
language plpgsql
-- no SET clause: internal, called only from functions that pin search_path
as $$
begin
    if coalesce(current_setting('pgauto_mv.drain_requested', true), '') <> 'on' then
        perform set_config('pgauto_mv.drain_requested', 'on', true);
        perform pgrelay.notify('pgauto_mv.drain');
    end if;
end
$$;

-- Appends a request (for the bulk-load switch and chains) and makes sure a drain will see it.
create function pgauto_mv.enqueue_request(p_ids text[], p_table oid, p_op text, p_source text,
                                          p_nudge boolean default false)
returns void
language plpgsql
-- no SET clause: internal, called only from functions that pin search_path
as $$
begin
    insert into pgauto_mv.request (mv_ids, table_oid, op, source, nudge, xid)
    values (p_ids, p_table, p_op, p_source, p_nudge, pg_current_xact_id());
    if pg_sequence_last_value('pgauto_mv.drain_active') is distinct from 2 then
        perform pgauto_mv.wake_drain();
    end if;
end
$$;

-- The watch trigger, statement-level (and, for fire_on_replica, row-level ENABLE ALWAYS, which
-- does its work only while logical replication applies). Written as one function with no
-- nested calls on the common path: it runs in every writer's transaction.
create function pgauto_mv.on_write()
returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_done text;
    v_new  text[];
    v_id   text;
begin
    if tg_level = 'ROW' and current_setting('session_replication_role') <> 'replica' then
        return null;   -- local writes are served by the statement triggers
    end if;
    -- Every expression here is set up anew in each transaction (PL/pgSQL keeps simple
    -- expressions per transaction), so the common path, the first firing in a transaction, is
    -- kept to a few.
    if coalesce(current_setting('pgauto_mv.requested', true), '') = '' then
        v_new := tg_argv[0:tg_nargs - 1];   -- as a 1-based array
        perform set_config('pgauto_mv.requested', ',' || array_to_string(v_new, ',') || ',', true);
    else
        v_done := current_setting('pgauto_mv.requested', true);
        foreach v_id in array tg_argv loop
            if strpos(v_done, ',' || v_id || ',') = 0 then
                v_new := v_new || v_id;
            end if;
        end loop;
        if v_new is null then
            return null;   -- every view was requested earlier in this transaction
        end if;
        perform set_config('pgauto_mv.requested', v_done || array_to_string(v_new, ',') || ',', true);
    end if;
    if current_setting('pgauto_mv.suspend', true) = 'on' then
        perform set_config('pgauto_mv.suspended_ids',
                           coalesce(nullif(current_setting('pgauto_mv.suspended_ids', true), ''), ',')
                           || array_to_string(v_new, ',') || ',', true);
        return null;
    end if;
    -- The append comes first: from here until commit this transaction holds RowExclusiveLock
    -- on pgauto_mv.request, which a drain sees as "a writer in flight" (see on_drain_event()).
    insert into pgauto_mv.request (mv_ids, table_oid, op) values (v_new, tg_relid, tg_op);
    if pg_sequence_last_value('pgauto_mv.drain_active') is distinct from 2 then
        perform pgauto_mv.wake_drain();
    end if;
    return null;
end
$$;
comment on function pgauto_mv.on_write() is 'Watch trigger: requests a refresh of the views in its arguments, once per transaction';

-- Makes a table's pg_auto_mv triggers (and, in WAL capture mode, its membership of the
-- publication) match the registry (drops them all when nothing watches it any more). Idempotent; called by register/alter/unregister and clean_mv().
create function pgauto_mv.rebuild_triggers(p_table oid)
returns integer
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_target  record;
    v_trigger record;
    v_group   record;
    v_op      text;
    v_n       integer := 0;
    v_k       integer;
    v_parent  text;
    v_args    text;
    v_wal     boolean;
begin
    select format('%I.%I', n.nspname, c.relname) into v_parent
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = p_table;
    if v_parent is null then
        return 0;   -- the table is gone (and its triggers with it)
    end if;
    -- In WAL capture mode (33_capture.sql) a table whose changes the slot reads needs no trigger.
    v_wal := pgauto_mv.capture_table(p_table);
    -- The table and, if partitioned, every partition below it.
    for v_target in
        select t.relid as oid, format('%I.%I', n.nspname, c.relname) as name, t.relid = p_table as is_root
          from (select p_table as relid union select relid from pg_partition_tree(p_table)) t
          join pg_class c on c.oid = t.relid
          join pg_namespace n on n.oid = c.relnamespace
    loop
        for v_trigger in
            select tgname from pg_trigger
             where tgrelid = v_target.oid and starts_with(tgname, 'pgauto_mv_') and tgparentid = 0
        loop
            execute format('drop trigger %I on %s', v_trigger.tgname, v_target.name);
        end loop;
        if v_wal then
            continue;
        end if;

        foreach v_op in array array['INSERT', 'DELETE', 'TRUNCATE'] loop
            select string_agg(quote_literal(w.mv_id::text), ', ' order by w.mv_id) into v_args
              from pgauto_mv.watch w where w.table_oid = p_table and v_op = any (w.operations);
            if v_args is not null then
                execute format('create trigger %I after %s on %s for each statement execute function pgauto_mv.on_write(%s)',
                               'pgauto_mv_' || lower(v_op), v_op, v_target.name, v_args);
                v_n := v_n + 1;
            end if;
        end loop;
        v_k := 0;
        for v_group in
            select w.update_columns, string_agg(quote_literal(w.mv_id::text), ', ' order by w.mv_id) as args
              from pgauto_mv.watch w where w.table_oid = p_table and 'UPDATE' = any (w.operations)
             group by w.update_columns order by w.update_columns nulls first
        loop
            v_k := v_k + 1;
            execute format('create trigger %I after update%s on %s for each statement execute function pgauto_mv.on_write(%s)',
                           'pgauto_mv_update' || case when v_k > 1 then '_' || v_k else '' end,
                           case when v_group.update_columns is null then ''
                                else ' of ' || (select string_agg(quote_ident(col), ', ' order by col)
                                                  from unnest(v_group.update_columns) col) end,
                           v_target.name, v_group.args);
            v_n := v_n + 1;
        end loop;

        -- fire_on_replica: row-level (cloned to partitions by PostgreSQL), on the root only.
        if v_target.is_root then
            foreach v_op in array array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] loop
                select string_agg(quote_literal(w.mv_id::text), ', ' order by w.mv_id) into v_args
                  from pgauto_mv.watch w join pgauto_mv.mv m on m.id = w.mv_id
                 where w.table_oid = p_table and m.fire_on_replica and v_op = any (w.operations);
                if v_args is not null then
                    execute format('create trigger %I after %s on %s for each %s execute function pgauto_mv.on_write(%s)',
                                   'pgauto_mv_replica_' || lower(v_op), v_op, v_target.name,
                                   case when v_op = 'TRUNCATE' then 'statement' else 'row' end, v_args);
                    execute format('alter table %s enable always trigger %I', v_target.name,
                                   'pgauto_mv_replica_' || lower(v_op));
                    v_n := v_n + 1;
                end if;
            end loop;
        end if;
    end loop;
    return v_n;
end
$$;

-- Bulk loads: suspend watching for the rest of this transaction; resume_watching() requests
-- one refresh of every view whose watch fired meanwhile.
create function pgauto_mv.suspend_watching()
returns void
language sql
set search_path = pg_catalog, pg_temp
as $$ select set_config('pgauto_mv.suspend', 'on', true); select null::void $$;

-- Granted to PUBLIC, so it trusts nothing a session can set: pgauto_mv.suspended_ids is only
-- a hint. An id counts only if it is a registered view and the login (session_user) could have
-- caused its watch to fire (may write a table it watches) or manages it (has its owner's
-- privileges); anything else is dropped without a word.
create function pgauto_mv.resume_watching(p_request_refresh boolean default true)
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids text[];
begin
    select array_agg(m.id::text order by m.id) into v_ids
      from pgauto_mv.mv m
     where m.id::text = any (string_to_array(current_setting('pgauto_mv.suspended_ids', true), ','))
       and (exists (select from pgauto_mv.watch w
                     where w.mv_id = m.id
                       and has_table_privilege(session_user, w.table_oid, 'INSERT, UPDATE, DELETE, TRUNCATE'))
            or exists (select from pg_class c
                        where c.oid = m.mv_oid and pg_has_role(session_user, c.relowner, 'USAGE')));
    perform set_config('pgauto_mv.suspend', 'off', true);
    perform set_config('pgauto_mv.suspended_ids', '', true);
    if p_request_refresh and cardinality(v_ids) > 0 then
        perform pgauto_mv.enqueue_request(v_ids, null, null, 'bulk');
    end if;
    return coalesce(cardinality(v_ids), 0);
end
$$;
