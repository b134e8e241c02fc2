-- pg_auto_mv: diagnostics and repair — get_mv_problems(), sync_mv(), clean_mv(), log retention.

-- Watches whose trigger is missing or disabled, on the table or on one of its partitions.
create function pgauto_mv.trigger_faults()
returns table (mv_id integer, table_oid oid, rel oid, op text, fault text)
language sql stable
set search_path = pg_catalog, pg_temp
set jit = off   -- catalog functions' default row estimates (1000) would JIT-compile a tiny query: ~300 ms
as $$
    with expected as (
        select w.mv_id, w.table_oid, t.relid as rel, o.op,
               case o.op when 'INSERT' then 4 when 'DELETE' then 8 when 'UPDATE' then 16 else 32 end as bit
          from pgauto_mv.watch w
          cross join lateral unnest(w.operations) o(op)
          cross join lateral (select w.table_oid as relid union select p.relid from pg_partition_tree(w.table_oid) p) t
         where exists (select 1 from pg_class c where c.oid = w.table_oid)
           and not pgauto_mv.wal_captured(w.table_oid)   -- its changes are read from the WAL
    ), have as (
        select tg.tgrelid as rel, tg.tgenabled, tg.tgtype::integer as tgtype,
               string_to_array(encode(tg.tgargs, 'escape'), E'\\000') as args
          from pg_trigger tg
         where tg.tgfoid = 'pgauto_mv.on_write()'::regprocedure and (tg.tgtype::integer & 1) = 0
    )
    select e.mv_id, e.table_oid, e.rel, e.op,
           case when exists (select 1 from have h where h.rel = e.rel and e.mv_id::text = any (h.args)
                                                    and (h.tgtype & e.bit) <> 0)
                then 'disabled' else 'missing' end
      from expected e
     where not exists (select 1 from have h where h.rel = e.rel and e.mv_id::text = any (h.args)
                                              and (h.tgtype & e.bit) <> 0 and h.tgenabled <> 'D')
$$;

create function pgauto_mv.get_mv_problems()
returns table (severity text, mv text, code text, detail text, fix text)
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
set jit = off   -- catalog functions' default row estimates (1000) would JIT-compile a tiny query: ~300 ms
as $$
declare
    v_cycle text;
