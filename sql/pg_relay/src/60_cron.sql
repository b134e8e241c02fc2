-- pg_relay: cron expressions and time-zone-correct next occurrences.
--
-- Accepted: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first;
-- "*", lists "a,b", ranges "a-b", steps "*/n", "a-b/n", "a/n"; month names JAN-DEC, day names
-- SUN-SAT (0 and 7 are Sunday); L in day-of-month for the month's last day ("L", "1,15,L");
-- @yearly @annually @monthly @weekly @daily @midnight @hourly. When day-of-month and day-of-week
-- are both restricted, a day matching either fires (as in Vixie cron).
--
-- Times are wall-clock times in the schedule's zone. Daylight saving:
--   spring forward: a wall-clock time that does not exist fires once, shifted by the gap
--                   (02:30 on a 02:00->03:00 day fires at 03:30);
--   fall back:      a wall-clock time that occurs twice fires once (the first time), unless the
--                   hour field is "*", in which case the job follows real time through the
--                   repeated hour (every-15-minutes keeps firing every 15 minutes).

create type pgrelay.cron_spec as (
    seconds  integer[],
    minutes  integer[],
    hours    integer[],
    doms     integer[],
    months   integer[],
    dows     integer[],
    dom_star boolean,
    dow_star boolean,
    hour_star boolean,
    dom_last boolean     -- L: the last day of the month matches too
);

create function pgrelay.cron_field(p_field text, p_what text, p_lo integer, p_hi integer,
                                   p_names text[] default null)
returns integer[]
language plpgsql immutable
set search_path = pg_catalog, pg_temp
set standard_conforming_strings = on   -- its regular expressions hold backslashes
as $$
declare
    v_part  text;
    v_m     text[];
    v_from  integer;
    v_to    integer;
    v_step  integer;
    v_out   integer[] := '{}';
    v_text  text := upper(p_field);
    v_i     integer;
begin
    if p_names is not null then          -- month/day names to numbers (index + p_lo)
        for v_i in 1 .. array_length(p_names, 1) loop
            v_text := regexp_replace(v_text, '\m' || p_names[v_i] || '\M',
                                     (v_i - 1 + p_lo)::text, 'g');
        end loop;
    end if;
    foreach v_part in array string_to_array(v_text, ',') loop
        v_m := regexp_match(v_part, '^(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?$');
        if v_m is null then
            raise exception 'pg_relay: invalid cron % field "%"', p_what, p_field
                using errcode = 'PR005',
                      hint = format('Use *, a number %s-%s, a range a-b, a list a,b or a step */n%s.', p_lo, p_hi,
                                    case when p_what = 'day-of-month' then ' (L: the last day of the month)' else '' end);
        end if;
        if v_m[1] = '*' then
            v_from := p_lo; v_to := p_hi;
        else
            v_from := v_m[2]::integer;
            v_to := coalesce(v_m[3]::integer, case when v_m[4] is not null then p_hi else v_from end);
        end if;
        v_step := coalesce(v_m[4]::integer, 1);
        if v_from < p_lo or v_to > p_hi or v_from > v_to or v_step < 1 then
            raise exception 'pg_relay: cron % field "%" is out of range', p_what, p_field
                using errcode = 'PR005',
                      hint = format('%s takes values %s to %s, ranges low-high and steps of 1 or more.', p_what, p_lo, p_hi);
        end if;
        v_out := v_out || array(select generate_series(v_from, v_to, v_step));
    end loop;
    return array(select distinct unnest(v_out) order by 1);
end
$$;

create function pgrelay.cron_parse(p_cron text)
returns pgrelay.cron_spec
language plpgsql immutable
set search_path = pg_catalog, pg_temp
set standard_conforming_strings = on   -- its regular expressions hold backslashes
as $$
declare
    v_text   text := btrim(coalesce(p_cron, ''));
    v_f      text[];
    v_spec   pgrelay.cron_spec;
    v_rest   text;
