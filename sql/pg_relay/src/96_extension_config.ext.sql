-- pg_relay (extension script only): user data that pg_dump must carry. Built-in rows are made
-- again by CREATE EXTENSION, so they are filtered out.
select pg_catalog.pg_extension_config_dump('pgrelay.channel', $$where name !~ '^(pgrelay|pgauto_mv)\.'$$);
select pg_catalog.pg_extension_config_dump('pgrelay.schedule', $$where name !~ '^(pgrelay|pgauto_mv)\.'$$);
select pg_catalog.pg_extension_config_dump('pgrelay.failed', '');
select pg_catalog.pg_extension_config_dump('pgrelay.log', '');
select pg_catalog.pg_extension_config_dump('pgrelay.log_id_seq', '');
select pg_catalog.pg_extension_config_dump('pgrelay.event_id_seq', '');
