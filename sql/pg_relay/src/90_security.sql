-- pg_relay: privileges. PUBLIC gets nothing; the roles of 00_schema_roles.sql get what they need.

revoke all on all tables in schema pgrelay from public;
revoke all on all sequences in schema pgrelay from public;
revoke all on all functions in schema pgrelay from public;
revoke all on schema pgrelay from public;

-- Actions run as their channel's run-as role, through functions in schema pgrelay_action that
-- nobody else may use (30_channels.sql). The run-as roles own nothing else of ours and are
-- granted nothing here: a user channel's action can do what its role was granted, no more.
revoke all on schema pgrelay_action from public;
grant usage on schema pgrelay to pgrelay_notify, pgrelay_reader, pgrelay_admin, pgrelay_processor;
-- Anyone who may use pg_relay at all may ask its version.
grant execute on function pgrelay.version() to pgrelay_notify, pgrelay_reader, pgrelay_processor;
grant execute on function pgrelay.queue_metrics() to pgrelay_reader;

-- Notify: what notify() itself needs (it runs with the caller's rights); which channels a role
-- may notify is per channel (pgrelay.notify_right, row-level security on the queue). An action
-- that enqueues a follow-up needs grant_notify(channel, its run-as role).
do $notify$
begin
    perform pgrelay.grant_notify_basics('pgrelay_notify');
    perform pgrelay.grant_notify_basics('pgrelay_admin');
end
$notify$;

-- Read: channels, schedules, the log, the processor registry.
grant select on pgrelay.channel, pgrelay.schedule, pgrelay.log, pgrelay.processor,
    pgrelay.processor_status, pgrelay.setting to pgrelay_reader;
grant execute on function pgrelay.preview_schedule(interval, text, text, integer, timestamptz)
    to pgrelay_reader;

-- Administer (also reads, through pgrelay_reader).
grant select on pgrelay.queue, pgrelay.queue_p0, pgrelay.queue_p1, pgrelay.queue_p2, pgrelay.failed,
    pgrelay.queue_state to pgrelay_admin;
grant delete on pgrelay.failed to pgrelay_admin;
grant execute on function
    pgrelay.create_channel(text, text, text, boolean, name, interval, integer, integer,
                           integer, text[], interval, numeric, interval, numeric, text, boolean),
    pgrelay.alter_channel(text, text, boolean, text, boolean, name, interval, integer, integer, boolean, boolean,
                          integer, text[], interval, numeric, interval, numeric, text, boolean, boolean),
    pgrelay.grant_notify(text, name),
    pgrelay.revoke_notify(text, name),
    pgrelay.drop_channel(text),
    pgrelay.schedule(text, text, interval, text, jsonb, text),
    pgrelay.unschedule(text),
    pgrelay.pause_schedule(text),
    pgrelay.resume_schedule(text),
    pgrelay.requeue_failed(bigint, timestamptz),
    pgrelay.requeue_failed_events(text, text, timestamptz, timestamptz, timestamptz, boolean),
    pgrelay.discard_failed_events(text, text, timestamptz, timestamptz, boolean),
    pgrelay.set_setting(text, text),
    pgrelay.purge_log(),
    pgrelay.purge_failed(),
    pgrelay.repair_schedules()
  to pgrelay_admin;
grant select on pgrelay.notify_right to pgrelay_reader;

-- Process: the processor's login role is granted pgrelay_processor.
grant execute on function
    pgrelay.has_due_events(boolean),
    pgrelay.next_due_in(),
    pgrelay.process_batch(integer, integer, integer, boolean, boolean),
    pgrelay.maintain(bigint),
    pgrelay.repair_schedules(),
    pgrelay.register_processor(text, integer, text, integer),
    pgrelay.heartbeat_processor(integer, bigint, bigint, bigint),
    pgrelay.unregister_processor(integer)
  to pgrelay_processor;
grant select on pgrelay.processor_status to pgrelay_processor;

-- The extensions' own channels run as pgrelay_internal: the built-in log purge job.
grant usage on schema pgrelay to pgrelay_internal;
grant execute on function pgrelay.purge_log(), pgrelay.purge_failed() to pgrelay_internal;
