-- pg_relay: processing. The processor calls these; the rules live here, in one place.
--
-- One call of process_batch() claims up to p_limit due events (FOR UPDATE SKIP LOCKED, oldest
-- first), runs each action in its own subtransaction, writes one log row per event, and removes
-- the event, re-queues it for a retry, or moves it to pgrelay.failed, all in the caller's
-- transaction: commit and every event of the batch is done; crash and every event is still
-- queued. At most 60 events per call keeps a transaction under the 64-subtransaction cache.
--
-- Each action runs as its channel's run-as role, by calling the channel's generated function
-- pgrelay_action."<channel>"(jsonb) (30_channels.sql). A batch holds events of one run-as role
-- only (the first due event's; the others stay queued for the next batch), so whatever an action
-- leaves in the session is seen by nobody with other rights, and reset_session() clears it at the
-- end of the batch (45_session.sql). The log gets the error message with every literal value
-- masked (pgrelay.redact); the message as raised stays with the payload in pgrelay.failed.

-- Seconds to wait before attempt n+1 after attempt n failed with a class-40 error.
create function pgrelay.retry_delay(p_attempt integer)
returns interval
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    select case p_attempt when 1 then interval '3 s'
                          when 2 then interval '5 s'
                          when 3 then interval '10 s' end
$$;

-- PL/pgSQL rather than SQL: its plan is cached across calls, so a poll costs microseconds.
-- "Due" means claimable now: an event a batch is running (claimed, not yet committed) is skipped,
-- or a processor whose other worker runs a long action would see it due, call its idle workers,
-- find nothing and poll again, in a busy loop, for as long as that action runs.
-- p_spare: the caller would give the event to its last free worker (see process_batch).
create function pgrelay.has_due_events(p_spare boolean default false)
returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
set enable_sort = off   -- the due index in order, whatever the statistics say (see due_events)
set enable_bitmapscan = off
as $$
declare
    v_busy text[] := pgrelay.busy_channels(p_spare);
begin
    perform from pgrelay.queue
     where not held and run_at <= now() and channel <> all (v_busy)
     order by run_at, id limit 1 for update skip locked;
    return found;
end
$$;
comment on function pgrelay.has_due_events(boolean) is 'The processor''s poll: is any event due now and not being processed?';

-- Channel limits. max_parallel: an event of such a channel runs holding one of the channel's
-- max_parallel transaction advisory locks (hashtext('pgrelay.parallel ' || channel), 1..N), so
-- the locks held in pg_locks are the events running now, across all processors; a claim skips
-- channels whose locks are all taken (busy_channels) and takes one before running the action.
-- Hash collisions between channel names can only make two channels share their slots.
create function pgrelay.parallel_key(p_channel text)
returns integer
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select hashtext('pgrelay.parallel ' || p_channel) $$;

-- Channels whose events a claim must skip now: those running max_parallel events already and,
-- for a processor's last free worker (p_spare), every channel with a max_parallel (long work such
-- as refreshes never takes the last worker that could run everything else).
create function pgrelay.busy_channels(p_spare boolean)
returns text[]
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select coalesce(array_agg(c.name), '{}')
      from pgrelay.channel c
     where c.max_parallel is not null
       and (coalesce(p_spare, false)
            or (select count(*) from pg_locks l
                 where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                   and l.classid = pgrelay.parallel_key(c.name)::oid
                   and l.objid between 1 and c.max_parallel
                   and l.database = (select oid from pg_database where datname = current_database()))
               >= c.max_parallel)
$$;

create function pgrelay.take_parallel_slot(p_channel text, p_max integer)
returns boolean
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    for i in 1 .. p_max loop
        if pg_try_advisory_xact_lock(pgrelay.parallel_key(p_channel), i) then
            return true;
        end if;
    end loop;
    return false;
end
$$;

