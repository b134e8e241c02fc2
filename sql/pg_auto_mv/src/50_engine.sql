-- pg_auto_mv: the timing engine and the refresh, run by the processor through pg_relay.
--
--   writer's transaction ──(watch trigger)──> row in pgauto_mv.request   (append only)
--   on_drain_event():   takes all requests, per view: first/last change time, change_seq += n,
--                       and arms the view's one timer: an event on pgauto_mv.refresh due at
--                         due = min(last_change + refresh_lag, first_change + max_wait)
--                               but not before last completion + cooldown
--   on_refresh_event(): a timer that fires early (more changes came) re-arms itself at the new
--                       due time; otherwise it refreshes the view in its own transaction
--                       (pgauto_mv.refresh is a solo channel), then marks the changes it covered.
--
-- Never a lost update: the refresh reads change_seq before REFRESH takes its snapshot; a change
-- whose event is handled later leaves change_seq higher, and the end of the refresh (which
-- locks the state row) arms a new timer.

create function pgauto_mv.log(p_mv_id integer, p_kind text, p_outcome text, p_source text,
                              p_mode text default null, p_duration_ms double precision default null,
                              p_detail text default null, p_sqlstate text default null,
                              p_at timestamptz default null)
returns void
language plpgsql   -- not SQL: see display_name
set search_path = pg_catalog, pg_temp
as $$
begin
    insert into pgauto_mv.refresh_log (at, mv_id, mv, kind, outcome, source, mode, duration_ms, detail,
                                       sqlstate, event_id)
    select coalesce(p_at, clock_timestamp()), p_mv_id,
           coalesce(pgauto_mv.display_name(m.mv_oid), format('%I.%I', m.mv_schema, m.mv_name), '#' || p_mv_id),
           p_kind, p_outcome, p_source, p_mode, p_duration_ms, p_detail, p_sqlstate,
           nullif(current_setting('pgrelay.event_id', true), '')::bigint
      from (select 1) one left join pgauto_mv.mv m on m.id = p_mv_id;
end
$$;

-- Queues a refresh event of the view (pg_relay channel pgauto_mv.refresh) at its priority.
create function pgauto_mv.enqueue_refresh(p_mv_id integer, p jsonb, p_at timestamptz default null)
returns bigint
language plpgsql   -- not SQL: see display_name
set search_path = pg_catalog, pg_temp
as $$
begin
    return pgrelay.notify_internal('pgauto_mv.refresh', p, p_at,
                                   coalesce((select m.priority from pgauto_mv.mv m where m.id = p_mv_id), 0));
end
$$;

-- When the view should refresh next, and what sets that time.
create function pgauto_mv.due(m pgauto_mv.mv, s pgauto_mv.mv_state, out due timestamptz, out reason text)
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_cooled timestamptz;
    v_latest timestamptz;   -- the max_wait deadline, then the end of a blackout window
begin
    if s.first_change_at is null then
        return;
    end if;
    due := s.last_change_at + pgauto_mv.seconds(m.refresh_lag);
    reason := 'refresh_lag';
    -- max_wait is measured outside blackout windows: a change made inside one counts from its end.
    if m.max_wait > 0 then
        v_latest := pgauto_mv.blackout_end(m.id, s.first_change_at) + pgauto_mv.seconds(m.max_wait);
        if v_latest < due then
            due := v_latest;
            reason := 'max_wait';
        end if;
    end if;
    -- A cooldown holds a refresh back only while it lasts: with cooldown 0, or one already
    -- over, a change that came during the last refresh is due at once (it was logged as
    -- "deferred … until <a time already past>" and refreshed a poll late).
    v_cooled := s.last_refresh_at + pgauto_mv.seconds(m.cooldown);
    if m.cooldown > 0 and v_cooled > due and v_cooled > clock_timestamp() then
        due := v_cooled;
        reason := 'cooldown';
    end if;
    -- A view whose refreshes keep failing (not class 40, which retries on its own) backs off:
    -- 10 s after the first failure, doubling to an hour. Without it every change, and every
    -- sync_mv() that re-armed it, ran the failing refresh again at once.
    if s.failed_in_row > 0
       and s.last_refresh_at + pgauto_mv.failure_backoff(s.failed_in_row) > due then
        due := s.last_refresh_at + pgauto_mv.failure_backoff(s.failed_in_row);
        reason := 'failure_backoff';
    end if;
    -- No automatic refresh inside a blackout window: it waits for the window's end.
    v_latest := pgauto_mv.blackout_end(m.id, due);
    if v_latest > due then
        due := v_latest;
        reason := 'blackout';
    end if;
