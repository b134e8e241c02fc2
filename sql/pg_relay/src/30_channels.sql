-- pg_relay: channels and their action functions.
--
-- What is validated is what runs: a channel's action SQL becomes the body of one generated
-- function, pgrelay_action."<channel>"(jsonb), LANGUAGE sql, SECURITY DEFINER, owned by the
-- channel's run-as role. CREATE FUNCTION parses and analyses every statement with the server's
-- own parser (check_function_bodies is forced on), and the processor runs that very function,
-- so no home-made lexer decides where statements begin and end. The body is passed as a quoted
-- literal (format %L), so no text can close it and add DDL of its own.
--
-- The run-as boundary: a SECURITY DEFINER function runs with its owner's rights and cannot SET
-- ROLE out of them. The run-as role owns that function and nothing else of ours, and has no
-- USAGE on schema pgrelay_action, so it cannot name the function to alter it; process_batch()
-- still checks, before every call, that the function is SECURITY DEFINER and owned by the
-- channel's run-as role (REASSIGN OWNED needs no schema access), else the event fails (PR016).

-- The schema owner: the extensions' own code runs as it (SECURITY DEFINER functions).
create function pgrelay.owner_oid()
returns oid
language sql stable
as $$ select n.nspowner from pg_catalog.pg_namespace n where n.nspname = 'pgrelay' $$;

-- Internal channels belong to the extensions: only their own code notifies or changes them.
create function pgrelay.is_internal_channel(p_name text)
returns boolean
language plpgsql immutable   -- PL/pgSQL: a SQL body with a SET clause is planned anew in each statement
set search_path = pg_catalog, pg_temp
as $$ begin return starts_with(p_name, 'pgrelay.') or starts_with(p_name, 'pgauto_mv.'); end $$;

-- A role a user channel may run as: it exists, the caller's login is a member of it (the
-- action can do no more than the caller could as that role), and it is not a superuser, a
-- predefined pg_* role, one of the extensions' roles, the extensions' owner, or a role with the
-- privileges of any of those.
create function pgrelay.check_run_as(p_role name)
returns oid
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
    r      pg_roles;
    v_bad  text;
begin
    select * into r from pg_roles where rolname = p_role;
    if not found then
        raise exception 'pg_relay: run-as role "%" does not exist', coalesce(p_role::text, '<NULL>')
            using errcode = 'PR014',
                  hint = 'Create a NOLOGIN role for the channel''s actions and grant it what they need.';
    end if;
    if r.rolsuper then
        v_bad := 'it is a superuser';
    elsif starts_with(r.rolname, 'pg_') or starts_with(r.rolname, 'pgrelay_') or starts_with(r.rolname, 'pgauto_mv_') then
        v_bad := 'it is a predefined or pg_relay/pg_auto_mv role';
    elsif pg_has_role(r.oid, pgrelay.owner_oid(), 'USAGE') then
        v_bad := 'it has the privileges of pg_relay''s owner';
    else
        select 'it has the privileges of role ' || quote_ident(g.rolname) into v_bad
          from pg_roles g
         where (starts_with(g.rolname, 'pgrelay_') or starts_with(g.rolname, 'pgauto_mv_'))
           and pg_has_role(r.oid, g.oid, 'USAGE')
         order by g.rolname limit 1;
    end if;
    if v_bad is not null then
        raise exception 'pg_relay: channels may not run as role "%": %', p_role, v_bad
            using errcode = 'PR014',
                  hint = 'Use a NOLOGIN role holding exactly what the action needs (the default is pgrelay).';
    end if;
    if not pg_has_role(session_user, r.oid, 'MEMBER') then
        raise exception 'pg_relay: role "%" is not a member of run-as role "%"', session_user, p_role
            using errcode = 'PR014',
                  hint = 'Only a member of a role may make actions run as it: GRANT ' || quote_ident(p_role) || ' TO ' || quote_ident(session_user) || '.';
    end if;
    return r.oid;
end
$$;

