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