-- Due events in claim order — priority (higher first), then due time — locked for the caller
-- (FOR UPDATE SKIP LOCKED: what another batch holds is skipped). Three index range scans, each in
-- claim order, read one after the other and only as far as needed: events with a priority
-- above 0, then 0 (the usual case, on the main due index), then below. With p_role: only events
-- of channels running as that role that are not solo and have no timeout and no max_parallel
-- (the followers of a batch's first event), p_not_id excluded (the first: locked by us already).
create function pgrelay.due_events(p_limit integer, p_busy text[], p_role name default null,
                                   p_not_id bigint default null)
returns table (run_at timestamptz, id bigint, solo boolean, run_as name)
language plpgsql volatile   -- PL/pgSQL: the plan is cached (a SQL function's is made anew per call)
set search_path = pg_catalog, pg_temp
-- Always walk the due indexes in order and stop at the limit. A queue fills and empties faster
-- than autovacuum's ANALYZE follows: with stale statistics the cached plan read every due event
-- (bitmap scan, hash join, sort) — 9.7 ms a call with 20,000 queued instead of 0.8 ms, more than
-- half of a drain's time.
set enable_sort = off
set enable_bitmapscan = off
as $$
#variable_conflict use_column
begin
    return query
    with high as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo
          from pgrelay.queue q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority <> 0 and q.priority > 0 and q.run_at <= now()
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.priority desc, q.run_at, q.id
         limit p_limit
           for update of q skip locked
    ), normal as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo
          from pgrelay.queue q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority = 0 and q.run_at <= now()
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.run_at, q.id
         limit p_limit
           for update of q skip locked
    ), low as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo
          from pgrelay.queue q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority <> 0 and q.priority < 0 and q.run_at <= now()
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.priority desc, q.run_at, q.id
         limit p_limit
           for update of q skip locked
    )
    select d.run_at, d.id, d.solo, d.run_as from (
        select * from high union all select * from normal union all select * from low limit p_limit) d;
end
$$;

-- timeout: the processor cancels an action still running at its deadline. It learns the
-- deadline from this notice (SQLSTATE PR020, DETAIL = milliseconds from now), which the server
-- sends to the client at once; an event with a deadline runs alone in its batch, and the
-- deadline ends with the batch. An action may set one for itself (pg_auto_mv's per-view refresh
-- timeout does): granted to pgrelay_internal only.
create function pgrelay.set_action_timeout(p_timeout interval)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_timeout is not null then
        raise notice 'pg_relay: the running action may take % at most', p_timeout
            using errcode = 'PR020', detail = round(extract(epoch from p_timeout) * 1000)::bigint::text;
    end if;
end
$$;