-- (Re)creates a channel's action function from its SQL, owned by p_run_as. Internal: called by
-- the channel functions below once they have checked the caller.
create function pgrelay.install_action(p_channel text, p_action_sql text, p_run_as name)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
    v_fn      text := format('pgrelay_action.%I(jsonb)', p_channel);
    v_state   text;
    v_message text;
    v_detail  text;
begin
    if p_action_sql is null or btrim(p_action_sql, E' \t\r\n;') = '' then
        raise exception 'pg_relay: action SQL must not be empty'
            using errcode = 'PR004',
                  hint = 'Give the SQL to run for each event, e.g. select my_schema.handle($1).';
    end if;
    begin
        set local check_function_bodies = on;
        execute format('create or replace function pgrelay_action.%I(jsonb) returns void'
                       ' language sql security definer'
                       ' set search_path = pg_catalog, pg_temp as %L', p_channel, p_action_sql);
    exception
        when insufficient_privilege then
            raise;
        when others then
        get stacked diagnostics v_state = returned_sqlstate, v_message = message_text,
                                v_detail = pg_exception_detail;
        raise exception 'pg_relay: the action of channel "%" is not valid SQL: %', p_channel, v_message
            using errcode = 'PR004',
                  detail = 'SQLSTATE ' || v_state || coalesce('; ' || nullif(v_detail, ''), ''),
                  hint = 'Actions are SQL statements that read the payload as $1 (jsonb); schema-qualify every object: actions run with search_path = pg_catalog, pg_temp.';
    end;
    if (select p.proowner from pg_proc p where p.oid = v_fn::regprocedure)
       <> (select oid from pg_roles where rolname = p_run_as) then
        -- A new owner needs CREATE on the schema; it has it only for this moment.
        execute format('grant create on schema pgrelay_action to %I', p_run_as);
        execute format('alter function %s owner to %I', v_fn, p_run_as);
        execute format('revoke create on schema pgrelay_action from %I', p_run_as);
    end if;
    -- After the owner change (which would hand the installer's own grant to the new owner):
    -- nobody but pg_relay's owner, i.e. process_batch(), may call it.
    execute format('revoke all on function %s from public', v_fn);
    execute format('grant execute on function %s to %I', v_fn, current_user);
exception
    when insufficient_privilege then
        raise exception 'pg_relay: cannot hand the action of channel "%" to role "%": %', p_channel, p_run_as, sqlerrm
            using errcode = 'PR014',
                  hint = 'pg_relay''s owner must be a member of every run-as role: GRANT ' || quote_ident(p_run_as) || ' TO ' || quote_ident(current_user) || '.';
end
$$;

-- Refuses a change to an internal channel from anyone but the extensions' own code.
create function pgrelay.check_not_internal(p_name text, p_what text)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    if pgrelay.is_internal_channel(p_name) then
        raise exception 'pg_relay: channel "%" is internal; %', p_name, p_what
            using errcode = 'PR003',
                  hint = 'Names starting with pgrelay. or pgauto_mv. belong to the extensions.';
    end if;
end
$$;

-- A channel's limits, checked with a message that says which and what is allowed.
create function pgrelay.check_limits(p_name text, p_timeout interval, p_max_parallel integer,
                                     p_priority integer)
returns void
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_timeout is not null and (p_timeout <= interval '0' or p_timeout > interval '7 days') then
        raise exception 'pg_relay: timeout % of channel "%" is out of range', p_timeout, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use more than 0 and at most 7 days, e.g. interval ''5 min''; NULL means no timeout.';
    end if;
    if p_max_parallel is not null and p_max_parallel not between 1 and 1000 then
        raise exception 'pg_relay: max_parallel % of channel "%" is out of range', p_max_parallel, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use 1 to 1000 events at once; NULL means no limit.';
    end if;
    if p_priority is not null and p_priority not between -1000 and 1000 then
        raise exception 'pg_relay: priority % of channel "%" is out of range', p_priority, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use -1000 to 1000 (default 0; higher is claimed first).';
    end if;
end
$$;

-- Validates a retry policy (create_channel / alter_channel); NULL arguments are not checked.
create function pgrelay.check_retry_policy(p_name text, p_max_attempts integer, p_retry_on text[],
                                           p_retry_base interval, p_retry_factor numeric,
                                           p_retry_cap interval, p_retry_jitter numeric)
returns void
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_bad text;
begin
    if p_max_attempts is not null and p_max_attempts not between 1 and 1000 then
        raise exception 'pg_relay: max_attempts % of channel "%" is out of range', p_max_attempts, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use 1 (never retry) to 1000 runs of an event in all; the default is 4.';
    end if;
    select x into v_bad from unnest(p_retry_on) x
     where x is null or x !~ '^([0-9A-Z]{2}|[0-9A-Z]{5})$' limit 1;
    if found then
        raise exception 'pg_relay: retry_on of channel "%" has %, which is not a SQLSTATE or a class of them',
                p_name, coalesce(quote_literal(v_bad), 'NULL')
            using errcode = 'invalid_parameter_value',
                  hint = 'List classes (two characters, e.g. ''40'' for serialization failures and deadlocks) or full codes (five, e.g. ''55P03''), upper case; ''{}'' never retries.';
    end if;
    if p_retry_base is not null and p_retry_base <> interval '0'
       and (p_retry_base < interval '0' or p_retry_base > interval '1 day') then
        raise exception 'pg_relay: retry_base % of channel "%" is out of range', p_retry_base, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use more than 0 and at most 1 day, e.g. interval ''2 s''; interval ''0'' means pg_relay''s fixed steps (3 s, 5 s, 10 s).';
    end if;
    if p_retry_factor is not null and p_retry_factor not between 1 and 10 then
        raise exception 'pg_relay: retry_factor % of channel "%" is out of range', p_retry_factor, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use 1 (the same delay every time) to 10; the default is 2 (each delay twice the last).';
    end if;
    if p_retry_cap is not null and (p_retry_cap <= interval '0' or p_retry_cap > interval '7 days') then
        raise exception 'pg_relay: retry_cap % of channel "%" is out of range', p_retry_cap, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use more than 0 and at most 7 days; the default is 1 hour.';
    end if;
    if p_retry_jitter is not null and p_retry_jitter not between 0 and 1 then
        raise exception 'pg_relay: retry_jitter % of channel "%" is out of range', p_retry_jitter, p_name
            using errcode = 'invalid_parameter_value',
                  hint = 'Use a fraction from 0 (exact delays) to 1 (anything from 0 to the delay), e.g. 0.2.';
    end if;
end
$$;

-- Validates a failure alert channel for p_name: an existing user channel, and no loop (an
-- alert whose action fails would alert again, back and forth, for ever).
create function pgrelay.check_on_failure(p_name text, p_on_failure text)
returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_on_failure is null then
        return;
    end if;
    if pgrelay.is_internal_channel(p_on_failure)
       or not exists (select from pgrelay.channel c where c.name = p_on_failure) then
        raise exception 'pg_relay: failure alert channel "%" of channel "%" does not exist', p_on_failure, p_name
            using errcode = 'PR001',
                  hint = 'Create a channel whose action records or forwards the alert first (pgrelay.create_channel()).';
    end if;
    if exists (with recursive chain(name, depth) as (
                   select p_on_failure, 1
                   union all
                   select c.on_failure, ch.depth + 1 from chain ch join pgrelay.channel c on c.name = ch.name
                    where c.on_failure is not null and ch.depth < 1000)
               select from chain where name = p_name) then
        raise exception 'pg_relay: channel "%" cannot send its failure alerts to "%": they would come back to it', p_name, p_on_failure
            using errcode = 'invalid_parameter_value',
                  hint = 'A failure alert channel must not itself alert, directly or further on, the channel it serves.';
    end if;
end
$$;

-- The priority a new event of the channel gets (0 for a channel that does not exist).
create function pgrelay.channel_priority(p_channel text)
returns smallint
language sql stable
set search_path = pg_catalog, pg_temp
as $$
    select coalesce((select priority from pgrelay.channel where name = p_channel), 0::smallint)
$$;

create function pgrelay.create_channel(p_name text, p_action_sql text, p_description text default null,
                                       p_solo boolean default false, p_run_as name default 'pgrelay',
                                       p_timeout interval default null,
                                       p_max_parallel integer default null,
                                       p_priority integer default 0,
                                       p_max_attempts integer default 4,
                                       p_retry_on text[] default '{40}',
                                       p_retry_base interval default null,
                                       p_retry_factor numeric default 2,
                                       p_retry_cap interval default '1 hour',
                                       p_retry_jitter numeric default 0,
                                       p_on_failure text default null,
                                       p_alert_payload boolean default false)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.check_name('channel', p_name);
    perform pgrelay.check_not_internal(p_name, 'choose another name');
    perform pgrelay.check_run_as(coalesce(p_run_as, 'pgrelay'));
    perform pgrelay.check_limits(p_name, p_timeout, p_max_parallel, p_priority);
    perform pgrelay.check_retry_policy(p_name, p_max_attempts, p_retry_on, p_retry_base, p_retry_factor,
                                       p_retry_cap, p_retry_jitter);
    perform pgrelay.check_on_failure(p_name, p_on_failure);
    insert into pgrelay.channel (name, action_sql, description, solo, run_as, timeout, max_parallel, priority,
                                 max_attempts, retry_on, retry_base, retry_factor, retry_cap, retry_jitter,
                                 on_failure, alert_payload)
    values (p_name, p_action_sql, p_description, coalesce(p_solo, false), coalesce(p_run_as, 'pgrelay'),
            p_timeout, p_max_parallel, coalesce(p_priority, 0),
            coalesce(p_max_attempts, 4), coalesce(p_retry_on, '{40}'), nullif(p_retry_base, interval '0'),
            coalesce(p_retry_factor, 2), coalesce(p_retry_cap, interval '1 hour'), coalesce(p_retry_jitter, 0),
            p_on_failure, coalesce(p_alert_payload, false));
    -- Default notify rights: members of pgrelay_notify and pgrelay_admin (grant_notify /
    -- revoke_notify change them).
    insert into pgrelay.notify_right (channel, grantee)
    select p_name, oid from pg_roles where rolname in ('pgrelay_notify', 'pgrelay_admin');
    perform pgrelay.install_action(p_name, p_action_sql, coalesce(p_run_as, 'pgrelay'));
exception
    when unique_violation then
        raise exception 'pg_relay: channel "%" already exists', p_name
            using errcode = 'duplicate_object',
                  hint = 'Change it with pgrelay.alter_channel() or drop it with pgrelay.drop_channel().';
end
$$;

-- The extensions' own channels (pgrelay.*, pgauto_mv.*): run as pgrelay_internal, notified
-- only by the extensions' code. Not granted to anyone: only pg_relay's owner calls it.
create function pgrelay.create_internal_channel(p_name text, p_action_sql text,
                                                p_description text default null,
                                                p_solo boolean default false,
                                                p_max_parallel integer default null,
                                                p_priority integer default 0)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    if not pgrelay.is_internal_channel(p_name) then
        raise exception 'pg_relay: "%" is not an internal channel name', p_name using errcode = 'PR003';
    end if;
    perform pgrelay.check_name('channel', p_name);
    perform pgrelay.check_limits(p_name, null, p_max_parallel, p_priority);
    insert into pgrelay.channel (name, action_sql, description, solo, run_as, max_parallel, priority)
    values (p_name, p_action_sql, p_description, coalesce(p_solo, false), 'pgrelay_internal',
            p_max_parallel, coalesce(p_priority, 0));
    perform pgrelay.install_action(p_name, p_action_sql, 'pgrelay_internal');
end
$$;

create function pgrelay.alter_channel(p_name text, p_action_sql text default null,
                                      p_active boolean default null,
                                      p_description text default null,
                                      p_solo boolean default null,
                                      p_run_as name default null,
                                      p_timeout interval default null,
                                      p_max_parallel integer default null,
                                      p_priority integer default null,
                                      p_no_timeout boolean default false,
                                      p_no_max_parallel boolean default false,
                                      p_max_attempts integer default null,
                                      p_retry_on text[] default null,
                                      p_retry_base interval default null,
                                      p_retry_factor numeric default null,
                                      p_retry_cap interval default null,
                                      p_retry_jitter numeric default null,
                                      p_on_failure text default null,
                                      p_alert_payload boolean default null,
                                      p_no_on_failure boolean default false)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    c pgrelay.channel;
begin
    perform pgrelay.lock_channel(p_name);
    select * into c from pgrelay.channel where name = p_name;
    perform pgrelay.check_limits(p_name, p_timeout, p_max_parallel, p_priority);
    perform pgrelay.check_retry_policy(p_name, p_max_attempts, p_retry_on, p_retry_base, p_retry_factor,
                                       p_retry_cap, p_retry_jitter);
    perform pgrelay.check_on_failure(p_name, p_on_failure);
    if p_action_sql is not null or p_run_as is not null then
        -- Whoever changes what runs, or as whom, must be a member of the role it runs as.
        perform pgrelay.check_not_internal(p_name, 'its action and run-as role cannot be changed');
        perform pgrelay.check_run_as(coalesce(p_run_as, c.run_as));
        perform pgrelay.install_action(p_name, coalesce(p_action_sql, c.action_sql),
                                       coalesce(p_run_as, c.run_as));
    end if;
    update pgrelay.channel
       set action_sql  = coalesce(p_action_sql, action_sql),
           active      = coalesce(p_active, active),
           description = coalesce(p_description, description),
           solo        = coalesce(p_solo, solo),
           run_as      = coalesce(p_run_as, run_as),
           timeout     = case when p_no_timeout then null else coalesce(p_timeout, timeout) end,
           max_parallel = case when p_no_max_parallel then null else coalesce(p_max_parallel, max_parallel) end,
           priority    = coalesce(p_priority, priority),
           max_attempts = coalesce(p_max_attempts, max_attempts),
           retry_on     = coalesce(p_retry_on, retry_on),
           retry_base   = case when p_retry_base = interval '0' then null else coalesce(p_retry_base, retry_base) end,
           retry_factor = coalesce(p_retry_factor, retry_factor),
           retry_cap    = coalesce(p_retry_cap, retry_cap),
           retry_jitter = coalesce(p_retry_jitter, retry_jitter),
           on_failure   = case when p_no_on_failure then null else coalesce(p_on_failure, on_failure) end,
           alert_payload = coalesce(p_alert_payload, alert_payload),
           updated_at  = now()
     where name = p_name;
    -- Queued events take the new priority (it orders the claim from the queue's index), and
    -- move to the partition that goes with it.
    if p_priority is not null and p_priority <> c.priority then
        update pgrelay.queue set priority = p_priority, part = pgrelay.queue_part(p_priority::smallint, dedup_key is not null)
         where channel = p_name;
    end if;
    -- An inactive channel's pending events are held (kept, not run) until it is active again.
    if p_active is not null then
        update pgrelay.queue set held = not p_active
         where channel = p_name and held = p_active;
    end if;
end
$$;

create function pgrelay.drop_channel(p_name text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_pending bigint;
    v_schedules text;
begin
    perform pgrelay.lock_channel(p_name);
    perform pgrelay.check_not_internal(p_name, 'uninstall its extension to remove it');
    select string_agg(name, ', ' order by name) into v_schedules
      from pgrelay.schedule where channel = p_name;
    if v_schedules is not null then
        raise exception 'pg_relay: channel "%" is used by schedule(s) %', p_name, v_schedules
            using errcode = 'dependent_objects_still_exist',
                  hint = 'Remove them first with pgrelay.unschedule().';
    end if;
    select string_agg(c.name, ', ' order by c.name) into v_schedules
      from pgrelay.channel c where c.on_failure = p_name;
    if v_schedules is not null then
        raise exception 'pg_relay: channel "%" receives the failure alerts of channel(s) %', p_name, v_schedules
            using errcode = 'dependent_objects_still_exist',
                  hint = 'Point them elsewhere first: pgrelay.alter_channel(p_name => ..., p_no_on_failure => true).';
    end if;
    select count(*) into v_pending from pgrelay.queue where channel = p_name;
    if v_pending > 0 then
        raise exception 'pg_relay: channel "%" still has % pending event(s)', p_name, v_pending
            using errcode = 'dependent_objects_still_exist',
                  hint = 'Let the processor drain them, or deactivate the channel with pgrelay.alter_channel(p_active => false) and wait.';
    end if;
    delete from pgrelay.channel where name = p_name;
    execute format('drop function if exists pgrelay_action.%I(jsonb)', p_name);
end
$$;

-- Per-channel notify rights. A role may notify a user channel when it has the privileges of a
-- grantee (so granting to a group role covers its members). The default grantees of a new
-- channel are pgrelay_notify and pgrelay_admin (create_channel).
create function pgrelay.grant_notify(p_channel text, p_role name)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_oid oid;
begin
    perform pgrelay.lock_channel(p_channel);
    perform pgrelay.check_not_internal(p_channel, 'only the extensions notify it');
    select oid into v_oid from pg_roles where rolname = p_role;
    if v_oid is null then
        raise exception 'pg_relay: role "%" does not exist', coalesce(p_role::text, '<NULL>')
            using errcode = 'undefined_object';
    end if;
    insert into pgrelay.notify_right (channel, grantee) values (p_channel, v_oid)
    on conflict do nothing;
    perform pgrelay.grant_notify_basics(p_role);
end
$$;

-- What notify() itself needs, as it runs with the caller's rights: row-level security on the
-- queue then admits only rows of channels the caller may notify. Nothing here lets a role
-- notify any channel by itself.
create function pgrelay.grant_notify_basics(p_role name)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    execute format('grant usage on schema pgrelay to %I', p_role);
    execute format('grant execute on function pgrelay.notify(text, jsonb),'
                   ' pgrelay.notify(varchar, jsonb, timestamptz, text, text),'
                   ' pgrelay.notify_keyed(text, jsonb, timestamptz, text, text),'
                   ' pgrelay.check_run_at(timestamptz), pgrelay.notify_housekeeping(boolean),'
                   ' pgrelay.refuse_notify(text), pgrelay.may_notify(text, name, smallint),'
                   ' pgrelay.has_notify_right(text, name) to %I', p_role);
    execute format('grant usage on sequence pgrelay.event_id_seq to %I', p_role);
    execute format('grant select (name, active, priority) on pgrelay.channel to %I', p_role);
    execute format('grant insert (part, id, channel, payload, run_at, priority) on pgrelay.queue_p0, pgrelay.queue_p1 to %I', p_role);
    -- Keyed notify: queue_p2's row-level security limits these to keyed events of the role's channels.
    execute format('grant insert (part, id, channel, payload, run_at, priority, dedup_key),'
                   ' select (id, channel, dedup_key), update (payload, run_at) on pgrelay.queue_p2 to %I', p_role);
end
$$;

create function pgrelay.revoke_notify(p_channel text, p_role name)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.lock_channel(p_channel);
    perform pgrelay.check_not_internal(p_channel, 'only the extensions notify it');
    delete from pgrelay.notify_right r
     where r.channel = p_channel and r.grantee = (select oid from pg_roles where rolname = p_role);
    if not found then
        raise exception 'pg_relay: role "%" holds no notify right on channel "%"', p_role, p_channel
            using errcode = 'undefined_object',
                  hint = 'See who does: select pg_get_userbyid(grantee) from pgrelay.notify_right where channel = ' || quote_literal(p_channel) || ';';
    end if;
end
$$;

-- Locks a channel row for an administrative change, or raises PR001 naming it.
create function pgrelay.lock_channel(p_name text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
    perform 1 from pgrelay.channel where name = p_name for update;
    if not found then
        raise exception 'pg_relay: unknown channel "%"', coalesce(p_name, '<NULL>')
            using errcode = 'PR001',
                  hint = 'List channels with: select name from pgrelay.channel;';
    end if;
end
$$;
