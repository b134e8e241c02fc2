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
create function pgrelay.has_due_events()
returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform from pgrelay.queue where not held and run_at <= now() limit 1 for update skip locked;
    return found;
end
$$;
comment on function pgrelay.has_due_events() is 'The processor''s poll: is any event due now and not being processed?';

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

create function pgrelay.process_batch(p_limit integer default 50, p_slot integer default null,
                                      p_worker integer default null)
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
begin
    if p_limit is null or p_limit < 1 or p_limit > 60 then
        raise exception 'pg_relay: batch size % is out of range', p_limit
            using errcode = 'PR007', hint = 'Use 1 to 60 (a transaction stays under 64 subtransactions).';
    end if;
    select current_part into v_part from pgrelay.queue_state;
    for r in
        with due as (
            select q.run_at, q.id, coalesce(c.solo, false) as solo, c.run_as
              from pgrelay.queue q left join pgrelay.channel c on c.name = q.channel
             where not q.held and q.run_at <= now()
             order by q.run_at, q.id
             limit p_limit
               for update of q skip locked
        ), picked as (
            -- A solo channel's event is processed alone: either it is first and the batch is
            -- just it, or the batch stops before it (it stays queued, locked until this commit).
            -- Only events running as the first one's run-as role join it.
            select d.run_at, d.id
              from (select due.*, row_number() over w as n,
                           count(*) filter (where due.solo) over w as solos_so_far,
                           first_value(due.run_as) over w as batch_role
                      from due window w as (order by due.run_at, due.id)) d
             where d.n = 1 or (d.solos_so_far = 0 and d.run_as = d.batch_role)
        ), claimed as (
            delete from pgrelay.queue q using picked
             where not q.held and q.run_at = picked.run_at and q.id = picked.id
            returning q.*
        )
        select * from claimed order by claimed.run_at, claimed.id
    loop
        v_started := clock_timestamp();
        event_id := r.id;
        channel := r.channel;
        attempt := r.attempt;
        error_code := null;
        error_message := null;
        v_message := null;
        v_exists := false;
        select true, c.active, c.run_as into v_exists, v_active, v_run_as
          from pgrelay.channel c where c.name = r.channel;
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
                                       schedule_name, held)
            values (v_part, r.id, r.channel, r.payload,
                    case when outcome = 'retry' then clock_timestamp() + pgrelay.retry_delay(r.attempt)
                         else r.run_at end,
                    r.enqueued_at,
                    case when outcome = 'retry' then r.attempt + 1 else r.attempt end,
                    r.schedule_name, outcome = 'held');
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
comment on function pgrelay.process_batch(integer, integer, integer) is
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
                       attempt, schedule_name, held from pgrelay.queue_p0;
                truncate pgrelay.queue_p0;
            else
                lock table pgrelay.queue_p1 in access exclusive mode;
                insert into pgrelay.queue_p0 select 0, id, channel, payload, run_at, enqueued_at,
                       attempt, schedule_name, held from pgrelay.queue_p1;
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
