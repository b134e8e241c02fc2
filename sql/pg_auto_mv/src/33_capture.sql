-- pg_auto_mv: change capture from the WAL (call pgauto_mv.set_capture('wal')).
--
-- Two ways to learn that a watched table changed:
--   triggers (the default): the watch triggers (30_triggers.sql) append a request in the
--     writer's transaction;
--   wal: writers run nothing at all. The watched tables are in the publication
--     pgauto_mv_capture and a logical slot (pgoutput) keeps their changes. A processor whose
--     login has REPLICATION streams the slot (core/capture/WalCapture: the server decodes each
--     WAL record once); otherwise, and as the watchdog of a lost slot, the capture event
--     (channel pgauto_mv.capture) reads it with pg_logical_slot_peek_binary_changes(). Both hand
--     what they read to capture_apply(), which queues the requests the triggers would have made
--     (view x table x operation, timed at the commit) and drains them in the same transaction
--     (no drain events while only the capture writes requests). Timers, chains, schedules and
--     the log then work as in trigger mode.
--
-- Never a lost change: the slot's position moves (a standby status update from the stream;
-- pg_replication_slot_advance, not transactional, on the SQL path) only to what a committed
-- capture_apply() covered; a crash before that reads the same transactions again (a duplicate
-- request costs nothing: the drain coalesces). Only each message's type, relation OID, xid,
-- commit time, origin and commit LSN are read; a column list (the replica identity columns)
-- keeps pgoutput's messages small.
--
-- A table is captured from the WAL only if publishing its UPDATEs and DELETEs cannot make them
-- fail (it has a replica identity: a primary key, an identity index or FULL), it is not a
-- partition (its root is published instead, publish_via_partition_root) and pg_auto_mv's role may
-- add it to the publication (owns it); any other watched table keeps its triggers.

-- One row: the mode and the capture's position. Not carried by pg_dump: a restored database
-- starts in trigger mode (sync_mv() puts the triggers back) and needs set_capture('wal') again,
-- for a slot is not restored either.
create table pgauto_mv.capture (
    singleton      boolean primary key default true check (singleton),
    mode           text not null default 'triggers' check (mode in ('triggers', 'wal')),
    slot_name      text,          -- the slot while one exists (still set while switching back)
    captured_lsn   pg_lsn,        -- every transaction that committed before it has its requests queued
    last_run_at    timestamptz,   -- the capture's last completed run
    last_commit_at timestamptz,   -- commit time of the last watched transaction it captured
    lost_at        timestamptz,   -- the slot was lost: pg_auto_mv went back to triggers
    lost_reason    text
);
insert into pgauto_mv.capture default values;
comment on table pgauto_mv.capture is 'Change capture: triggers or wal (set with CALL pgauto_mv.set_capture()), and the WAL capture''s position';

-- The slot's name: slots are per cluster, so it carries the database's OID.
create function pgauto_mv.capture_slot_name()
returns text
language sql stable
set search_path = pg_catalog, pg_temp
as $$ select 'pgauto_mv_' || d.oid::text from pg_database d where d.datname = current_database() $$;

-- Can the table's changes be read from the WAL (see the header)? Partitioned: every partition
-- that stores rows needs a replica identity.
create function pgauto_mv.wal_capturable(p_table oid)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select c.relkind in ('r', 'p') and not c.relispartition
           and not exists (
               select 1 from (select p_table as relid union select relid from pg_partition_tree(p_table)) t
                 join pg_class p on p.oid = t.relid
                where p.relkind = 'r'
                  and not (p.relreplident = 'f'
                           or (p.relreplident = 'd' and exists (select 1 from pg_index i where i.indrelid = p.oid and i.indisprimary))
                           or (p.relreplident = 'i' and exists (select 1 from pg_index i where i.indrelid = p.oid and i.indisreplident))))
      from pg_class c where c.oid = p_table
$$;