end
$$;

-- Makes sure the view has a timer due no later than its due time. The caller holds the view's
-- state row lock.
create function pgauto_mv.arm(p_mv_id integer, p_at timestamptz default null, p_reason text default null)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    m      pgauto_mv.mv;
    s      pgauto_mv.mv_state;
    d      record;
    v_ev   bigint;
begin
    select * into m from pgauto_mv.mv where id = p_mv_id;
    select * into s from pgauto_mv.mv_state where mv_id = p_mv_id;
    if m.paused then
        return;   -- resume_mv() arms it
    end if;
    if p_at is not null then
        select p_at as due, p_reason as reason into d;
    else
        select * into d from pgauto_mv.due(m, s);
        if d.due is null then
            return;
        end if;
    end if;
    if s.timer_event_id is not null and s.timer_due <= d.due
       and exists (select 1 from pgrelay.queue q
                    where q.run_at = s.timer_due and q.id = s.timer_event_id and not q.held) then
        return;   -- the pending timer fires first and re-checks then
    end if;
    if d.reason = 'cooldown' then   -- the refresh is due now but held back: say so
        perform pgauto_mv.log(p_mv_id, 'refresh', 'deferred', coalesce(s.change_source, 'watch'),
                              p_detail => format('cooldown: %s s after the last refresh, until %s', m.cooldown, d.due));
    elsif d.reason = 'blackout' then
        perform pgauto_mv.log(p_mv_id, 'refresh', 'deferred', coalesce(s.change_source, 'watch'),
                              p_detail => format('blackout window until %s', d.due));
    end if;
    v_ev := pgauto_mv.enqueue_refresh(p_mv_id, jsonb_build_object('mv', p_mv_id, 'src', 'watch'), d.due);
    update pgauto_mv.mv_state set timer_event_id = v_ev, timer_due = d.due, timer_reason = d.reason
     where mv_id = p_mv_id;
end
$$;

