-- Registry: register / alter / unregister, ownership, bad input, odd identifiers, triggers
-- (shared per table, per operation, UPDATE column narrowing, partitions, fire_on_replica).
create extension pg_auto_mv cascade;
create schema app;
create table app.orders (id serial primary key, amount numeric not null, day date not null default current_date,
                         note text);
create materialized view app.daily as select day, sum(amount) as total from app.orders group by day;
create unique index on app.daily (day);
create materialized view app.totals as select count(*) as n, sum(amount) as s from app.orders;
create view app.plain_view as select * from app.orders;
create schema "Odd Schema";
create table "Odd Schema"."Order Lines" ("Qty" int, "select" text);
create materialized view "Odd Schema"."x""; DROP TABLE app.orders; --" as select sum("Qty") as q from "Odd Schema"."Order Lines";
create table app.events (id int, at date not null, v int) partition by range (at);
create table app.events_2025 partition of app.events for values from ('2025-01-01') to ('2026-01-01');
create table app.events_2026 partition of app.events for values from ('2026-01-01') to ('2027-01-01');
create materialized view app.event_counts as select at, count(*) from app.events group by at;

begin;
select plan(50);
-- Roles are cluster-wide: this one lives only in the test's transaction.
create role t_stranger login;
grant usage on schema app to t_stranger;
grant pgauto_mv_admin to t_stranger;

-- Registration and defaults.
select is(pgauto_mv.register_mv('daily', 'app', array[pgauto_mv.mv_watch('app.orders')]), 1, 'register_mv returns the id');
select results_eq($$select refresh_lag, max_wait, cooldown, fire_on_replica from pgauto_mv.mv where mv_name = 'daily'$$,
                  $$values (0::numeric, 0::numeric, 2::numeric, false)$$, 'defaults: lag 0, max_wait 0, cooldown 2');
select is((select operations from pgauto_mv.watch where table_name = 'orders'), '{INSERT,UPDATE,DELETE,TRUNCATE}',
          'mv_watch defaults to all four operations');
select is((select array_agg(tgname::text order by tgname) from pg_trigger where tgrelid = 'app.orders'::regclass),
          '{pgauto_mv_delete,pgauto_mv_insert,pgauto_mv_truncate,pgauto_mv_update}', 'one statement trigger per operation');
select throws_ok($$select pgauto_mv.register_mv('daily', 'app')$$, '42710', null, 'registering twice is refused');

-- A second view on the same table shares the triggers; UPDATE narrowed to the columns it reads.
select pgauto_mv.register_mv('totals', 'app', array[pgauto_mv.mv_watch('app.orders', 'insert, update', p_read_columns_only => true)],
                             p_refresh_lag => 1.5, p_max_wait => 10, p_cooldown => 0.25);
select is((select update_columns from pgauto_mv.watch w join pgauto_mv.mv m on m.id = w.mv_id where m.mv_name = 'totals'),
          '{amount}', 'the columns the view reads come from pg_depend');
select is((select count(*)::int from pg_trigger where tgrelid = 'app.orders'::regclass and tgname = 'pgauto_mv_insert'), 1,
          'two views on one table still share one INSERT trigger');
select ok((select pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'app.orders'::regclass and tgname = 'pgauto_mv_insert')
          like '%on_write(''1'', ''2'')', 'the shared trigger serves both views');
select ok(exists (select 1 from pg_trigger where tgrelid = 'app.orders'::regclass
                   and pg_get_triggerdef(oid) like '%AFTER UPDATE OF amount ON app.orders%on_write(''2'')'),
          'the narrowed view gets its own UPDATE OF amount trigger');

-- One event per transaction per view, whatever the statements; a rollback leaves none.
delete from pgauto_mv.request;
savepoint w;
insert into app.orders (amount) values (1), (2);
update app.orders set note = 'n';
update app.orders set amount = amount + 1;
select is((select count(*)::int from pgauto_mv.request), 1,
          'insert + two updates in one transaction: one request');
select is((select count(*)::int from pgrelay.queue where channel = 'pgauto_mv.drain' and schedule_name is null), 1,
          'and, the drain being idle, one drain event to wake the processor');
select is((select mv_ids from pgauto_mv.request), '{1,2}',
          'it lists both views');
rollback to savepoint w;
select is((select count(*)::int from pgauto_mv.request), 0, 'rolled back: no request');
savepoint w2;
update app.orders set note = 'only the note';
select is((select mv_ids from pgauto_mv.request), '{1}',
          'an UPDATE of a column the narrowed view does not read requests only the other view');