-- Is the table's capture the WAL's right now (wal mode, and it is in the publication)?
create function pgauto_mv.wal_captured(p_table oid)
returns boolean
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select exists (select 1 from pgauto_mv.capture c where c.mode = 'wal')
       and exists (select 1 from pg_publication_rel pr join pg_publication p on p.oid = pr.prpubid
                    where p.pubname = 'pgauto_mv_capture' and pr.prrelid = p_table)
$$;

-- An unsigned big-endian integer of p_bytes (4 or 8) at byte p_offset (0-based, as the
-- protocol documentation counts) of a pgoutput message.
create function pgauto_mv.pgoutput_int(p_data bytea, p_offset integer, p_bytes integer)
returns bigint
language sql immutable strict
set search_path = pg_catalog, pg_temp
as $$ select ('x' || lpad(encode(substr(p_data, p_offset + 1, p_bytes), 'hex'), 16, '0'))::bit(64)::bigint $$;

-- Puts a watched table into the publication or takes it out, as the mode and the table say;
-- returns whether its changes are now read from the WAL. Called by rebuild_triggers().
create function pgauto_mv.capture_table(p_table oid)
returns boolean
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_name    text := (select format('%I.%I', n.nspname, c.relname) from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace where c.oid = p_table);
    v_member  boolean;
    v_want    boolean;
    v_columns text;
begin
    if v_name is null or not exists (select 1 from pg_publication where pubname = 'pgauto_mv_capture') then
        return false;
    end if;
    v_member := exists (select 1 from pg_publication_rel pr join pg_publication p on p.oid = pr.prpubid
                         where p.pubname = 'pgauto_mv_capture' and pr.prrelid = p_table);
    v_want := exists (select 1 from pgauto_mv.capture c where c.mode = 'wal')
              and exists (select 1 from pgauto_mv.watch w where w.table_oid = p_table)
              and pgauto_mv.wal_capturable(p_table);
    if v_member and not v_want then
        execute format('alter publication pgauto_mv_capture drop table %s', v_name);
        return false;
    elsif v_want and not v_member then
        -- Only the replica identity's columns (15+, plain tables with a key): pgoutput then
        -- sends a few bytes per row instead of the row.
        if current_setting('server_version_num')::integer >= 150000 then
            select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into v_columns
              from pg_class c
              join pg_index i on i.indrelid = c.oid
                             and ((c.relreplident = 'd' and i.indisprimary) or (c.relreplident = 'i' and i.indisreplident))
              join pg_attribute a on a.attrelid = c.oid and a.attnum = any (i.indkey)
             where c.oid = p_table and c.relkind = 'r';
        end if;
        begin
            execute format('alter publication pgauto_mv_capture add table %s%s', v_name,
                           coalesce(' (' || v_columns || ')', ''));
        exception when insufficient_privilege then
            return false;   -- not pg_auto_mv's role's table: it keeps its triggers
        end;
        return true;
    end if;
    return v_member;
end
$$;

