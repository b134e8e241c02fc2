-- WAL capture (issue 16): CALL pgauto_mv.set_capture('wal') puts the watched tables that have a
-- replica identity into pg_auto_mv's publication, drops their triggers and makes a logical slot;
-- capture_changes() (the processor's capture event) turns committed changes into the requests
-- the triggers made. Slot loss falls back to triggers and requests every view; switching back
-- captures what the slot still held. Runs without a transaction around it: set_capture commits.
\set ON_ERROR_STOP on
create extension pg_auto_mv cascade;
create table public.t (id int primary key, v int, w int);
create table public.nopk (v int);
create table public.u (id int primary key);
insert into public.t select g, g, g from generate_series(1, 10) g;
create materialized view public.mt as select count(*) as n, sum(v) as s from public.t;
create unique index on public.mt (n);
create materialized view public.mins as select count(*) as n from public.t;   -- watches INSERT only
create materialized view public.mn as select count(*) as n from public.nopk;
create materialized view public.mu as select count(*) as n from public.u;
select pgauto_mv.register_mv('mt', p_watch_tables => array[pgauto_mv.mv_watch('public.t')]);
select pgauto_mv.register_mv('mins', p_watch_tables => array[pgauto_mv.mv_watch('public.t', 'INSERT')]);
select pgauto_mv.register_mv('mn', p_watch_tables => array[pgauto_mv.mv_watch('public.nopk')]);
drop role if exists capture_nobody;
drop role if exists capture_admin;
create role capture_nobody;
create role capture_admin;
grant pgauto_mv_admin to capture_admin;

create function pg_temp.id(p_mv text) returns text language sql as $$ select id::text from pgauto_mv.mv where mv_name = p_mv $$;
-- What the drain recorded since the last call, one log row per view: view:transactions:what
-- changed. The capture drains what it queues in its own transaction (capture_apply).
create function pg_temp.changes() returns text language plpgsql as $$
declare v text;
begin
    select string_agg(m.mv_name || ':' || substring(l.detail from '^([0-9]+) transaction') || ':'
                      || substring(l.detail from ': (.*)$'), ' ' order by m.mv_name) into v
      from pgauto_mv.refresh_log l join pgauto_mv.mv m on m.id = l.mv_id
     where l.kind = 'change';
    delete from pgauto_mv.refresh_log where kind = 'change';
    return coalesce(v, '');
end $$;
-- What one capture run recorded (requests the triggers of other tables left are dropped first).
create function pg_temp.capture() returns text language plpgsql as $$
begin
    delete from pgauto_mv.request;
    perform pg_temp.changes();
    perform pgauto_mv.capture_changes();
    return pg_temp.changes();
end $$;
create function pg_temp.triggers(p_table regclass) returns bigint language sql as $$
    select count(*) from pg_trigger where tgrelid = p_table and tgname like 'pgauto\_mv\_%' $$;
create function pg_temp.problems() returns text language sql as $$
    select coalesce(string_agg(code, ',' order by code), '') from pgauto_mv.get_mv_problems()
     where code like 'capture%' or code like 'trigger%' $$;

select plan(51);

-- Refused before anything changes.
select throws_ok($$call pgauto_mv.set_capture('logical')$$, 'AM005', 'pg_auto_mv: unknown capture mode ''logical''',
                 'an unknown mode is refused');
begin;
select throws_ok($$call pgauto_mv.set_capture('wal')$$, '2D000', null, 'inside BEGIN ... COMMIT the switch is refused');
commit;
set role capture_nobody;
select throws_ok($$call pgauto_mv.set_capture('wal')$$, '42501', null, 'a role with nothing may not switch');
reset role;
set role capture_admin;
select throws_ok($$call pgauto_mv.set_capture('wal')$$, '42501', null,
                 'another admin may not switch either (it holds every view)');
reset role;
select is((select mode from pgauto_mv.capture), 'triggers', 'the mode is unchanged');
select is((select count(*) from pg_replication_slots where database = current_database()), 0::bigint, 'and no slot was made');

-- Switch to the WAL.
call pgauto_mv.set_capture('wal');
select is((select mode || ' ' || slot_name from pgauto_mv.capture), 'wal ' || pgauto_mv.capture_slot_name(), 'the mode is wal');
select is((select plugin::text from pg_replication_slots where slot_name = pgauto_mv.capture_slot_name()), 'pgoutput',
          'a pgoutput slot was made');
select is((select string_agg(tablename || ':' || attnames::text, ' ') from pg_publication_tables where pubname = 'pgauto_mv_capture'),
          't:{id}',
                  'the publication has the table with a key, with only its key columns; not the one without a replica identity');
select is(pg_temp.triggers('public.t'), 0::bigint, 'the captured table has no trigger left');
select is(pg_temp.triggers('public.nopk'), 4::bigint, 'the table without a replica identity keeps its triggers');
select is((select wal_tables || '/' || trigger_tables from pgauto_mv.capture_status()), '1/1', 'capture_status counts both');
select is(pg_temp.problems(), '', 'no missing-trigger problem for a table read from the WAL');
update public.nopk set v = 1;   -- would fail had the table gone into the publication
select pass('a table without a replica identity can still be updated');

-- Changes become requests, one per view per transaction, at the commit.
select is(pg_temp.capture(), '', 'nothing changed yet');
insert into public.t values (11, 11, 11);
update public.t set v = 0 where id = 1;
begin; update public.t set v = 5 where id = 2; update public.t set w = 5 where id = 3; insert into public.t values (12, 0, 0); commit;
begin; delete from public.t where id = 4; rollback;
delete from public.t where id = 5;
delete from pgrelay.queue where channel = 'pgauto_mv.drain';   -- the triggers' of public.nopk
select is(pg_temp.capture(), 'mins:2:INSERT on public.t mt:4:DELETE on public.t, INSERT on public.t, UPDATE on public.t',
          'each committed transaction counts once per view; a rollback not at all');
select is((select count(*) from pgrelay.queue where channel = 'pgauto_mv.drain'), 0::bigint,
          'the capture drained its requests itself: no drain event');
select captured_lsn as first_run from pgauto_mv.capture \gset
select ok((select confirmed_flush_lsn from pg_replication_slots where slot_name = pgauto_mv.capture_slot_name())
          < :'first_run'::pg_lsn, 'the slot keeps what the run read until the run has committed');
select is(pg_temp.capture(), '', 'a second run finds nothing new');
select ok((select confirmed_flush_lsn from pg_replication_slots where slot_name = pgauto_mv.capture_slot_name())
          >= :'first_run'::pg_lsn, 'and advances the slot to what the first one committed');
truncate public.t;
select is(pg_temp.capture(), 'mt:1:TRUNCATE on public.t', 'TRUNCATE is captured');
insert into public.t values (13, 0, 0);
select pg_temp.capture();
begin; update public.t set v = 1 where id = 13; insert into public.t values (14, 0, 0); commit;
select is(pg_temp.capture(), 'mins:1:INSERT on public.t mt:1:UPDATE on public.t',
          'a transaction counts for a view under its first change for the view');
-- The stream hands transactions over grouped (WalCapture: groupChanges): three that updated
-- then inserted, two that only inserted; each group's entries carry its count of transactions.
select pgauto_mv.capture_apply(array[900, 900, 905]::bigint[], array[us, us, us + 5]::bigint[], '{f,f,f}',
                               array['public.t'::regclass::oid, 'public.t'::regclass::oid, 'public.t'::regclass::oid], '{UPDATE,INSERT,INSERT}',
                               (select captured_lsn from pgauto_mv.capture), array[us - 9, us - 9, us - 1], '{3,3,2}')
  from (select (extract(epoch from now() - timestamptz '2000-01-01 00:00:00+00') * 1000000)::bigint as us) n;
select is(pg_temp.changes(), 'mins:5:INSERT on public.t mt:5:INSERT on public.t, UPDATE on public.t',
          'a group of transactions counts as many as it stands for, each under its first change for the view');
-- A stream whose batch follows a position the capture has moved past (the capture event read
-- the slot as the stream began) applies nothing and says so: it starts again from there.
select is(pgauto_mv.capture_apply(array[907]::bigint[], array[1]::bigint[], '{f}', array['public.t'::regclass::oid], '{UPDATE}',
                                  (select captured_lsn + 100 from pgauto_mv.capture), '{1}', '{1}',
                                  (select captured_lsn - 1 from pgauto_mv.capture)),
          -1, 'a stream batch that overlaps what was captured already is refused');
select is(pg_temp.changes(), '', 'and queues nothing');
select is(pgauto_mv.capture_apply(array[908]::bigint[], array[1]::bigint[], '{f}', array['public.t'::regclass::oid], '{UPDATE}',
                                  (select captured_lsn + 100 from pgauto_mv.capture), '{1}', '{1}',
                                  (select captured_lsn from pgauto_mv.capture)),
          1, 'one that follows it is applied');
select is(pg_temp.changes(), 'mt:1:UPDATE on public.t', 'and counted');
delete from pgauto_mv.request;
insert into public.nopk values (2);
select is((select count(*) from pgauto_mv.request where table_oid = 'public.nopk'::regclass), 1::bigint,
          'a table that keeps its triggers makes its request in the writer''s transaction');
select is(pg_temp.capture(), '', 'and is not read from the slot');

-- Registering and unregistering in wal mode keep the publication in step.
select pgauto_mv.register_mv('mu', p_watch_tables => array[pgauto_mv.mv_watch('public.u')]);
select is((select count(*) from pg_publication_tables where pubname = 'pgauto_mv_capture' and tablename = 'u'), 1::bigint,
          'a table watched in wal mode joins the publication');
select is(pg_temp.triggers('public.u'), 0::bigint, 'without triggers');
insert into public.u values (1);
select is(pg_temp.capture(), 'mu:1:INSERT on public.u', 'and is captured');
select pgauto_mv.unregister_mv('mu');
select is((select count(*) from pg_publication_tables where pubname = 'pgauto_mv_capture' and tablename = 'u'), 0::bigint,
          'an unwatched table leaves the publication');

-- Lag is a problem past the thresholds.
select throws_ok($$select pgauto_mv.set_setting('capture_lag_bytes', 'lots')$$, 'AM005', null, 'a lag size must be a size');
select throws_ok($$select pgauto_mv.set_setting('capture_lag_age', '0')$$, 'AM005', null, 'a lag age must be at least a second');
select pgauto_mv.set_setting('capture_lag_age', '1 min');
update pgauto_mv.capture set last_run_at = clock_timestamp() - interval '2 min';
select is(pg_temp.problems(), 'capture_lag', 'a capture that has not run for longer than capture_lag_age is a problem');
select pgauto_mv.set_setting('capture_lag_bytes', '1MB');
select pgauto_mv.capture_changes();
select is(pg_temp.problems(), '', 'and is gone once it runs');
insert into public.t select g, g, g from generate_series(100, 30000) g;
select is(pg_temp.problems(), 'capture_lag', 'so is a slot holding more WAL than capture_lag_bytes');
select pg_current_wal_flush_lsn() as before_read \gset
select pgauto_mv.capture_changes(p_max => 100000);   -- all in one run (the default 20,000 would stop after the big one)
-- (Not get_mv_problems() again: autovacuum or a checkpoint may write another MB meanwhile.)
select ok((select captured_lsn from pgauto_mv.capture) >= :'before_read'::pg_lsn, 'until it is read');
select pgauto_mv.set_setting('capture_lag_bytes', '1GB');

-- A table that loses its replica identity while published.
create table public.k (id int primary key);
create materialized view public.mk as select count(*) as n from public.k;
select pgauto_mv.register_mv('mk', p_watch_tables => array[pgauto_mv.mv_watch('public.k')]);
alter table public.k drop constraint k_pkey;
select is(pg_temp.problems(), 'capture_no_replica_identity', 'a published table without a replica identity is a problem');
select pgauto_mv.clean_mv();
select is(pg_temp.problems(), '', 'clean_mv() moves it back to triggers');
select is(pg_temp.triggers('public.k'), 4::bigint, 'which it has again');

-- Slot lost: back to triggers, every view it watched requested.
select pg_drop_replication_slot(pgauto_mv.capture_slot_name());
delete from pgauto_mv.request;
select pgauto_mv.capture_changes();
select is((select string_agg(m.mv_name || ':' || r.source, ' ' order by m.mv_name)
             from pgauto_mv.request r, unnest(r.mv_ids) x join pgauto_mv.mv m on m.id::text = x),
          'mins:sync mt:sync', 'a lost slot requests every view it watched');
select is((select mode || coalesce(slot_name, '-') from pgauto_mv.capture), 'triggers-', 'and goes back to triggers');
select is(pg_temp.triggers('public.t'), 4::bigint, 'whose triggers are back');
select is(pg_temp.problems(), 'capture_lost', 'get_mv_problems says so');

-- Back to the WAL, then to triggers: nothing committed before the switch back is lost.
call pgauto_mv.set_capture('wal');
select is(pg_temp.problems(), '', 'a new slot clears the problem');
delete from pgauto_mv.request;
select pg_temp.changes();
update public.t set v = 7 where id = 100;
call pgauto_mv.set_capture('triggers');
select is(pg_temp.changes(), 'mt:1:UPDATE on public.t', 'switching back captures what the slot held first');
select is((select count(*) from pg_replication_slots where database = current_database()), 0::bigint, 'then drops the slot');
select is((select count(*) from pg_publication where pubname = 'pgauto_mv_capture'), 0::bigint, 'and the publication');
select is(pg_temp.triggers('public.t'), 4::bigint, 'the triggers are back');

select * from finish();
