-- pg_relay: queue metrics (pgmq's metrics()): one row per channel, for dashboards and alerts.
--
-- due / future / held: queued events due now, due later, and held (inactive channel);
-- failed: dead letters; oldest_due_age: how long the oldest due event has waited;
-- processed_*: attempts that ended (succeeded, retried or failed) in the last minute / hour;
-- failures_last_hour: those that did not succeed (retried or failed).
-- Counts, never payloads: granted to pgrelay_reader. It reads the whole queue and the last
-- hour of the log (by its started_at index), so call it every few seconds, not per event.
create function pgrelay.queue_metrics()
returns table (channel text, due bigint, future bigint, held bigint, failed bigint,
               oldest_due_age interval, processed_last_minute bigint, processed_last_hour bigint,
               failures_last_hour bigint)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
    select c.name,
           coalesce(q.due, 0), coalesce(q.future, 0), coalesce(q.held, 0), coalesce(f.failed, 0),
           q.oldest_due_age,
           coalesce(l.last_minute, 0), coalesce(l.last_hour, 0), coalesce(l.failures, 0)
      from pgrelay.channel c
      left join (select q.channel,
                        count(*) filter (where not q.held and q.run_at <= now()) as due,
                        count(*) filter (where not q.held and q.run_at > now()) as future,
                        count(*) filter (where q.held) as held,
                        now() - min(q.run_at) filter (where not q.held and q.run_at <= now()) as oldest_due_age
                   from pgrelay.queue q group by q.channel) q on q.channel = c.name
      left join (select d.channel, count(*) as failed from pgrelay.failed d group by d.channel) f
             on f.channel = c.name
      left join (select g.channel,
                        count(*) filter (where g.started_at > now() - interval '1 minute') as last_minute,
                        count(*) as last_hour,
                        count(*) filter (where g.outcome in ('retry', 'failed')) as failures
                   from pgrelay.log g
                  where g.started_at > now() - interval '1 hour' and g.outcome <> 'held'
                  group by g.channel) l on l.channel = c.name
     order by c.name
$$;
comment on function pgrelay.queue_metrics() is
    'Per channel: due, future, held and failed events, the oldest due event''s wait, attempts in the last minute/hour, failures in the last hour';
