-- What pg_auto_mv adds to the graph (run only where it is installed): each registered view's
-- state, and the chain and watch edges. Rows as in dependency-graph.sql.
select 'state' as what, m.mv_oid::bigint as id, null::text as kind, null::text as schema_name, null::text as name,
       s.state::text as state, null::bigint as target
  from pgauto_mv.mv m join pgauto_mv.mv_status s on s.id = m.id
union all
select 'edge', u.mv_oid::bigint, 'chain', null, null, null, d.mv_oid::bigint
  from pgauto_mv.chain ch
  join pgauto_mv.mv u on u.id = ch.upstream_id
  join pgauto_mv.mv d on d.id = ch.downstream_id
union all
select distinct 'edge', w.table_oid::bigint, 'watch', null, null, null, m.mv_oid::bigint
  from pgauto_mv.watch w join pgauto_mv.mv m on m.id = w.mv_id
 order by what desc, id, target
