-- pg_relay: settings, and retention of the log and of dead letters.

create function pgrelay.set_setting(p_name text, p_value text)
returns void
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_interval interval;
begin
    if p_name is null or p_name not in ('log_retention', 'log_purge_every', 'failed_retention') then
        raise exception 'pg_relay: unknown setting "%"', coalesce(p_name, '<NULL>')
            using errcode = 'PR010', hint = 'Settings: log_retention, log_purge_every, failed_retention.';
    end if;
    begin
        v_interval := p_value::interval;
    exception when others then
        v_interval := null;
    end;
    if v_interval is null or v_interval < interval '1 minute' then
        raise exception 'pg_relay: setting % needs an interval of at least 1 minute, not "%"', p_name, coalesce(p_value, '<NULL>')
            using errcode = 'PR010', hint = 'For example ''14 days'' or ''1 hour''.';
    end if;
    update pgrelay.setting set value = p_value where name = p_name;
    if p_name = 'log_purge_every' and exists (select 1 from pgrelay.schedule where name = 'pgrelay.purge_log') then
        perform pgrelay.schedule_internal('pgrelay.purge_log', 'pgrelay.purge_log', p_every => v_interval);
    end if;
end
$$;

-- Deletes log rows older than the log_retention setting; returns how many.
create function pgrelay.purge_log()
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_n bigint;
begin
    delete from pgrelay.log
     where started_at < now() - (select value::interval from pgrelay.setting where name = 'log_retention');
    get diagnostics v_n = row_count;
    return v_n;
end
$$;

-- Deletes dead letters (pgrelay.failed) that failed longer ago than the failed_retention
-- setting; returns how many. The built-in purge job runs it beside purge_log().
create function pgrelay.purge_failed()
returns bigint
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_n bigint;
begin
    delete from pgrelay.failed
     where failed_at < now() - (select value::interval from pgrelay.setting where name = 'failed_retention');
    get diagnostics v_n = row_count;
    return v_n;
end
$$;