begin
    return query
    with reg as (
        select m.*, s.*, c.oid as live_oid, c.relispopulated, n.nspname, c.relname,
               case when c.oid is not null then format('%I.%I', n.nspname, c.relname) else format('%I.%I', m.mv_schema, m.mv_name) end as label
          from pgauto_mv.mv m
          join pgauto_mv.mv_state s on s.mv_id = m.id
          left join pg_class c on c.oid = m.mv_oid and c.relkind = 'm'
          left join pg_namespace n on n.oid = c.relnamespace
    )
    select 'error', r.label, 'view_missing',
           format('the registered view (OID %s) no longer exists', r.mv_oid),
           format('select pgauto_mv.unregister_mv(%L, %L);  -- or select pgauto_mv.sync_mv();', r.mv_name, r.mv_schema)
      from reg r where r.live_oid is null
    union all
    select 'info', r.label, 'view_renamed',
           format('registered as %I.%I; now called %s', r.mv_schema, r.mv_name, r.label),
           'select pgauto_mv.sync_mv();'
      from reg r where r.live_oid is not null and (r.nspname, r.relname) is distinct from (r.mv_schema, r.mv_name)
    union all
    select 'warning', r.label, 'unpopulated', 'the view has never been refreshed (WITH NO DATA): reading it fails',
           format('select pgauto_mv.refresh_materialised_view_now(%L, %L);', r.relname, r.nspname)
      from reg r where r.live_oid is not null and not r.relispopulated
    union all
    select 'warning', r.label, 'no_unique_index',
           'no unique index on plain columns without WHERE: refreshes are plain and block every reader while they run',
           format('create unique index on %s (<columns that identify a row>);', r.label)
      from reg r where r.live_oid is not null
       and not exists (select 1 from pg_index i where i.indrelid = r.live_oid and i.indisunique and i.indisvalid
                                                  and i.indpred is null and i.indexprs is null)
    union all
    select 'error', r.label, 'cannot_refresh',
           format('pg_auto_mv''s role %I is not allowed to refresh it (the view''s owner changed?)', pgauto_mv.installer()),
           format('grant %I to %I;', pg_get_userbyid((select relowner from pg_class where oid = r.live_oid)), pgauto_mv.installer())
      from reg r where r.live_oid is not null
       and not pg_has_role(pgauto_mv.installer(), (select relowner from pg_class where oid = r.live_oid), 'USAGE')
    union all
    select 'error', r.label, 'recent_failures',
           format('%s failed refresh(es) in the last hour, %s in a row; last error (SQLSTATE %s): %s; '
                  'the next automatic try waits %s', f.n, r.failed_in_row, coalesce(r.last_sqlstate, '?'), r.last_error,
                  pgauto_mv.failure_backoff(r.failed_in_row)),
           format('fix the cause (select * from pgauto_mv.refresh_log where mv = %L and outcome = ''failed'' order by id desc), '
                  'then select pgauto_mv.refresh_materialised_view_now(%L, %L);', r.label, r.mv_name, r.mv_schema)
      from reg r
      join lateral (select count(*) as n from pgauto_mv.refresh_log l
                     where l.mv_id = r.id and l.outcome = 'failed' and l.at > now() - interval '1 hour') f on true
     where r.last_outcome = 'failed'
    union all
    select 'warning', r.label, 'older_than_max_wait',
           format('changed since %s, %s s longer than max_wait (%s s) allows', r.first_change_at,
                  round(extract(epoch from now() - r.first_change_at) - r.max_wait, 1), r.max_wait),
           'check that a processor is running (select * from pgrelay.processor_status) and that refreshes succeed'
      from reg r where pgauto_mv.overdue(r.first_change_at, r.max_wait) and not r.paused
       and r.timer_reason is distinct from 'blackout'   -- waiting for a window's end is intended
    union all
    select 'warning', r.label, 'alert_channel_missing',
           format('failure alerts go to pg_relay channel "%s", which no longer exists: they are not sent', r.on_failure),
           format('select pgauto_mv.alter_mv(%L, %L, p_on_failure => %L);  -- or create the channel again',
                  r.mv_name, r.mv_schema, '')
      from reg r where r.on_failure is not null
       and not exists (select from pgrelay.channel ch where ch.name = r.on_failure)
    union all
    select 'warning', null::text, 'alert_channel_missing',
           format('the database''s failure alerts (setting on_failure) go to pg_relay channel "%s", which no longer exists', st.value),
           'select pgauto_mv.set_setting(''on_failure'', '''');  -- or create the channel again'
      from pgauto_mv.setting st where st.name = 'on_failure' and st.value <> ''
       and not exists (select from pgrelay.channel ch where ch.name = st.value)
    union all
    select 'info', r.label, 'paused',
           case when r.first_change_at is null then 'automatic refreshes are paused; nothing has changed since'
                else format('automatic refreshes are paused; changes since %s wait for resume_mv()', r.first_change_at) end,
           format('select pgauto_mv.resume_mv(%L, %L);', r.mv_name, r.mv_schema)
      from reg r where r.paused
    union all
    select 'error', r.label, 'refresh_not_scheduled',
           format('changes since %s wait, but no refresh is scheduled (its event failed or was deleted)', r.first_change_at),
           'select pgauto_mv.sync_mv();  -- re-arms it'
      from reg r where r.first_change_at is not null and r.live_oid is not null and not r.paused
       and r.first_change_at < now() - interval '5 s'
       and not exists (select 1 from pgrelay.queue q where q.id = r.timer_event_id)
       and not exists (select 1 from pgrelay.queue q where q.channel = 'pgauto_mv.refresh' and (q.payload->>'mv')::integer = r.id)
       and not exists (select 1 from pgauto_mv.chain ch where ch.downstream_id = r.id)
       and not pgauto_mv.refreshing(r.id)
    union all
    select 'error', coalesce(format('%I.%I', m.mv_schema, m.mv_name), '?'), 'trigger_' || t.fault,
           format('the %s watch trigger on %s is %s: those writes do not refresh the view', t.op,
                  coalesce(pgauto_mv.display_name(t.rel), t.rel::text), t.fault),
           'select pgauto_mv.clean_mv();'
      from pgauto_mv.trigger_faults() t join pgauto_mv.mv m on m.id = t.mv_id
    union all
    select 'error', format('%I.%I', m.mv_schema, m.mv_name), 'watched_table_dropped',
           format('watched table %I.%I (OID %s) no longer exists', w.table_schema, w.table_name, w.table_oid),
           'select pgauto_mv.sync_mv();  -- drops the watch; then alter_mv() to watch its successor'
      from pgauto_mv.watch w join pgauto_mv.mv m on m.id = w.mv_id
     where not exists (select 1 from pg_class c where c.oid = w.table_oid)
    union all
    select 'error', null::text, 'no_processor',
           'no pgrelay-processor is alive on this database: nothing will be refreshed',
           'start one: pgrelay-processor "dbname=' || current_database() || '" (see docs/pg_relay.md)'
      where exists (select 1 from pgauto_mv.mv)
        and not exists (select 1 from pgrelay.processor_status p where p.alive)
    union all
    -- The drain turns writers' requests into refreshes: while it fails, every view goes stale
    -- although mv_status still shows its last state.
    select 'error', null::text, 'drain_failing',
           format('the latest drain of refresh requests failed (%s at %s, attempt %s): changes are not turned into refreshes',
                  d.sqlstate, to_char(d.started_at, 'YYYY-MM-DD HH24:MI:SS'), d.attempt),
           'read the error: select failed_at, sqlstate, message from pgrelay.failed where channel = ''pgauto_mv.drain'' order by failed_at desc limit 5;'
      from (select l.outcome, l.sqlstate, l.started_at, l.attempt
              from pgrelay.log l where l.channel = 'pgauto_mv.drain'
             order by l.id desc limit 1) d
     where d.outcome in ('failed', 'retry')
    union all
    -- WAL capture (33_capture.sql): a slot that falls behind keeps WAL on the server's disk.
    select 'error', null::text, 'capture_lost',
           format('the WAL capture slot was lost at %s (%s): pg_auto_mv went back to triggers and requested a refresh of every view it watched',
                  to_char(c.lost_at, 'YYYY-MM-DD HH24:MI:SS'), c.lost_reason),
           'raise max_slot_wal_keep_size if the processor may be down that long, then: call pgauto_mv.set_capture(''wal'');'
      from pgauto_mv.capture c where c.lost_at is not null and c.mode = 'triggers'
    union all
    select case when cs.wal_status = 'unreserved' then 'error' else 'warning' end, null::text, 'capture_lag',
           format('the WAL capture is %s behind (last run %s ago, slot %s, WAL %s): the slot keeps that WAL on disk',
                  pg_size_pretty(cs.lag_bytes), justify_interval(make_interval(secs => round(cs.seconds_since_run::numeric, 1)::double precision)),
                  cs.slot_name, cs.wal_status),
           'check that a pgrelay-processor runs on this database (select * from pgrelay.processor_status); '
           || 'max_slot_wal_keep_size bounds what the slot may keep'
      from pgauto_mv.capture_status() cs
     where cs.mode = 'wal'
       and (cs.wal_status = 'unreserved'
            or cs.lag_bytes > (select pg_size_bytes(st.value) from pgauto_mv.setting st where st.name = 'capture_lag_bytes')
            or cs.seconds_since_run > (select extract(epoch from st.value::interval) from pgauto_mv.setting st where st.name = 'capture_lag_age'))
    union all
    select 'error', format('%I.%I', w.table_schema, w.table_name), 'capture_no_replica_identity',
           format('%s is in pg_auto_mv''s publication but has no replica identity: its UPDATEs and DELETEs fail', pgauto_mv.display_name(w.table_oid)),
           'select pgauto_mv.clean_mv();  -- moves it back to triggers; or give it a primary key'
      from (select distinct table_oid, table_schema, table_name from pgauto_mv.watch) w
     where pgauto_mv.wal_captured(w.table_oid) and not pgauto_mv.wal_capturable(w.table_oid)
    union all
    select 'warning', null::text, 'malformed_requests',
           format('%s refresh request(s) naming no valid view were skipped in the last day (latest at %s)',
                  count(*), to_char(max(l.at), 'YYYY-MM-DD HH24:MI:SS')),
           'nothing to repair: they were logged and dropped; see select * from pgauto_mv.refresh_log where mv = ''(malformed request)'';'
      from pgauto_mv.refresh_log l
     where l.mv = '(malformed request)' and l.at > now() - interval '1 day'
    having count(*) > 0;

    -- Chains can only form a cycle if someone edited pgauto_mv.chain by hand.
    with recursive walk(start_id, id, path) as (
        select upstream_id, downstream_id, array[upstream_id, downstream_id] from pgauto_mv.chain
        union all
        select w.start_id, c.downstream_id, w.path || c.downstream_id
          from walk w join pgauto_mv.chain c on c.upstream_id = w.id
         where not c.downstream_id = any (w.path[2:])
    )
    select string_agg(format('%I.%I', m.mv_schema, m.mv_name), ' -> ' order by o.ord) into v_cycle
      from (select path from walk where id = start_id limit 1) c,
           unnest(c.path) with ordinality o(id, ord) join pgauto_mv.mv m on m.id = o.id;
    if v_cycle is not null then
        severity := 'error'; mv := null; code := 'chain_cycle';
        detail := 'chains form a cycle: ' || v_cycle;
        fix := 'remove one link with pgauto_mv.remove_chain()';
        return next;
    end if;
end
$$;
comment on function pgauto_mv.get_mv_problems() is 'Everything wrong with the registered views, each with a suggested fix';

-- Reconciles the registry with the catalog: follows renames (by OID), forgets dropped views and
-- dropped watched tables, re-arms timers whose event went missing (e.g. after a restore) and
-- re-creates the pg_relay schedules of named schedules. Idempotent; runs nightly by itself.
create function pgauto_mv.sync_mv()
returns table (action text, object text, detail text)
language plpgsql security definer
set search_path = pg_catalog, pg_temp
set jit = off   -- catalog functions' default row estimates (1000) would JIT-compile a tiny query: ~300 ms
as $$
declare
    r     record;
begin
    -- After pg_dump / restore the views and tables have new OIDs: find them again by name.
    for r in
        update pgauto_mv.mv m set mv_oid = c.oid, updated_at = now()
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = m.mv_schema and c.relname = m.mv_name and c.relkind = 'm'
           and not exists (select 1 from pg_class x where x.oid = m.mv_oid and x.relkind = 'm')
           and not exists (select 1 from pgauto_mv.mv o where o.mv_oid = c.oid)
        returning m.mv_schema, m.mv_name, c.oid
    loop
        action := 'relinked'; object := format('%I.%I', r.mv_schema, r.mv_name);
        detail := format('found again by name (now OID %s), e.g. after a restore', r.oid);
        return next;
    end loop;
    for r in
        update pgauto_mv.watch w set table_oid = c.oid
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = w.table_schema and c.relname = w.table_name and c.relkind in ('r', 'p')
           and not exists (select 1 from pg_class x where x.oid = w.table_oid)
        returning w.table_schema, w.table_name, c.oid
    loop
        action := 'table_relinked'; object := format('%I.%I', r.table_schema, r.table_name);
        detail := format('found again by name (now OID %s)', r.oid);
        return next;
    end loop;
    insert into pgauto_mv.mv_state (mv_id)
    select m.id from pgauto_mv.mv m where not exists (select 1 from pgauto_mv.mv_state s where s.mv_id = m.id);
    for r in
        select m.id, m.mv_schema, m.mv_name, n.nspname, c.relname
          from pgauto_mv.mv m join pg_class c on c.oid = m.mv_oid and c.relkind = 'm'
          join pg_namespace n on n.oid = c.relnamespace
         where (n.nspname, c.relname) is distinct from (m.mv_schema, m.mv_name)
    loop
        update pgauto_mv.mv set mv_schema = r.nspname, mv_name = r.relname, updated_at = now() where id = r.id;
        action := 'renamed'; object := format('%I.%I', r.nspname, r.relname);
        detail := format('was %I.%I', r.mv_schema, r.mv_name);
        return next;
    end loop;
    for r in
        delete from pgauto_mv.mv m
         where not exists (select 1 from pg_class c where c.oid = m.mv_oid and c.relkind = 'm')
        returning m.mv_schema, m.mv_name, m.mv_oid
    loop
        action := 'unregistered'; object := format('%I.%I', r.mv_schema, r.mv_name);
        detail := format('the view (OID %s) was dropped', r.mv_oid);
        return next;
    end loop;
    for r in
        update pgauto_mv.watch w set table_schema = n.nspname, table_name = c.relname
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.oid = w.table_oid and (n.nspname, c.relname) is distinct from (w.table_schema, w.table_name)
        returning n.nspname, c.relname
    loop
        action := 'table_renamed'; object := format('%I.%I', r.nspname, r.relname); detail := null;
        return next;
    end loop;
    for r in
        delete from pgauto_mv.watch w where not exists (select 1 from pg_class c where c.oid = w.table_oid)
        returning w.table_schema, w.table_name, w.mv_id
    loop
        action := 'watch_removed'; object := format('%I.%I', r.table_schema, r.table_name);
        detail := 'the watched table was dropped';
        return next;
    end loop;
    for r in
        select s.mv_id from pgauto_mv.mv_state s join pgauto_mv.mv m on m.id = s.mv_id
         where s.first_change_at is not null and not m.paused
           and not exists (select 1 from pgrelay.queue q where q.id = s.timer_event_id)
           and not exists (select 1 from pgauto_mv.chain ch where ch.downstream_id = s.mv_id)
    loop
        update pgauto_mv.mv_state set timer_event_id = null where mv_id = r.mv_id;
        perform pgauto_mv.rearm(r.mv_id);
        action := 'timer_rearmed'; object := pgauto_mv.display_name((select mv_oid from pgauto_mv.mv where id = r.mv_id));
        detail := 'pending changes had no refresh scheduled';
        return next;
    end loop;
    for r in
        select s.* from pgauto_mv.schedule s
         where not exists (select 1 from pgrelay.schedule ps where ps.name = 'pgauto_mv:' || s.name)
    loop
        perform pgrelay.schedule_internal('pgauto_mv:' || r.name, 'pgauto_mv.schedule', r.every, r.cron,
                                 jsonb_build_object('schedule', r.name), r.timezone);
        action := 'schedule_restored'; object := r.name; detail := 'its pg_relay schedule was missing';
        return next;
    end loop;
end
$$;
comment on function pgauto_mv.sync_mv() is 'Reconciles the registry with the catalog (renames, drops, lost timers and schedules); idempotent';

-- Rebuilds every pg_auto_mv trigger (fixes dropped or disabled ones, removes strays). Idempotent.
create function pgauto_mv.clean_mv()
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_table oid;
    v_n     integer := 0;
begin
    perform set_config('lock_timeout', '5s', true);
    for v_table in
        select distinct table_oid from pgauto_mv.watch
        union
        select distinct tg.tgrelid from pg_trigger tg
         where tg.tgfoid = 'pgauto_mv.on_write()'::regprocedure and tg.tgparentid = 0
    loop
        v_n := v_n + pgauto_mv.rebuild_triggers(v_table);
    end loop;
    return v_n;
end
$$;
comment on function pgauto_mv.clean_mv() is 'Rebuilds all watch triggers from the registry; returns how many exist now';

create function pgauto_mv.set_setting(p_name text, p_value text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_interval interval;
    v_bytes    bigint;
begin
    if p_name is null or p_name not in ('log_retention', 'on_failure', 'max_parallel_refreshes',
                                        'capture_lag_bytes', 'capture_lag_age') then
        raise exception 'pg_auto_mv: unknown setting %', coalesce(quote_literal(p_name), 'NULL')
            using errcode = 'AM005',
                  hint = 'Settings: log_retention, on_failure, max_parallel_refreshes, capture_lag_bytes, capture_lag_age.';
    end if;
    if p_name = 'capture_lag_bytes' then   -- a size: '512MB', '2GB'
        perform pgauto_mv.check_may_manage_all();
        begin
            v_bytes := pg_size_bytes(p_value);
        exception when others then
            v_bytes := null;
        end;
        if v_bytes is null or v_bytes < 1048576 then
            raise exception 'pg_auto_mv: capture_lag_bytes needs a size of at least 1MB, not %', coalesce(quote_literal(p_value), 'NULL')
                using errcode = 'AM005', hint = 'For example: ''2GB''. Keep it below max_slot_wal_keep_size.';
        end if;
        update pgauto_mv.setting set value = p_value where name = p_name;
        return;
    end if;
    if p_name = 'capture_lag_age' then
        perform pgauto_mv.check_may_manage_all();
        begin
            v_interval := p_value::interval;
        exception when others then
            v_interval := null;
        end;
        if v_interval is null or v_interval < interval '1 second' then
            raise exception 'pg_auto_mv: capture_lag_age needs an interval of at least 1 second, not %', coalesce(quote_literal(p_value), 'NULL')
                using errcode = 'AM005', hint = 'For example: ''10 min''.';
        end if;
        update pgauto_mv.setting set value = p_value where name = p_name;
        return;
    end if;
    if p_name = 'max_parallel_refreshes' then
        -- At most N refreshes at once, across all processors: the limit of the refresh channel.
        -- It holds every view, so only pg_auto_mv's installing role may change it.
        perform pgauto_mv.check_may_manage_all();
        if coalesce(p_value, '') !~ '^[0-9]{1,4}$' or p_value::integer not between 1 and 1000 then
            raise exception 'pg_auto_mv: max_parallel_refreshes needs a whole number from 1 to 1000, not %',
                            coalesce(quote_literal(p_value), 'NULL')
                using errcode = 'AM005', hint = 'For example: ''2''. Each refresh holds a processor worker while it runs.';
        end if;
        perform pgrelay.alter_channel('pgauto_mv.refresh', p_max_parallel => p_value::integer);
        update pgauto_mv.setting set value = p_value::integer::text where name = p_name;
        return;
    end if;
    if p_name = 'on_failure' then   -- the database-wide failure alert channel ('' for none)
        perform pgauto_mv.check_alert_channel(coalesce(p_value, ''));
        update pgauto_mv.setting set value = coalesce(p_value, '') where name = p_name;
        return;
    end if;
    begin
        v_interval := p_value::interval;
    exception when others then
        v_interval := null;
    end;
    if v_interval is null or v_interval < interval '1 hour' then
        raise exception 'pg_auto_mv: log_retention needs an interval of at least 1 hour, not %', coalesce(quote_literal(p_value), 'NULL')
            using errcode = 'AM005', hint = 'For example: ''30 days''.';
    end if;
    update pgauto_mv.setting set value = p_value where name = p_name;
end
$$;

create function pgauto_mv.purge_log()
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_n bigint;
begin
    delete from pgauto_mv.refresh_log
     where at < now() - (select value::interval from pgauto_mv.setting where name = 'log_retention');
    get diagnostics v_n = row_count;
    return v_n;
end
$$;
