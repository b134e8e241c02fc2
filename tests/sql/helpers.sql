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

-- Waits until a query (one boolean) is true, polling every 10 ms; false after p_seconds.
-- Each poll is its own statement, so it sees other sessions' commits and live pg_locks.
create function tap_helpers.wait_until(p_sql text, p_seconds double precision default 10)
returns boolean
language plpgsql
as $$
declare
    v_deadline timestamptz := clock_timestamp() + make_interval(secs => p_seconds);
    v_ok boolean;
begin
    loop
        execute p_sql into v_ok;
        if coalesce(v_ok, false) then
            return true;
        end if;
        if clock_timestamp() > v_deadline then
            return false;
        end if;
        perform pg_sleep(0.01);
    end loop;
end
$$;
