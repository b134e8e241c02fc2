-- Removes pg_auto_mv from the current database, whichever way it was installed: its triggers on
-- watched tables, its WAL capture slot and publication, its pg_relay channels and pending events, its schema, then its roles unless
-- another database still uses them. Materialised views themselves are left as they are.
-- Run with: psql -f pg_auto_mv_uninstall.sql
\set ON_ERROR_STOP on
-- psql -v keep_roles=true keeps the cluster-wide roles (while other databases may be installing).
\if :{?keep_roles}
\else
\set keep_roles false
\endif
select pg_catalog.set_config('automv.keep_roles', :'keep_roles', false) \gset
do $uninstall$
declare
    v_trigger record;
    v_role    text;
    v_fn      regprocedure;
begin
    for v_trigger in
        select t.tgname, format('%I.%I', n.nspname, c.relname) as tab
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          join pg_proc p on p.oid = t.tgfoid join pg_namespace pn on pn.oid = p.pronamespace
         where pn.nspname = 'pgauto_mv' and t.tgparentid = 0
    loop
        execute format('drop trigger %I on %s', v_trigger.tgname, v_trigger.tab);
    end loop;
    -- WAL capture: the slot would keep WAL on disk for ever once nothing reads it.
    if pg_catalog.to_regclass('pgauto_mv.capture') is not null then
        perform pg_catalog.pg_drop_replication_slot(s.slot_name)
           from pg_catalog.pg_replication_slots s
          where s.slot_name = (select c.slot_name from pgauto_mv.capture c);
    end if;
    drop publication if exists pgauto_mv_capture;
    if exists (select 1 from pg_catalog.pg_namespace where nspname = 'pgrelay') then
        delete from pgrelay.queue where channel like 'pgauto\_mv.%';
        delete from pgrelay.schedule where channel like 'pgauto\_mv.%';
        delete from pgrelay.channel where name like 'pgauto\_mv.%';
        -- Their action functions: part of the extension when installed as one (dropped with
        -- it), else dropped here.
        for v_fn in select p.oid from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'pgrelay_action' and p.proname like 'pgauto\_mv.%'
                       and not exists (select from pg_catalog.pg_depend d
                                        where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                          and d.objid = p.oid and d.deptype = 'e')
        loop
            execute pg_catalog.format('drop function %s', v_fn);
        end loop;
    end if;
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_auto_mv') then
        drop extension pg_auto_mv;
    else
        drop schema if exists pgauto_mv cascade;
    end if;
    foreach v_role in array
        case when pg_catalog.current_setting('automv.keep_roles')::boolean then '{}'::text[]
             else array['pgauto_mv_admin', 'pgauto_mv_reader'] end
    loop
        begin
            execute pg_catalog.format('drop role if exists %I', v_role);
        exception when dependent_objects_still_exist then
            raise notice 'pg_auto_mv: kept role % (another database still uses it)', v_role;
        end;
    end loop;
end
$uninstall$;
