-- pg_relay: processing. The processor calls these; the rules live here, in one place.
--
-- One call of process_batch() claims up to p_limit due events (FOR UPDATE SKIP LOCKED, oldest
-- first), runs their actions (set-wise where it can, one by one in subtransactions where it
-- must: see process_batch), writes one log row per event, and removes the event, re-queues it
-- for a retry, or moves it to pgrelay.failed, all in the caller's transaction: commit and every
-- event of the batch is done; crash and every event is still queued; one event's failure is
-- its own.
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

-- How long until a failed event of p_channel runs again, after its attempt p_attempt failed
-- with p_code; NULL: it does not (its SQLSTATE is not in the channel's retry_on, or it has had
-- max_attempts runs). See the retry columns of pgrelay.channel.
create function pgrelay.retry_after(p_channel text, p_code text, p_attempt integer)
returns interval
language sql volatile   -- jitter
set search_path = pg_catalog, pg_temp
as $$
    select case when c.retry_base is null then pgrelay.retry_delay(least(p_attempt, 3))
                else make_interval(secs => least(extract(epoch from c.retry_cap),
                                                 extract(epoch from c.retry_base)
                                                 * power(c.retry_factor::float8, least(p_attempt - 1, 100))))
           end * (1 - c.retry_jitter::float8 * random())
      from pgrelay.channel c
     where c.name = p_channel and p_attempt < c.max_attempts
       and (left(p_code, 2) = any (c.retry_on) or p_code = any (c.retry_on))
$$;

-- After an event of p_channel failed for good: if the channel has a failure alert channel,
-- enqueue an event there with the failed event's facts — id, channel, SQLSTATE, message (as the
-- log has it, values redacted), attempts, when — and its payload only if the channel opts in
-- (alert_payload). Held if the alert channel is inactive; it runs in a later batch.
create function pgrelay.failure_alert(p_channel text, p_event_id bigint, p_sqlstate text, p_message text,
                                      p_attempts integer, p_payload jsonb)
returns void
language sql
set search_path = pg_catalog, pg_temp
as $$
    insert into pgrelay.queue (part, channel, payload, run_at, held, priority)
    select pgrelay.queue_part(a.priority), a.name,
           jsonb_build_object('event_id', p_event_id, 'channel', p_channel, 'sqlstate', p_sqlstate,
                              'message', p_message, 'attempts', p_attempts, 'failed_at', clock_timestamp())
           || case when c.alert_payload then jsonb_build_object('payload', p_payload) else '{}' end,
           now(), not a.active, a.priority
      from pgrelay.channel c join pgrelay.channel a on a.name = c.on_failure
     where c.name = p_channel
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
set plan_cache_mode = force_generic_plan
as $$
declare
    v_busy text[];
begin
    -- Any due event at all? Nothing due is the usual poll, and then which channels are busy does
    -- not matter: busy_channels() reads pg_locks, which takes every lock-manager partition lock
    -- and every backend's fast-path lock — from every processor's every poll, on a server whose
    -- writers need those locks (tests/sql/pg_relay/limits.sql: an idle poll does not call it).
    perform from pgrelay.queue
     where not held and run_at <= now()
     order by run_at, id limit 1 for update skip locked;
    if not found then
        return false;
    end if;
    v_busy := pgrelay.busy_channels(p_spare);
    if cardinality(v_busy) = 0 then
        return true;
    end if;
    perform from pgrelay.queue
     where not held and run_at <= now() and channel <> all (v_busy)
     order by run_at, id limit 1 for update skip locked;
    return found;
end
$$;
comment on function pgrelay.has_due_events(boolean) is 'The processor''s poll: is any event due now and not being processed?';

-- Milliseconds until the earliest event that is not due yet (NULL: none is queued), so the
-- processor sleeps until then rather than a whole poll interval: a scheduled run or a future
-- run_at starts on time, not a poll late. One step down the due index.
create function pgrelay.next_due_in()
returns double precision
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
set enable_sort = off
set enable_bitmapscan = off
as $$
begin
    return (select extract(epoch from min(q.run_at) - clock_timestamp()) * 1000
              from pgrelay.queue q where not q.held and q.run_at > now());
