-- pg_auto_mv: chains. A downstream view refreshes after its upstream refreshed successfully;
-- the chains form a DAG (a link that would close a cycle is refused, naming the cycle), and a
-- view waits while any view upstream of it still has a refresh pending, so the bottom of a
-- diamond refreshes once.

-- A view named 'schema.name' as SQL would read it ('public' when no schema), registered.
create function pgauto_mv.registered_id(p_qualified text)
returns integer
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_parts text[];
begin
    begin
        v_parts := parse_ident(p_qualified);
    exception when others then
        raise exception 'pg_auto_mv: % is not a valid view name', coalesce(quote_literal(p_qualified), 'NULL')
            using errcode = 'AM001', hint = 'Write it as schema.view, with double quotes around odd names.';
    end;
    if cardinality(v_parts) = 1 then
        v_parts := array['public'] || v_parts;
    end if;
    return pgauto_mv.registered_id(v_parts[2], v_parts[1]);
end
$$;

-- The first view upstream of p_mv_id (through chains, transitively) that has a refresh pending
-- or running, or NULL.
create function pgauto_mv.upstream_busy(p_mv_id integer)
returns text
language plpgsql stable   -- not SQL: see display_name (a SQL body took ~1 ms a call)
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
    with recursive up(id) as (
        select ch.upstream_id from pgauto_mv.chain ch where ch.downstream_id = p_mv_id
        union
        select c.upstream_id from pgauto_mv.chain c join up on c.downstream_id = up.id
    )
    select format('%I.%I', m.mv_schema, m.mv_name)
      from up join pgauto_mv.mv m on m.id = up.id join pgauto_mv.mv_state s on s.mv_id = up.id
     where s.timer_event_id is not null
     order by m.id limit 1);
end
$$;

-- After a view's refresh: its downstream views get a change (p_changed) or only a nudge to
-- re-check their timers (the upstream failed, so they stop waiting for it). Views in p_except
-- get nothing: a refresh group's views refreshed together, in order.
create function pgauto_mv.cascade(p_mv_id integer, p_changed boolean, p_except integer[] default '{}')
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_down integer[];
begin
    select array_agg(downstream_id order by downstream_id) into v_down
      from pgauto_mv.chain where upstream_id = p_mv_id and not downstream_id = any (p_except);
    if v_down is not null then
        perform pgauto_mv.enqueue_request(v_down::text[], null, null, 'chain', not p_changed);
    end if;
end
$$;

create function pgauto_mv.add_chain(p_upstream text, p_downstream text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_up    integer := pgauto_mv.registered_id(p_upstream);
    v_down  integer := pgauto_mv.registered_id(p_downstream);
    v_cycle text;
begin
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_down));
    lock table pgauto_mv.chain in share row exclusive mode;   -- two concurrent links cannot close a cycle
    if v_up = v_down then
        raise exception 'pg_auto_mv: a view cannot be chained to itself (%)', p_upstream
            using errcode = 'AM006';
    end if;
    -- A path down -> ... -> up plus the new link up -> down would be a cycle.
    with recursive path(id, names) as (
        select v_down, array[v_down]
        union all
        select c.downstream_id, p.names || c.downstream_id
          from path p join pgauto_mv.chain c on c.upstream_id = p.id
         where not c.downstream_id = any (p.names)
    )
    select string_agg(format('%I.%I', m.mv_schema, m.mv_name), ' -> ' order by n.ord) into v_cycle
      from (select names from path where id = v_up limit 1) p,
           unnest(array[v_up] || p.names) with ordinality n(id, ord)
      join pgauto_mv.mv m on m.id = n.id;
    if v_cycle is not null then
        raise exception 'pg_auto_mv: chaining % -> % would form a cycle: %', p_upstream, p_downstream, v_cycle
            using errcode = 'AM006', hint = 'Chains must form a DAG; remove a link of the cycle first.';
    end if;
    insert into pgauto_mv.chain (upstream_id, downstream_id) values (v_up, v_down)
    on conflict do nothing;
end
$$;
comment on function pgauto_mv.add_chain(text, text) is 'Refresh p_downstream after p_upstream refreshed successfully (views as ''schema.name'')';

create function pgauto_mv.remove_chain(p_upstream text, p_downstream text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_up   integer := pgauto_mv.registered_id(p_upstream);
    v_down integer := pgauto_mv.registered_id(p_downstream);
begin
    perform pgauto_mv.check_may_manage((select mv_oid from pgauto_mv.mv where id = v_down));
    delete from pgauto_mv.chain where upstream_id = v_up and downstream_id = v_down;
    if not found then
        raise exception 'pg_auto_mv: there is no chain % -> %', p_upstream, p_downstream
            using errcode = 'AM006', hint = 'List chains with: select * from pgauto_mv.chain;';
    end if;
end
$$;