-- A processor that stops takes advisory lock (1885827686, 100 + its slot) before it cancels its
-- running batches (the processor's --grace ran out): a batch cancelled then is undone as a whole,
-- so its events stay queued and run again, rather than the interrupted action being failed.
create function pgrelay.processor_stopping(p_slot integer)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select p_slot is not null and exists (
        select from pg_locks l
         where l.locktype = 'advisory' and l.granted and l.classid = 1885827686
           and l.objid = 100 + p_slot and l.objsubid = 2
           and l.database = (select oid from pg_database where datname = current_database()))
$$;

-- p_spare: this is the processor's last free worker (its others are busy): channels with a
-- max_parallel are left to the others.
create function pgrelay.process_batch(p_limit integer default 50, p_slot integer default null,
                                      p_worker integer default null, p_spare boolean default false)
returns table (event_id bigint, channel text, outcome text, attempt integer,
               error_code text, error_message text, duration_ms double precision)
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
    r         record;
    v_part    smallint;
    v_fn      text;
    v_active  boolean;
    v_run_as  name;
    v_exists  boolean;
    v_before  text[];
    v_after   text[];
    v_message text;
    v_ran     boolean := false;
    v_fn_channel text;
    v_started timestamptz;
    v_timeout  interval;
    v_max_parallel integer;
    v_busy     text[];
    v_first    record;
    v_run_ats  timestamptz[];
    v_ids      bigint[];
begin
    if p_limit is null or p_limit < 1 or p_limit > 60 then
        raise exception 'pg_relay: batch size % is out of range', p_limit
            using errcode = 'PR007', hint = 'Use 1 to 60 (a transaction stays under 64 subtransactions).';
    end if;
    select current_part into v_part from pgrelay.queue_state;
    v_busy := pgrelay.busy_channels(p_spare);
    -- The first due event decides the batch: it runs alone if its channel is solo or has a
    -- timeout or a max_parallel, else with up to p_limit - 1 more events of channels that are
    -- none of these and run as the same role. Only the events taken are locked, so the next
    -- solo event is free for another worker at once.
    select d.run_at, d.id, d.solo, d.run_as into v_first from pgrelay.due_events(1, v_busy) d;
    if not found then
        return;
    end if;
    v_run_ats := array[v_first.run_at];
    v_ids := array[v_first.id];
    if not v_first.solo and v_first.run_as is not null and p_limit > 1 then
        select v_run_ats || array_agg(d.run_at), v_ids || array_agg(d.id) into v_run_ats, v_ids
          from pgrelay.due_events(p_limit - 1, v_busy, v_first.run_as, v_first.id) d;
    end if;
    for r in
        with claimed as (
            delete from pgrelay.queue q using unnest(v_run_ats, v_ids) as p(run_at, id)
             where not q.held and q.run_at = p.run_at and q.id = p.id
            returning q.*
        )
        select * from claimed order by claimed.priority desc, claimed.run_at, claimed.id
    loop
        event_id := r.id;
        channel := r.channel;
        attempt := r.attempt;
        error_code := null;
        error_message := null;
        v_message := null;
        v_exists := false;
        select true, c.active, c.run_as, c.timeout, c.max_parallel
          into v_exists, v_active, v_run_as, v_timeout, v_max_parallel
          from pgrelay.channel c where c.name = r.channel;
        if v_max_parallel is not null and v_active
           and not pgrelay.take_parallel_slot(r.channel, v_max_parallel) then
            -- Another processor took the last slot since busy_channels() looked: back it goes,
            -- unchanged, for a later batch (nothing ran, nothing is logged).
            insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt,
                                       schedule_name, held, priority)
            values (v_part, r.id, r.channel, r.payload, r.run_at, r.enqueued_at, r.attempt,
                    r.schedule_name, false, r.priority);
            continue;
        end if;
        -- After the slot: started_at says when the action could start, so the log never shows
        -- more than max_parallel events of a channel running at once.
        v_started := clock_timestamp();
        if not coalesce(v_exists, false) then
            outcome := 'failed';
            error_code := 'PR001';
            v_message := format('channel "%s" no longer exists', r.channel);
        elsif not v_active then
            outcome := 'held';   -- deactivated after the event was queued: keep it, run later
        else
            -- Checked once per channel and batch (events of a channel come in runs).
            if r.channel is distinct from v_fn_channel then
                v_fn := pgrelay.action_function(r.channel, v_run_as);
                v_fn_channel := r.channel;
            end if;
            if v_fn is null then
                outcome := 'failed';
                error_code := 'PR016';
                v_message := format('the action function of channel "%s" is missing or was altered;'
                                    ' re-create it with pgrelay.alter_channel(p_name => ..., p_action_sql => ...)',
                                    r.channel);
            else
                begin
                    -- The action may ask which event it runs for: current_setting('pgrelay.event_id').
                    perform set_config('pgrelay.event_id', r.id::text, true);
                    if v_timeout is not null then
                        perform pgrelay.set_action_timeout(v_timeout);
                    end if;
                    v_ran := true;
                    v_before := pgrelay.session_fingerprint();
                    execute format('select %s($1)', v_fn) using r.payload;
                    -- Deferred constraints are checked now, as this event's: left for COMMIT,
                    -- one failing would roll back the whole batch, every time it is retried.
                    set constraints all immediate;
                    v_after := pgrelay.session_fingerprint();
                    if v_after is distinct from v_before then
                        raise exception 'pg_relay: the action changed settings of the processor session: %',
                                        pgrelay.session_changes(v_before, v_after)
                            using errcode = 'PR015',
                                  hint = 'An action may not change these settings, not even with SET LOCAL (that would last for the rest of the batch); give them to a function the action calls (CREATE FUNCTION ... SET work_mem = ...).';
                    end if;
                    outcome := 'succeeded';
                exception when others or query_canceled then
                    get stacked diagnostics error_code = returned_sqlstate, v_message = message_text;
                    if error_code = '57014' and pgrelay.processor_stopping(p_slot) then
                        raise;   -- the processor is stopping: undo the batch, keep its events
                    end if;
                    if error_code = '57014' and v_timeout is not null
                       and clock_timestamp() - v_started >= v_timeout - interval '100 ms' then
                        v_message := format('the action ran longer than the timeout of channel "%s" (%s) and was cancelled',
                                            r.channel, v_timeout);
                    end if;
                    outcome := case when left(error_code, 2) = '40' and r.attempt < 4
                                    then 'retry' else 'failed' end;
                end;
            end if;
        end if;
        -- The caller and the log get the message without its values; pgrelay.failed, next to
        -- the payload, keeps it whole.
        error_message := case when v_message is not null then pgrelay.redact(v_message) end;

        if outcome in ('retry', 'held') then
            insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt,
                                       schedule_name, held, priority)
            values (v_part, r.id, r.channel, r.payload,
                    case when outcome = 'retry' then clock_timestamp() + pgrelay.retry_delay(r.attempt)
                         else r.run_at end,
                    r.enqueued_at,
                    case when outcome = 'retry' then r.attempt + 1 else r.attempt end,
                    r.schedule_name, outcome = 'held', r.priority);
        elsif outcome = 'failed' then
            insert into pgrelay.failed (id, channel, payload, enqueued_at, run_at, attempts,
                                        sqlstate, message, schedule_name)
            values (r.id, r.channel, r.payload, r.enqueued_at, r.run_at, r.attempt,
                    error_code, v_message, r.schedule_name);
        end if;
        if r.schedule_name is not null and outcome in ('succeeded', 'failed') then
            perform pgrelay.schedule_next_occurrence(r.schedule_name, r.id, r.run_at, v_part);
        end if;

        duration_ms := extract(epoch from clock_timestamp() - v_started) * 1000;
        if outcome <> 'held' then
            insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms,
                                     processor_slot, worker, sqlstate, message, schedule_name)
            values (r.id, r.channel, outcome, r.attempt, v_started, duration_ms,
                    p_slot, p_worker, error_code, error_message, r.schedule_name);
        end if;
        return next;
    end loop;
    -- Last statement: RESET ALL also resets search_path (restored when this function returns).
    if v_ran then
        perform pgrelay.reset_session(true);
    end if;