end
$$;
comment on function pgrelay.next_due_in() is
    'The processor''s poll: milliseconds until the earliest event not yet due (NULL: none)';

-- Channel limits. max_parallel: an event of such a channel runs holding one of the channel's
-- max_parallel transaction advisory locks (hashtext('pgrelay.parallel ' || channel), 1..N), so
-- the locks held in pg_locks are the events running now, across all processors; a claim skips
-- channels whose locks are all taken (busy_channels) and takes one before running the action.
-- Hash collisions between channel names can only make two channels share their slots.
create function pgrelay.parallel_key(p_channel text)
returns integer
language plpgsql immutable   -- PL/pgSQL: a SQL body with a SET clause is planned anew in each statement
set search_path = pg_catalog, pg_temp
as $$ begin return hashtext('pgrelay.parallel ' || p_channel); end $$;

-- Channels whose events a claim must skip now: those running max_parallel events already and,
-- for a processor's last free worker (p_spare), every channel with a max_parallel (long work such
-- as refreshes never takes the last worker that could run everything else).
create function pgrelay.busy_channels(p_spare boolean)
returns text[]
language plpgsql stable   -- PL/pgSQL: its plan is cached (planning this SQL took ~0.25 ms a batch)
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
    select coalesce(array_agg(c.name), '{}')
      from pgrelay.channel c
     where c.max_parallel is not null
       and (coalesce(p_spare, false)
            or (select count(*) from pg_locks l
                 where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                   and l.classid = pgrelay.parallel_key(c.name)::oid
                   and l.objid between 1 and c.max_parallel
                   and l.database = (select oid from pg_database where datname = current_database()))
               >= c.max_parallel));
end
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

-- Claims of a max_parallel channel's events take turns. Two workers that claimed the two best
-- due events of such a channel at once, with one slot free, left the slot to whichever came
-- first, and that was the worse event as often as not (4 workers, a limit of 1, refreshes of
-- priority 7, 0 and -1 queued: the order came out wrong in 6 of 10 runs). So a worker claims
-- the first event of a batch holding the turns of the max_parallel channels (session advisory
-- locks (parallel_key, 0), held for microseconds), and takes the event's slot before it lets go:
-- a channel whose turn another worker holds is busy for this claim. Returns the first event (id
-- NULL: none due), the channels busy for the rest of the claim, and for a max_parallel event
-- whether it got its slot (NULL otherwise).
create function pgrelay.claim_first(p_busy text[],
    out busy text[], out id bigint, out solo boolean, out run_as name, out part smallint, out tid tid,
    out channel text, out max_parallel integer, out slot boolean, out run_at timestamptz, out priority smallint)
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
    v_turns text[] := '{}';
    v_name  text;
begin
    busy := p_busy;
    begin
        for v_name in select c.name from pgrelay.channel c
                       where c.max_parallel is not null and c.name <> all (p_busy) order by c.name loop
            if pg_try_advisory_lock(pgrelay.parallel_key(v_name), 0) then
                v_turns := v_turns || v_name;
            else
                busy := busy || v_name;   -- another worker is claiming one of its events now
            end if;
        end loop;
        select d.id, d.solo, d.run_as, d.part, d.tid, d.channel, d.max_parallel, d.run_at, d.priority
          into id, solo, run_as, part, tid, channel, max_parallel, run_at, priority
          from pgrelay.due_events(1, busy) d;
        if max_parallel is not null and channel = any (v_turns) then
            slot := pgrelay.take_parallel_slot(channel, max_parallel);
        end if;
    exception when others or query_canceled then
        perform pg_advisory_unlock(pgrelay.parallel_key(t), 0) from unnest(v_turns) t;
        raise;
    end;
    perform pg_advisory_unlock(pgrelay.parallel_key(t), 0) from unnest(v_turns) t;
end
$$;

