-- Claims beside another batch (50_process.sql, due_events): a batch's followers are the due
-- events after its first one, so a second worker does not step over the rows another batch
-- holds twice; what another batch held and let go is taken by the next batch, none is lost.
-- Runs in autocommit: the other batch is another session (dblink) holding its rows.
create extension pg_relay;
create extension dblink;
create table public.done (n int);
grant insert on public.done to pgrelay;
select pgrelay.create_channel('t.claim', 'insert into public.done values (($1->>''n'')::int)');
create function pg_temp.conninfo() returns text language sql as $$
    select format('host=%s port=%s dbname=%s user=%s', current_setting('unix_socket_directories'),
                  current_setting('port'), current_database(), current_user) $$;
select dblink_connect('other', pg_temp.conninfo());
-- Five events due one after the other.
select pgrelay.notify('t.claim', jsonb_build_object('n', n), now() - (10 - n) * interval '1 s')
  from generate_series(1, 5) n;

select plan(7);
select is((select string_agg(q.payload->>'n', ',' order by d.run_at)
             from pgrelay.due_events(10, '{}', null, null, (select run_at from pgrelay.queue where payload->>'n' = '2'),
                                     (select id from pgrelay.queue where payload->>'n' = '2')) d
             join pgrelay.queue q on q.id = d.id),
          '3,4,5', 'followers of a first event are the due events after it');
select is((select string_agg(q.payload->>'n', ',' order by d.run_at)
             from pgrelay.due_events(10, '{}') d join pgrelay.queue q on q.id = d.id),
          '1,2,3,4,5', 'without one, every due event');

-- Another batch holds the first two.
select dblink_exec('other', 'begin');
select is((select count(*)::int from dblink('other', $q$select id from pgrelay.queue order by run_at, id limit 2 for update$q$) t(id bigint)),
          2, 'another batch holds events 1 and 2');
select is((select count(*)::int from pgrelay.process_batch(10)), 3, 'this batch runs the three it may take');
select is((select string_agg(n::text, ',' order by n) from public.done), '3,4,5',
          'and takes the events after the held ones');
select dblink_exec('other', 'rollback');
select is((select count(*)::int from pgrelay.process_batch(10)), 2, 'once let go, the next batch takes the other two');
select is((select string_agg(n::text, ',' order by n) from public.done), '1,2,3,4,5', 'every event ran once');

select * from finish();
select dblink_disconnect('other');