-- Queues the requests of captured changes and records the position they cover, in the
-- caller's transaction. One element per change, in commit order: its transaction's xid (32
-- bits, as decoding gives it), commit time (microseconds since 2000-01-01), whether it was
-- applied by logical replication (it has an origin), the relation and the operation
-- (INSERT/UPDATE/DELETE/TRUNCATE). p_end: every transaction that committed before it is in the
-- arrays or touched no watched table. Called by capture_changes() and by the processor's
-- streaming reader (WalCapture). Returns the transactions that requested a refresh.
-- One element per change of a committed transaction (the SQL path: capture_changes), or per
-- change of a group of transactions that changed the same relations alike (the stream:
-- WalCapture's groupChanges): then p_xids and p_commit_us are the group's last transaction's,
-- p_first_us its first's commit time and p_n how many transactions it stands for. Grouping is
-- what keeps this cheap on a busy table: row by row it cost ~40 us a change with five views.
-- p_after (the stream): the position its batch follows. The capture event reads the slot over
-- SQL only while no one streams it, but a stream that claimed the slot just before such a read
-- committed starts where that read started: when captured_lsn has moved past p_after, the batch
-- was captured already, so nothing is applied and -1 tells the stream to start again from
-- captured_lsn (tests/core/tst_capture.cpp: the 300 changes were counted twice).
create function pgauto_mv.capture_apply(p_xids bigint[], p_commit_us bigint[], p_replicated boolean[],
                                        p_relids oid[], p_ops text[], p_end pg_lsn,
                                        p_first_us bigint[] default null, p_n integer[] default null,
                                        p_after pg_lsn default null)
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_next   bigint := pg_snapshot_xmax(pg_current_snapshot())::text::bigint;
    v_txns   integer;
    v_commit timestamptz;
begin
    if p_after is not null then
        -- The capture lock (capture_changes holds it until it commits), then a fresh look.
        perform pg_advisory_xact_lock(1885827696, 0);
        if exists (select 1 from pgauto_mv.capture c where c.captured_lsn > p_after) then
            return -1;
        end if;
    end if;
    -- xid8 of a decoded xid: the one at most 2^32 below the next xid. It lets the drain see a
    -- change the view's last refresh already covered, as for the extensions' own requests.
    with changed as (
        select x.xid, x.us, coalesce(x.first_us, x.us) as first_us, coalesce(x.n, 1) as n,
               x.replicated, x.relid, x.op, x.pos
          from unnest(p_xids, p_commit_us, p_replicated, p_relids, p_ops, p_first_us, p_n)
               with ordinality as x(xid, us, replicated, relid, op, first_us, n, pos)
    ), per_view as (   -- each view once per transaction (or group), with the first change that
                       -- concerned it; a replicated change only for fire_on_replica views, as
                       -- with triggers
        select distinct on (ch.xid, w.mv_id) ch.xid, ch.us, ch.first_us, ch.n, w.mv_id, ch.relid, ch.op
          from changed ch join pgauto_mv.watch w on w.table_oid = ch.relid and ch.op = any (w.operations)
          join pgauto_mv.mv m on m.id = w.mv_id
         where m.fire_on_replica or not ch.replicated
         order by ch.xid, w.mv_id, ch.pos
    ), ins as (
        -- One request per view, table and operation for the whole batch (the drain counts its n
        -- transactions): a request per transaction made the capture write as many rows as the
        -- writers would have with triggers. Its xid is the last committed one's: a refresh whose
        -- snapshot saw that one saw them all (commit order), and the request is only a nudge.
        insert into pgauto_mv.request (mv_ids, t, t_first, n, table_oid, op, xid)
        select array[v.mv_id::text],
               timestamptz '2000-01-01 00:00:00+00' + max(v.us) * interval '1 microsecond',
               timestamptz '2000-01-01 00:00:00+00' + min(v.first_us) * interval '1 microsecond',
               sum(v.n), v.relid, v.op,
               (v_next - (((v_next & 4294967295) - (array_agg(v.xid order by v.us desc))[1]) & 4294967295))::text::xid8
          from per_view v
         group by v.mv_id, v.relid, v.op
        returning n, t
    )
    select coalesce(sum(i.n), 0), max(i.t) into v_txns, v_commit from ins i;
    update pgauto_mv.capture
       set captured_lsn = greatest(captured_lsn, p_end), last_run_at = clock_timestamp(),
           last_commit_at = coalesce(v_commit, last_commit_at)
     where slot_name is not null;
    -- Drain here what was just queued, in this transaction, rather than through drain events:
    -- those keep coming every 50 ms while there is traffic (for writers with triggers, which
    -- must not wake a drain each), and on a 2-core server that churn took ~8 % of the writers'
    -- throughput (bench/write_path_pgbench.sh). When a drain is at work, these requests are
    -- left to the drains as a trigger's are: appended first, then the flag read (on_drain_event).
    if v_txns > 0 then
        if pg_try_advisory_xact_lock(1885827695, 0) then
            perform pgauto_mv.drain_requests(null);
        elsif pg_sequence_last_value('pgauto_mv.drain_active') is distinct from 2 then
            perform pgauto_mv.wake_drain();
        end if;
    end if;
    return v_txns;
end
$$;

-- Reads the slot over SQL: every transaction that committed before p_upto (default: all WAL
-- flushed so far), p_max changes at most (whole transactions), becomes requests, and
-- captured_lsn moves past it, all in the caller's transaction. Returns the transactions that
-- requested a refresh; -1 when a processor streams the slot (WalCapture reads it then); NULL
-- when another capture is at work (p_wait false) or there is no slot.
create function pgauto_mv.capture_changes(p_upto pg_lsn default null, p_max integer default 20000,
                                          p_wait boolean default false)
returns integer
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    c        pgauto_mv.capture;
    v_slot   record;
    v_upto   pg_lsn;
    v_rows   bigint;
    v_end    pg_lsn;
    a_xid    bigint[];
    a_us     bigint[];
    a_repl   boolean[];
    a_relid  oid[];
    a_op     text[];
begin
    -- One capture at a time (a slot has one reader). Not the (1885827695, n) locks: those are
    -- the drain's (0) and each view's refresh (its id).
    if p_wait then
        perform pg_advisory_xact_lock(1885827696, 0);
    elsif not pg_try_advisory_xact_lock(1885827696, 0) then
        return null;
    end if;
    select * into c from pgauto_mv.capture;
    if c.slot_name is null then
        return null;
    end if;
    select s.wal_status, s.confirmed_flush_lsn, s.active into v_slot
      from pg_replication_slots s where s.slot_name = c.slot_name;
    if not found or v_slot.wal_status = 'lost' then
        perform pgauto_mv.capture_lost(c.slot_name,
            case when v_slot is null then 'the slot was dropped'
                 else 'the server removed WAL the slot still needed (max_slot_wal_keep_size)' end);
        return 0;
    end if;
    if v_slot.active then
        return -1;   -- a processor streams it
    end if;
    -- Decoding reads flushed WAL only: a transaction that committed later is left for the next run.
    v_upto := least(coalesce(p_upto, pg_current_wal_flush_lsn()), pg_current_wal_flush_lsn());
    begin
        -- What an earlier run committed with its requests, the slot may let go.
        if v_slot.confirmed_flush_lsn < c.captured_lsn then
            perform pg_replication_slot_advance(c.slot_name, c.captured_lsn);
        end if;
        with ch as materialized (
            select x.lsn, x.xid::text::bigint as xid, chr(get_byte(x.data, 0)) as kind, x.data,
                   row_number() over () as pos
              from pg_logical_slot_peek_binary_changes(c.slot_name, v_upto, p_max,
                                                       'proto_version', '1', 'publication_names', 'pgauto_mv_capture') x
        ), txn as (   -- B: the commit time (int64 us since 2000-01-01, at byte 9); O: an origin
            select b.xid, max(pgauto_mv.pgoutput_int(b.data, 9, 8)) filter (where b.kind = 'B') as us,
                   bool_or(b.kind = 'O') as replicated
              from ch b where b.kind in ('B', 'O') group by b.xid
        ), changed as (   -- I, U, D: the relation's OID at byte 1; T: n relations from byte 6
            select b.xid, b.pos, 0 as k,
                   case b.kind when 'I' then 'INSERT' when 'U' then 'UPDATE' else 'DELETE' end as op,
                   pgauto_mv.pgoutput_int(b.data, 1, 4)::oid as relid
              from ch b where b.kind in ('I', 'U', 'D')
            union all
            select b.xid, b.pos, k, 'TRUNCATE',
                   pgauto_mv.pgoutput_int(b.data, 6 + 4 * k::integer, 4)::oid
              from ch b, generate_series(0, pgauto_mv.pgoutput_int(b.data, 1, 4) - 1) k
             where b.kind = 'T'
        )
        select (select count(*) from ch),
               -- C: the commit record's end LSN, at byte 10
               (select max('0/0'::pg_lsn + pgauto_mv.pgoutput_int(b.data, 10, 8))
                  from ch b where b.kind = 'C'),
               array_agg(x.xid order by x.pos, x.k), array_agg(t.us order by x.pos, x.k),
               array_agg(t.replicated order by x.pos, x.k), array_agg(x.relid order by x.pos, x.k),
               array_agg(x.op order by x.pos, x.k)
          into v_rows, v_end, a_xid, a_us, a_repl, a_relid, a_op
          from changed x join txn t on t.xid = x.xid;
    exception when object_in_use then
        return -1;   -- a processor began streaming it a moment ago
    end;
    -- Where the next run starts: past the last whole transaction read when the batch was cut
    -- at p_max, else at v_upto (everything that committed before it is read).
    if v_rows < p_max then
        v_end := v_upto;
    end if;
    return pgauto_mv.capture_apply(coalesce(a_xid, '{}'), coalesce(a_us, '{}'), coalesce(a_repl, '{}'),
                                   coalesce(a_relid, '{}'), coalesce(a_op, '{}'),
                                   greatest(coalesce(v_end, v_upto), c.captured_lsn));
end
$$;

-- For the processor's streaming reader (WalCapture): the slot to stream, when the mode is wal
-- and no one streams it, from where, and whether the processor's login may (REPLICATION).
create function pgauto_mv.capture_claim(out slot_name text, out captured_lsn pg_lsn, out may_stream boolean)
returns setof record
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
    select c.slot_name, greatest(c.captured_lsn, s.confirmed_flush_lsn),
           exists (select 1 from pg_roles r where r.rolname = session_user and (r.rolreplication or r.rolsuper))
      from pgauto_mv.capture c join pg_replication_slots s on s.slot_name = c.slot_name
     where c.mode = 'wal' and not s.active and s.wal_status is distinct from 'lost'
$$;

-- Whether the streaming reader should go on (the mode is still wal).
create function pgauto_mv.capture_streaming()
returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$ select exists (select 1 from pgauto_mv.capture c where c.mode = 'wal' and c.slot_name is not null) $$;

-- Does the slot hold a change not captured yet, committed before p_upto, to a table one of the
-- views watches (wait_until_fresh() in WAL mode)? Reads without consuming; true when it cannot
-- tell now (a capture is at work, the slot is lost: the capture deals with that).
create function pgauto_mv.capture_holds(p_mv_ids integer[], p_upto pg_lsn)
returns boolean
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    c      pgauto_mv.capture;
    v_slot record;
    v_held boolean;
begin
    select * into c from pgauto_mv.capture;
    if c.slot_name is null or c.captured_lsn >= p_upto then
        return false;
    end if;
    select s.wal_status, s.confirmed_flush_lsn, s.active into v_slot from pg_replication_slots s where s.slot_name = c.slot_name;
    if not found or v_slot.wal_status = 'lost' then
        return true;
    end if;
    -- A processor streams the slot: it confirms a position only once its requests are committed.
    if v_slot.active then
        return v_slot.confirmed_flush_lsn < p_upto;
    end if;
    -- A session lock (this transaction may wait for a while): the capture event skips meanwhile.
    if not pg_try_advisory_lock(1885827696, 0) then
        return true;
    end if;
    begin
        if v_slot.confirmed_flush_lsn < c.captured_lsn then
            perform pg_replication_slot_advance(c.slot_name, c.captured_lsn);
        end if;
        select exists (
            select 1
              from pg_logical_slot_peek_binary_changes(c.slot_name, least(p_upto, pg_current_wal_flush_lsn()), null,
                                                       'proto_version', '1', 'publication_names', 'pgauto_mv_capture') x
             where chr(get_byte(x.data, 0)) = 'T'   -- several relations: counted without looking
                or (chr(get_byte(x.data, 0)) in ('I', 'U', 'D')
                    and exists (select 1 from pgauto_mv.watch w
                                 where w.mv_id = any (p_mv_ids)
                                   and w.table_oid = pgauto_mv.pgoutput_int(x.data, 1, 4)::oid)))
          into v_held;
    exception
        when object_in_use then   -- a processor began streaming it a moment ago
            perform pg_advisory_unlock(1885827696, 0);
            return true;
        when others or query_canceled then
            perform pg_advisory_unlock(1885827696, 0);
            raise;
    end;
    perform pg_advisory_unlock(1885827696, 0);
    return v_held;
end
$$;

-- The slot is gone (dropped, or invalidated because WAL it needed was removed): the changes it
-- held are unknown, so every view watching a WAL-captured table is requested, and capture goes
-- back to triggers (never silently stale). set_capture('wal') makes a new slot.
create function pgauto_mv.capture_lost(p_slot text, p_reason text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids    text[];
    v_tables oid[];
begin
    select array_agg(pr.prrelid) into v_tables
      from pg_publication_rel pr join pg_publication p on p.oid = pr.prpubid
     where p.pubname = 'pgauto_mv_capture';
    select array_agg(distinct w.mv_id::text) into v_ids from pgauto_mv.watch w where w.table_oid = any (v_tables);
    update pgauto_mv.capture
       set mode = 'triggers', slot_name = null, captured_lsn = null, lost_at = clock_timestamp(), lost_reason = p_reason;
    if exists (select 1 from pg_replication_slots s where s.slot_name = p_slot) then
        perform pg_drop_replication_slot(p_slot);
    end if;
    perform pgauto_mv.rebuild_triggers(t) from unnest(v_tables) t;
    if cardinality(v_ids) > 0 then
        perform pgauto_mv.enqueue_request(v_ids, null, null, 'sync');
    end if;
    raise warning 'pg_auto_mv: WAL capture slot % lost (%): back to triggers; % view(s) requested', p_slot, p_reason,
        coalesce(cardinality(v_ids), 0)
        using hint = 'Raise max_slot_wal_keep_size, then CALL pgauto_mv.set_capture(''wal'').';
end
$$;

-- The capture event: reads the slot, then runs again soon while the mode is wal.
create function pgauto_mv.on_capture_event(p jsonb)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_n integer;
begin
    v_n := pgauto_mv.capture_changes();
    if v_n is null then
        return;   -- no slot, or another capture is at work (and schedules its successor)
    end if;
    if exists (select 1 from pgauto_mv.capture c where c.mode = 'wal' and c.slot_name is not null) then
        -- While a processor streams the slot this run only watches over it (a lost slot).
        perform pgauto_mv.schedule_capture(case when v_n < 0 then interval '1 s'
                                                when v_n > 0 then interval '100 ms' else interval '250 ms' end);
    end if;
end
$$;

-- The next capture run, p_in from now. One chained event at a time (a schedule every 10 s
-- restarts the chain if its event is lost).
create function pgauto_mv.schedule_capture(p_in interval default interval '100 ms')
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    if not exists (select 1 from pgrelay.queue q
                    where q.channel = 'pgauto_mv.capture' and q.payload ? 'chain'
                      and q.id is distinct from nullif(current_setting('pgrelay.event_id', true), '')::bigint) then
        perform pgrelay.notify_internal('pgauto_mv.capture', jsonb_build_object('chain', true),
                                        clock_timestamp() + p_in, 0);
    end if;
end
$$;

-- set_capture's checks, made before it changes anything.
create function pgauto_mv.check_capture_switch(p_mode text)
returns void
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_mode is null or p_mode not in ('wal', 'triggers') then
        raise exception 'pg_auto_mv: unknown capture mode %', coalesce(quote_literal(p_mode), 'NULL')
            using errcode = 'AM005', hint = 'CALL pgauto_mv.set_capture(''wal'') or CALL pgauto_mv.set_capture(''triggers'').';
    end if;
    perform pgauto_mv.check_may_manage_all();
    if p_mode = 'wal' then
        if current_setting('wal_level') <> 'logical' then
            raise exception 'pg_auto_mv: WAL capture needs wal_level = logical; this server has %', current_setting('wal_level')
                using errcode = '55000',
                      hint = 'Set wal_level = logical and restart the server (managed services: see docs/pg_auto_mv.md, "WAL capture").';
        end if;
        if not exists (select 1 from pg_roles r where r.rolname = pgauto_mv.installer() and (r.rolreplication or r.rolsuper)) then
            raise exception 'pg_auto_mv: WAL capture needs the REPLICATION attribute for %, who runs it', pgauto_mv.installer()
                using errcode = '42501', hint = format('ALTER ROLE %I REPLICATION;', pgauto_mv.installer());
        end if;
    end if;
end
$$;

-- Step 1 of set_capture('wal'): the publication, committed before the slot exists (decoding a
-- transaction needs the publication to exist at that point in the WAL).
create function pgauto_mv.capture_prepare()
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgauto_mv.check_may_manage_all();
    if not exists (select 1 from pg_publication where pubname = 'pgauto_mv_capture') then
        create publication pgauto_mv_capture
            with (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);
        comment on publication pgauto_mv_capture is
            'pg_auto_mv''s WAL capture: the watched tables (managed by pg_auto_mv; read by its slot)';
    end if;
end
$$;

-- Step 2 of set_capture('wal'): the slot first (a transaction that wrote cannot make one), then
-- the switch: tables into the publication, their triggers dropped, the first capture run queued.
-- A transaction that commits between the slot's start and this commit is seen twice (its
-- triggers fired, and the slot has it): a duplicate request, never a lost one.
create function pgauto_mv.capture_start()
returns text
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_slot text := pgauto_mv.capture_slot_name();
    v_lsn  pg_lsn;
    v_n    integer := 0;
    v_t    oid;
begin
    perform pgauto_mv.check_may_manage_all();
    if exists (select 1 from pgauto_mv.capture c where c.mode = 'wal' and c.slot_name is not null) then
        return 'already capturing from the WAL';
    end if;
    if exists (select 1 from pg_replication_slots s where s.slot_name = v_slot) then
        perform pg_drop_replication_slot(v_slot);   -- left by an earlier switch or a copied cluster
    end if;
    -- 17+: a failover slot, which standbys with sync_replication_slots keep in step, so WAL
    -- capture survives a failover to one (without it the new primary has no slot: see capture_lost).
    if current_setting('server_version_num')::integer >= 170000 then
        execute 'select s.lsn from pg_create_logical_replication_slot($1, ''pgoutput'', failover => true) s'
           into v_lsn using v_slot;
    else
        select s.lsn into v_lsn from pg_create_logical_replication_slot(v_slot, 'pgoutput') s;
    end if;
    update pgauto_mv.capture
       set mode = 'wal', slot_name = v_slot, captured_lsn = v_lsn, last_run_at = clock_timestamp(),
           lost_at = null, lost_reason = null;
    for v_t in select distinct w.table_oid from pgauto_mv.watch w loop
        perform pgauto_mv.rebuild_triggers(v_t);
        if pgauto_mv.wal_captured(v_t) then
            v_n := v_n + 1;
        end if;
    end loop;
    perform pgauto_mv.schedule_capture();
    return format('capturing from the WAL: %s table(s) through slot %s; %s watched table(s) keep triggers',
                  v_n, v_slot, (select count(distinct w.table_oid) from pgauto_mv.watch w) - v_n);
end
$$;

-- Step 1 of set_capture('triggers'): the triggers come back (and the tables leave the
-- publication), committed durably; the slot still holds what committed before.
create function pgauto_mv.capture_stop()
returns pg_lsn
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_t oid;
begin
    perform pgauto_mv.check_may_manage_all();
    perform set_config('synchronous_commit', 'on', true);   -- the next step reads flushed WAL only
    update pgauto_mv.capture set mode = 'triggers', lost_at = null, lost_reason = null;
    for v_t in select distinct w.table_oid from pgauto_mv.watch w loop
        perform pgauto_mv.rebuild_triggers(v_t);
    end loop;
    return pg_current_wal_insert_lsn();
end
$$;

-- Step 3 of set_capture('triggers'): once everything up to the switch is captured, the slot and
-- the publication go.
create function pgauto_mv.capture_drop()
returns text
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_slot text := (select c.slot_name from pgauto_mv.capture c);
begin
    perform pgauto_mv.check_may_manage_all();
    update pgauto_mv.capture set slot_name = null, captured_lsn = null;
    if v_slot is not null and exists (select 1 from pg_replication_slots s where s.slot_name = v_slot) then
        perform pg_drop_replication_slot(v_slot);
    end if;
    drop publication if exists pgauto_mv_capture;
    return 'capturing with triggers';
end
$$;

-- Switches capture: CALL pgauto_mv.set_capture('wal') or ('triggers'). A procedure, because a
-- switch takes several transactions (see the steps above); call it on its own, not inside
-- BEGIN ... COMMIT. No SET clause (a procedure with one cannot commit): everything is qualified,
-- and each step is a function of pg_auto_mv's role that checks the caller's rights again.
create procedure pgauto_mv.set_capture(p_mode text)
language plpgsql
as $$
declare
    v_stop     pg_lsn;
    v_msg      text;
    v_n        integer;
    v_deadline timestamptz;
begin
    perform pgauto_mv.check_capture_switch(p_mode);
    -- Inside BEGIN ... COMMIT (or called from a function) this COMMIT fails with PostgreSQL's
    -- "invalid transaction termination" (2D000), before anything has changed.
    commit;
    if p_mode operator(pg_catalog.=) 'wal' then
        perform pgauto_mv.capture_prepare();
        commit;
        v_msg := pgauto_mv.capture_start();
        commit;
    else
        v_stop := pgauto_mv.capture_stop();
        commit;
        -- Everything that committed before the triggers came back is captured before the slot goes.
        -- A processor streaming the slot sees the mode change within a second, confirms what it
        -- has and lets the slot go; this then reads the rest.
        v_deadline := pg_catalog.clock_timestamp() operator(pg_catalog.+) interval '60 s';
        loop
            v_n := pgauto_mv.capture_changes(v_stop, 20000, true);
            commit;
            exit when not exists (select 1 from pgauto_mv.capture c
                                   where c.slot_name is not null and c.captured_lsn operator(pg_catalog.<) v_stop);
            if pg_catalog.clock_timestamp() operator(pg_catalog.>) v_deadline then
                raise exception 'pg_auto_mv: the WAL capture did not catch up within 60 s; capture is back on triggers, the slot is kept'
                    using errcode = '55000',
                          hint = 'Check the processors (select * from pgrelay.processor_status), then CALL pgauto_mv.set_capture(''triggers'') again to finish.';
            end if;
            if v_n operator(pg_catalog.<) 0 then
                perform pg_catalog.pg_sleep(0.05);
            end if;
        end loop;
        v_msg := pgauto_mv.capture_drop();
        commit;
    end if;
    raise notice 'pg_auto_mv: %', v_msg;
end
$$;
comment on procedure pgauto_mv.set_capture(text) is
    'Switches change capture between watch triggers and the WAL (logical decoding); CALL it on its own';

-- What the capture is doing: its mode, slot and how far behind it is.
create function pgauto_mv.capture_status(
    out mode text, out slot_name text, out wal_status text, out lag_bytes numeric, out last_run_at timestamptz,
    out seconds_since_run double precision, out last_commit_at timestamptz, out wal_tables integer,
    out trigger_tables integer, out lost_at timestamptz, out lost_reason text, out streaming boolean)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
    select c.mode, c.slot_name, s.wal_status,
           case when c.slot_name is not null
                then pg_wal_lsn_diff(pg_current_wal_lsn(), greatest(c.captured_lsn, s.confirmed_flush_lsn)) end,
           c.last_run_at,
           -- A processor streaming the slot reads as the WAL comes: it is not behind in time.
           case when c.slot_name is not null and s.active then 0
                when c.slot_name is not null then extract(epoch from clock_timestamp() - c.last_run_at)::double precision end,
           c.last_commit_at,
           (select count(distinct w.table_oid) from pgauto_mv.watch w where pgauto_mv.wal_captured(w.table_oid))::integer,
           (select count(distinct w.table_oid) from pgauto_mv.watch w where not pgauto_mv.wal_captured(w.table_oid))::integer,
           c.lost_at, c.lost_reason,
           coalesce(s.active, false)   -- a processor streams the slot (else the capture event reads it)
      from pgauto_mv.capture c
      left join pg_replication_slots s on s.slot_name = c.slot_name
$$;
