-- pg_relay: session hygiene around actions.
--
-- An action runs in the processor's own session, so whatever it leaves behind would reach the
-- next action and the processor itself: a session-level setting (statement_timeout = 1ms
-- wedged every later batch), a temp table another channel could read, a prepared statement, an
-- open cursor, a session advisory lock. Two defences, both in process_batch():
--
--   1. Per action: the settings that change how later statements behave are compared before
--      and after (session_fingerprint, ~2 us). An action that changed one fails (PR015); its
--      subtransaction rolls back, and with it the change.
--   2. Per batch, last of all: reset_session() puts everything else back, and RESET ALL
--      returns every setting to the session's own defaults (connection options, ALTER ROLE,
--      ALTER DATABASE, postgresql.conf) — so even a setting no fingerprint lists cannot outlive
--      the batch. A batch that fails rolls back, which undoes its setting changes as well.
--
-- A batch only runs actions of one run-as role (process_batch claims so), so what an action
-- leaves within its batch is seen by nobody but actions with the same rights.

-- The settings an action must not change for the session (checked around every action): the
-- ones that would make later statements of the batch, or the processor itself, behave
-- differently. Everything else is caught by the RESET ALL that ends the batch.
create function pgrelay.session_setting_names()
returns text[]
language sql immutable
as $$
    select array['search_path', 'statement_timeout', 'lock_timeout',
                 'idle_in_transaction_session_timeout', 'default_transaction_read_only',
                 'default_transaction_isolation', 'synchronous_commit', 'client_encoding',
                 'standard_conforming_strings', 'TimeZone', 'DateStyle', 'IntervalStyle']
$$;

-- Their current values, in that order: one ARRAY[current_setting(...), ...] expression made from
-- the list above, so process_batch() inlines it. Measured per event (1 worker, noop action):
-- this ~2 us; the same values through unnest() of the list, or with a SET clause, ~55 us.
-- No SET clause (it would hide the caller's search_path, and stop inlining): every name is
-- qualified instead.
do $fingerprint$
begin
    execute format('create function pgrelay.session_fingerprint() returns text[] language sql stable'
                   ' as %L',
                   'select array[' || (select string_agg(format('pg_catalog.current_setting(%L)', n), ', ' order by i)
                                         from unnest(pgrelay.session_setting_names()) with ordinality as x(n, i))
                   || ']');
end
$fingerprint$;

-- The names of the settings that differ, for the PR015 message.
create function pgrelay.session_changes(p_before text[], p_after text[])
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    select string_agg(n.name, ', ' order by n.i)
      from unnest(pgrelay.session_setting_names()) with ordinality as n(name, i)
     where p_before[n.i] is distinct from p_after[n.i]
$$;

-- Puts the session back as the processor opened it: SQL-level prepared statements and holdable
-- cursors made during the current statement, temp tables and functions an action made (owned by a role other than the login),
-- and session advisory locks (but the processor slot this session registered) are dropped, and with
-- p_settings every setting is RESET to the session's defaults. RESET ALL also resets search_path, so a
-- function calling this with p_settings must do so as its very last statement.
create function pgrelay.reset_session(p_settings boolean)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    l       record;
    v_slots integer[];
    v_me  oid := (select r.oid from pg_roles r where r.rolname = session_user);
begin
    -- Prepared statements and cursors carry the start time of the top-level statement that
    -- made them: those of this very statement (process_batch) are the actions'; the caller's
    -- own, made by earlier statements, stay.
    for l in select name from pg_prepared_statements
              where from_sql and prepare_time >= statement_timestamp() loop
        execute format('deallocate %I', l.name);
    end loop;
    for l in select name from pg_cursors
              where is_holdable and creation_time >= statement_timestamp() loop
        execute format('close %I', l.name);
    end loop;
    -- Temp objects an action made are owned by its run-as role; the caller's own (owned by
    -- the login) stay.
    if pg_my_temp_schema() <> 0 then
        for l in select c.oid::regclass::text as obj, c.relkind
                   from pg_class c
                  where c.relnamespace = pg_my_temp_schema() and c.relowner <> v_me
                    and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                    -- process_batch's progress counter (50_process.sql) stays
                    and not (c.relname = 'pgrelay_progress' and c.relkind = 'S'
                             and c.relowner = pgrelay.owner_oid())
        loop
            execute format('drop %s if exists %s cascade',
                           case l.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                          when 'S' then 'sequence' when 'f' then 'foreign table'
                                          else 'table' end, l.obj);
        end loop;
        for l in select p.oid::regprocedure::text as obj
                   from pg_proc p
                  where p.pronamespace = pg_my_temp_schema() and p.proowner <> v_me
        loop
            execute format('drop routine if exists %s cascade', l.obj);
        end loop;
    end if;
    -- Session advisory locks: pg_locks cannot tell them from transaction-level ones (which end
    -- with the transaction anyway), but pg_advisory_unlock_all() releases only the former. Any
    -- key counts, pg_relay's own too: an action holding (1885827686, n) would squat processor
    -- slot n. A session that registered no processor slot (a processor's workers: their
    -- coordinator holds it) has nothing to keep, so everything goes without reading pg_locks,
    -- whose function takes every lock-manager partition lock and every backend's fast-path
    -- lock — after every batch. Only the slot a registered session holds is taken back at once.
    if not exists (select from pgrelay.processor p where p.backend_pid = pg_backend_pid()) then
        perform pg_advisory_unlock_all();
    elsif exists (select from pg_locks k where k.locktype = 'advisory' and k.pid = pg_backend_pid()) then
        select array_agg(p.slot) into v_slots
          from pgrelay.processor p
         where p.backend_pid = pg_backend_pid()
           and exists (select from pg_locks k
                        where k.locktype = 'advisory' and k.pid = pg_backend_pid() and k.granted
                          and k.classid = 1885827686 and k.objid = p.slot and k.objsubid = 2
                          and k.mode = 'ExclusiveLock');
        perform pg_advisory_unlock_all();
        perform pg_advisory_lock(1885827686, s) from unnest(v_slots) s;
    end if;
    if p_settings then
        execute 'reset all';
    end if;
end
$$;

-- The function that runs a channel's action, as 'pgrelay_action."<channel>"', if it is still
-- what install_action() made: SECURITY DEFINER, owned by the channel's run-as role. NULL if it
-- is missing or was altered (the event then fails with PR016 rather than run as someone else).
create function pgrelay.action_function(p_channel text, p_run_as name)
returns text
language plpgsql stable   -- PL/pgSQL: its plan is cached (planning this SQL took ~0.2 ms a batch)
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
    select format('pgrelay_action.%I', p_channel)
      from pg_proc p
     where p.oid = to_regprocedure(format('pgrelay_action.%I(jsonb)', p_channel))
       and p.prosecdef
       and p.proowner = (select r.oid from pg_roles r where r.rolname = p_run_as));
end
$$;
