-- pg_auto_mv (extension script only): user data that pg_dump must carry.
select pg_catalog.pg_extension_config_dump('pgauto_mv.mv', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.watch', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.chain', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.refresh_log', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.schedule', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.schedule_mv', '');
