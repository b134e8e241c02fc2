-- Removes pg_relay from the current database, whichever way it was installed, then drops its
-- roles unless another database still uses them. Run with: psql -f uninstall.sql
\set ON_ERROR_STOP on
-- psql -v keep_roles=true keeps the cluster-wide roles (while other databases may be installing).
\if :{?keep_roles}
\else
\set keep_roles false
\endif
select pg_catalog.set_config('automv.keep_roles', :'keep_roles', false) \gset
do $uninstall$
declare
    v_role text;
    v_fn   regprocedure;
begin
    if exists (select 1 from pg_catalog.pg_namespace where nspname = 'pgauto_mv') then
        raise exception 'pg_relay: pg_auto_mv is installed and depends on pg_relay'
            using hint = 'Uninstall pg_auto_mv first.';
    end if;
    -- User channels' action functions were made after the extension, so are not part of it.
    for v_fn in select p.oid from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'pgrelay_action'
                   and not exists (select from pg_catalog.pg_depend d
                                    where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                      and d.objid = p.oid and d.deptype = 'e')
    loop
        execute pg_catalog.format('drop function %s', v_fn);
    end loop;
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_relay') then
        drop extension pg_relay;
    else
        drop schema if exists pgrelay cascade;
        drop schema if exists pgrelay_action cascade;
    end if;
    foreach v_role in array
        case when pg_catalog.current_setting('automv.keep_roles')::boolean then '{}'::text[]
             else array['pgrelay_processor', 'pgrelay_admin', 'pgrelay_reader', 'pgrelay_notify',
                        'pgrelay_internal', 'pgrelay'] end
    loop
        begin
            execute pg_catalog.format('drop role if exists %I', v_role);
        exception when dependent_objects_still_exist then
            raise notice 'pg_relay: kept role % (another database still uses it)', v_role;
        end;
    end loop;
end
$uninstall$;
