-- pg_auto_mv (extension script only): user data that pg_dump must carry.
select pg_catalog.pg_extension_config_dump('pgauto_mv.mv', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.watch', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.chain', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.refresh_log', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.schedule', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.schedule_mv', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.blackout', '');
-- Their id sequences too: otherwise the first view registered (or window or log row added) after
-- a restore takes id 1 again and collides with a restored row.
select pg_catalog.pg_extension_config_dump('pgauto_mv.mv_id_seq', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.refresh_log_id_seq', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.blackout_id_seq', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.refresh_group', '');
select pg_catalog.pg_extension_config_dump('pgauto_mv.refresh_group_mv', '');
