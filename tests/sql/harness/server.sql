-- The SQL runner's own guarantees: a real server, tuned by the harness, a fresh database per file.
begin;
select plan(4);

select cmp_ok(current_setting('server_version_num')::int, '>=', 150000,
              'server is PostgreSQL 15 or later');
select is(current_setting('fsync'), 'off', 'the harness tuned this server for tests');
select matches(current_database(), '^t_sql_server_[0-9]+$',
               'runs in a database made for this test file');
select is((select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p', 'm')),
          0, 'the fresh database has no tables or materialised views');

select * from finish();
rollback;
