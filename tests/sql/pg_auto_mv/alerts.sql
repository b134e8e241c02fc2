-- Failure alerts (issue 18): a view's refresh that fails for good notifies the pg_relay channel
-- named by p_on_failure (register_mv / alter_mv) or by the database-wide setting on_failure,
-- with the view, SQLSTATE, redacted message and failures in a row; class-40 retries do not
-- alert; a channel dropped since is reported by get_mv_problems() and never breaks a refresh.
create extension pg_auto_mv cascade;
create table public.flag (v int);
insert into flag values (1);
create table public.alerts (a jsonb);
grant insert on public.alerts to pgrelay;
create function public.boom() returns int language plpgsql as $$
begin
    case (select v from public.flag)
        when 0 then return 1 / 0;
        when 2 then raise exception 'try again' using errcode = '40001';
        when 3 then return 'secret-value'::int;
        else return 1;
    end case;
end $$;
create materialized view public.a as select public.boom() as x;
create materialized view public.b as select public.boom() as x;
select pgrelay.create_channel('ops.alerts', 'insert into public.alerts values ($1)');
select pgrelay.create_channel('ops.other', 'insert into public.alerts values ($1)');

drop role if exists alerts_admin;
drop role if exists alerts_nobody;
create role alerts_admin;
create role alerts_nobody;
grant pgauto_mv_admin to alerts_admin;
create materialized view public.c as select 1 as x;
alter materialized view public.c owner to alerts_admin;

create function pg_temp.fail(p_mv text) returns void language sql as
    $$ select pgauto_mv.on_refresh_event(jsonb_build_object('mv', (select id from pgauto_mv.mv where mv_name = p_mv), 'src', 'manual')) $$;
create function pg_temp.alerts(p_channel text) returns bigint language sql as
    $$ select count(*) from pgrelay.queue where channel = p_channel $$;

begin;
select plan(26);

select throws_ok($$select pgauto_mv.register_mv('a', p_on_failure => 'ops.nope')$$, 'AM005',
                 'pg_auto_mv: failure alert channel "ops.nope" does not exist', 'a channel that does not exist is refused');
select throws_ok($$select pgauto_mv.register_mv('a', p_on_failure => 'pgauto_mv.refresh')$$, 'AM005',
                 'pg_auto_mv: failure alerts cannot go to "pgauto_mv.refresh", one of the extensions'' own channels',
                 'an internal channel is refused');
select is((select count(*)::int from pgauto_mv.mv), 0, 'and nothing was registered');
select lives_ok($$select pgauto_mv.register_mv('a', p_on_failure => 'ops.alerts')$$, 'a view names its alert channel');
select lives_ok($$select pgauto_mv.register_mv('b')$$, 'a view without one');
select is((select on_failure from pgauto_mv.mv_status where mv = 'public.a'), 'ops.alerts', 'mv_status shows it');

-- A failure for good alerts once, with the facts and no payload data.
update flag set v = 0;
select pg_temp.fail('a');
select is(pg_temp.alerts('ops.alerts'), 1::bigint, 'a failed refresh sends one alert');
select is((select payload - 'failed_at' - 'next_try_at' - 'mv_id' from pgrelay.queue where channel = 'ops.alerts'),
          '{"view": "public.a", "sqlstate": "22012", "message": "division by zero", "attempts": 1, "failures": 1}'::jsonb,
          'with the view, SQLSTATE, message and failures in a row');
select ok((select (payload->>'next_try_at')::timestamptz > (payload->>'failed_at')::timestamptz
             from pgrelay.queue where channel = 'ops.alerts'), 'and when it is tried again');
select pg_temp.fail('b');
select is(pg_temp.alerts('ops.alerts') + pg_temp.alerts('ops.other'), 1::bigint, 'a view without a channel (and no default) alerts nobody');

-- Messages are redacted as in the log: a value quoted by the error stays out of the alert.
update flag set v = 3;
select pg_temp.fail('a');
select is((select count(*)::int from pgrelay.queue where channel = 'ops.alerts' and payload::text like '%secret-value%'), 0,
          'the alert carries no data value');
select is((select (payload->>'attempts')::int from pgrelay.queue where channel = 'ops.alerts' order by id desc limit 1), 2,
          'the second failure in a row says so');

-- Class 40 retries on its own: no alert until it fails for good.
update flag set v = 2;
delete from pgrelay.queue where channel = 'ops.alerts';
select pg_temp.fail('a');
select is(pg_temp.alerts('ops.alerts'), 0::bigint, 'a class-40 failure that will be retried sends no alert');

-- The database default, and a view's own channel over it.
select throws_ok($$select pgauto_mv.set_setting('on_failure', 'ops.nope')$$, 'AM005', null, 'a default channel that does not exist is refused');
select lives_ok($$select pgauto_mv.set_setting('on_failure', 'ops.other')$$, 'a database-wide alert channel');
update flag set v = 0;
select pg_temp.fail('b');
select is(pg_temp.alerts('ops.other'), 1::bigint, 'a view without its own channel alerts the default');
select lives_ok($$select pgauto_mv.alter_mv('a', p_on_failure => '')$$, 'alter_mv(p_on_failure => '''') goes back to the default');
select is((select on_failure from pgauto_mv.mv where mv_name = 'a'), null, 'the view has no channel of its own now');

-- A channel dropped since: reported, and a failure still records itself (a warning, no error).
delete from pgrelay.queue where channel in ('ops.alerts', 'ops.other');
select pgauto_mv.alter_mv('b', p_on_failure => 'ops.alerts');
select pgrelay.drop_channel('ops.alerts');
select is((select array_agg(coalesce(mv, '(database)') order by mv nulls first) from pgauto_mv.get_mv_problems() where code = 'alert_channel_missing'),
          '{public.b}', 'get_mv_problems() reports the missing alert channel');
select lives_ok($$select pg_temp.fail('b')$$, 'a failure whose alert cannot be sent still completes');
select is((select failures from pgauto_mv.mv_status where mv = 'public.b'), 3::bigint, 'and is counted (its third)');
select pgrelay.drop_channel('ops.other');
select ok(exists (select from pgauto_mv.get_mv_problems() where code = 'alert_channel_missing' and mv is null),
          'a missing database-wide channel is reported too');

-- As the roles users have: a non-superuser admin lists the channels and names one for its own
-- view; a role with nothing may do neither.
select pgrelay.create_channel('ops.third', 'select 1');
set local role alerts_admin;
select is(array(select pgauto_mv.alert_channels()), '{ops.third}'::text[], 'a pgauto_mv_admin lists the user channels (not the internal ones)');
select lives_ok($$select pgauto_mv.register_mv('c', p_on_failure => 'ops.third')$$, 'and names one for a view it owns');
reset role;
set local role alerts_nobody;
select throws_ok($$select pgauto_mv.alert_channels()$$, '42501', null, 'a role with nothing may not list them');
select throws_ok($$select pgauto_mv.alter_mv('c', p_on_failure => 'ops.third')$$, '42501', null, 'nor set an alert channel');
reset role;

select * from finish();
rollback;
drop materialized view public.c;
drop role alerts_admin;
drop role alerts_nobody;
