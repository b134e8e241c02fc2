-- pg_relay: notify() — one append in the caller's transaction. No shared row is written and no
-- unique key is checked, so concurrent writers never wait on each other here.
--
-- The hot path is one statement: INSERT … SELECT from the channel row, so the channel's
-- existence and activity are checked by the insert itself (no row inserted: refused, and
-- pgrelay.refuse_notify() says why). Everything else is session state read with simple
-- expressions (measured: a separate lookup statement and the hint logic as it was cost ~10
-- points of the plain-INSERT rate; bench/notify_pgbench.sh):
--
--   * pgrelay.notify_part: the queue partition to append to (pgrelay.queue_state.current_part,
--     re-read by notify_housekeeping()). Any partition is correct — processors read both, and
--     maintain() moves what is left in a partition before it truncates it — so a value a few
--     milliseconds stale costs nothing; the session that switches sets it at once.
--   * pgrelay.notify_check_at: until then (epoch seconds) the session skips housekeeping.
--
-- Wake-up hint: a due event also sends NOTIFY pgrelay_wakeup so an idle processor starts at
-- once instead of at its next poll. A NOTIFYing transaction takes a global lock at commit and
-- holds it across the WAL flush, so hints are kept rare and never wait on each other:
--   * a processor that goes to sleep holds advisory lock (1885827686, 65); only then is a hint
--     useful (a draining processor needs none), and a shared try-lock tells without waiting;
--   * only the transaction that wins the non-blocking advisory lock (1885827686, 0) sends one,
--     so two hinting commits never queue on the notify lock;
--   * a session that found no processor asleep skips housekeeping for 50 ms, so under load,
--     when processors are busy draining, it costs almost nothing.
-- Polling stays the guarantee; a missed hint costs at most one poll interval.
--
-- Who may notify: notify() runs with the CALLER's rights (SECURITY INVOKER), because only
-- there is current_user the caller — inside a SECURITY DEFINER function it would be pg_relay's
-- owner, and session_user would be the processor's login inside an action. Row-level security
-- on the queue is the one place the rule is checked: its policy admits a row only for a channel
-- the current role may notify (pgrelay.may_notify: a notify right, pgrelay.notify_right), and
-- says why not (PR013). pg_relay's owner — the extensions' own SECURITY DEFINER code — owns the
-- queue and so bypasses it at no cost. A direct INSERT can do no more than notify(); callers
-- get INSERT on a few queue columns and SELECT on channel (name, active) only.
--
-- Measured (bench/notify_pgbench.sh, 16 clients): checking the rule in notify()'s own SELECT
-- through a view as well as in the policy cost notify() ~10 points of the plain-INSERT rate.

-- True if p_role holds a notify right on p_channel (a user channel), else false.
-- PL/pgSQL, not SQL: the insert policy calls it (through may_notify) for every notify() of a
-- role without BYPASSRLS, and a SQL function with a SET clause is never inlined — its body was
-- parsed and planned again in every transaction.
create function pgrelay.has_notify_right(p_channel text, p_role name)
returns boolean
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return not pgrelay.is_internal_channel(p_channel)
           and exists (select from pgrelay.notify_right r
                        where r.channel = p_channel and pg_has_role(p_role, r.grantee, 'USAGE'));
end
$$;

-- True if p_role may notify p_channel, else raises PR013 naming both. Called by the queue's
-- row-level security policy with current_user and the row's priority, which must be the
-- channel's (notify() copies it; a direct INSERT may not jump the queue).
create function pgrelay.may_notify(p_channel text, p_role name, p_priority smallint)
returns boolean
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    if pgrelay.has_notify_right(p_channel, p_role) then
        if p_priority is distinct from (select c.priority from pgrelay.channel c where c.name = p_channel) then
            raise exception 'pg_relay: an event of channel "%" must have the channel''s priority', p_channel
                using errcode = 'PR013', hint = 'Enqueue with pgrelay.notify().';
        end if;
        return true;
    end if;
    raise exception 'pg_relay: role "%" may not notify channel "%"', p_role, p_channel
        using errcode = 'PR013',
              hint = case when pgrelay.is_internal_channel(p_channel)
                          then 'Channels named pgrelay.* and pgauto_mv.* are notified only by the extensions themselves.'
                          else 'An admin can allow it: select pgrelay.grant_notify(' || quote_literal(p_channel) || ', ' || quote_literal(p_role) || ');' end;
end
$$;
comment on function pgrelay.may_notify(text, name, smallint) is
    'The queue''s insert policy: true if the role may notify the channel, else PR013';

