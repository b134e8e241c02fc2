-- pg_relay: session hygiene around actions.
--
-- An action runs in the processor's own session, so whatever it leaves behind would reach the
-- next action and the processor itself: a session-level setting (statement_timeout = 1ms
-- wedged every later batch), a temp table another channel could read, a prepared statement, an
-- open cursor, a session advisory lock. Two defences, both in process_batch():
--
--   1. Per action: the settings that change how later statements behave are compared before
--      and after (session_fingerprint, ~1 us). An action that changed one fails (PR015); its
--      subtransaction rolls back, and with it the change.
--   2. Per batch, last of all: reset_session() puts everything else back, and RESET ALL
--      returns every setting to the session's own defaults (connection options, ALTER ROLE,
--      ALTER DATABASE, postgresql.conf) — so even a setting no fingerprint lists cannot outlive
--      the batch. A batch that fails rolls back, which undoes its setting changes as well.
--
-- A batch only runs actions of one run-as role (process_batch claims so), so what an action
-- leaves within its batch is seen by nobody but actions with the same rights.

-- The settings that change how later statements behave, in one string (curated: a scan of
-- pg_settings costs ~370 us per call, this ~1 us).
create function pgrelay.session_fingerprint()
returns text[]
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select array[current_user::text, current_setting('role'), current_setting('search_path'),
                 current_setting('statement_timeout'), current_setting('lock_timeout'),
                 current_setting('idle_in_transaction_session_timeout'),
                 current_setting('default_transaction_read_only'),
                 current_setting('default_transaction_isolation'),
                 current_setting('default_transaction_deferrable'),
                 current_setting('session_replication_role'), current_setting('row_security'),
                 current_setting('synchronous_commit'), current_setting('client_encoding'),
                 current_setting('standard_conforming_strings'), current_setting('TimeZone'),
                 current_setting('DateStyle'), current_setting('IntervalStyle'),
                 current_setting('extra_float_digits'), current_setting('bytea_output'),
                 current_setting('default_tablespace'), current_setting('temp_tablespaces'),
                 current_setting('check_function_bodies'), current_setting('plan_cache_mode'),
                 current_setting('work_mem'), current_setting('maintenance_work_mem'),
                 current_setting('commit_delay'), current_setting('lc_messages', true),
                 current_setting('lc_numeric'), current_setting('lc_monetary'),
                 current_setting('lc_time'), current_setting('xmlbinary'),
                 current_setting('xmloption'), current_setting('join_collapse_limit'),
                 current_setting('from_collapse_limit'), current_setting('enable_seqscan'),
                 current_setting('enable_indexscan'), current_setting('max_parallel_workers_per_gather'),
                 current_setting('transform_null_equals'), current_setting('escape_string_warning'),
                 current_setting('backslash_quote'), current_setting('array_nulls'),
                 current_setting('gin_fuzzy_search_limit'), current_setting('vacuum_freeze_min_age')]
$$;

-- The names of the fingerprint entries that differ, for the PR015 message.
create function pgrelay.session_changes(p_before text[], p_after text[])
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    select string_agg(n.name, ', ' order by n.i)
      from unnest(array['current_user', 'role', 'search_path', 'statement_timeout', 'lock_timeout',
                        'idle_in_transaction_session_timeout', 'default_transaction_read_only',
                        'default_transaction_isolation', 'default_transaction_deferrable',
                        'session_replication_role', 'row_security', 'synchronous_commit',
                        'client_encoding', 'standard_conforming_strings', 'TimeZone', 'DateStyle',
                        'IntervalStyle', 'extra_float_digits', 'bytea_output', 'default_tablespace',
                        'temp_tablespaces', 'check_function_bodies', 'plan_cache_mode', 'work_mem',
                        'maintenance_work_mem', 'commit_delay', 'lc_messages', 'lc_numeric',
                        'lc_monetary', 'lc_time', 'xmlbinary', 'xmloption', 'join_collapse_limit',
                        'from_collapse_limit', 'enable_seqscan', 'enable_indexscan',
                        'max_parallel_workers_per_gather', 'transform_null_equals',
                        'escape_string_warning', 'backslash_quote', 'array_nulls',
                        'gin_fuzzy_search_limit', 'vacuum_freeze_min_age'])
           with ordinality as n(name, i)
     where p_before[n.i] is distinct from p_after[n.i]
$$;

-- Puts the session back as the processor opened it: SQL-level prepared statements, holdable
-- cursors, temp tables and functions an action made (owned by a role other than the login),
-- and session advisory locks (except pg_relay's own: key 1885827686) are dropped, and with
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
    if exists (select from pg_prepared_statements where from_sql) then
        for l in select name from pg_prepared_statements where from_sql loop
            execute format('deallocate %I', l.name);
        end loop;
    end if;
    if exists (select from pg_cursors where is_holdable) then
        execute 'close all';
    end if;
    -- Temp objects an action made are owned by its run-as role; the caller's own (owned by
    -- the login) stay.
    if pg_my_temp_schema() <> 0 then
        for l in select c.oid::regclass::text as obj, c.relkind
                   from pg_class c
                  where c.relnamespace = pg_my_temp_schema() and c.relowner <> v_me
                    and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
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
    -- with the transaction anyway), but pg_advisory_unlock_all() releases only the former.
    -- pg_relay's own processor-slot locks (1885827686, 1..64) are taken back at once.
    if exists (select from pg_locks k
                where k.locktype = 'advisory' and k.pid = pg_backend_pid()
                  and not (k.classid = 1885827686 and k.objsubid = 2)) then
        select array_agg(k.objid::integer) into v_slots
          from pg_locks k
         where k.locktype = 'advisory' and k.pid = pg_backend_pid() and k.classid = 1885827686
           and k.objsubid = 2 and k.objid between 1 and 64 and k.mode = 'ExclusiveLock';
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
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select format('pgrelay_action.%I', p_channel)
      from pg_proc p
     where p.oid = to_regprocedure(format('pgrelay_action.%I(jsonb)', p_channel))
       and p.prosecdef
       and p.proowner = (select r.oid from pg_roles r where r.rolname = p_run_as)
$$;