-- A refresh failed for good (not a class-40 retry): notify the view's alert channel, or the
-- database's (setting on_failure), with what a DBA needs to act. The payload carries no data:
-- the message is redacted like the log's. An alert that cannot be sent (its channel dropped
-- since) is a warning, never the refresh's bookkeeping undone; get_mv_problems() reports the
-- missing channel.
create function pgauto_mv.send_failure_alert(p_mv_id integer, p_sqlstate text, p_message text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_channel text;
    m         pgauto_mv.mv;
    s         pgauto_mv.mv_state;
begin
    select * into m from pgauto_mv.mv where id = p_mv_id;
    select * into s from pgauto_mv.mv_state where mv_id = p_mv_id;
    v_channel := coalesce(m.on_failure, nullif((select value from pgauto_mv.setting where name = 'on_failure'), ''));
    if v_channel is null then
        return;
    end if;
    begin
        perform pgrelay.notify(v_channel, jsonb_build_object(
            'view', coalesce(pgauto_mv.display_name(m.mv_oid), format('%I.%I', m.mv_schema, m.mv_name)),
            'mv_id', p_mv_id, 'sqlstate', p_sqlstate, 'message', p_message,
            'attempts', s.failed_in_row, 'failures', s.failures, 'failed_at', s.last_refresh_at,
            'next_try_at', s.last_refresh_at + pgauto_mv.failure_backoff(s.failed_in_row)));
    exception when others then
        raise warning 'pg_auto_mv: the failure alert of view % to channel "%" was not sent: %',
            coalesce(pgauto_mv.display_name(m.mv_oid), m.mv_name), v_channel, sqlerrm;
    end;
end
$$;

-- Re-evaluates a view's timer after its settings changed.
create function pgauto_mv.rearm(p_mv_id integer)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from pgauto_mv.mv_state where mv_id = p_mv_id for update;
    perform pgauto_mv.arm(p_mv_id);
end
$$;

-- Did a refresh with snapshot p_snapshot see every change counted since the last one
-- (mv_state.changes_xids: all known and each committed before the snapshot)?
create function pgauto_mv.saw_all(p_unknown boolean, p_xids xid8[], p_snapshot pg_snapshot)
returns boolean
language plpgsql stable   -- not SQL: see display_name
set search_path = pg_catalog, pg_temp
as $$
begin
    return not p_unknown and p_xids is not null and cardinality(p_xids) > 0
           and (select bool_and(pg_visible_in_snapshot(x, p_snapshot)) from unnest(p_xids) x);
end
$$;

-- Takes every request at once and coalesces them per view: first/last change time, change_seq
-- += the transactions, one log row per view, the view's timer armed. Returns the requests
-- taken. The caller holds the drain lock (advisory (1885827695, 0)): the handler of channel
-- pgauto_mv.drain, or the WAL capture for what it has just queued (capture_apply).
create function pgauto_mv.drain_requests(p_event bigint)
returns integer
language plpgsql
-- no SET clause: internal, called only from functions that pin search_path
as $$
declare
    v_taken   integer := 0;
    r         record;
    v_covered pg_snapshot;
begin
    for r in
        with taken as (
            delete from pgauto_mv.request returning *
        ), per_view_raw as (
            -- A malformed id (only pg_auto_mv's own code writes requests, but never trust it
            -- to wedge every drain) becomes -1: logged and skipped below.
            select case when x ~ '^[0-9]{1,9}$' then x::integer else -1 end as mv_id,
                   t, coalesce(t_first, t) as t_first, n, table_oid, op, source, nudge, xid
              from taken, unnest(taken.mv_ids) as x
        ), per_view as (
            -- A request from a transaction the view's last successful refresh already saw (an
            -- upstream that committed just before this view's refresh began, in a diamond) is
            -- covered: it only nudges the timer, or the view would refresh twice.
            select p.mv_id, p.t, p.t_first, p.n, p.table_oid, p.op, p.source, p.xid,
                   p.nudge or coalesce(pg_visible_in_snapshot(p.xid, s.covered_snapshot), false) as nudge
              from per_view_raw p left join pgauto_mv.mv_state s on s.mv_id = p.mv_id
        ), what as (   -- names looked up once per distinct (view, table, op), not per request
            select d.mv_id,
                   string_agg(distinct coalesce(d.op || ' on ' || pgauto_mv.display_name(d.table_oid), d.source), ', ') as what
              from (select distinct mv_id, table_oid, op, source from per_view) d
             group by d.mv_id
        )
        select p.mv_id, min(p.t_first) filter (where not p.nudge) as first_t, max(p.t) filter (where not p.nudge) as last_t,
               coalesce(sum(p.n) filter (where not p.nudge), 0) as n, count(*) as requests,
               array_agg(distinct p.xid) filter (where not p.nudge and p.xid is not null) as xids,
               coalesce(bool_or(p.source <> 'chain' or p.xid is null) filter (where not p.nudge), false) as unknown,
               (array_agg(p.source order by p.t) filter (where not p.nudge))[1] as source,
               w.what
          from per_view p join what w on w.mv_id = p.mv_id
         group by p.mv_id, w.what order by p.mv_id
    loop
        v_taken := v_taken + r.requests;
        if r.mv_id = -1 then
            insert into pgauto_mv.refresh_log (mv_id, mv, kind, outcome, source, detail, sqlstate, event_id)
            values (null, '(malformed request)', 'change', 'failed', r.source,
                    format('%s malformed view id(s) in refresh requests skipped', r.requests), '22P02', p_event);
            continue;
        end if;
        select covered_snapshot into v_covered from pgauto_mv.mv_state where mv_id = r.mv_id for update;
        if not found then
            continue;   -- unregistered meanwhile
        end if;
        -- The query above read covered_snapshot before a refresh of the view that was at work may
        -- have committed (this lock waited for it): read now, it may cover these requests too.
        if r.n > 0 and not coalesce(pgauto_mv.saw_all(r.unknown, r.xids, v_covered), false) then
            perform pgauto_mv.log(r.mv_id, 'change', 'changed', r.source,
                                  p_detail => format('%s transaction(s) from %s to %s: %s', r.n,
                                                     to_char(r.first_t, 'HH24:MI:SS.MS'), to_char(r.last_t, 'HH24:MI:SS.MS'), r.what),
                                  p_at => r.last_t);
            update pgauto_mv.mv_state
               set change_source = case when first_change_at is null then r.source else change_source end,
                   first_change_at = least(coalesce(first_change_at, r.first_t), r.first_t),
                   last_change_at = greatest(coalesce(last_change_at, r.last_t), r.last_t),
                   change_seq = change_seq + r.n,
                   changes_unknown = changes_unknown or r.unknown
                                     or coalesce(cardinality(changes_xids), 0) + coalesce(cardinality(r.xids), 0) > 32,
                   changes_xids = case when changes_unknown or r.unknown
                                            or coalesce(cardinality(changes_xids), 0) + coalesce(cardinality(r.xids), 0) > 32
                                       then null else coalesce(changes_xids, '{}') || coalesce(r.xids, '{}') end
             where mv_id = r.mv_id;
        end if;
        perform pgauto_mv.arm(r.mv_id);
    end loop;

    return v_taken;
end
$$;

-- Is a writer's transaction in flight with a request appended (RowExclusiveLock on
-- pgauto_mv.request, held until it ends)? For on_drain_event.
create function pgauto_mv.writers_in_flight()
returns boolean
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    return exists (select 1 from pg_locks l
                    where l.locktype = 'relation' and l.relation = 'pgauto_mv.request'::regclass
                      and l.database = (select oid from pg_database where datname = current_database())
                      and l.mode = 'RowExclusiveLock' and l.pid <> pg_backend_pid());