alter table pgrelay.queue_p0 enable row level security;
alter table pgrelay.queue_p1 enable row level security;
alter table pgrelay.queue_p2 enable row level security;
alter table pgrelay.queue enable row level security;
-- Each partition admits the priorities that belong in it (pgrelay.queue_part): an event of a
-- priority-0 channel in queue_p2 would never be claimed.
create policy notify_own_channels on pgrelay.queue_p0 for insert
    with check (run_at > '0001-01-01 00:00:00+00' and run_at < 'infinity'
                and pgrelay.may_notify(channel, current_user, priority) and priority = 0);
create policy notify_own_channels on pgrelay.queue_p1 for insert
    with check (run_at > '0001-01-01 00:00:00+00' and run_at < 'infinity'
                and pgrelay.may_notify(channel, current_user, priority) and priority = 0);
create policy notify_own_channels on pgrelay.queue_p2 for insert
    with check (run_at > '0001-01-01 00:00:00+00' and run_at < 'infinity'
                and pgrelay.may_notify(channel, current_user, priority) and (priority <> 0 or dedup_key is not null));
create policy notify_own_channels on pgrelay.queue for insert
    with check (run_at > '0001-01-01 00:00:00+00' and run_at < 'infinity'
                and pgrelay.may_notify(channel, current_user, priority)
                and (part = 2) = (priority <> 0 or dedup_key is not null));
-- Reading, changing and removing queue rows stays as granted (admins read; the extensions'
-- own functions, which own the tables, do the rest).
create policy read_as_granted on pgrelay.queue_p0 for select using (true);
create policy read_as_granted on pgrelay.queue_p1 for select using (true);
create policy read_as_granted on pgrelay.queue_p2 for select to pgrelay_admin using (true);
-- A keyed notify (notify_keyed) finds, locks and may replace the pending event of its key: a
-- notifier sees and changes keyed events of the channels it may notify, nothing else.
create policy notify_keyed on pgrelay.queue_p2 for select
    using (dedup_key is not null and pgrelay.has_notify_right(channel, current_user));
create policy replace_keyed on pgrelay.queue_p2 for update
    using (dedup_key is not null and pgrelay.has_notify_right(channel, current_user))
    with check (dedup_key is not null and run_at > '0001-01-01 00:00:00+00' and run_at < 'infinity'
                and pgrelay.has_notify_right(channel, current_user));
create policy read_as_granted on pgrelay.queue for select using (true);

-- Returns the partition to append to (pgrelay.notify_part as just set), so that notify() asks
-- "housekeeping due?" and "which partition?" in one expression.
create function pgrelay.notify_housekeeping(p_due boolean)
returns text
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_part text := (select s.current_part::text from pgrelay.queue_state s);
begin
    perform set_config('pgrelay.notify_part', v_part, false);
    if pg_try_advisory_lock_shared(1885827686, 65) then
        perform pg_advisory_unlock_shared(1885827686, 65);   -- no processor is asleep
        perform set_config('pgrelay.notify_check_at',
                           (date_part('epoch', clock_timestamp()) + 0.05)::text, false);
    elsif p_due and pg_try_advisory_xact_lock(1885827686, 0) then
        perform pg_notify('pgrelay_wakeup', '');
    end if;
    return v_part;
end
$$;
comment on function pgrelay.notify_housekeeping(boolean) is
    'notify()''s session state: the current queue partition (returned), and a wake-up hint when a processor sleeps';

-- Raises the error for a channel notify() found no active row of; never returns.
create function pgrelay.refuse_notify(p_channel text)
returns void
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    if exists (select from pgrelay.channel c where c.name = p_channel) then
        raise exception 'pg_relay: channel "%" is inactive', p_channel
            using errcode = 'PR002',
                  hint = 'Activate it with pgrelay.alter_channel(p_name => ..., p_active => true).';
    end if;
    raise exception 'pg_relay: unknown channel "%"', coalesce(p_channel, '<NULL>')
        using errcode = 'PR001',
              hint = 'Create it with pgrelay.create_channel(), or check the spelling.';
end
$$;

-- No SET search_path (measured: ~4 us of ~25 a call, the largest single cost after the INSERT):
-- notify() runs with the caller's rights, so a search_path the caller chose can only mislead
-- the caller's own call, never lend it rights; every function is qualified and the operators
-- that decide the row are pg_catalog's; what reaches the queue is checked by its insert policy.
--
-- Two functions share the name. notify(channel, payload), the call nearly every caller makes,
-- is its own function without default arguments: PostgreSQL reads a function's defaults from
-- pg_proc at parse time and again at plan time, on every call of a simple-protocol client, and
-- with the general form's three defaults a call cost ~28 % more instructions than without
-- (callgrind, single-user server, one call and its commit, the statement parsed as pgbench
-- sends it: general form 168k, notify(text, jsonb) 131k, pgq.insert_event 131k). The general form
-- takes p_channel as varchar so that the two never tie: PostgreSQL prefers text, the preferred
-- type of the string category, so a call with two arguments (literals, text, unknown
-- parameters, named or not) picks the short form, and every call with more picks the general
-- one; a varchar channel with two arguments gets the general form, which does the same.
-- Both forms append alike; the short one hands everything but a priority-0 channel's event
-- (another priority, a refusal) to the general one.
create function pgrelay.notify(p_channel text, p_payload jsonb)
returns bigint
language plpgsql security invoker
as $$
declare
    v_id bigint;
