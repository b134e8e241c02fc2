-- pg_relay: privileges. PUBLIC gets nothing; the roles of 00_schema_roles.sql get what they need.

revoke all on all tables in schema pgrelay from public;
revoke all on all sequences in schema pgrelay from public;
revoke all on all functions in schema pgrelay from public;
revoke all on schema pgrelay from public;

-- Actions run as "pgrelay": the action runner and the validator belong to it. A new owner
-- needs CREATE on the schema (for a non-superuser installer); it gets it only for this moment,
-- so an action can never create objects in pgrelay.
grant create on schema pgrelay to pgrelay;
alter function pgrelay.run_action(text, jsonb) owner to pgrelay;
alter function pgrelay.validate_action(text) owner to pgrelay;
revoke create on schema pgrelay from pgrelay;
grant usage on schema pgrelay to pgrelay, pgrelay_notify, pgrelay_reader, pgrelay_admin,
    pgrelay_processor;
-- Only the owner of the bookkeeping functions (the installer) may run or validate actions.
do $grants$
begin
    execute format('grant execute on function pgrelay.run_action(text, jsonb) to %I', current_user);
    execute format('grant execute on function pgrelay.validate_action(text) to %I', current_user);
end
$grants$;
-- validate_action's PREPARE must be able to see the helpers it parses against.
grant execute on function pgrelay.split_statements(text) to pgrelay;

-- Anyone who may use pg_relay at all may ask its version.
grant execute on function pgrelay.version() to pgrelay_notify, pgrelay_reader, pgrelay_processor;

-- Notify: granted roles, and actions themselves (an action may enqueue a follow-up).
grant execute on function pgrelay.notify(text, jsonb, timestamptz) to pgrelay_notify, pgrelay;

-- Read: channels, schedules, the log, the processor registry.
grant select on pgrelay.channel, pgrelay.schedule, pgrelay.log, pgrelay.processor,
    pgrelay.processor_status, pgrelay.setting to pgrelay_reader;
grant execute on function pgrelay.preview_schedule(interval, text, text, integer, timestamptz)
    to pgrelay_reader;

-- Administer (also reads, through pgrelay_reader).
grant select on pgrelay.queue, pgrelay.queue_p0, pgrelay.queue_p1, pgrelay.failed,
    pgrelay.queue_state to pgrelay_admin;
grant delete on pgrelay.failed to pgrelay_admin;
grant execute on function
    pgrelay.create_channel(text, text, text, boolean),
    pgrelay.alter_channel(text, text, boolean, text, boolean),
    pgrelay.drop_channel(text),
    pgrelay.schedule(text, text, interval, text, jsonb, text),
    pgrelay.unschedule(text),
    pgrelay.requeue_failed(bigint, timestamptz),
    pgrelay.set_setting(text, text),
    pgrelay.purge_log(),
    pgrelay.repair_schedules(),
    pgrelay.notify(text, jsonb, timestamptz)
  to pgrelay_admin;

-- Process: the processor's login role is granted pgrelay_processor.
grant execute on function
    pgrelay.has_due_events(),
    pgrelay.process_batch(integer, integer, integer),
    pgrelay.maintain(bigint),
    pgrelay.repair_schedules(),
    pgrelay.register_processor(text, integer, text, integer),
    pgrelay.heartbeat_processor(integer, bigint, bigint, bigint),
    pgrelay.unregister_processor(integer)
  to pgrelay_processor;
grant select on pgrelay.processor_status to pgrelay_processor;

-- The built-in log purge job's action runs as "pgrelay".
grant execute on function pgrelay.purge_log() to pgrelay;