end
$$;

-- Handler of channel pgauto_mv.drain: takes every request at once (drain_requests), and decides
-- whether to keep draining (every 50 ms) or go idle.
--
-- No request is ever stranded. A writer appends its request (holding RowExclusiveLock on
-- pgauto_mv.request until it ends) and only then reads the flag pgauto_mv.drain_active:
--   * it reads idle: it enqueues a drain itself, which runs after its commit;
--   * it reads active: a drain has flipped the flag to active and scheduled the next drain in
--     the same transaction. Going idle is itself two steps: a drain flips the flag to idle and
--     schedules one last sweep; that sweep (the flag idle) first looks for writers in flight
--     (their lock) and then consumes. A writer that read active did so before the flip, so its
--     append came before the sweep's look: the sweep sees its lock, or its committed request.
--   A drain that finds the flag active schedules the next drain whatever it sees, so it looks
--   for writers only to decide whether to go idle — after consuming, and only if it took
--   nothing. Under traffic no drain reads pg_locks, which takes every lock-manager partition
--   lock and every backend's fast-path lock: the writers' own locks (every 50 ms, before).
-- The flag is a sequence (setval is immediate, not transactional): if a drain's transaction
-- failed after a flip, the promised next drain would be missing; the built-in schedule
-- pgauto_mv.drain runs a drain every 10 s as well, so such a request waits 10 s at most.
create function pgauto_mv.on_drain_event(p jsonb)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_event    bigint := nullif(current_setting('pgrelay.event_id', true), '')::bigint;
    v_active   boolean;
    ds         pgauto_mv.drain_schedule;
    v_inflight boolean := false;
    v_taken    integer;
    v_next_at  timestamptz;
    v_next     bigint;
begin
    if not pg_try_advisory_xact_lock(1885827695, 0) then   -- another drain is at work
        perform pgrelay.notify('pgauto_mv.drain', null, clock_timestamp() + interval '50 ms');
        return;
    end if;
    v_active := coalesce(pg_sequence_last_value('pgauto_mv.drain_active') = 2, false);
    select * into ds from pgauto_mv.drain_schedule;
    if v_active and ds.next_event_id is distinct from v_event
       and exists (select 1 from pgrelay.queue q where q.run_at = ds.next_at and q.id = ds.next_event_id and not q.held) then
        return;   -- the scheduled drain comes later and will see all this one would
    end if;

    -- 1. Flag idle (the last sweep, or a drain a writer or the schedule asked for): writers in
    --    flight first (they hold their lock until they end) ...
    if not v_active then
        v_inflight := pgauto_mv.writers_in_flight();
    end if;
    -- 2. ... then everything committed so far, coalesced per view.
    v_taken := pgauto_mv.drain_requests(v_event);
    -- Flag active: a next drain follows whatever this one sees (step 3); writers in flight
    -- only decide whether that is the last sweep, and only when this one took nothing.
    if v_active and v_taken = 0 then
        v_inflight := pgauto_mv.writers_in_flight();
    end if;

    -- 3. Keep draining while there is traffic; otherwise go idle through one last sweep.
    v_next_at := clock_timestamp() + interval '50 ms';
    if v_taken > 0 or v_inflight or v_active then
        v_next := pgrelay.notify('pgauto_mv.drain', null, v_next_at);
        update pgauto_mv.drain_schedule set next_event_id = v_next, next_at = v_next_at;
        if v_active <> (v_taken > 0 or v_inflight) then   -- flips only
            perform setval('pgauto_mv.drain_active', case when v_active then 1 else 2 end, true);
        end if;
    elsif ds.next_event_id is not null then
        update pgauto_mv.drain_schedule set next_event_id = null, next_at = null;
    end if;