-- Due events in claim order — priority (higher first), then due time — locked for the caller
-- (FOR UPDATE SKIP LOCKED: what another batch holds is skipped). Three index range scans, each in
-- claim order, read one after the other and only as far as needed: events with a priority
-- above 0 (queue_p2's priority index), then 0 (the due index of every partition: queue_p2 holds
-- keyed events of priority 0 too), then below (queue_p2's priority index again). With p_role: only events
-- of channels running as that role that are not solo and have no timeout and no max_parallel
-- (the followers of a batch's first event), p_not_id excluded (the first: locked by us already).
-- p_after_run_at, p_after_id: events of priority 0 only after this one in due order (the
-- followers of a first event of priority 0). The events before it were locked by other batches
-- when the first was claimed: a second scan from the start of the index stepped over all of
-- them again, each a heap visit and a lock test — with two workers draining, the claims took
-- 330 -> 730 ms of a 100,000-event drain (pg_stat_statements). One committed meanwhile with an
-- earlier due time (a long transaction's notify) goes to the next batch.
create function pgrelay.due_events(p_limit integer, p_busy text[], p_role name default null,
                                   p_not_id bigint default null,
                                   p_after_run_at timestamptz default '-infinity', p_after_id bigint default 0)
returns table (run_at timestamptz, id bigint, solo boolean, run_as name, part smallint, tid tid,
               channel text, max_parallel integer, priority smallint)
language plpgsql volatile   -- PL/pgSQL: the plan is cached (a SQL function's is made anew per call)
set search_path = pg_catalog, pg_temp
-- Always walk the due indexes in order and stop at the limit. A queue fills and empties faster
-- than autovacuum's ANALYZE follows: with stale statistics the cached plan read every due event
-- (bitmap scan, hash join, sort) — 9.7 ms a call with 20,000 queued instead of 0.8 ms, more than
-- half of a drain's time. And always the one generic plan: the custom plans the plan cache
-- otherwise keeps making (their estimates beat the generic one's) cost ~1 ms a call to plan.
set enable_sort = off
set enable_bitmapscan = off
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
    return query
    with high as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo,
               q.part, q.ctid, q.channel, c.max_parallel
          from pgrelay.queue_p2 q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority > 0 and q.run_at <= now()
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.priority desc, q.run_at, q.id
         limit p_limit
           for update of q skip locked
    ), normal as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo,
               q.part, q.ctid, q.channel, c.max_parallel
          from pgrelay.queue q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority = 0 and q.run_at <= now()
           and (q.run_at, q.id) > (p_after_run_at, p_after_id)
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.run_at, q.id
         limit p_limit
           for update of q skip locked
    ), low as (
        select q.priority, q.run_at, q.id, c.run_as,
               coalesce(c.solo or c.timeout is not null or c.max_parallel is not null, false) as solo,
               q.part, q.ctid, q.channel, c.max_parallel
          from pgrelay.queue_p2 q left join pgrelay.channel c on c.name = q.channel
         where not q.held and q.priority < 0 and q.run_at <= now()
           and q.channel <> all (p_busy) and q.id is distinct from p_not_id
           and (p_role is null or (c.run_as = p_role and not (c.solo or c.timeout is not null or c.max_parallel is not null)))
         order by q.priority desc, q.run_at, q.id
         limit p_limit
           for update of q skip locked
    )
    select d.run_at, d.id, d.solo, d.run_as, d.part, d.ctid, d.channel, d.max_parallel, d.priority from (
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

-- Removes the claimed events from the queue and returns them as arrays, in claim order. By
-- their row addresses (one TID scan per partition): due_events() locked them FOR UPDATE in this
-- transaction, so nobody else can change, move or remove them (only an UPDATE, or VACUUM FULL
-- or CLUSTER under an exclusive lock, moves a row), and the address stays theirs. Deleting by
-- (run_at, id) instead cost ~6 us an event, and with statistics behind the queue the planner
-- read and sorted every queued event (18 ms for 500); enable_seqscan = off keeps the TID scans.
create function pgrelay.take_events(p_parts smallint[], p_tids tid[],
    out ids bigint[], out channels text[], out payloads jsonb[], out run_ats timestamptz[],
    out enqueued timestamptz[], out attempts integer[], out schedules text[], out priorities smallint[])
language plpgsql
set search_path = pg_catalog, pg_temp
set enable_seqscan = off
set plan_cache_mode = force_generic_plan
as $$
declare
    v_tids0 tid[] := array(select t.tid from unnest(p_parts, p_tids) t(part, tid) where t.part = 0);
    v_tids1 tid[] := array(select t.tid from unnest(p_parts, p_tids) t(part, tid) where t.part = 1);
    v_tids2 tid[] := array(select t.tid from unnest(p_parts, p_tids) t(part, tid) where t.part = 2);
begin
    with taken0 as (
        delete from pgrelay.queue_p0 q where q.ctid = any (v_tids0)
        returning q.*
    ), taken1 as (
        delete from pgrelay.queue_p1 q where q.ctid = any (v_tids1)
        returning q.*
    ), taken2 as (
        delete from pgrelay.queue_p2 q where q.ctid = any (v_tids2)
        returning q.*
    ), taken as (
        -- Sorted once into claim order; the aggregates below read it in that order.
        select * from taken0 union all select * from taken1 union all select * from taken2
         order by priority desc, run_at, id
    )
    select array_agg(t.id), array_agg(t.channel), array_agg(t.payload), array_agg(t.run_at),
           array_agg(t.enqueued_at), array_agg(t.attempt), array_agg(t.schedule_name),
           array_agg(t.priority)
      into ids, channels, payloads, run_ats, enqueued, attempts, schedules, priorities
      from taken t;
end
$$;

-- The session's progress counter for set-wise passes (see process_batch): a temporary sequence,
-- owned by pg_relay's owner (actions cannot touch it), whose values are not rolled back with
-- the pass. Made once per session; reset_session() leaves it. False if it cannot be had — no
-- TEMP privilege on the database for pg_relay's owner, or the name taken by something else —
-- and the batch then runs one by one, as before set-wise passes existed.
create function pgrelay.progress_counter()
returns boolean
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ok boolean;
begin
    select c.relkind = 'S' and c.relowner = pgrelay.owner_oid() into v_ok
      from pg_class c
     where c.oid = to_regclass('pg_temp.pgrelay_progress');
    if found then
        return v_ok;
    end if;
    begin
        create temporary sequence pgrelay_progress;
    exception when others then
        raise warning 'pg_relay: no progress counter for set-wise batches (%); events run one by one', sqlerrm
            using hint = 'Grant TEMP on this database to pg_relay''s owner.';
        return false;
    end;
    return true;
end
$$;

-- The claimed events whose channel may run them set-wise (see process_batch): active, not solo,
-- no timeout, no max_parallel, and an intact action function. Returns, per channel, that function.
create function pgrelay.set_wise_actions(p_channels text[], out names text[], out fns text[])
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    select array_agg(c.name), array_agg(pgrelay.action_function(c.name, c.run_as))
      into names, fns
      from pgrelay.channel c
     where c.name = any (p_channels) and c.active
       and not (c.solo or c.timeout is not null or c.max_parallel is not null);
end
$$;

-- p_spare: this is the processor's last free worker (its others are busy): channels with a
-- max_parallel are left to the others.
--
-- How a batch runs (issue 15: the per-event cost was ~130 us, PgQ's ~18 us):
--   1. Set-wise, optimistically. Consecutive events of one channel that may run together (see
--      set_wise_actions) run in ONE statement, select <action>(payload) from unnest(...), so the
--      action's SQL is planned once per run rather than once per event, all of the batch's runs
--      under ONE subtransaction; settings are compared once around the whole pass, deferred
--      constraints checked once at its end, and the log rows written in one INSERT.
--   2. If anything in that pass fails, its subtransaction is rolled back — every action of it is
--      undone — and the events run one by one as before, each in its own subtransaction, so the
--      failure is the failing event's alone. At most 60 of them (a transaction stays within the
--      64-subtransaction cache, with the set-wise pass's and claim_first's); any beyond go back
--      to the queue unchanged for the next batch.
--   Events that cannot run set-wise (solo, timeout or max_parallel channels, which come alone;
--   inactive or missing channels; altered action functions) always take the one-by-one path.
-- p_successes => false (the processor): successes are counted, not listed — the rows are the
-- events that did not succeed, then one last row, outcome 'processed', attempt = how many events
-- the batch processed (successes included). A fast drain's batch holds a thousand successes.
create function pgrelay.process_batch(p_limit integer default 50, p_slot integer default null,
                                      p_worker integer default null, p_spare boolean default false,
                                      p_successes boolean default true)
returns table (event_id bigint, channel text, outcome text, attempt integer,
               error_code text, error_message text, duration_ms double precision)
language plpgsql security definer
set search_path = pg_catalog, pg_temp
-- Action functions are parsed here (only process_batch may call them): with standard strings,
-- as create_channel validated them, whatever the processor's session says. Set once a batch,
-- not in each action function's SET clause (~0.8 us an event).
set standard_conforming_strings = on
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
    v_delay   interval;   -- until a failed event runs again (pgrelay.retry_after); NULL: it does not
    v_ran     boolean := false;
    v_fn_channel text;
    v_started timestamptz;
    v_timeout  interval;
    v_max_parallel integer;
    v_busy     text[];
    v_first    record;
    v_parts    smallint[];
    v_tids     tid[];
    -- The claimed events, in claim order (array index = position).
    e_id       bigint[];
    e_channel  text[];
    e_payload  jsonb[];
    e_run_at   timestamptz[];
    e_enqueued timestamptz[];
    e_attempt  integer[];
    e_schedule text[];
    e_priority smallint[];
    e_fn       text[];        -- the action function of an event that may run set-wise, else null
    v_fast     record;
    v_fast_ok  boolean := false;
    v_starts   timestamptz[] := '{}';
    v_dones    timestamptz[] := '{}';
    v_chunk    timestamptz[];
    v_t0       timestamptz;
    v_state    text;
    v_one_by_one integer := 0;
    v_back     boolean;
    v_processed integer := 0;
    v_names    text[];
    v_fns      text[];
    v_stage    text;
    v_base     bigint;
    v_pass_t0  timestamptz;
    v_pos      bigint;
    v_started_n bigint;
    -- Events whose action failed in a set-wise pass (by position): SQLSTATE, message, times.
    d_code     text[] := '{}';
    d_message  text[] := '{}';
    d_started  timestamptz[] := '{}';
    d_ms       double precision[] := '{}';
begin
    if p_limit is null or p_limit < 1 or p_limit > 1000 then
        raise exception 'pg_relay: batch size % is out of range', p_limit
            using errcode = 'PR007', hint = 'Use 1 to 1000.';
    end if;
    select current_part into v_part from pgrelay.queue_state;
    -- The first due event decides the batch: it runs alone if its channel is solo or has a
    -- timeout or a max_parallel, else with up to p_limit - 1 more events of channels that are
    -- none of these and run as the same role. Only the events taken are locked, so the next
    -- solo event is free for another worker at once.
    select f.* into v_first from pgrelay.claim_first(pgrelay.busy_channels(p_spare)) f;
    if v_first.id is null then
        return;
    end if;
    v_busy := v_first.busy;
    v_parts := array[v_first.part];
    v_tids := array[v_first.tid];
    if not v_first.solo and v_first.run_as is not null and p_limit > 1 then
        select v_parts || array_agg(d.part), v_tids || array_agg(d.tid) into v_parts, v_tids
          from pgrelay.due_events(p_limit - 1, v_busy, v_first.run_as, v_first.id,
                                  case when v_first.priority = 0 then v_first.run_at else '-infinity' end,
                                  case when v_first.priority = 0 then v_first.id else 0 end) d;
    end if;
    select t.ids, t.channels, t.payloads, t.run_ats, t.enqueued, t.attempts, t.schedules, t.priorities
      into e_id, e_channel, e_payload, e_run_at, e_enqueued, e_attempt, e_schedule, e_priority
      from pgrelay.take_events(v_parts, v_tids) t;
    if e_id is null then
        return;
    end if;
    select w.names, w.fns into v_names, v_fns from pgrelay.set_wise_actions(e_channel) w;
    if cardinality(v_names) = 1 and e_channel <@ v_names then
        e_fn := array_fill(v_fns[1], array[cardinality(e_id)]);   -- the usual case: one channel
    else
        select array_agg(f.fn order by x.pos) into e_fn
          from unnest(e_channel) with ordinality as x(ch, pos)
          left join unnest(v_names, v_fns) as f(name, fn) on f.name = x.ch;
    end if;

    -- 1. Set-wise: every run of consecutive events of one channel in one statement; the
    --    statement's done times, in order, are each event's end and the next one's start.
    --    When an action fails, the pass is undone; the session's progress counter (a temporary
    --    sequence: not rolled back) tells which event it was. That event gets the error as its
    --    outcome (it is not run again: a statement_timeout would not cancel it twice) and the
    --    pass runs again without it, so a batch costs one more pass per failing event.
    if cardinality(array_remove(e_fn, null)) > 0 and pgrelay.progress_counter() then
        loop
            v_stage := 'actions';
            v_starts := '{}';
            v_dones := '{}';
            v_base := nextval('pg_temp.pgrelay_progress');
            v_pass_t0 := clock_timestamp();
            begin
                v_before := pgrelay.session_fingerprint();
                for v_fast in
                    select min(x.pos)::integer as lo, max(x.pos)::integer as hi, x.fn
                      from (select ch, fn, pos, pos - row_number() over (partition by ch, fn order by pos) as g
                              from unnest(e_channel, e_fn) with ordinality as u(ch, fn, pos)) x
                     group by x.ch, x.fn, x.g
                     order by 1
                loop
                    if v_fast.fn is null then
                        v_starts := v_starts || array_fill(null::timestamptz, array[v_fast.hi - v_fast.lo + 1]);
                        v_dones := v_dones || array_fill(null::timestamptz, array[v_fast.hi - v_fast.lo + 1]);
                        continue;
                    end if;
                    v_ran := true;
                    v_t0 := clock_timestamp();
                    -- OFFSET 0 keeps the action call in the subquery (volatile outputs are never
                    -- dropped); the WHERE clause runs before the select list, row by row, so the
                    -- action sees its own event id in pgrelay.event_id, and the counter has
                    -- counted it before it starts.
                    execute format('select array_agg(x.done order by x.pos) from ('
                                   'select u.pos, %s(u.payload) as ran, pg_catalog.clock_timestamp() as done'
                                   '  from unnest($1, $2) with ordinality as u(id, payload, pos)'
                                   ' where pg_catalog.set_config(''pgrelay.event_id'', u.id::text, true) is not null'
                                   '   and pg_catalog.nextval(''pg_temp.pgrelay_progress'') > 0'
                                   ' offset 0) x', v_fast.fn)
                       into v_chunk using e_id[v_fast.lo : v_fast.hi], e_payload[v_fast.lo : v_fast.hi];
                    v_starts := v_starts || (v_t0 || v_chunk[1 : v_fast.hi - v_fast.lo]);
                    v_dones := v_dones || v_chunk;
                end loop;
                v_stage := 'checks';
                set constraints all immediate;
                v_after := pgrelay.session_fingerprint();
                if v_after is distinct from v_before then
                    raise exception 'an action changed settings' using errcode = 'PR015';
                end if;
                v_fast_ok := true;
            exception when others or query_canceled then
                get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
                if v_state = '57014' and pgrelay.processor_stopping(p_slot) then
                    raise;   -- the processor is stopping: undo the batch, keep its events
                end if;
                v_pos := null;
                v_started_n := currval('pg_temp.pgrelay_progress') - v_base;   -- events started
                if v_stage = 'actions' and v_started_n >= 1 then
                    select u.pos into v_pos
                      from unnest(e_fn) with ordinality as u(fn, pos)
                     where u.fn is not null
                     order by u.pos
                    offset v_started_n - 1 limit 1;
                end if;
                if v_pos is null then
                    -- Not an action's own failure (a setting it changed, a deferred constraint
                    -- checked after the pass): 2. one by one below finds whose it was.
                    raise debug 'pg_relay: the set-wise pass failed (%: %); one by one', v_state, v_message;
                    exit;
                end if;
                d_code[v_pos] := v_state;
                d_message[v_pos] := v_message;
                d_started[v_pos] := v_pass_t0;
                d_ms[v_pos] := extract(epoch from clock_timestamp() - v_pass_t0) * 1000;
                e_fn[v_pos] := null;
            end;
            exit when v_fast_ok or cardinality(array_remove(e_fn, null)) = 0;
        end loop;
        v_message := null;
    end if;

    -- One by one: the events that cannot run set-wise, and all of them if the set-wise pass failed.
    -- (Not even the query in the usual case, where every event ran set-wise.)
    if not v_fast_ok or array_position(e_fn, null) is not null then
        for r in
            select x.* from unnest(e_id, e_channel, e_payload, e_run_at, e_enqueued, e_attempt,
                                   e_schedule, e_priority, e_fn)
                            with ordinality as x(id, channel, payload, run_at, enqueued_at, attempt,
                                                 schedule_name, priority, fn, pos)
             where not (v_fast_ok and x.fn is not null)
             order by x.pos
        loop
            if r.fn is not null then
                v_one_by_one := v_one_by_one + 1;
            end if;
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
            -- Back it goes, unchanged, for a later batch (nothing runs, nothing is logged) when it
            -- would be one by one past the subtransaction cache, or when another processor took
            -- the channel's last max_parallel slot since busy_channels() looked.
            v_back := r.fn is not null and v_one_by_one > 60;
            if not v_back and v_max_parallel is not null and v_active then
                -- The first event's slot was taken when it was claimed (claim_first).
                v_back := not case when r.id = v_first.id and v_first.slot is not null then v_first.slot
                                   else pgrelay.take_parallel_slot(r.channel, v_max_parallel) end;
            end if;
            if v_back then
                -- Without its key (notify_keyed: the key is free once a batch has taken the event).
                insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt,
                                           schedule_name, held, priority)
                values (case when r.priority <> 0 then 2 else v_part end, r.id, r.channel, r.payload, r.run_at,
                        r.enqueued_at, r.attempt, r.schedule_name, false, r.priority);
                continue;
            end if;
            -- After the slot: started_at says when the action could start, so the log never shows
            -- more than max_parallel events of a channel running at once.
            v_started := clock_timestamp();
            if d_code[r.pos] is not null then
                -- Its action failed in a set-wise pass (see above): that is its outcome.
                v_started := d_started[r.pos];
                error_code := d_code[r.pos];
                v_message := d_message[r.pos];
                v_delay := pgrelay.retry_after(r.channel, error_code, r.attempt);
                outcome := case when v_delay is not null then 'retry' else 'failed' end;
            elsif not coalesce(v_exists, false) then
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
                        v_delay := pgrelay.retry_after(r.channel, error_code, r.attempt);
                        outcome := case when v_delay is not null then 'retry' else 'failed' end;
                    end;
                end if;
            end if;
            -- The caller and the log get the message without its values; pgrelay.failed, next to
            -- the payload, keeps it whole.
            error_message := case when v_message is not null then pgrelay.redact(v_message) end;

            if outcome in ('retry', 'held') then
                -- Without its key, like a put-back event.
                insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt,
                                           schedule_name, held, priority)
                values (case when r.priority <> 0 then 2 else v_part end, r.id, r.channel, r.payload,
                        case when outcome = 'retry' then clock_timestamp() + v_delay
                             else r.run_at end,
                        r.enqueued_at,
                        case when outcome = 'retry' then r.attempt + 1 else r.attempt end,
                        r.schedule_name, outcome = 'held', r.priority);
            elsif outcome = 'failed' then
                insert into pgrelay.failed (id, channel, payload, enqueued_at, run_at, attempts,
                                            sqlstate, message, schedule_name)
                values (r.id, r.channel, r.payload, r.enqueued_at, r.run_at, r.attempt,
                        error_code, v_message, r.schedule_name);
                perform pgrelay.failure_alert(r.channel, r.id, error_code, error_message, r.attempt, r.payload);
            end if;
            if r.schedule_name is not null and outcome in ('succeeded', 'failed') then
                perform pgrelay.schedule_next_occurrence(r.schedule_name, r.id, r.run_at);
            end if;

            duration_ms := coalesce(d_ms[r.pos], extract(epoch from clock_timestamp() - v_started) * 1000);
            if outcome <> 'held' then
                insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms,
                                         processor_slot, worker, sqlstate, message, schedule_name)
                values (r.id, r.channel, outcome, r.attempt, v_started, duration_ms,
                        p_slot, p_worker, error_code, error_message, r.schedule_name);
            end if;
            v_processed := v_processed + 1;
            if p_successes or outcome <> 'succeeded' then
                return next;
            end if;
        end loop;
    end if;

    -- The set-wise pass's events: log rows in one statement, next occurrences of schedules.
    if v_fast_ok then
        insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms,
                                 processor_slot, worker, sqlstate, message, schedule_name)
        select x.id, x.channel, 'succeeded', x.attempt, x.started,
               extract(epoch from x.done - x.started) * 1000, p_slot, p_worker, null, null, x.schedule_name
          from unnest(e_id, e_channel, e_attempt, e_schedule, v_starts, v_dones)
               with ordinality as x(id, channel, attempt, schedule_name, started, done, pos)
         where x.done is not null
         order by x.pos;
        if cardinality(array_remove(e_schedule, null)) > 0 then
            for r in
                select x.* from unnest(e_id, e_run_at, e_schedule, v_dones) as x(id, run_at, schedule_name, done)
                 where x.done is not null and x.schedule_name is not null
            loop
                perform pgrelay.schedule_next_occurrence(r.schedule_name, r.id, r.run_at);
            end loop;
        end if;
        if p_successes then
            return query
                select x.id, x.channel, 'succeeded'::text, x.attempt, null::text, null::text,
                       (extract(epoch from x.done - x.started) * 1000)::double precision
                  from unnest(e_id, e_channel, e_attempt, v_starts, v_dones)
                       with ordinality as x(id, channel, attempt, started, done, pos)
                 where x.done is not null
                 order by x.pos;
        end if;
        v_processed := v_processed + cardinality(array_remove(v_dones, null));
    end if;
    if not p_successes then
        event_id := null;
        channel := null;
        outcome := 'processed';
        attempt := v_processed;
        error_code := null;
        error_message := null;
        duration_ms := null;
        return next;
    end if;
    -- Last statement: RESET ALL also resets search_path (restored when this function returns).
    if v_ran then
        perform pgrelay.reset_session(true);
    end if;
end
$$;
comment on function pgrelay.process_batch(integer, integer, integer, boolean, boolean) is
    'Claims and processes up to p_limit due events in the caller''s transaction; one row per event (or per event that did not succeed, and a count)';

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
                insert into pgrelay.queue_p1 (part, id, channel, payload, run_at, enqueued_at, attempt,
                                              schedule_name, held, priority)
                select 1, id, channel, payload, run_at, enqueued_at,
                       attempt, schedule_name, held, priority from pgrelay.queue_p0;
                truncate pgrelay.queue_p0;
            else
                lock table pgrelay.queue_p1 in access exclusive mode;
                insert into pgrelay.queue_p0 (part, id, channel, payload, run_at, enqueued_at, attempt,
                                              schedule_name, held, priority)
                select 0, id, channel, payload, run_at, enqueued_at,
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
