-- pg_relay: notify() — one append in the caller's transaction. No shared row is written and no
-- unique key is checked, so concurrent writers never wait on each other here.
--
-- Wake-up hint: a due event also sends NOTIFY pgrelay_wakeup so an idle processor starts at
-- once instead of at its next poll. A NOTIFYing transaction takes a global lock at commit and
-- holds it across the WAL flush, so hints are kept rare and never wait on each other:
--   * a processor that goes to sleep holds advisory lock (1885827686, 65); only then is a hint
--     useful (a draining processor needs none), and a shared try-lock tells without waiting;
--   * only the transaction that wins the non-blocking advisory lock (1885827686, 0) sends one,
--     so two hinting commits never queue on the notify lock;
--   * a session that found no processor asleep skips the check for 50 ms (a session setting),
--     so under load, when processors are busy draining, the check costs almost nothing.
-- Polling stays the guarantee; a missed hint costs at most one poll interval.

create function pgrelay.send_wakeup_hint()
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    if pg_try_advisory_lock_shared(1885827686, 65) then
        perform pg_advisory_unlock_shared(1885827686, 65);   -- no processor is asleep
        perform set_config('pgrelay.wakeup_hint_at', extract(epoch from clock_timestamp())::text, false);
    elsif pg_try_advisory_xact_lock(1885827686, 0) then
        perform pg_notify('pgrelay_wakeup', '');
    end if;
end
$$;

create function pgrelay.notify(p_channel text, p_payload jsonb default null,
                               p_run_at timestamptz default null)
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_part    smallint;
    v_id      bigint;
    v_hint_at text;
begin
    -- One lookup answers both "which channel state?" and "which partition?" (-1: inactive).
    select case when c.active then s.current_part else -1 end into v_part
      from pgrelay.channel c cross join pgrelay.queue_state s
     where c.name = p_channel;
    if v_part is null then
        raise exception 'pg_relay: unknown channel "%"', coalesce(p_channel, '<NULL>')
            using errcode = 'PR001',
                  hint = 'Create it with pgrelay.create_channel(), or check the spelling.';
    elsif v_part < 0 then
        raise exception 'pg_relay: channel "%" is inactive', p_channel
            using errcode = 'PR002',
                  hint = 'Activate it with pgrelay.alter_channel(p_name => ..., p_active => true).';
    end if;
    if v_part = 0 then
        insert into pgrelay.queue_p0 (part, channel, payload, run_at)
        values (0, p_channel, p_payload, coalesce(p_run_at, now()))
        returning id into v_id;
    else
        insert into pgrelay.queue_p1 (part, channel, payload, run_at)
        values (1, p_channel, p_payload, coalesce(p_run_at, now()))
        returning id into v_id;
    end if;
    if p_run_at is null or p_run_at <= now() then
        v_hint_at := current_setting('pgrelay.wakeup_hint_at', true);
        if v_hint_at is null or v_hint_at = ''
           or extract(epoch from clock_timestamp()) - v_hint_at::double precision >= 0.05 then
            perform pgrelay.send_wakeup_hint();
        end if;
    end if;
    return v_id;
end
$$;
comment on function pgrelay.notify(text, jsonb, timestamptz) is
    'Enqueues one event in the caller''s transaction (rollback: no event). Returns the event id.';
