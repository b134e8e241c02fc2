-- Lists the owner and every grant of every object of pg_relay and pg_auto_mv (schemas pgrelay,
-- pgrelay_action, pgauto_mv; the schemas themselves; the roles' memberships), owner-neutral:
-- the extensions' owner (whoever installed them) prints as OWNER. Compared with the reviewed
-- tests/sql/expected/acl.txt by test-acl-expectation.sh.
\pset format unaligned
\pset tuples_only on
with owner as (select nspowner as oid from pg_namespace where nspname = 'pgrelay'),
who(oid, name) as (
    select r.oid, case when r.oid = (select oid from owner) then 'OWNER' else r.rolname::text end from pg_roles r
    union all select 0, 'PUBLIC'),
schemas as (select oid, nspname, nspowner, nspacl from pg_namespace where nspname in ('pgrelay', 'pgrelay_action', 'pgauto_mv')),
objects(kind, name, owner, acl, deftype) as (
    select 'schema', n.nspname::text, n.nspowner, n.nspacl, 'n' from schemas n
    union all
    select case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view'
                          when 'S' then 'sequence' else 'relation ' || c.relkind::text end,
           n.nspname || '.' || c.relname, c.relowner, c.relacl, case c.relkind when 'S' then 's' else 'r' end
      from pg_class c join schemas n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'S', 'm', 'f')
    union all
    select 'function' || case when p.prosecdef then ' (security definer)' else '' end,
           p.oid::regprocedure::text, p.proowner, p.proacl, 'f'
      from pg_proc p join schemas n on n.oid = p.pronamespace
)
select o.kind || ' ' || o.name || ' owner=' || (select w.name from who w where w.oid = o.owner)
       || ' grants=' || coalesce((
            select string_agg(g, ',' order by g)
              from (select (select w.name from who w where w.oid = a.grantee) || ':' || a.privilege_type
                           || case when a.is_grantable then '*' else '' end as g
              from aclexplode(coalesce(o.acl, acldefault(o.deftype::"char", o.owner))) a
                     where a.grantee <> o.owner) x), '')
  from objects o
union all
-- Column grants (notify() callers get INSERT on a few queue columns only).
select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' grants='
       || string_agg((select w.name from who w where w.oid = x.grantee) || ':' || x.privilege_type, ','
                     order by (select w.name from who w where w.oid = x.grantee) || ':' || x.privilege_type)
  from pg_attribute a join pg_class c on c.oid = a.attrelid join schemas n on n.oid = c.relnamespace,
       aclexplode(a.attacl) x
 where a.attacl is not null
 group by n.nspname, c.relname, a.attname
union all
select 'policy ' || n.nspname || '.' || c.relname || ' ' || p.polname || ' ' || p.polcmd::text
       || ' to=' || (select string_agg(n, ',' order by n) from (select (select w.name from who w where w.oid = r) as n from unnest(p.polroles) r) x)
  from pg_policy p join pg_class c on c.oid = p.polrelid join schemas n on n.oid = c.relnamespace
union all
select 'membership ' || m.rolname || ' in ' || g.rolname
  from pg_auth_members am join pg_roles m on m.oid = am.member join pg_roles g on g.oid = am.roleid
 where (g.rolname like 'pgrelay%' or g.rolname like 'pgauto\_mv%')
   and (m.rolname like 'pgrelay%' or m.rolname like 'pgauto\_mv%')
order by 1;
