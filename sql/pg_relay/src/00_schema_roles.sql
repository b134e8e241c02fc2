-- pg_relay: schema and roles.
--
-- Roles (cluster-wide, created once, shared by every database that installs pg_relay):
--   pgrelay            NOLOGIN. Channel actions run as this role and can touch only what it
--                      was granted. Owns nothing but the function that runs actions.
--   pgrelay_notify     may call pgrelay.notify()
--   pgrelay_reader     may read channels, the log and the processor registry
--   pgrelay_admin      may administer channels, schedules, failed events, settings (+ reader)
--   pgrelay_processor  may claim and process events (the processor's login role gets this)

create schema pgrelay;
comment on schema pgrelay is 'pg_relay: durable, audited job queue and scheduler';

do $roles$
declare
    v_role text;
begin
    foreach v_role in array array['pgrelay', 'pgrelay_notify', 'pgrelay_reader',
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
    -- The installer must be able to hand ownership of the action runner to "pgrelay".
    if not pg_catalog.pg_has_role(current_user, 'pgrelay', 'member') then
        execute pg_catalog.format('grant pgrelay to %I', current_user);
    end if;
    if not pg_catalog.pg_has_role('pgrelay_admin', 'pgrelay_reader', 'member') then
        begin
            grant pgrelay_reader to pgrelay_admin;
        exception when others then
            -- another database's install granted it at the same moment; fine if it is there now
            if not pg_catalog.pg_has_role('pgrelay_admin', 'pgrelay_reader', 'member') then
                raise;
            end if;
        end;
    end if;
end
$roles$;
