-- pg_relay: tables. PUBLIC gets nothing on any of them (see 90_security.sql).

create table pgrelay.setting (
    name  text primary key,
    value text not null
);
comment on table pgrelay.setting is 'pg_relay settings (log_retention, failed_retention, ...); change with pgrelay.set_setting()';
insert into pgrelay.setting (name, value) values
    ('log_retention', '14 days'),
    ('log_purge_every', '1 hour'),
    ('failed_retention', '30 days');

create table pgrelay.channel (
    name        text primary key,
    action_sql  text not null,
    active      boolean not null default true,
    description text,
    solo        boolean not null default false,
    run_as      name not null default 'pgrelay',
    -- Limits (create_channel / alter_channel): an action running longer than timeout is
    -- cancelled and fails (57014); at most max_parallel events of the channel run at once
    -- across all processors; due events of higher priority are claimed first.
    timeout      interval check (timeout > interval '0' and timeout <= interval '7 days'),
    max_parallel integer check (max_parallel between 1 and 1000),
    priority     smallint not null default 0 check (priority between -1000 and 1000),
    -- Retry policy (create_channel / alter_channel; pgrelay.retry_after): a failed action whose
    -- SQLSTATE matches retry_on (a class such as '40', or a full code) runs again until it has
    -- run max_attempts times, after base * factor^(attempt - 1), at most cap, less up to jitter
    -- of it at random. retry_base NULL: 3 s, 5 s, then 10 s (pg_relay's fixed steps).
    max_attempts integer not null default 4 check (max_attempts between 1 and 1000),
    retry_on     text[] not null default '{40}'
                 check (array_position(retry_on, null) is null
                        and (cardinality(retry_on) = 0
                             or array_to_string(retry_on, ',') ~ '^([0-9A-Z]{2}|[0-9A-Z]{5})(,([0-9A-Z]{2}|[0-9A-Z]{5}))*$')),
    retry_base   interval check (retry_base > interval '0' and retry_base <= interval '1 day'),
    retry_factor numeric not null default 2 check (retry_factor between 1 and 10),
    retry_cap    interval not null default '1 hour' check (retry_cap > interval '0' and retry_cap <= interval '7 days'),
    retry_jitter numeric not null default 0 check (retry_jitter between 0 and 1),
    -- Failure alerts: an event of this channel that fails for good (pgrelay.failed) enqueues an
    -- event on the channel on_failure names, with its facts (pgrelay.failure_alert); its payload
    -- too only if alert_payload.
    on_failure    text references pgrelay.channel (name) on update cascade,
    alert_payload boolean not null default false,
    created_at  timestamptz not null default pg_catalog.now(),
    created_by  name not null default session_user,
    updated_at  timestamptz not null default pg_catalog.now()
);
comment on table pgrelay.channel is 'Channels: an action (SQL, payload as $1 jsonb) run for each event';
comment on column pgrelay.channel.run_as is
    'The role the action runs as (it owns pgrelay_action."<channel>"); the action has exactly its rights';
-- Who may notify a user channel: the grantee and every role with its privileges. Internal
-- channels (pgrelay.*, pgauto_mv.*) have no rows: only the extensions' own code notifies them.
create table pgrelay.notify_right (
    channel text not null references pgrelay.channel (name) on update cascade on delete cascade,
    grantee oid not null,
    primary key (channel, grantee)
);
comment on table pgrelay.notify_right is 'Per-channel notify rights; change with pgrelay.grant_notify() / revoke_notify()';
comment on column pgrelay.channel.solo is
    'Each event of this channel is processed in a transaction of its own (e.g. a materialised view refresh, whose locks must not pile up with other events'' work)';

-- The queue: pending events only (processed rows leave it). Events of priority-0 channels (the
-- default) go to queue_p0 or queue_p1, which take turns being the one notify() appends to; a
-- drained, inactive one is TRUNCATEd by pgrelay.maintain(), so dead index entries from a big
-- drain never slow the poll for long. Events of channels with another priority go to queue_p2,
-- the only partition with the priority index, so a priority-0 notify maintains one index, not
-- two (measured: the second, partial index cost notify() 5-8 % at 16 clients;
-- bench/peers_bench.sh); so do keyed events (notify(p_key)), for the key index.
-- pgrelay.queue_part() says which partition a row belongs in.
create sequence pgrelay.event_id_seq;
create table pgrelay.queue (
    -- Fixed-width columns first, widest first: no alignment padding between them (in the
    -- order the columns were added a row took 11 bytes more, heap and WAL, on every notify).
    id            bigint not null default pg_catalog.nextval('pgrelay.event_id_seq'),
    run_at        timestamptz not null,
    enqueued_at   timestamptz not null default pg_catalog.now(),
    attempt       integer not null default 1,
    part          smallint not null,
    priority      smallint not null default 0,   -- the channel's, copied: claims read it from the index
    held          boolean not null default false,
    channel       text not null,
    payload       jsonb,
    schedule_name text,
    dedup_key     text      -- notify(p_key): at most one event not yet started per (channel, key)
    -- run_at is finite and in the Common Era (an infinite one would never come due and would
    -- block drop_channel forever): notify() checks what callers give (pgrelay.check_run_at),
    -- the insert policy (40_notify.sql) what a direct INSERT writes, and the extensions' own
    -- code writes only times it computed. Not a CHECK constraint: compiling it for every
    -- single-row INSERT cost notify() ~5 us, a fifth of its time.
) partition by list (part);
alter sequence pgrelay.event_id_seq owned by pgrelay.queue.id;
create table pgrelay.queue_p0 partition of pgrelay.queue for values in (0);
create table pgrelay.queue_p1 partition of pgrelay.queue for values in (1);
create table pgrelay.queue_p2 partition of pgrelay.queue for values in (2);
-- "Is anything due now?" and the claim both read this partial index: due order, held excluded.
create index queue_due_idx on pgrelay.queue (run_at, id) where not held;
-- Events of channels with a priority other than 0, in claim order.
create index queue_priority_idx on pgrelay.queue_p2 (priority desc, run_at, id) where not held;
-- Keyed events, to find the one a keyed notify keeps or replaces.
create index queue_key_idx on pgrelay.queue_p2 (channel, dedup_key) where dedup_key is not null;
comment on table pgrelay.queue is 'Pending events; rows leave when processed (log) or failed (failed)';

create table pgrelay.queue_state (
    singleton      boolean primary key default true check (singleton),
    current_part   smallint not null default 0 check (current_part in (0, 1)),
    switched_at    timestamptz not null default pg_catalog.now(),
    switch_id      bigint not null default 0,
    truncated_id   bigint[] not null default '{0,0}'
);
insert into pgrelay.queue_state default values;
comment on table pgrelay.queue_state is 'Which queue partition notify() appends to (see pgrelay.maintain())';

create table pgrelay.failed (
    id            bigint primary key,
    channel       text not null,
    payload       jsonb,
    enqueued_at   timestamptz not null,
    run_at        timestamptz not null,
    attempts      integer not null,
    failed_at     timestamptz not null default pg_catalog.now(),
    sqlstate      text,
    message       text,
    schedule_name text
);
comment on table pgrelay.failed is 'Dead letters: failed events with their payload; pgrelay.requeue_failed() puts one back';

create table pgrelay.log (
    id             bigint generated always as identity primary key,
    event_id       bigint not null,
    channel        text not null,
    outcome        text not null check (outcome in ('succeeded', 'retry', 'failed', 'held')),
    attempt        integer not null,
    started_at     timestamptz not null,
    duration_ms    double precision not null,
    processor_slot integer,
    worker         integer,
    sqlstate       text,
    message        text,
    schedule_name  text
);
-- BRIN, not a B-tree: rows arrive in started_at order (batches of a few workers interleave by
-- milliseconds), and every reader asks for a time range (purge_log, queue_metrics, the
-- console's filters and dashboard). A B-tree entry per row cost a drain ~0.75 us an event (log
-- INSERT of 100,000 rows: 461 ms with both B-trees, 306 with both as BRIN, 259 with neither).
create index log_started_at_idx on pgrelay.log using brin (started_at);
create index log_event_id_idx on pgrelay.log (event_id);
comment on table pgrelay.log is 'Audit log: one row per processing attempt; never holds a payload';

create table pgrelay.schedule (
    name             text primary key,
    channel          text not null references pgrelay.channel (name) on update cascade,
    every            interval,
    cron             text,
    timezone         text not null default 'UTC',
    payload          jsonb,
    pending_event_id bigint,
    next_run_at      timestamptz,
    last_run_at      timestamptz,
    created_at       timestamptz not null default pg_catalog.now(),
    -- pause_schedule(): no pending event until resume_schedule() (the next occurrence after
    -- the resume, never a backlog).
    paused           boolean not null default false,
    check ((every is null) <> (cron is null))
);
comment on table pgrelay.schedule is 'Recurring jobs; each has exactly one pending event in the queue (none while paused)';

create table pgrelay.processor (
    slot           integer primary key check (slot between 1 and 64),
    host           text,
    pid            integer,
    backend_pid    integer not null,
    version        text,
    workers        integer,
    started_at     timestamptz not null default pg_catalog.now(),
    heartbeat_at   timestamptz not null default pg_catalog.now(),
    events_succeeded bigint not null default 0,
    events_retried bigint not null default 0,
    events_failed  bigint not null default 0
);
comment on table pgrelay.processor is 'Running processors; a slot is held by a session advisory lock';