rollback to savepoint w2;

-- Bulk loads: suspended watching requests nothing until resumed, then once.
savepoint b;
select pgauto_mv.suspend_watching();
insert into app.orders (amount) select g from generate_series(1, 100) g;
select is((select count(*)::int from pgauto_mv.request), 0, 'suspended: no request');
select is(pgauto_mv.resume_watching(), 2, 'resume_watching() requests the two views it skipped');
select is((select count(*)::int from pgauto_mv.request where source = 'bulk'), 1,
          'in one request');
rollback to savepoint b;

-- alter_mv: NULL keeps; watch list replaced; triggers follow.
select pgauto_mv.alter_mv('totals', 'app', p_cooldown => 3);
select results_eq($$select refresh_lag, max_wait, cooldown from pgauto_mv.mv where mv_name = 'totals'$$,
                  $$values (1.5::numeric, 10::numeric, 3::numeric)$$, 'alter_mv changes only what it is given');
select pgauto_mv.alter_mv('totals', 'app', p_watch_tables => array[pgauto_mv.mv_watch('app.orders', 'DELETE')]);
select ok(not exists (select 1 from pg_trigger where tgrelid = 'app.orders'::regclass and pg_get_triggerdef(oid) like '%on_write(''2'')'),
          'the narrowed UPDATE trigger went with the new watch list');

-- Partitions: a write straight to a partition counts too.
select pgauto_mv.register_mv('event_counts', 'app', array[pgauto_mv.mv_watch('app.events', 'INSERT')]);
select is((select count(*)::int from pg_trigger where tgname = 'pgauto_mv_insert'
            and tgrelid in ('app.events'::regclass, 'app.events_2025'::regclass, 'app.events_2026'::regclass)), 3,
          'the partitioned table and each partition get the trigger');
delete from pgauto_mv.request;
savepoint p;
insert into app.events_2026 values (1, '2026-05-01', 1);
select is((select mv_ids from pgauto_mv.request), '{3}',
          'an insert into a partition requests the view');
rollback to savepoint p;

-- fire_on_replica: ENABLE ALWAYS row-level triggers.
select pgauto_mv.alter_mv('event_counts', 'app', p_fire_on_replica => true);
select is((select tgenabled::text from pg_trigger where tgrelid = 'app.events'::regclass and tgname = 'pgauto_mv_replica_insert'),
          'A', 'fire_on_replica adds an ENABLE ALWAYS row trigger');

-- Odd identifiers: quotes, spaces, mixed case, reserved words, an injection attempt.
select lives_ok($$select pgauto_mv.register_mv('x"; DROP TABLE app.orders; --', 'Odd Schema',
                                               array[pgauto_mv.mv_watch('"Odd Schema"."Order Lines"', 'UPDATE', array['Qty', 'select'])])$$,
                'a view named x"; DROP TABLE ...; -- in "Odd Schema" registers');
select ok(exists (select 1 from pg_trigger where tgrelid = '"Odd Schema"."Order Lines"'::regclass
                   and pg_get_triggerdef(oid) like '%UPDATE OF "Qty", "select"%'), 'its trigger quotes the columns');
select lives_ok($$select pgauto_mv.on_refresh_event(jsonb_build_object('mv', m.id, 'src', 'manual'))
                    from pgauto_mv.mv m where m.mv_schema = 'Odd Schema'$$, 'and refreshes');
select is((select outcome || ' ' || mode from pgauto_mv.refresh_log where mv like '%DROP TABLE%'), 'succeeded plain',
          'the refresh of the oddly named view succeeded');
select is(to_regclass('app.orders')::text, 'app.orders', 'and nothing was dropped');
create materialized view "Odd Schema"."Übersicht" as select 1 as "Zähler";
select is(pgauto_mv.register_mv('Übersicht', 'Odd Schema') > 0, true, 'a unicode, mixed-case name registers');
select throws_ok($$select pgauto_mv.register_mv('übersicht', 'Odd Schema')$$, 'AM001', null,
                 'names are matched exactly: the lower-case spelling is another (unknown) view');
create materialized view app."select" as select 1 as "from";
select is(pgauto_mv.register_mv('select', 'app') > 0, true, 'a reserved word as the name registers');
select lives_ok($$select pgauto_mv.on_refresh_event(jsonb_build_object('mv', m.id, 'src', 'manual'))
                    from pgauto_mv.mv m where m.mv_name = 'select'$$, 'and refreshes');

