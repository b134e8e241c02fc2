-- Removes pg_relay from the current database, whichever way it was installed, then drops its
-- roles unless another database still uses them. Run with: psql -f uninstall.sql
\set ON_ERROR_STOP on
do $uninstall$
declare
    v_role text;
begin
    if exists (select 1 from pg_catalog.pg_namespace where nspname = 'pgauto_mv') then
        raise exception 'pg_relay: pg_auto_mv is installed and depends on pg_relay'
            using hint = 'Uninstall pg_auto_mv first.';
    end if;
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_relay') then
        drop extension pg_relay;
    else
        drop schema if exists pgrelay cascade;
    end if;
    foreach v_role in array array['pgrelay_processor', 'pgrelay_admin', 'pgrelay_reader',
                                  'pgrelay_notify', 'pgrelay']
    loop
        begin
            execute pg_catalog.format('drop role if exists %I', v_role);
        exception when dependent_objects_still_exist then
            raise notice 'pg_relay: kept role % (another database still uses it)', v_role;
        end;
    end loop;
end
$uninstall$;
