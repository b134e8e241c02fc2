-- pg_auto_mv: atomic refresh groups (Oracle DBMS_REFRESH). A view of a group is triggered like
-- any other — its watches, timing, chains and schedules — but when it refreshes, every view of
-- its group refreshes with it, in dependency order, in one transaction (on_refresh_event): a
-- reader's snapshot sees all of them before or all of them after, and one failure leaves all
-- as they were. An automatic group refresh also waits while a member is paused or inside a
-- blackout window of its own; a manual refresh of a member refreshes the group at once.

-- The group's views as registry ids, from qualified names; refuses unknown, unregistered and
-- unmanageable views, fewer than two, and views already in another group.
create function pgauto_mv.group_views(p_name text, p_views text[])
returns integer[]
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids   integer[];
    v_other text;
begin
    if p_name is null or btrim(p_name) = '' then
        raise exception 'pg_auto_mv: a refresh group needs a name'
            using errcode = 'AM011';
    end if;
    select array_agg(distinct pgauto_mv.registered_id(v)) into v_ids
      from unnest(p_views) v;
    if coalesce(cardinality(v_ids), 0) < 2 then
        raise exception 'pg_auto_mv: refresh group "%" needs at least two views (got %)', p_name,
                        coalesce(array_to_string(p_views, ', '), 'none')
            using errcode = 'AM011',
                  hint = 'Name them as schema.view, e.g. array[''public.sales_daily'', ''public.sales_monthly''].';
    end if;
    perform pgauto_mv.check_may_manage(m.mv_oid) from pgauto_mv.mv m where m.id = any (v_ids);
    select format('%s is in refresh group "%s"', format('%I.%I', m.mv_schema, m.mv_name), g.group_name)
      into v_other
      from pgauto_mv.refresh_group_mv g join pgauto_mv.mv m on m.id = g.mv_id
     where g.mv_id = any (v_ids) and g.group_name <> p_name
     order by m.id limit 1;
    if v_other is not null then
        raise exception 'pg_auto_mv: a view belongs to one refresh group at most: %', v_other
            using errcode = 'AM011', hint = 'Take it out of that group first (pgauto_mv.alter_refresh_group).';
    end if;
    return v_ids;
end
$$;