end
$$;

-- Can the view be refreshed CONCURRENTLY? Populated, and a valid unique index on plain columns
-- without a predicate.
create function pgauto_mv.can_refresh_concurrently(p_oid oid)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select c.relispopulated and exists (
        select 1 from pg_index i
         where i.indrelid = p_oid and i.indisunique and i.indisvalid and i.indisready
           and i.indpred is null and i.indexprs is null)
      from pg_class c where c.oid = p_oid
$$;

-- Puts a refresh off until p_at: a timer replaces itself (if still current); other sources
-- enqueue the same request again.
create function pgauto_mv.put_off(p_mv_id integer, p jsonb, p_event bigint, p_at timestamptz, p_reason text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_timer bigint;
begin
    if coalesce(p->>'src', 'watch') = 'watch' then
        select timer_event_id into v_timer from pgauto_mv.mv_state where mv_id = p_mv_id for update;
        if v_timer is not distinct from p_event then
            update pgauto_mv.mv_state set timer_event_id = null where mv_id = p_mv_id;
            perform pgauto_mv.arm(p_mv_id, p_at, p_reason);
        end if;
    else
        perform pgauto_mv.enqueue_refresh(p_mv_id, p, p_at);
    end if;
end
$$;

-- Handler of channel pgauto_mv.refresh (solo: one event per transaction):
-- {"mv": id, "src": watch | manual | schedule | chain | sync}.
create function pgauto_mv.on_refresh_event(p jsonb)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id      integer := (p->>'mv')::integer;
    v_src     text := coalesce(p->>'src', 'watch');
    v_cause   text;   -- the refresh's source in the log: a timer refreshes for its first change's source
    v_event   bigint := nullif(current_setting('pgrelay.event_id', true), '')::bigint;
    m         pgauto_mv.mv;
    s         pgauto_mv.mv_state;
    d         record;
    v_schema  text;
    v_name    text;
    v_started timestamptz;
    v_snapshot pg_snapshot;   -- taken just before REFRESH: what it will see at least
    v_now     timestamptz := clock_timestamp();
    v_window_end timestamptz;
    v_outcome text;
    v_state   text;
    v_message text;
    v_ms      double precision;
    v_old_lt  text := current_setting('lock_timeout');
    v_members integer[];   -- the views this refresh refreshes, in order: v_id, or its group's
    v_member  integer;
    v_group   text;
    v_paused  text;
    v_seqs    bigint[];
    v_modes   text[] := '{}';
    v_msa     double precision[] := '{}';
    v_at      integer;     -- the member being refreshed (the one that failed, if one did)
    v_t0      timestamptz;
    v_mv      pgauto_mv.mv;
    v_timeout numeric;
    v_detail  text;
    v_retry   integer;
begin
    select * into m from pgauto_mv.mv where id = v_id;
    if not found then
        return;   -- unregistered meanwhile
    end if;
    select * into s from pgauto_mv.mv_state where mv_id = v_id;
    v_cause := case when v_src = 'watch' then coalesce(s.change_source, 'watch') else v_src end;
    if m.paused and v_src <> 'manual' then
        -- Remembered for resume_mv() (a schedule's or chain's request too), not run now.
        update pgauto_mv.mv_state
           set change_source = case when first_change_at is null then v_cause else change_source end,
               first_change_at = coalesce(first_change_at, clock_timestamp()),
               last_change_at = coalesce(last_change_at, clock_timestamp()),
               timer_event_id = case when timer_event_id = v_event then null else timer_event_id end
         where mv_id = v_id;
        perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_cause, p_detail => 'paused: refreshes when resumed');
        return;
    end if;
    if v_src = 'watch' then
        if s.timer_event_id is distinct from v_event then
            return;   -- superseded by a newer timer
        end if;
        select * into d from pgauto_mv.due(m, s);
        if d.due is null then
            update pgauto_mv.mv_state set timer_event_id = null where mv_id = v_id and timer_event_id = v_event;
            return;   -- another refresh covered every change
        end if;
        -- Waiting for an upstream is bounded by the view's own max_wait (60 s without one): under
        -- steady upstream writes an upstream always has a refresh pending, and chained views
        -- waited for minutes.
        if d.due <= clock_timestamp() + interval '2 ms' and pgauto_mv.upstream_busy(v_id) is not null
           and s.first_change_at + pgauto_mv.upstream_wait_bound(m.max_wait) > clock_timestamp() then
            -- A chain upstream will refresh first; its completion re-arms this view, so a
            -- diamond's bottom refreshes once.
            perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_cause,
                                  p_detail => 'waiting for upstream ' || pgauto_mv.upstream_busy(v_id));
            update pgauto_mv.mv_state set timer_event_id = null, timer_reason = 'upstream'
             where mv_id = v_id and timer_event_id = v_event;
            return;
        end if;
        if d.due > clock_timestamp() + interval '2 ms' then
            perform pgauto_mv.put_off(v_id, p, v_event, d.due, d.reason);
            return;
        end if;
    elsif v_src <> 'manual' and s.last_refresh_at + pgauto_mv.seconds(m.cooldown) > clock_timestamp() then
        perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_src,
                              p_detail => format('cooldown: %s s after the last refresh', m.cooldown));
        perform pgauto_mv.put_off(v_id, p, v_event, s.last_refresh_at + pgauto_mv.seconds(m.cooldown), 'cooldown');
        return;
    elsif v_src <> 'manual' then
        -- A chain's, schedule's or bulk resume's refresh waits for a blackout window's end too.
        v_window_end := pgauto_mv.blackout_end(v_id, v_now);
        if v_window_end > v_now then
            perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_src,
                                  p_detail => format('blackout window until %s', v_window_end));
            perform pgauto_mv.put_off(v_id, p, v_event, v_window_end, 'blackout');
            return;
        end if;
    end if;

    -- A view of a refresh group refreshes with the whole group (65_groups.sql). An automatic
    -- group refresh waits while a member is paused (resume_mv() re-arms the group) or inside a
    -- member's blackout window.
    v_members := pgauto_mv.refresh_members(v_id);
    if cardinality(v_members) > 1 then
        v_group := pgauto_mv.group_of(v_id);
        if v_src <> 'manual' then
            select string_agg(format('%I.%I', g.mv_schema, g.mv_name), ', ' order by g.id) into v_paused
              from pgauto_mv.mv g where g.id = any (v_members) and g.paused;
            if v_paused is not null then
                update pgauto_mv.mv_state
                   set change_source = case when first_change_at is null then v_cause else change_source end,
                       first_change_at = coalesce(first_change_at, clock_timestamp()),
                       last_change_at = coalesce(last_change_at, clock_timestamp()),
                       timer_event_id = case when timer_event_id = v_event then null else timer_event_id end,
                       timer_reason = 'group member paused'
                 where mv_id = v_id;
                perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_cause,
                                      p_detail => format('refresh group "%s": %s paused; refreshes when resumed', v_group, v_paused));
                return;
            end if;
            select max(pgauto_mv.blackout_end(g, v_now)) into v_window_end from unnest(v_members) g;
            if v_window_end > v_now then
                perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_cause,
                                      p_detail => format('refresh group "%s": blackout window until %s', v_group, v_window_end));
                perform pgauto_mv.put_off(v_id, p, v_event, v_window_end, 'blackout');
                return;
            end if;
        end if;
    end if;

    -- One refresh of a view at a time, whichever processor runs it (a group's: all its views).
    foreach v_member in array v_members loop
        if not pg_try_advisory_xact_lock(1885827695, v_member) then
            perform pgauto_mv.log(v_id, 'refresh', 'deferred', v_cause,
                                  p_detail => case when v_member = v_id then 'another refresh of this view is running'
                                                   else format('refresh group "%s": another refresh of %s is running',
                                                               v_group, (select format('%I.%I', mv_schema, mv_name)
                                                                           from pgauto_mv.mv where id = v_member)) end);
            perform pgauto_mv.put_off(v_id, p, v_event, clock_timestamp() + interval '250 ms', 'busy');
            return;
        end if;
    end loop;
    -- Before REFRESH's snapshot: what the refresh covers at least.
    v_seqs := array(select s2.change_seq from unnest(v_members) with ordinality u(id, ord)
                      join pgauto_mv.mv_state s2 on s2.mv_id = u.id order by u.ord);
    -- A group's refresh may run as long as its views' timeouts together (none if one has none).
    v_timeout := case when cardinality(v_members) = 1 then m.refresh_timeout
                      else (select case when count(*) = count(g.refresh_timeout) then sum(g.refresh_timeout) end
                              from pgauto_mv.mv g where g.id = any (v_members)) end;
    v_started := clock_timestamp();
    begin
        -- The processor cancels the refresh at this deadline (pg_relay's PR020 notice).
        perform pgrelay.set_action_timeout(make_interval(secs => v_timeout::float8));
        -- Whatever this snapshot sees, the refreshes' own (taken later) see too.
        v_snapshot := pg_current_snapshot();
        for i in 1 .. cardinality(v_members) loop
            v_at := i;
            v_t0 := clock_timestamp();
            select * into v_mv from pgauto_mv.mv where id = v_members[i];
            select n.nspname, c.relname into v_schema, v_name
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.oid = v_mv.mv_oid and c.relkind = 'm';
            if v_name is null then
                raise exception 'materialised view %.% (OID %) no longer exists',
                                quote_ident(v_mv.mv_schema), quote_ident(v_mv.mv_name), v_mv.mv_oid
                    using errcode = 'AM001';
            end if;
            v_modes[i] := case when pgauto_mv.can_refresh_concurrently(v_mv.mv_oid) then 'concurrently' else 'plain' end;
            perform set_config('lock_timeout', (v_mv.lock_timeout * 1000)::bigint || 'ms', true);
            execute format('refresh materialized view %s%I.%I',
                           case when v_modes[i] = 'concurrently' then 'concurrently ' else '' end, v_schema, v_name);
            v_msa[i] := extract(epoch from clock_timestamp() - v_t0) * 1000;
        end loop;
        v_outcome := 'succeeded';
    exception
        when query_canceled then
            -- Only the refresh's own timeout is its failure; any other cancel (a processor that
            -- stops, a DBA) goes on up to pg_relay, which knows what it means.
            if v_timeout is null
               or clock_timestamp() - v_started < make_interval(secs => v_timeout::float8 - 0.1) then
                raise;
            end if;
            v_state := '57014';
            v_message := case when cardinality(v_members) = 1
                              then format('the refresh ran longer than its refresh_timeout of %s s and was cancelled', v_timeout)
                              else format('the refresh of group "%s" ran longer than its views'' refresh_timeout together, %s s, and was cancelled',
                                          v_group, v_timeout) end;
            v_outcome := 'failed';
        when sqlstate 'AM001' then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
            v_outcome := 'failed';
        when others then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
            -- Readers of the log and of mv_state get the message without the data values it
            -- may quote (invalid input syntax for type integer: "..."): pgrelay.redact().
            v_message := pgrelay.redact(v_message);
            v_outcome := case when v_state = '55P03' then 'deferred' else 'failed' end;
    end;
    perform set_config('lock_timeout', v_old_lt, true);
    v_ms := extract(epoch from clock_timestamp() - v_started) * 1000;

    for i in 1 .. cardinality(v_members) loop
        v_member := v_members[i];
        -- A group refresh that failed fails for every view of the group: none was refreshed.
        v_detail := case when v_outcome = 'succeeded' then
                              case when v_group is not null
                                   then format('refresh group "%s": %s views in one transaction', v_group, cardinality(v_members)) end
                         when i = v_at then
                              case when v_outcome = 'deferred' then 'lock_timeout: ' || v_message else v_message end
                         else format('refresh group "%s" rolled back: %s failed (%s)', v_group,
                                     (select format('%I.%I', mv_schema, mv_name) from pgauto_mv.mv where id = v_members[v_at]),
                                     v_state) end;
        perform pgauto_mv.log(v_member, 'refresh', v_outcome, v_cause,
                              case when v_outcome = 'succeeded' or i = v_at then v_modes[i] end,
                              case when v_outcome = 'succeeded' then coalesce(v_msa[i], v_ms) when i = v_at then v_ms end,
                              v_detail, v_state);
        -- Mark what the refresh covered; changes handled meanwhile arm the next one.
        perform 1 from pgauto_mv.mv_state where mv_id = v_member for update;
        if v_outcome = 'succeeded' then
            update pgauto_mv.mv_state
               set last_refresh_at = clock_timestamp(), last_success_at = clock_timestamp(),
                   last_outcome = v_outcome, last_mode = v_modes[i], last_source = v_cause, last_duration_ms = v_msa[i],
                   last_error = null, last_sqlstate = null, refreshes = refreshes + 1, retry_attempt = 0, failed_in_row = 0,
                   covered_snapshot = v_snapshot,
                   -- Changes counted while it ran are covered too when each came from a chain
                   -- upstream its snapshot saw committed (see mv_state.changes_xids).
                   first_change_at = case when change_seq = v_seqs[i] or pgauto_mv.saw_all(changes_unknown, changes_xids, v_snapshot)
                                          then null else v_started end,
                   change_source = case when change_seq = v_seqs[i] or pgauto_mv.saw_all(changes_unknown, changes_xids, v_snapshot)
                                        then null else change_source end,
                   changes_xids = null, changes_unknown = false,
                   timer_event_id = case when timer_event_id = v_event then null else timer_event_id end
             where mv_id = v_member;
            perform pgauto_mv.arm(v_member);
            -- Downstream views outside the group: the group refreshed its own in order.
            perform pgauto_mv.cascade(v_member, true, v_members);
        elsif v_outcome = 'failed' then
            update pgauto_mv.mv_state
               set last_refresh_at = clock_timestamp(), last_outcome = v_outcome,
                   last_mode = case when i = v_at then v_modes[i] else last_mode end,
                   last_source = v_cause, last_duration_ms = case when i = v_at then v_ms else last_duration_ms end,
                   last_error = v_detail, last_sqlstate = v_state,
                   failures = failures + 1,
                   retry_attempt = case when left(v_state, 2) = '40' and retry_attempt < 3 then retry_attempt + 1 else 0 end,
                   failed_in_row = case when left(v_state, 2) = '40' and retry_attempt < 3 then failed_in_row else failed_in_row + 1 end,
                   timer_event_id = case when timer_event_id = v_event then null else timer_event_id end
             where mv_id = v_member
            returning retry_attempt into v_retry;
            if v_member = v_id then
                s.retry_attempt := v_retry;
            end if;
        else   -- deferred: the lock was not granted in time
            update pgauto_mv.mv_state set retry_attempt = retry_attempt + 1,
                   timer_event_id = case when timer_event_id = v_event then null else timer_event_id end
             where mv_id = v_member
            returning retry_attempt into v_retry;
            if v_member = v_id then
                s.retry_attempt := v_retry;
            end if;
        end if;
    end loop;

    if v_outcome = 'failed' then
        if s.retry_attempt > 0 then   -- class 40: again after 3, 5, 10 s, as pg_relay retries
            perform pgauto_mv.put_off(v_id, p, null, clock_timestamp() + pgrelay.retry_delay(s.retry_attempt), 'retry');
        else
            -- One alert, from the view whose refresh failed (of a group: the others say why in the log).
            perform pgauto_mv.send_failure_alert(v_members[coalesce(v_at, 1)], v_state, v_message);
            foreach v_member in array v_members loop
                perform pgauto_mv.arm(v_member);   -- tries again after its failure backoff (10 s … 1 h)
                perform pgauto_mv.cascade(v_member, false, v_members);   -- downstream views stop waiting for it
            end loop;
        end if;
    elsif v_outcome = 'deferred' then   -- try again with a growing pause
        perform pgauto_mv.put_off(v_id, p, null,
                                  clock_timestamp() + pgauto_mv.seconds(least(30, power(2::numeric, least(s.retry_attempt, 5)))), 'lock_timeout');
    end if;
end
$$;
