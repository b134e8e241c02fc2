-- pg_auto_mv: privileges. PUBLIC gets nothing; the roles of 00_schema_roles.sql get what they need.

revoke all on all tables in schema pgauto_mv from public;
revoke all on all sequences in schema pgauto_mv from public;
revoke all on all functions in schema pgauto_mv from public;
revoke all on schema pgauto_mv from public;

grant usage on schema pgauto_mv to pgauto_mv_reader, pgauto_mv_admin, pgrelay_internal;

-- mv_watch() only builds a value; anyone registering needs it.
grant execute on function pgauto_mv.mv_watch(text, text, text[], boolean), pgauto_mv.version()
    to pgauto_mv_reader, pgauto_mv_admin;

-- Read: registry, status, log.
grant select on pgauto_mv.mv, pgauto_mv.watch, pgauto_mv.mv_state, pgauto_mv.refresh_log,
    pgauto_mv.chain, pgauto_mv.mv_status, pgauto_mv.setting to pgauto_mv_reader;

-- Administer views the caller owns (each function checks ownership / MAINTAIN itself).
grant execute on function
    pgauto_mv.register_mv(text, text, pgauto_mv.mv_watch[], numeric, numeric, numeric, boolean, numeric, numeric, text, integer),
    pgauto_mv.alter_mv(text, text, pgauto_mv.mv_watch[], numeric, numeric, numeric, boolean, numeric, numeric, text, integer),
    pgauto_mv.unregister_mv(text, text),
    pgauto_mv.pause_mv(text, text),
    pgauto_mv.resume_mv(text, text),
    pgauto_mv.refresh_materialised_view_now(text, text),
    pgauto_mv.refresh_materialized_view_now(text, text),
    pgauto_mv.add_chain(text, text),
    pgauto_mv.remove_chain(text, text),
    pgauto_mv.create_schedule(text, interval, text, text),
    pgauto_mv.drop_schedule(text),
    pgauto_mv.attach_schedule(text, text),
    pgauto_mv.detach_schedule(text, text),
    pgauto_mv.sync_mv(),
    pgauto_mv.clean_mv(),
    pgauto_mv.set_setting(text, text),
    pgauto_mv.purge_log(),
    pgauto_mv.alert_channels(),
    pgauto_mv.add_blackout(text, time, time, text, text, text),
    pgauto_mv.drop_blackout(integer),
    pgauto_mv.create_refresh_group(text, text[]),
    pgauto_mv.alter_refresh_group(text, text[]),
    pgauto_mv.drop_refresh_group(text)
  to pgauto_mv_admin;
grant execute on function pgauto_mv.get_mv_problems(), pgauto_mv.capture_status() to pgauto_mv_reader;
grant select on pgauto_mv.capture to pgauto_mv_reader;
-- Change capture: the procedure runs as its caller; each step checks that the caller may change
-- what holds every view (check_may_manage_all) and runs as pg_auto_mv's role.
revoke all on procedure pgauto_mv.set_capture(text) from public;
grant execute on procedure pgauto_mv.set_capture(text) to pgauto_mv_admin;
grant execute on function pgauto_mv.check_capture_switch(text), pgauto_mv.capture_prepare(), pgauto_mv.capture_start(),
    pgauto_mv.capture_stop(), pgauto_mv.capture_drop(), pgauto_mv.capture_changes(pg_lsn, integer, boolean)
  to pgauto_mv_admin;
-- What mv_status calls (a view's functions are checked against the reader, not its owner).
grant execute on function pgauto_mv.days_text(integer[]) to pgauto_mv_reader;
grant execute on function pgauto_mv.seconds(numeric), pgauto_mv.refreshing(integer),
    pgauto_mv.overdue(timestamptz, numeric),
    pgauto_mv.upstream_busy(integer) to pgauto_mv_reader;
grant select on pgauto_mv.schedule, pgauto_mv.schedule_mv, pgauto_mv.blackout,
    pgauto_mv.refresh_group, pgauto_mv.refresh_group_mv, pgauto_mv.refresh_groups to pgauto_mv_reader;
grant execute on function pgauto_mv.wait_until_fresh(text, text, interval) to pgauto_mv_reader;

-- Bulk loads: any writer may suspend watching in its own transaction and resume it.
grant usage on schema pgauto_mv to public;
grant execute on function pgauto_mv.suspend_watching(), pgauto_mv.resume_watching(boolean) to public;

-- The handlers run as actions of pg_auto_mv's internal channels, i.e. as role pgrelay_internal
-- (no user channel may run as it).
grant execute on function pgauto_mv.on_capture_event(jsonb) to pgrelay_internal;
-- The processor's streaming reader of the WAL capture slot (WalCapture) runs as its login.
grant execute on function pgauto_mv.capture_claim(), pgauto_mv.capture_streaming(),
    pgauto_mv.capture_apply(bigint[], bigint[], boolean[], oid[], text[], pg_lsn, bigint[], integer[], pg_lsn) to pgrelay_processor;
grant execute on function pgauto_mv.on_drain_event(jsonb), pgauto_mv.on_refresh_event(jsonb),
    pgauto_mv.on_schedule_event(jsonb), pgauto_mv.sync_mv(), pgauto_mv.purge_log() to pgrelay_internal;