-- The caller must be allowed to manage every view of an existing group; raises AM011 if there
-- is no such group. Locks the group's row.
create function pgauto_mv.lock_group(p_name text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from pgauto_mv.refresh_group where name = p_name for update;
    if not found then
        raise exception 'pg_auto_mv: unknown refresh group %', coalesce(quote_literal(p_name), 'NULL')
            using errcode = 'AM011', hint = 'List them with: select * from pgauto_mv.refresh_groups;';
    end if;
    perform pgauto_mv.check_may_manage(m.mv_oid)
       from pgauto_mv.refresh_group_mv g join pgauto_mv.mv m on m.id = g.mv_id
      where g.group_name = p_name;
end
$$;

create function pgauto_mv.create_refresh_group(p_name text, p_views text[])
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids integer[];
begin
    lock table pgauto_mv.refresh_group_mv in share row exclusive mode;   -- one group per view, also when two create at once
    v_ids := pgauto_mv.group_views(p_name, p_views);
    if exists (select 1 from pgauto_mv.refresh_group where name = p_name) then
        raise exception 'pg_auto_mv: refresh group "%" already exists', p_name
            using errcode = 'AM011', hint = 'Change its views with pgauto_mv.alter_refresh_group().';
    end if;
    insert into pgauto_mv.refresh_group (name, created_by) values (p_name, pgauto_mv.caller());
    insert into pgauto_mv.refresh_group_mv (group_name, mv_id) select p_name, unnest(v_ids);
end
$$;
comment on function pgauto_mv.create_refresh_group(text, text[]) is
    'Makes the views (''schema.name'') refresh together, in one transaction, whenever one of them refreshes';

create function pgauto_mv.alter_refresh_group(p_name text, p_views text[])
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids integer[];
begin
    lock table pgauto_mv.refresh_group_mv in share row exclusive mode;
    perform pgauto_mv.lock_group(p_name);
    v_ids := pgauto_mv.group_views(p_name, p_views);
    delete from pgauto_mv.refresh_group_mv where group_name = p_name and not mv_id = any (v_ids);
    insert into pgauto_mv.refresh_group_mv (group_name, mv_id) select p_name, unnest(v_ids)
    on conflict (mv_id) do nothing;
end
$$;
comment on function pgauto_mv.alter_refresh_group(text, text[]) is
    'Sets the views of a refresh group (views left out refresh alone again)';

create function pgauto_mv.drop_refresh_group(p_name text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgauto_mv.lock_group(p_name);
    delete from pgauto_mv.refresh_group where name = p_name;
end
$$;
comment on function pgauto_mv.drop_refresh_group(text) is 'Drops a refresh group; its views refresh alone again';

-- The views a refresh of p_mv_id refreshes, in the order to refresh them: the view alone, or its
-- group's views so that a view comes after every member it reads (directly or through plain
-- views, by pg_depend) and after its chain upstreams in the group; otherwise by id.
create function pgauto_mv.refresh_members(p_mv_id integer)
returns integer[]
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_ids    integer[];
    v_before integer[];   -- edges v_before[i] -> v_after[i] between members
    v_after  integer[];
    v_order  integer[] := '{}';
    v_next   integer;
begin
    select array_agg(g.mv_id order by g.mv_id) into v_ids
      from pgauto_mv.refresh_group_mv g
     where g.group_name = (select group_name from pgauto_mv.refresh_group_mv where mv_id = p_mv_id);
    if v_ids is null or not p_mv_id = any (v_ids) then
        return array[p_mv_id];
    end if;
    with recursive member as (
        select m.id, m.mv_oid from pgauto_mv.mv m where m.id = any (v_ids)
    ), reads(id, rel) as (   -- what each member's query reads, through plain views
        select mb.id, d.refobjid
          from member mb
          join pg_rewrite r on r.ev_class = mb.mv_oid
          join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                          and d.refclassid = 'pg_class'::regclass and d.refobjid <> mb.mv_oid
        union
        select rd.id, d.refobjid
          from reads rd
          join pg_rewrite r on r.ev_class = rd.rel
          join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                          and d.refclassid = 'pg_class'::regclass and d.refobjid <> rd.rel
         where not exists (select 1 from member x where x.mv_oid = rd.rel)   -- a member's reads are its own edges
    ), edge as (
        select up.id as before_id, rd.id as after_id
          from reads rd join member up on up.mv_oid = rd.rel where up.id <> rd.id
        union
        select c.upstream_id, c.downstream_id from pgauto_mv.chain c
         where c.upstream_id = any (v_ids) and c.downstream_id = any (v_ids)
    )
    select array_agg(before_id), array_agg(after_id) into v_before, v_after from edge;
    loop
        select min(v) into v_next
          from unnest(v_ids) v
         where not v = any (v_order)
           and not exists (select 1 from unnest(v_before, v_after) e(b, a)
                            where e.a = v and not e.b = any (v_order));
        exit when v_next is null;
        v_order := v_order || v_next;
    end loop;
    -- A cycle (a chain against the direction the views read each other): the rest by id.
    return v_order || array(select v from unnest(v_ids) v where not v = any (v_order) order by v);
end
$$;

-- The group of a view, or NULL.
create function pgauto_mv.group_of(p_mv_id integer)
returns text
language sql stable
set search_path = pg_catalog, pg_temp
as $$ select group_name from pgauto_mv.refresh_group_mv where mv_id = p_mv_id $$;

create view pgauto_mv.refresh_groups as
select g.name, g.created_at, g.created_by,
       array(select format('%I.%I', m.mv_schema, m.mv_name)
               from pgauto_mv.refresh_group_mv gm join pgauto_mv.mv m on m.id = gm.mv_id
              where gm.group_name = g.name order by m.mv_schema, m.mv_name) as views
  from pgauto_mv.refresh_group g;
comment on view pgauto_mv.refresh_groups is 'Refresh groups and their views (''schema.name'')';
