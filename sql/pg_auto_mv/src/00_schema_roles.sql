-- pg_auto_mv: schema and roles. Needs pg_relay in the same database (its queue runs the work).
--
-- Roles (cluster-wide, shared by every database that installs pg_auto_mv):
--   pgauto_mv_admin   may register, alter and unregister views (of which it is the owner or,
--                     on PostgreSQL 17+, holds MAINTAIN), manage chains and schedules, fix problems
--   pgauto_mv_reader  may read the registry, the status view, the log and the problems report

do $check$
begin
    if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'pgrelay') then
        raise exception 'pg_auto_mv: pg_relay is not installed in this database'
            using errcode = 'AM010',
                  hint = 'Install pg_relay first (CREATE EXTENSION pg_relay, or psql -f pg_relay_install.sql).';
    end if;
end
$check$;

create schema pgauto_mv;
comment on schema pgauto_mv is 'pg_auto_mv: materialised views refreshed when their data changes';

do $roles$
declare
    v_role text;
begin
    foreach v_role in array array['pgauto_mv_reader', 'pgauto_mv_admin'] loop
        if not exists (select 1 from pg_catalog.pg_roles where rolname = v_role) then
            begin
                execute pg_catalog.format('create role %I nologin', v_role);
            exception when duplicate_object or unique_violation then
                null;  -- another database's install created it at the same moment
            end;
        end if;
    end loop;
    if not pg_catalog.pg_has_role('pgauto_mv_admin', 'pgauto_mv_reader', 'member') then
        begin
            grant pgauto_mv_reader to pgauto_mv_admin;
        exception when others then
            -- another database's install granted it at the same moment ("tuple concurrently
            -- updated"); fine if the membership is there now
            if not pg_catalog.pg_has_role('pgauto_mv_admin', 'pgauto_mv_reader', 'member') then
                raise;
            end if;
        end;
    end if;
end
$roles$;
