-- The dependency graph of every materialised view, read from the catalog: the MVs, and through
-- views (pg_rewrite -> pg_depend) every relation they read, down to base tables. One row per
-- node ('node', oid, kind, schema, name, state, detail) and per edge ('edge', from, kind, to).
-- $1: whether pg_auto_mv is installed (its registry, chains, watches and states join in).
with recursive reads as (
    select distinct r.ev_class as reader, d.refobjid as source
      from pg_catalog.pg_rewrite r
      join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                 and d.refclassid = 'pg_catalog.pg_class'::regclass
     where d.refobjid <> r.ev_class and d.deptype = 'n'
),
upstream(oid) as (
    select c.oid from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'm' and n.nspname not in ('pg_catalog', 'information_schema')
    union
    select r.source from reads r join upstream u on r.reader = u.oid
)
select 'node' as what, c.oid::bigint as id, c.relkind::text as kind, n.nspname::text as schema_name,
       c.relname::text as name, null::text as state, null::bigint as target
  from upstream u join pg_catalog.pg_class c on c.oid = u.oid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
union all
select 'edge', r.source::bigint, 'reads', null, null, null, r.reader::bigint
  from reads r where r.reader in (select oid from upstream)
 order by what desc, schema_name, name, id, target
