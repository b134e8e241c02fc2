-- pg_relay: helpers shared by the API functions.
--
-- SQLSTATEs of our own (class PR), documented in docs/pg_relay.md:
--   PR001 unknown channel            PR002 channel is inactive
--   PR003 invalid name               PR004 invalid action SQL
--   PR005 invalid schedule           PR006 unknown time zone
--   PR007 invalid interval/number    PR008 no such failed event
--   PR009 unknown schedule           PR010 unknown setting / invalid value
--   PR011 all processor slots taken  PR012 session does not hold slot
--   PR013 may not notify channel     PR014 invalid run-as role
--   PR015 action changed the session PR016 action function missing or altered
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

-- A server message with every literal value taken out, for the audit log and the processor's
-- log: the content of every '...' and "..." becomes ?, and so does every run of digits. Error
-- messages quote the offending value (invalid input syntax for type integer: "123-45-6789"),
-- so this keeps payload values out of pgrelay.log; the message as raised stays with the payload
-- in pgrelay.failed, which only admins read. Identifiers are quoted the same way and are masked
-- too: the SQLSTATE and the words say what went wrong, the failed event says where.
create function pgrelay.redact(p_message text)
returns text
language sql immutable parallel safe
set search_path = pg_catalog, pg_temp
as $$
    select regexp_replace(
             regexp_replace(
               regexp_replace(p_message, '''(?:[^'']|'''')*''?', '''?''', 'g'),
               '"[^"]*"?', '"?"', 'g'),
             '[0-9]+', '?', 'g')
$$;
comment on function pgrelay.redact(text) is
    'A message with every quoted value and number masked (?): what pgrelay.log may hold';

-- A run_at a caller gives: NULL (now), or a finite time in the Common Era.
create function pgrelay.check_run_at(p_run_at timestamptz)
returns timestamptz
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_run_at is not null
       and not (p_run_at > '0001-01-01 00:00:00+00' and p_run_at < 'infinity') then
        raise exception 'pg_relay: run_at % is not a time an event can run at', p_run_at
            using errcode = 'PR007',
                  hint = 'Give a finite time in the Common Era, or NULL for now.';
    end if;
    return p_run_at;
end
$$;

-- The queue partition an event of the given priority belongs in: queue_p2 for a priority other
-- than 0 or a keyed event, else the partition notify() appends to now
-- (pgrelay.queue_state.current_part; either of queue_p0 and queue_p1 is correct, see
-- pgrelay.maintain()).
create function pgrelay.queue_part(p_priority smallint, p_keyed boolean default false)
returns smallint
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select case when p_priority <> 0 or p_keyed then 2::smallint
                else (select s.current_part from pgrelay.queue_state s) end
$$;

create function pgrelay.version()
returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select '1.0'::text $$;
comment on function pgrelay.version() is 'Version of the pg_relay objects installed in this database';
