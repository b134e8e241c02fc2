-- pg_relay: schema and roles.
--
-- Roles (cluster-wide, created once, shared by every database that installs pg_relay):
--   pgrelay            NOLOGIN. The default run-as role of user channels: their actions run as
--                      it and can touch only what it was granted. Owns nothing but the action
--                      functions of the channels that run as it (schema pgrelay_action).
--   pgrelay_internal   NOLOGIN. The run-as role of the extensions' own channels (pgrelay.*,
--                      pgauto_mv.*); no user channel may run as it.
--   pgrelay_notify     may call pgrelay.notify()
--   pgrelay_reader     may read channels, the log and the processor registry
--   pgrelay_admin      may administer channels, schedules, failed events, settings (+ reader)
--   pgrelay_processor  may claim and process events (the processor's login role gets this)

create schema pgrelay;
comment on schema pgrelay is 'pg_relay: durable, audited job queue and scheduler';
-- One generated function per channel holds its action (see 30_channels.sql). Nobody but the
-- installer may use this schema, so a run-as role cannot even name, let alone alter, the
-- function it owns.
create schema pgrelay_action;
comment on schema pgrelay_action is 'pg_relay: one function per channel, running its action as the channel''s run-as role';

do $roles$
declare
    v_role text;
    v_pair text[];
begin
    foreach v_role in array array['pgrelay', 'pgrelay_internal', 'pgrelay_notify', 'pgrelay_reader',
                                  'pgrelay_admin', 'pgrelay_processor']
    loop
        if not exists (select 1 from pg_catalog.pg_roles where rolname = v_role) then
            begin
                execute pg_catalog.format('create role %I nologin', v_role);
            exception when duplicate_object or unique_violation then
                null;  -- another database's install created it at the same moment
            end;
        end if;
    end loop;
    -- Memberships: the installer must be able to hand ownership of action functions to the
    -- run-as roles; an admin reads; channel admins may create channels that run as the default
    -- run-as role "pgrelay" (a channel's creator must be a member of its run-as role).
    -- Granting changes cluster-wide catalogs: two databases installing at the same moment race
    -- ("tuple concurrently updated", or a duplicate key); fine if the membership is there after.
    foreach v_pair slice 1 in array array[['pgrelay', current_user::text],
                                          ['pgrelay_internal', current_user::text],
                                          ['pgrelay_reader', 'pgrelay_admin'],
                                          ['pgrelay', 'pgrelay_admin']] loop
        if not pg_catalog.pg_has_role(v_pair[2], v_pair[1], 'member') then
            begin
                execute pg_catalog.format('grant %I to %I', v_pair[1], v_pair[2]);
            exception when others then
                if not pg_catalog.pg_has_role(v_pair[2], v_pair[1], 'member') then
                    raise;
                end if;
            end;
        end if;
    end loop;
end
$roles$;