end
$$;
comment on function pgrelay.process_batch(integer, integer, integer, boolean) is
    'Claims and processes up to p_limit due events in the caller''s transaction; one row per event';

-- Keeps the queue's indexes small: switches notify() to the other partition once the current
-- one has taken many events, and TRUNCATEs an inactive partition once it is drained (its few
-- remaining future/held events move over first). Never makes writers wait: notify() appends
-- to the current partition, and the inactive one is left alone for a second after a switch
-- (see step 1). Returns what it did.
create function pgrelay.maintain(p_rotate_after bigint default 10000)
returns text
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    s        record;
    v_other  smallint;
    v_last   bigint;
    v_done   text := '';
begin
    select * into s from pgrelay.queue_state for update skip locked;
    if not found then
        return 'busy';  -- another processor is maintaining right now
    end if;
    v_other := 1 - s.current_part;
    select last_value into v_last from pgrelay.event_id_seq;

    -- 1. Truncate the inactive partition if it was written since its last truncate, and the
    --    switch is a second old: notify() sessions learn of a switch within 50 ms, so by then
    --    none appends there any more and the ACCESS EXCLUSIVE lock never queues a writer.
    --    Due events left there are the processors' to drain first: it waits until none is left.
    if s.truncated_id[v_other + 1] < s.switch_id and s.switched_at <= now() - interval '1 s'
       and not exists (select from pgrelay.queue q
                        where q.part = v_other and not q.held and q.run_at <= now()) then
        begin
            set local lock_timeout = '100ms';
            if v_other = 0 then
                lock table pgrelay.queue_p0 in access exclusive mode;
                insert into pgrelay.queue_p1 select 1, id, channel, payload, run_at, enqueued_at,
                       attempt, schedule_name, held, priority from pgrelay.queue_p0;
                truncate pgrelay.queue_p0;
            else
                lock table pgrelay.queue_p1 in access exclusive mode;
                insert into pgrelay.queue_p0 select 0, id, channel, payload, run_at, enqueued_at,
                       attempt, schedule_name, held, priority from pgrelay.queue_p1;
                truncate pgrelay.queue_p1;
            end if;
            update pgrelay.queue_state
               set truncated_id[v_other + 1] = v_last;
            s.truncated_id[v_other + 1] := v_last;
            v_done := 'truncated ';
        exception when lock_not_available then
            return 'busy';  -- a claim is still reading it; the next call tries again
        end;
    end if;

    -- 2. Switch notify() over once the current partition has taken enough events.
    if s.truncated_id[v_other + 1] >= s.switch_id and v_last - s.switch_id >= p_rotate_after then
        update pgrelay.queue_state
           set current_part = v_other, switch_id = v_last, switched_at = now();
        -- This session's notify() follows at once; others within 50 ms (40_notify.sql).
        perform set_config('pgrelay.notify_part', v_other::text, false);
        v_done := v_done || 'switched';
    end if;
    return coalesce(nullif(btrim(v_done), ''), 'idle');
end
$$;