begin
    v_id := pg_catalog.nextval('pgrelay.event_id_seq');
    -- Housekeeping when due (it returns the partition), else the partition as last read: one
    -- expression, as each statement of a PL/pgSQL function costs (a snapshot, among others).
    if (case when (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) operator(pg_catalog.<)
                   nullif(pg_catalog.current_setting('pgrelay.notify_check_at', true), '')::pg_catalog.float8) is not true
             then pgrelay.notify_housekeeping(true)
             else pg_catalog.current_setting('pgrelay.notify_part', true) end) operator(pg_catalog.=) '1' then
        insert into pgrelay.queue_p1 (part, id, channel, payload, run_at, priority)
        select 1, v_id, c.name, p_payload, pg_catalog.now(), c.priority
          from pgrelay.channel c
         where c.name operator(pg_catalog.=) p_channel and c.active
           and c.priority operator(pg_catalog.=) 0;
    else
        insert into pgrelay.queue_p0 (part, id, channel, payload, run_at, priority)
        select 0, v_id, c.name, p_payload, pg_catalog.now(), c.priority
          from pgrelay.channel c
         where c.name operator(pg_catalog.=) p_channel and c.active
           and c.priority operator(pg_catalog.=) 0;
    end if;
    if not found then
        return pgrelay.notify(p_channel::pg_catalog.varchar, p_payload, null);
    end if;
    return v_id;
end
$$;
comment on function pgrelay.notify(text, jsonb) is
    'Enqueues one event in the caller''s transaction (rollback: no event). Returns the event id. The common call without default arguments; see notify(varchar, jsonb, timestamptz, text, text)';

create function pgrelay.notify(p_channel varchar, p_payload jsonb default null,
                               p_run_at timestamptz default null,
                               p_key text default null, p_on_conflict text default 'keep')
returns bigint
language plpgsql security invoker
as $$
declare
    v_id bigint;
begin
    if p_run_at is not null then
        perform pgrelay.check_run_at(p_run_at);
    end if;
    if p_key is not null then
        return pgrelay.notify_keyed(p_channel, p_payload, p_run_at, p_key, p_on_conflict);
    end if;
    v_id := pg_catalog.nextval('pgrelay.event_id_seq');
    -- Housekeeping as in notify(text, jsonb). A future event hints too: the processor learns
    -- when it is due (next_due_in) and wakes for it then, not a poll interval late.
    -- A priority-0 channel's event (the usual case) goes to the current one of queue_p0 and
    -- queue_p1; any other priority's to queue_p2 (see pgrelay.queue_part).
    if (case when (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) operator(pg_catalog.<)
                   nullif(pg_catalog.current_setting('pgrelay.notify_check_at', true), '')::pg_catalog.float8) is not true
             then pgrelay.notify_housekeeping(true)
             else pg_catalog.current_setting('pgrelay.notify_part', true) end) operator(pg_catalog.=) '1' then
        insert into pgrelay.queue_p1 (part, id, channel, payload, run_at, priority)
        select 1, v_id, c.name, p_payload, coalesce(p_run_at, pg_catalog.now()), c.priority
          from pgrelay.channel c
         where c.name operator(pg_catalog.=) p_channel and c.active
           and c.priority operator(pg_catalog.=) 0;
    else
        insert into pgrelay.queue_p0 (part, id, channel, payload, run_at, priority)
        select 0, v_id, c.name, p_payload, coalesce(p_run_at, pg_catalog.now()), c.priority
          from pgrelay.channel c
         where c.name operator(pg_catalog.=) p_channel and c.active
           and c.priority operator(pg_catalog.=) 0;
    end if;
    if not found then
        insert into pgrelay.queue_p2 (part, id, channel, payload, run_at, priority)
        select 2, v_id, c.name, p_payload, coalesce(p_run_at, pg_catalog.now()), c.priority
          from pgrelay.channel c
         where c.name operator(pg_catalog.=) p_channel and c.active
           and c.priority operator(pg_catalog.<>) 0;
    end if;
    if not found then
        perform pgrelay.refuse_notify(p_channel);
    end if;
    return v_id;
