-- pg_relay: helpers shared by the API functions.
--
-- SQLSTATEs of our own (class PR), documented in docs/pg_relay.md:
--   PR001 unknown channel            PR002 channel is inactive
--   PR003 invalid name               PR004 invalid action SQL
--   PR005 invalid schedule           PR006 unknown time zone
--   PR007 invalid interval/number    PR008 no such failed event
--   PR009 unknown schedule           PR010 unknown setting / invalid value
-- Standard ones we raise: 42710 (duplicate_object), 22004 (null_value_not_allowed).

create function pgrelay.check_name(p_kind text, p_name text)
returns text
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_name is null or p_name = '' then
        raise exception 'pg_relay: % name must not be empty', p_kind
            using errcode = 'PR003',
                  hint = 'Use 1 to 63 characters: lower-case letters, digits, "_", ".", ":" or "-", starting with a letter.';
    end if;
    if octet_length(p_name) > 63 then
        raise exception 'pg_relay: % name "%" is % bytes long; the limit is 63',
                p_kind, left(p_name, 40) || '...', octet_length(p_name)
            using errcode = 'PR003',
                  hint = 'Choose a shorter name.';
    end if;
    if p_name !~ '^[a-z][a-z0-9_.:-]*$' then
        raise exception 'pg_relay: invalid % name "%"', p_kind, p_name
            using errcode = 'PR003',
                  detail = 'Names may hold lower-case ASCII letters, digits, "_", ".", ":" and "-", and start with a letter.',
                  hint = 'For example: ' || quote_literal('orders.refresh') || '.';
    end if;
    return p_name;
end
$$;

-- Splits SQL text into its top-level statements (quotes, dollar quotes, comments respected).
-- Empty statements are dropped. Used to validate each statement of an action on its own.
create function pgrelay.split_statements(p_sql text)
returns text[]
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $split$
declare
    v_len   integer := length(p_sql);
    v_i     integer := 1;
    v_start integer := 1;
    v_c     text;
    v_next  text;
    v_tag   text;
    v_end   integer;
    v_depth integer;
    v_esc   boolean;
    v_out   text[] := '{}';
    v_stmt  text;
begin
    while v_i <= v_len loop
        v_c := substr(p_sql, v_i, 1);
        v_next := substr(p_sql, v_i + 1, 1);
        if v_c = '''' then                                   -- '...', E'...' with escapes
            v_esc := v_i > 1 and upper(substr(p_sql, v_i - 1, 1)) = 'E'
                     and (v_i = 2 or substr(p_sql, v_i - 2, 1) !~ '[A-Za-z0-9_$]');
            v_i := v_i + 1;
            while v_i <= v_len loop
                v_c := substr(p_sql, v_i, 1);
                if v_esc and v_c = '\' then
                    v_i := v_i + 2;
                    continue;
                end if;
                if v_c = '''' then
                    exit when substr(p_sql, v_i + 1, 1) <> '''';
                    v_i := v_i + 1;
                end if;
                v_i := v_i + 1;
            end loop;
        elsif v_c = '"' then                                 -- "identifier"
            v_end := strpos(substr(p_sql, v_i + 1), '"');
            v_i := case when v_end = 0 then v_len else v_i + v_end end;
        elsif v_c = '-' and v_next = '-' then                -- -- comment
            v_end := strpos(substr(p_sql, v_i), E'\n');
            v_i := case when v_end = 0 then v_len else v_i + v_end - 1 end;
        elsif v_c = '/' and v_next = '*' then                -- /* nested */ comment
            v_depth := 1;
            v_i := v_i + 2;
            while v_i <= v_len and v_depth > 0 loop
                if substr(p_sql, v_i, 2) = '/*' then
                    v_depth := v_depth + 1; v_i := v_i + 1;
                elsif substr(p_sql, v_i, 2) = '*/' then
                    v_depth := v_depth - 1; v_i := v_i + 1;
                end if;
                v_i := v_i + 1;
            end loop;
            v_i := v_i - 1;
        elsif v_c = '$' then                                 -- $tag$ ... $tag$
            v_tag := substring(substr(p_sql, v_i) from '^\$([A-Za-z_][A-Za-z0-9_]*)?\$');
            if v_tag is not null or substr(p_sql, v_i, 2) = '$$' then
                v_tag := '$' || coalesce(v_tag, '') || '$';
                v_end := strpos(substr(p_sql, v_i + length(v_tag)), v_tag);
                v_i := case when v_end = 0 then v_len
                            else v_i + length(v_tag) + v_end + length(v_tag) - 2 end;
            end if;
        elsif v_c = ';' then
            v_stmt := btrim(substr(p_sql, v_start, v_i - v_start), E' \t\r\n');
            if v_stmt <> '' then
                v_out := v_out || v_stmt;
            end if;
            v_start := v_i + 1;
        end if;
        v_i := v_i + 1;
    end loop;
    v_stmt := btrim(substr(p_sql, v_start), E' \t\r\n');
    if v_stmt <> '' then
        v_out := v_out || v_stmt;
    end if;
    return v_out;
end
$split$;

create function pgrelay.version()
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select '1.0'::text $$;
comment on function pgrelay.version() is 'Version of the pg_relay objects installed in this database';