-- Bad input: clear errors, nothing changed.
select throws_ok($$select pgauto_mv.register_mv('nope', 'app')$$, 'AM001', null, 'unknown view');
select throws_ok($$select pgauto_mv.register_mv('orders', 'app')$$, 'AM002', 'pg_auto_mv: app.orders is a table, not a materialised view', 'a table is not an MV');
select throws_ok($$select pgauto_mv.register_mv('plain_view', 'app')$$, 'AM002', null, 'a plain view is not an MV');
select throws_ok($$select pgauto_mv.register_mv('totals', 'app')$$, '42710', null, 'already registered');
select throws_ok($$select pgauto_mv.alter_mv('totals', 'app', p_watch_tables => array[pgauto_mv.mv_watch('app.nope')])$$,
                 'AM004', 'pg_auto_mv: watch table app.nope does not exist', 'unknown watch table');
select throws_ok($$select pgauto_mv.alter_mv('totals', 'app', p_watch_tables => array[pgauto_mv.mv_watch('app.orders', 'INSERT,UPSERT')])$$,
                 'AM004', null, 'bad operation name');
select throws_ok($$select pgauto_mv.alter_mv('totals', 'app', p_watch_tables => array[pgauto_mv.mv_watch('app.daily')])$$,
                 'AM004', null, 'a materialised view cannot be watched');
select throws_ok($$select pgauto_mv.alter_mv('totals', 'app', p_refresh_lag => -1)$$, 'AM005', null, 'negative lag');
select throws_ok($$select pgauto_mv.alter_mv('totals', 'app', p_max_wait => 'NaN')$$, 'AM005', null, 'NaN max_wait');
select results_eq($$select refresh_lag, max_wait, cooldown from pgauto_mv.mv where mv_name = 'totals'$$,
                  $$values (1.5::numeric, 10::numeric, 3::numeric)$$, 'failed calls changed nothing');

-- Only the owner may register (t_stranger holds pgauto_mv_admin but does not own the view).
select pgauto_mv.unregister_mv('totals', 'app');
select throws_ok($$select tap_helpers.as_role('t_stranger', 'select pgauto_mv.register_mv(''totals'', ''app'')')$$,
                 '42501', null, 'another role may not register a view it does not own');
select is((select count(*)::int from pgauto_mv.mv where mv_name = 'totals'), 0, 'and nothing was registered');
-- From PostgreSQL 17 on, a holder of MAINTAIN on the view may register it (there is no such
-- privilege before 17: the test is skipped there).
do $$ begin
    if current_setting('server_version_num')::int >= 170000 then
        execute 'grant maintain on app.totals to t_stranger';
    end if;
end $$;
select case when current_setting('server_version_num')::int < 170000
            then skip('MAINTAIN exists from PostgreSQL 17 on')
            else lives_ok($$select tap_helpers.as_role('t_stranger', 'select pgauto_mv.register_mv(''totals'', ''app'')')$$,
                          'a holder of MAINTAIN (17+) may register a view it does not own') end;
select case when current_setting('server_version_num')::int < 170000
            then skip('MAINTAIN exists from PostgreSQL 17 on')
            else is((select count(*)::int from pgauto_mv.mv where mv_name = 'totals'), 1, 'and it is registered') end;
select pgauto_mv.unregister_mv('totals', 'app') from pgauto_mv.mv where mv_name = 'totals';

select throws_ok($$select tap_helpers.as_role('t_stranger', 'select pgauto_mv.pause_mv(''daily'', ''app'')')$$,
                 '42501', null, 'another role may not pause a view it does not own');

-- The readers' roles read every column of the status views (functions a view calls are checked
-- against the reader: mv_status failed with "permission denied for function seconds").
create role t_reader login;
grant pgauto_mv_reader, pgrelay_reader to t_reader;
select lives_ok($$select tap_helpers.as_role_value('t_reader', 'select string_agg(s::text, '';'') from pgauto_mv.mv_status s')$$,
                'a pgauto_mv_reader reads every column of mv_status');
select lives_ok($$select tap_helpers.as_role_value('t_reader', 'select count(s::text) from pgrelay.processor_status s')$$,
                'a pgrelay_reader reads every column of processor_status');

-- unregister: triggers no other view needs go; a rename is followed by OID.
select pgauto_mv.unregister_mv('daily', 'app');
select is((select count(*)::int from pg_trigger where tgrelid = 'app.orders'::regclass), 0,
          'the last view unregistered: the table has no pg_auto_mv trigger left');
alter materialized view app.event_counts rename to event_totals;
select is((select mv from pgauto_mv.mv_status where id = 3), 'app.event_totals', 'a renamed view is followed by OID');

select * from finish();
rollback;