begin
    v_text := case lower(v_text)
                  when '@yearly' then '0 0 1 1 *' when '@annually' then '0 0 1 1 *'
                  when '@monthly' then '0 0 1 * *' when '@weekly' then '0 0 * * 0'
                  when '@daily' then '0 0 * * *' when '@midnight' then '0 0 * * *'
                  when '@hourly' then '0 * * * *' else v_text end;
    v_f := regexp_split_to_array(v_text, '\s+');
    if v_text = '' or array_length(v_f, 1) not in (5, 6) then
        raise exception 'pg_relay: invalid cron expression "%"', coalesce(p_cron, '<NULL>')
            using errcode = 'PR005',
                  detail = format('It has %s field(s); cron takes 5 (minute hour day month weekday) or 6 (second first).',
                                  coalesce(array_length(v_f, 1), 0)),
                  hint = 'For example ''*/10 * * * * *'' (every 10 seconds) or ''30 2 * * MON-FRI''.';
    end if;
    if array_length(v_f, 1) = 5 then
        v_f := '0'::text || v_f;
    end if;
    v_spec.seconds := pgrelay.cron_field(v_f[1], 'second', 0, 59);
    v_spec.minutes := pgrelay.cron_field(v_f[2], 'minute', 0, 59);
    v_spec.hours := pgrelay.cron_field(v_f[3], 'hour', 0, 23);
    -- L (the month's last day) is a day-of-month value of its own, beside any others.
    v_spec.dom_last := 'L' = any (string_to_array(upper(v_f[4]), ','));
    if v_spec.dom_last then
        v_rest := array_to_string(array_remove(string_to_array(upper(v_f[4]), ','), 'L'), ',');
        v_spec.doms := case when v_rest = '' then '{}'
                            else pgrelay.cron_field(v_rest, 'day-of-month', 1, 31) end;
    else
        v_spec.doms := pgrelay.cron_field(v_f[4], 'day-of-month', 1, 31);
    end if;
    v_spec.months := pgrelay.cron_field(v_f[5], 'month', 1, 12,
        array['JAN','FEB','MAR','APR','MAY','JUN','JUL','AUG','SEP','OCT','NOV','DEC']);
    v_spec.dows := array(select distinct d % 7 from unnest(pgrelay.cron_field(v_f[6], 'day-of-week', 0, 7,
        array['SUN','MON','TUE','WED','THU','FRI','SAT'])) d order by 1);
    v_spec.dom_star := v_f[4] in ('*', '?');
    v_spec.dow_star := v_f[6] in ('*', '?');
    v_spec.hour_star := v_f[3] in ('*', '*/1');
    return v_spec;
end
$$;

-- Smallest element of a sorted array that is >= p_value, or NULL.
create function pgrelay.cron_next_value(p_values integer[], p_value integer)
returns integer
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select min(v) from unnest(p_values) v where v >= p_value $$;

-- Does the day of p_day match the day-of-month field (a listed day, or L and the month's last)?
create function pgrelay.cron_dom_matches(p_spec pgrelay.cron_spec, p_day timestamp)
returns boolean
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
    select extract(day from p_day)::integer = any (p_spec.doms)
        or (coalesce(p_spec.dom_last, false)
            and date_trunc('month', p_day + interval '1 day') > date_trunc('month', p_day))
$$;

-- First wall-clock time matching the spec at or after p_from (strictly after unless inclusive).
-- NULL when nothing matches within 10 years (e.g. 30 February).
create function pgrelay.cron_next_local(p_spec pgrelay.cron_spec, p_from timestamp,
                                        p_inclusive boolean)
returns timestamp
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
    t      timestamp := date_trunc('second', p_from);
    v_n    integer;
    v_day  boolean;
begin
    if t < p_from or not p_inclusive then
        t := t + interval '1 s';
    end if;
    loop
        if t > p_from + interval '10 years' then
            return null;
        end if;
        if not extract(month from t)::integer = any (p_spec.months) then
            t := date_trunc('month', t) + interval '1 month';
            continue;
        end if;
        v_day := case
            when p_spec.dom_star and p_spec.dow_star then true
            when p_spec.dom_star then extract(dow from t)::integer = any (p_spec.dows)
            when p_spec.dow_star then pgrelay.cron_dom_matches(p_spec, t)
            else pgrelay.cron_dom_matches(p_spec, t)
                 or extract(dow from t)::integer = any (p_spec.dows) end;
        if not v_day then
            t := date_trunc('day', t) + interval '1 day';
            continue;
        end if;
        v_n := pgrelay.cron_next_value(p_spec.hours, extract(hour from t)::integer);
        if v_n is null then
            t := date_trunc('day', t) + interval '1 day';
            continue;
        elsif v_n > extract(hour from t) then
            t := date_trunc('day', t) + make_interval(hours => v_n);
            continue;
        end if;
        v_n := pgrelay.cron_next_value(p_spec.minutes, extract(minute from t)::integer);
        if v_n is null then
            t := date_trunc('hour', t) + interval '1 hour';
            continue;
        elsif v_n > extract(minute from t) then
            t := date_trunc('hour', t) + make_interval(mins => v_n);
            continue;
        end if;
        v_n := pgrelay.cron_next_value(p_spec.seconds, floor(extract(second from t))::integer);
        if v_n is null then
            t := date_trunc('minute', t) + interval '1 minute';
            continue;
        end if;
        return date_trunc('minute', t) + make_interval(secs => v_n);
    end loop;
end
$$;

-- UTC offset of a zone at an instant.
create function pgrelay.zone_offset(p_at timestamptz, p_timezone text)
returns interval
language sql immutable
set search_path = pg_catalog, pg_temp
as $$ select (p_at at time zone p_timezone) - (p_at at time zone 'UTC') $$;

-- First instant in (p_from, p_to] where the zone's offset differs from its offset at p_from.
create function pgrelay.zone_transition(p_from timestamptz, p_to timestamptz, p_timezone text)
returns timestamptz
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_off  interval := pgrelay.zone_offset(p_from, p_timezone);
    v_lo   timestamptz := p_from;
    v_hi   timestamptz;
    v_mid  timestamptz;
begin
    loop    -- probe weekly: real zones never change offset twice within a week
        v_hi := least(v_lo + interval '7 days', p_to);
        exit when pgrelay.zone_offset(v_hi, p_timezone) <> v_off;
        if v_hi >= p_to then
            return null;
        end if;
        v_lo := v_hi;
    end loop;
    while v_hi - v_lo > interval '1 s' loop   -- offset(v_lo) = v_off, offset(v_hi) <> v_off
        v_mid := v_lo + (v_hi - v_lo) / 2;
        if pgrelay.zone_offset(v_mid, p_timezone) = v_off then
            v_lo := v_mid;
        else
            v_hi := v_mid;
        end if;
    end loop;
    return date_trunc('second', v_hi);
end
$$;

-- Next instant strictly after p_after at which a cron spec fires in a zone (rules above).
create function pgrelay.cron_next(p_spec pgrelay.cron_spec, p_timezone text, p_after timestamptz)
returns timestamptz
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
    v_seg_start   timestamptz := p_after;
    v_local_from  timestamp := p_after at time zone p_timezone;
    v_inclusive   boolean := false;
    v_off         interval;
    v_off2        interval;
    v_local       timestamp;
    v_local2      timestamp;
    v_cand        timestamptz;
    v_cand2       timestamptz;
    v_switch      timestamptz;
begin
    for v_segment in 1 .. 50 loop
        v_off := pgrelay.zone_offset(v_seg_start, p_timezone);
        v_local := pgrelay.cron_next_local(p_spec, v_local_from, v_inclusive);
        if v_local is null then
            return null;
        end if;
        v_cand := (v_local - v_off) at time zone 'UTC';
        v_switch := pgrelay.zone_transition(v_seg_start, v_cand, p_timezone);
        if v_switch is null then
            return v_cand;
        end if;
        v_off2 := pgrelay.zone_offset(v_switch, p_timezone);
        if v_off2 > v_off and v_local < (v_switch at time zone 'UTC') + v_off2 then
            -- v_local falls in the skipped hour: fire shifted by the gap, unless a regular
            -- match right after the switch comes first.
            v_local2 := pgrelay.cron_next_local(p_spec, (v_switch at time zone 'UTC') + v_off2, true);
            v_cand2 := (v_local2 - v_off2) at time zone 'UTC';
            return least(v_cand, v_cand2);
        end if;
        v_seg_start := v_switch;
        v_inclusive := true;
        if v_off2 < v_off and not p_spec.hour_star then
            v_local_from := (v_switch at time zone 'UTC') + v_off;   -- skip the repeated hour
        else
            v_local_from := (v_switch at time zone 'UTC') + v_off2;
        end if;
    end loop;
    return null;
end
$$;
