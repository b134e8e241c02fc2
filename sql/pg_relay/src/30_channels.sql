-- pg_relay: channels and the function that runs their actions.

-- Runs one action as role "pgrelay" (this function is handed to that role at install). Being
-- SECURITY DEFINER, the action cannot SET ROLE or SET SESSION AUTHORIZATION out of it; it can
-- touch only what "pgrelay" was granted. The payload is bound as $1 (jsonb), never spliced.
-- Only the installer (owner of the bookkeeping functions) may call it.
create function pgrelay.run_action(p_action_sql text, p_payload jsonb)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    execute p_action_sql using p_payload;
end
$$;

-- Checks that every statement of an action parses and analyses (PREPARE) and that role
-- "pgrelay" holds the privileges it needs (EXPLAIN checks them without running anything), in a
-- subtransaction that is always rolled back, so nothing of it stays.
create function pgrelay.validate_action(p_action_sql text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_statements text[];
    v_stmt       text;
    v_n          integer := 0;
    v_state      text;
    v_message    text;
begin
    if p_action_sql is null or btrim(p_action_sql, E' \t\r\n;') = '' then
        raise exception 'pg_relay: action SQL must not be empty'
            using errcode = 'PR004',
                  hint = 'Give the SQL to run for each event, e.g. select my_schema.handle($1).';
    end if;
    v_statements := pgrelay.split_statements(p_action_sql);
    foreach v_stmt in array v_statements loop
        v_n := v_n + 1;
        begin
            -- A generic plan keeps $1 a parameter, so nothing is folded (and raised) early.
            set local plan_cache_mode = force_generic_plan;
            execute format('prepare pgrelay_validate_action(jsonb) as %s', v_stmt);
            execute 'explain (costs off) execute pgrelay_validate_action(null)';
            deallocate pgrelay_validate_action;
            raise sqlstate 'PR999';  -- always undo: nothing of the check may stay
        exception
            when sqlstate 'PR999' then
                null;
            when others then
                get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
                begin
                    deallocate pgrelay_validate_action;
                exception when others then
                    null;
                end;
                if v_state = '42501' then
                    raise exception 'pg_relay: role pgrelay may not run statement % of the action: %', v_n, v_message
                        using errcode = 'PR004',
                              detail = 'Statement: ' || left(v_stmt, 200),
                              hint = 'Actions run as role pgrelay. Grant it what the action needs first, e.g. GRANT USAGE ON SCHEMA app TO pgrelay; GRANT INSERT ON app.t TO pgrelay;';
                end if;
                raise exception 'pg_relay: statement % of the action does not parse: %', v_n, v_message
                    using errcode = 'PR004',
                          detail = 'Statement: ' || left(v_stmt, 200) || ' (SQLSTATE ' || v_state || ')',
                          hint = 'Actions are SELECT, INSERT, UPDATE, DELETE or MERGE statements that read the payload as $1 (jsonb); call procedures through a function in a SELECT. Schema-qualify every object: actions run with search_path = pg_catalog.';
        end;
    end loop;
end
$$;

create function pgrelay.create_channel(p_name text, p_action_sql text, p_description text default null,
                                       p_solo boolean default false)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.check_name('channel', p_name);
    perform pgrelay.validate_action(p_action_sql);
    insert into pgrelay.channel (name, action_sql, description, solo)
    values (p_name, p_action_sql, p_description, coalesce(p_solo, false));
exception
    when unique_violation then
        raise exception 'pg_relay: channel "%" already exists', p_name
            using errcode = 'duplicate_object',
                  hint = 'Change it with pgrelay.alter_channel() or drop it with pgrelay.drop_channel().';
end
$$;

create function pgrelay.alter_channel(p_name text, p_action_sql text default null,
                                      p_active boolean default null,
                                      p_description text default null,
                                      p_solo boolean default null)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    perform pgrelay.lock_channel(p_name);
    if p_action_sql is not null then
        perform pgrelay.validate_action(p_action_sql);
    end if;
    update pgrelay.channel
       set action_sql  = coalesce(p_action_sql, action_sql),
           active      = coalesce(p_active, active),
           description = coalesce(p_description, description),
           solo        = coalesce(p_solo, solo),
           updated_at  = now()
     where name = p_name;
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
    select string_agg(name, ', ' order by name) into v_schedules
      from pgrelay.schedule where channel = p_name;
    if v_schedules is not null then
        raise exception 'pg_relay: channel "%" is used by schedule(s) %', p_name, v_schedules
            using errcode = 'dependent_objects_still_exist',
                  hint = 'Remove them first with pgrelay.unschedule().';
    end if;
    select count(*) into v_pending from pgrelay.queue where channel = p_name;
    if v_pending > 0 then
        raise exception 'pg_relay: channel "%" still has % pending event(s)', p_name, v_pending
            using errcode = 'dependent_objects_still_exist',
                  hint = 'Let the processor drain them, or deactivate the channel with pgrelay.alter_channel(p_active => false) and wait.';
    end if;
    delete from pgrelay.channel where name = p_name;
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
