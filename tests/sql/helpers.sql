-- Helpers every SQL test database gets (loaded by run-sql-test.sh after pgTAP).
create schema tap_helpers;
grant usage on schema tap_helpers to public;

-- The lines of EXPLAIN (COSTS OFF) for a query.
create function tap_helpers.explain_lines(p_sql text)
returns setof text
language plpgsql
as $$
declare
    v_line text;
begin
    for v_line in execute 'explain (costs off) ' || p_sql loop
        return next v_line;
    end loop;
end
$$;

-- Runs SQL as another role, then switches back; an error propagates (and the role switch is
-- undone with the failed subtransaction).
create function tap_helpers.as_role(p_role text, p_sql text)
returns void
language plpgsql
as $$
begin
    execute format('set local role %I', p_role);
    execute p_sql;
    reset role;
end
$$;

-- The first column of the first row of a query run as another role, as text.
create function tap_helpers.as_role_value(p_role text, p_sql text)
returns text
language plpgsql
as $$
declare
    v text;
begin
    execute format('set local role %I', p_role);
    execute p_sql into v;
    reset role;
    return v;
end
$$;
