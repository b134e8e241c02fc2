-- pg_relay: dead letters.

create function pgrelay.requeue_failed(p_event_id bigint, p_run_at timestamptz default null)
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    f       pgrelay.failed;
begin
    perform pgrelay.check_run_at(p_run_at);
    delete from pgrelay.failed where id = p_event_id returning * into f;
    if not found then
        raise exception 'pg_relay: no failed event with id %', coalesce(p_event_id::text, '<NULL>')
            using errcode = 'PR008',
                  hint = 'List them with: select id, channel, failed_at, message from pgrelay.failed;';
    end if;
    if not exists (select 1 from pgrelay.channel where name = f.channel) then
        raise exception 'pg_relay: failed event % belongs to channel "%", which no longer exists', p_event_id, f.channel
            using errcode = 'PR001', hint = 'Create the channel again, then requeue.';
    end if;
    -- A fresh start: attempt 1, and no longer a schedule's occurrence (that one has moved on).
    insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt, held, priority)
    select pgrelay.queue_part(c.priority), f.id, f.channel, f.payload, coalesce(p_run_at, now()), f.enqueued_at, 1, not c.active, c.priority
      from pgrelay.channel c where c.name = f.channel;
    return f.id;
end
$$;
comment on function pgrelay.requeue_failed(bigint, timestamptz) is
    'Moves a failed event back into the queue (attempt 1); returns its id';

-- Which dead letters a bulk function acts on: every filter given must match (NULL: any). With
-- no filter at all it refuses, unless p_all: "all of them" is said, never implied.
create function pgrelay.failed_matching(p_channel text, p_sqlstate text, p_failed_after timestamptz,
                                        p_failed_before timestamptz, p_all boolean, p_verb text)
returns setof bigint
language plpgsql volatile   -- locks them (FOR UPDATE)
set search_path = pg_catalog, pg_temp
as $$
begin
    if num_nulls(p_channel, p_sqlstate, p_failed_after, p_failed_before) = 4 and not coalesce(p_all, false) then
        raise exception 'pg_relay: % which failed events? No filter was given', p_verb
            using errcode = 'invalid_parameter_value',
                  hint = 'Give p_channel, p_sqlstate (a code or a two-character class), p_failed_after or p_failed_before, or p_all => true for every one.';
    end if;
    return query
    select f.id from pgrelay.failed f
     where (p_channel is null or f.channel = p_channel)
       and (p_sqlstate is null or f.sqlstate = p_sqlstate
            or (length(p_sqlstate) = 2 and left(f.sqlstate, 2) = p_sqlstate))
       and (p_failed_after is null or f.failed_at >= p_failed_after)
       and (p_failed_before is null or f.failed_at < p_failed_before)
       for update of f;
end
$$;

-- Moves every dead letter matching the filters back into the queue (attempt 1, at p_run_at or
-- now); returns how many. Those of channels that no longer exist stay, and a notice says so.
create function pgrelay.requeue_failed_events(p_channel text default null, p_sqlstate text default null,
                                              p_failed_after timestamptz default null,
                                              p_failed_before timestamptz default null,
                                              p_run_at timestamptz default null,
                                              p_all boolean default false)
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids  bigint[];
    v_n    bigint;
    v_left bigint;
begin
    perform pgrelay.check_run_at(p_run_at);
    v_ids := array(select pgrelay.failed_matching(p_channel, p_sqlstate, p_failed_after, p_failed_before,
                                                  p_all, 'requeue'));
    with moved as (
        delete from pgrelay.failed f using pgrelay.channel c
         where f.id = any (v_ids) and c.name = f.channel
        returning f.id, f.channel, f.payload, f.enqueued_at, c.active, c.priority
    )
    insert into pgrelay.queue (part, id, channel, payload, run_at, enqueued_at, attempt, held, priority)
    select pgrelay.queue_part(m.priority), m.id, m.channel, m.payload, coalesce(p_run_at, now()),
           m.enqueued_at, 1, not m.active, m.priority
      from moved m;
    get diagnostics v_n = row_count;
    v_left := cardinality(v_ids) - v_n;
    if v_left > 0 then
        raise notice 'pg_relay: % matching failed event(s) stay: their channel no longer exists', v_left
            using hint = 'Create the channel again and requeue them, or discard them with pgrelay.discard_failed_events().';
    end if;
    return v_n;
end
$$;
comment on function pgrelay.requeue_failed_events(text, text, timestamptz, timestamptz, timestamptz, boolean) is
    'Moves the failed events matching the filters back into the queue (attempt 1); returns how many';

-- Deletes every dead letter matching the filters; returns how many.
create function pgrelay.discard_failed_events(p_channel text default null, p_sqlstate text default null,
                                              p_failed_after timestamptz default null,
                                              p_failed_before timestamptz default null,
                                              p_all boolean default false)
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_n bigint;
begin
    delete from pgrelay.failed f
     where f.id in (select pgrelay.failed_matching(p_channel, p_sqlstate, p_failed_after, p_failed_before,
                                                   p_all, 'discard'));
    get diagnostics v_n = row_count;
    return v_n;
end
$$;
comment on function pgrelay.discard_failed_events(text, text, timestamptz, timestamptz, boolean) is
    'Deletes the failed events matching the filters; returns how many';
