-- pg_auto_mv: tables. PUBLIC gets nothing on any of them (see 90_security.sql).
--
-- Writers only ever append one row per transaction to pgauto_mv.request (from the watch
-- triggers); everything else is written by the processor's handlers and the admin functions.

create table pgauto_mv.setting (
    name  text primary key,
    value text not null
);
comment on table pgauto_mv.setting is 'pg_auto_mv settings (log_retention); change with pgauto_mv.set_setting()';
insert into pgauto_mv.setting (name, value) values ('log_retention', '14 days'), ('on_failure', ''),
    ('max_parallel_refreshes', '4'),   -- kept in step with channel pgauto_mv.refresh's max_parallel
    -- WAL capture: get_mv_problems() warns when the slot holds more WAL than this, or the
    -- capture has not run for this long (the processor is down or cannot keep up).
    ('capture_lag_bytes', '1GB'), ('capture_lag_age', '5 min');

-- Registered views, by OID: a rename follows the view; the names are the last ones seen.
create table pgauto_mv.mv (
    id              integer generated always as identity primary key,
    mv_oid          oid not null unique,
    mv_schema       text not null,
    mv_name         text not null,
    refresh_lag     numeric not null default 0 check (refresh_lag >= 0),
    max_wait        numeric not null default 0 check (max_wait >= 0),
    cooldown        numeric not null default 2 check (cooldown >= 0),
    fire_on_replica boolean not null default false,
    lock_timeout    numeric not null default 5 check (lock_timeout > 0),
    -- A refresh running longer is cancelled by the processor and logged as failed (57014).
    refresh_timeout numeric check (refresh_timeout > 0),
    -- pause_mv(): no automatic refresh until resume_mv(); changes are still recorded, and give
    -- one refresh on resume. A manual refresh still runs.
    paused          boolean not null default false,
    -- A pg_relay channel notified when a refresh fails for good (not a class-40 retry): the
    -- view, SQLSTATE, message and failures in a row. NULL: the database default (setting
    -- on_failure; '' there for none).
    on_failure      text,
    -- When more refreshes are due than may run at once (setting max_parallel_refreshes), the
    -- higher priority starts first (pg_relay claims by priority); -1000 … 1000, default 0.
    priority        smallint not null default 0 check (priority between -1000 and 1000),
    registered_at   timestamptz not null default pg_catalog.now(),
    registered_by   name not null,
    updated_at      timestamptz not null default pg_catalog.now()
);
comment on table pgauto_mv.mv is 'Registered materialised views and their timing (seconds)';

-- What each view watches: a table, the operations, and for UPDATE optionally the columns.
create table pgauto_mv.watch (
    mv_id          integer not null references pgauto_mv.mv (id) on delete cascade,
    table_oid      oid not null,
    table_schema   text not null,
    table_name     text not null,
    operations     text[] not null,
    update_columns text[],
    primary key (mv_id, table_oid),
    check (operations <@ array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] and cardinality(operations) > 0)
);
create index watch_table_idx on pgauto_mv.watch (table_oid);
comment on table pgauto_mv.watch is 'Watched tables per view; update_columns NULL means any column';

