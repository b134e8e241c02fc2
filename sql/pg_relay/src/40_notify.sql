-- pg_relay: notify() — one append in the caller's transaction. No shared row is written and no
-- unique key is checked, so concurrent writers never wait on each other here.

create function pgrelay.notify(p_channel text, p_payload jsonb default null,
                               p_run_at timestamptz default null)
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_part   smallint;
    v_id     bigint;
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
    return v_id;
end
$$;
comment on function pgrelay.notify(text, jsonb, timestamptz) is
    'Enqueues one event in the caller''s transaction (rollback: no event). Returns the event id.';