end
$$;
comment on function pgrelay.notify(varchar, jsonb, timestamptz, text, text) is
    'Enqueues one event in the caller''s transaction (rollback: no event). Returns the event id.';

-- An event of one of the extensions' own channels with a priority of its own (pg_auto_mv's per-view
-- refresh priority; claims take the event's priority, not its channel's). Not granted to
-- anyone: the extensions' code, which owns pg_relay's tables, calls it.
create function pgrelay.notify_internal(p_channel text, p_payload jsonb, p_run_at timestamptz, p_priority integer)
returns bigint
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_id bigint;
begin
    if not pgrelay.is_internal_channel(p_channel) then
        raise exception 'pg_relay: notify_internal() is for the extensions'' own channels, not "%"', p_channel
            using errcode = 'PR013', hint = 'Use pgrelay.notify().';
    end if;
    perform pgrelay.check_limits(p_channel, null, null, p_priority);
    if coalesce(p_priority, 0) = 0 then
        return pgrelay.notify(p_channel, p_payload, p_run_at);
    end if;
    if p_run_at is not null then
        perform pgrelay.check_run_at(p_run_at);
    end if;
    if date_part('epoch', clock_timestamp())
       >= coalesce(nullif(current_setting('pgrelay.notify_check_at', true), '')::float8, 0) then
        perform pgrelay.notify_housekeeping(true);
    end if;
    insert into pgrelay.queue_p2 (part, channel, payload, run_at, priority)
    select 2, c.name, p_payload, coalesce(p_run_at, now()), p_priority
      from pgrelay.channel c
     where c.name = p_channel and c.active
    returning id into v_id;
    if v_id is null then
        perform pgrelay.refuse_notify(p_channel);
    end if;
    return v_id;
end
$$;

-- notify() with a key: at most one queued event per (channel, key) that no batch has taken
-- yet. If there is one, 'keep' leaves it as it is and 'replace' gives it this payload and run_at;
-- either way its id is returned. Otherwise a new keyed event is queued — also when the key's
-- event is running now (it may have read its payload already). A key is free once a batch has
-- taken its event: should that event go back to the queue (a retry, a put-back, a held event),
-- it goes back without the key (as graphile-worker clears a running job's key), so a batch never
-- has to wait for, or be waited on by, a keyed notify. Notifies of one key take turns
-- (a transaction-level advisory lock on the key), so two cannot both find none and both queue
-- one; notifies of other keys and unkeyed ones never wait. Runs with the caller's rights, like
-- notify(): row-level security on queue_p2 lets a notifier see and change only keyed events of
-- channels it may notify.
create function pgrelay.notify_keyed(p_channel text, p_payload jsonb, p_run_at timestamptz,
                                     p_key text, p_on_conflict text)
returns bigint
language plpgsql security invoker
as $$
declare
    v_id bigint;
begin
    if p_on_conflict is null or p_on_conflict not in ('keep', 'replace') then
        raise exception 'pg_relay: p_on_conflict must be ''keep'' or ''replace'', not %',
                coalesce(pg_catalog.quote_literal(p_on_conflict), 'NULL')
            using errcode = 'invalid_parameter_value',
                  hint = '''keep'' leaves a queued event of the key as it is; ''replace'' gives it the new payload and run_at.';
    end if;
    perform pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('pgrelay.key ' operator(pg_catalog.||) p_channel
                                    operator(pg_catalog.||) E'\n' operator(pg_catalog.||) p_key, 0));
    select q.id into v_id from pgrelay.queue_p2 q
     where q.channel operator(pg_catalog.=) p_channel and q.dedup_key operator(pg_catalog.=) p_key
       for update skip locked;
    if found then
        if p_on_conflict operator(pg_catalog.=) 'replace' then
            update pgrelay.queue_p2 q
               set payload = p_payload, run_at = coalesce(p_run_at, pg_catalog.now())
             where q.id operator(pg_catalog.=) v_id and q.dedup_key operator(pg_catalog.=) p_key;
        end if;
        return v_id;
    end if;
    v_id := pg_catalog.nextval('pgrelay.event_id_seq');
    insert into pgrelay.queue_p2 (part, id, channel, payload, run_at, priority, dedup_key)
    select 2, v_id, c.name, p_payload, coalesce(p_run_at, pg_catalog.now()), c.priority, p_key
      from pgrelay.channel c
     where c.name operator(pg_catalog.=) p_channel and c.active;
    if not found then
        perform pgrelay.refuse_notify(p_channel);
    end if;
    return v_id;
end
$$;
