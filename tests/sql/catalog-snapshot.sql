-- Prints every object of one schema in a stable, owner-neutral form, so two installs can be
-- compared with diff. Usage: psql -v schema=pgrelay -f catalog-snapshot.sql
\pset format unaligned
\pset tuples_only on
with owner as (select nspowner from pg_namespace where nspname = :'schema')
select 'relation ' || c.relname || ' kind=' || c.relkind::text
       || ' owner=' || case when c.relowner = (select nspowner from owner) then 'OWNER' else pg_get_userbyid(c.relowner)::text end
       || ' acl=' || regexp_replace(coalesce(c.relacl::text, ''), '\m' || pg_get_userbyid((select nspowner from owner)) || '\M', 'OWNER', 'g')
       || ' options=' || coalesce(array_to_string(c.reloptions, ','), '')
  from pg_class c where c.relnamespace = :'schema'::regnamespace
union all
select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || case when a.attnotnull then ' not null' else '' end
       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
       || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
  from pg_attribute a join pg_class c on c.oid = a.attrelid
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where c.relnamespace = :'schema'::regnamespace and a.attnum > 0 and not a.attisdropped
union all
select 'index ' || pg_get_indexdef(i.indexrelid)
  from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = :'schema'::regnamespace
union all
select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  from pg_constraint where connamespace = :'schema'::regnamespace
union all
select 'view ' || c.relname || ' ' || md5(pg_get_viewdef(c.oid))
  from pg_class c where c.relnamespace = :'schema'::regnamespace and c.relkind = 'v'
union all
select 'function ' || p.oid::regprocedure || ' returns ' || pg_get_function_result(p.oid)
       || ' secdef=' || p.prosecdef || ' volatile=' || p.provolatile::text
       || ' config=' || coalesce(array_to_string(p.proconfig, ','), '')
       || ' owner=' || case when p.proowner = (select nspowner from owner) then 'OWNER' else pg_get_userbyid(p.proowner)::text end
       || ' acl=' || regexp_replace(coalesce(p.proacl::text, ''), '\m' || pg_get_userbyid((select nspowner from owner)) || '\M', 'OWNER', 'g')
       || ' body=' || md5(p.prosrc)
  from pg_proc p where p.pronamespace = :'schema'::regnamespace
union all
select 'type ' || t.typname || ' ' || t.typtype::text
  from pg_type t where t.typnamespace = :'schema'::regnamespace and t.typtype = 'c'
    and not exists (select 1 from pg_class c where c.reltype = t.oid and c.relkind <> 'c')
order by 1;