-- Refresh state per view, written only by the handlers (never by a writer's transaction).
create table pgauto_mv.mv_state (
    mv_id            integer primary key references pgauto_mv.mv (id) on delete cascade,
    first_change_at  timestamptz,          -- first change not yet covered by a refresh
    change_source    text,                 -- what made that change (watch, chain, bulk, ...): the refresh's source
    last_change_at   timestamptz,          -- most recent change seen
    change_seq       bigint not null default 0,
    timer_event_id   bigint,               -- the one pending timed refresh event (pg_relay)
    timer_due        timestamptz,
    timer_reason     text,
    retry_attempt    integer not null default 0,
    failed_in_row    integer not null default 0,   -- refreshes failed since the last success (backs off)
    last_refresh_at  timestamptz,          -- completion of the last refresh attempt that ran
    covered_snapshot pg_snapshot,          -- taken just before the last successful refresh: what it saw
    -- Since the last successful refresh: the transactions of the changes counted in change_seq,
    -- while every one came from a chain (an upstream's refresh, whose xid is known) and there
    -- are at most 32; else changes_unknown. A refresh whose snapshot saw all of them covered the
    -- changes counted while it ran too: a diamond's bottom refreshes once even when the second
    -- upstream's request is drained during its refresh.
    changes_xids     xid8[],
    changes_unknown  boolean not null default false,
    last_success_at  timestamptz,
    last_outcome     text,
    last_mode        text,
    last_source      text,
    last_duration_ms double precision,
    last_error       text,
    last_sqlstate    text,
    refreshes        bigint not null default 0,
    failures         bigint not null default 0
);
comment on table pgauto_mv.mv_state is 'Per-view refresh state kept by the handlers; read it through pgauto_mv.mv_status';

-- Refresh requests, appended by the watch triggers (one row per transaction, listing the views
-- not yet requested in it) and drained in bulk by pgauto_mv.on_drain_event(). No index: an
-- append costs one heap insert; the drain reads and deletes everything at once.
create table pgauto_mv.request (
    mv_ids    text[] not null,
    t         timestamptz not null default pg_catalog.clock_timestamp(),
    table_oid oid,
    op        text,
    source    text not null default 'watch',
    nudge     boolean not null default false,  -- re-check the timer only; no new change
    -- The requesting transaction, for the extensions' own requests (chains, bulk): a refresh
    -- whose snapshot already saw it covered its change (mv_state.covered_snapshot). NULL for
    -- the watch triggers' (a writer pays nothing for it). WAL capture: the last transaction's.
    xid       xid8,
    -- WAL capture writes one request per view, table and operation for all the transactions it
    -- read at once: how many (n) and when the first committed (t_first; t: the last).
    n         integer not null default 1,
    t_first   timestamptz
) with (autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_scale_factor = 0,
        autovacuum_vacuum_cost_delay = 0);
comment on table pgauto_mv.request is 'Refresh requests from writers'' transactions, drained by the processor';

-- Whether drains are running: 1 = idle, 2 = active. While active, writers only append; when
-- idle, the first writer of a transaction also enqueues a drain event. A sequence, because a
-- writer reads it with pg_sequence_last_value(), a plain function call: a SELECT from a table
-- would cost every writer an executor start (measured: ~15 % of a one-UPDATE transaction's
-- throughput). setval() is not transactional; on_drain_event() says why that is safe.
create sequence pgauto_mv.drain_active minvalue 1 maxvalue 2 start 1;
select pg_catalog.setval('pgauto_mv.drain_active', 1, true);

create table pgauto_mv.drain_schedule (
    singleton     boolean primary key default true check (singleton),
    next_event_id bigint,
    next_at       timestamptz
);
insert into pgauto_mv.drain_schedule default values;
comment on table pgauto_mv.drain_schedule is 'The next scheduled drain event';

-- The log: every trigger firing (kind change) and every refresh attempt (kind refresh).
create table pgauto_mv.refresh_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default pg_catalog.clock_timestamp(),
    mv_id       integer,
    mv          text not null,
    kind        text not null check (kind in ('change', 'refresh')),
    outcome     text not null check (outcome in ('changed', 'succeeded', 'failed', 'deferred')),
    source      text not null check (source in ('watch', 'schedule', 'chain', 'manual', 'sync', 'bulk')),
    mode        text check (mode in ('concurrently', 'plain')),
    duration_ms double precision,
    detail      text,
    sqlstate    text,
    event_id    bigint
);
create index refresh_log_at_idx on pgauto_mv.refresh_log (at);
create index refresh_log_mv_idx on pgauto_mv.refresh_log (mv_id, id);
comment on table pgauto_mv.refresh_log is 'Every watch-trigger firing and every refresh attempt (succeeded / failed / deferred)';

-- Chains: the downstream view refreshes after its upstream refreshed successfully.
create table pgauto_mv.chain (
    upstream_id   integer not null references pgauto_mv.mv (id) on delete cascade,
    downstream_id integer not null references pgauto_mv.mv (id) on delete cascade,
    created_at    timestamptz not null default pg_catalog.now(),
    primary key (upstream_id, downstream_id),
    check (upstream_id <> downstream_id)
);
create index chain_downstream_idx on pgauto_mv.chain (downstream_id);
comment on table pgauto_mv.chain is 'Refresh chains (a DAG): downstream refreshes after upstream succeeded';

-- Named schedules (each a pg_relay schedule named 'pgauto_mv:<name>') and the views they refresh.
create table pgauto_mv.schedule (
    name       text primary key,
    every      interval,
    cron       text,
    timezone   text not null default 'UTC',
    created_at timestamptz not null default pg_catalog.now(),
    check ((every is null) <> (cron is null))
);
comment on table pgauto_mv.schedule is 'Named refresh schedules shared by many views (run by pg_relay schedules)';

create table pgauto_mv.schedule_mv (
    schedule_name text not null references pgauto_mv.schedule (name) on delete cascade,
    mv_id         integer not null references pgauto_mv.mv (id) on delete cascade,
    primary key (schedule_name, mv_id)
);
create index schedule_mv_mv_idx on pgauto_mv.schedule_mv (mv_id);
comment on table pgauto_mv.schedule_mv is 'Which views each named schedule refreshes';

-- Blackout windows (DBMS_SCHEDULER windows): no automatic refresh of the view (or, mv_id NULL, of
-- any view) from start_time to end_time local time on the given ISO days (1 Monday … 7 Sunday)
-- in the time zone; an end before the start ends the next day. A change inside a window
-- refreshes when it closes; max_wait counts from there.
create table pgauto_mv.blackout (
    id         integer generated always as identity primary key,
    mv_id      integer references pgauto_mv.mv (id) on delete cascade,
    days       integer[] not null check (days <@ array[1, 2, 3, 4, 5, 6, 7] and cardinality(days) > 0),
    start_time time not null,
    end_time   time not null check (end_time <> start_time),
    timezone   text not null default 'UTC',
    created_at timestamptz not null default pg_catalog.now(),
    created_by name not null default current_user
);
create index blackout_mv_idx on pgauto_mv.blackout (mv_id);
comment on table pgauto_mv.blackout is 'Blackout windows: no automatic refresh of a view (mv_id) or of all views (mv_id NULL)';

-- Atomic refresh groups (Oracle DBMS_REFRESH): the views of a group refresh together, in one
-- transaction, whichever of them is due; readers never see them disagree. A view belongs to
-- at most one group.
create table pgauto_mv.refresh_group (
    name       text primary key check (name <> ''),
    created_at timestamptz not null default pg_catalog.now(),
    created_by name not null
);
comment on table pgauto_mv.refresh_group is 'Atomic refresh groups: their views refresh together in one transaction';

create table pgauto_mv.refresh_group_mv (
    group_name text not null references pgauto_mv.refresh_group (name) on delete cascade,
    mv_id      integer primary key references pgauto_mv.mv (id) on delete cascade
);
create index refresh_group_mv_group_idx on pgauto_mv.refresh_group_mv (group_name);
comment on table pgauto_mv.refresh_group_mv is 'The views of each refresh group (a view is in one group at most)';
