-- Blackout windows (issue 18): no automatic refresh inside a window of the view or of all views;
-- a change inside one refreshes at its end, max_wait counts from there; manual refreshes still
-- run; windows cross midnight, follow DST and chain when they meet; bad input is refused.
create extension pg_auto_mv cascade;
create table public.t (id int primary key);
create materialized view public.a as select count(*) as n from public.t;
create materialized view public.b as select count(*) as n from public.t;
select pgauto_mv.register_mv('a', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_max_wait => 60);
select pgauto_mv.register_mv('b', p_watch_tables => array[pgauto_mv.mv_watch('public.t')]);
drop role if exists blackout_other;
create role blackout_other;
grant pgauto_mv_admin to blackout_other;

create function pg_temp.id(p_mv text) returns integer language sql as $$ select id from pgauto_mv.mv where mv_name = p_mv $$;
-- A change now, then the view's timer re-evaluated (as a drain does).
create function pg_temp.change(p_mv text) returns void language sql as $$
    update pgauto_mv.mv_state set first_change_at = now() - interval '2 minutes', last_change_at = now(),
           change_source = 'watch', change_seq = change_seq + 1 where mv_id = pg_temp.id(p_mv);
    select pgauto_mv.rearm(pg_temp.id(p_mv));
$$;

begin;
select plan(27);

-- Days.
select is(pgauto_mv.parse_days('Mon-Fri'), '{1,2,3,4,5}', 'Mon-Fri');
select is(pgauto_mv.parse_days('sat, Sunday'), '{6,7}', 'names in any case, whole or short');
select is(pgauto_mv.parse_days('weekdays'), '{1,2,3,4,5}', 'weekdays');
select is(pgauto_mv.parse_days('daily'), '{1,2,3,4,5,6,7}', 'daily');
select throws_ok($$select pgauto_mv.parse_days('Fri-Mon')$$, 'AM005', null, 'a backwards range is refused');
select throws_ok($$select pgauto_mv.add_blackout('Mon', '08:00', '08:00')$$, 'AM005', null, 'an empty window is refused');
select throws_ok($$select pgauto_mv.add_blackout('Mon', '08:00', '09:00', 'Mars/Olympus')$$, 'AM005',
                 'pg_auto_mv: unknown time zone ''Mars/Olympus''', 'an unknown time zone is refused');
select throws_ok($$select pgauto_mv.drop_blackout(999)$$, 'AM005', 'pg_auto_mv: no blackout window 999', 'dropping an unknown window');

-- Where a window ends (fixed instants; the windows are deleted again below).
select pgauto_mv.add_blackout('daily', '08:00', '12:00', 'Europe/London') as w1 \gset
select pgauto_mv.add_blackout('daily', '12:00', '14:00', 'Europe/London') as w2 \gset
select is(pgauto_mv.blackout_end(pg_temp.id('a'), '2026-12-07 09:00 Europe/London'), '2026-12-07 14:00 Europe/London'::timestamptz,
          'inside: the end, following a window that meets it');
select is(pgauto_mv.blackout_end(pg_temp.id('a'), '2026-12-07 07:59 Europe/London'), '2026-12-07 07:59 Europe/London'::timestamptz,
          'outside: the time itself');
select is(pgauto_mv.blackout_end(pg_temp.id('a'), '2026-07-07 08:30 Europe/London'), '2026-07-07 13:00 UTC'::timestamptz,
          'in summer time: 14:00 London is 13:00 UTC');
select pgauto_mv.drop_blackout(:w1);
select pgauto_mv.drop_blackout(:w2);
select pgauto_mv.add_blackout('Mon', '22:00', '06:00', 'UTC', 'b') as w3 \gset
select is(pgauto_mv.blackout_end(pg_temp.id('b'), '2026-12-08 03:00 UTC'), '2026-12-08 06:00 UTC'::timestamptz,
          'a window past midnight ends the next day (Monday 22:00 to Tuesday 06:00)');
select is(pgauto_mv.blackout_end(pg_temp.id('b'), '2026-12-07 03:00 UTC'), '2026-12-07 03:00 UTC'::timestamptz,
          'and started on its own day only (not Sunday night)');
select is(pgauto_mv.blackout_end(pg_temp.id('a'), '2026-12-08 03:00 UTC'), '2026-12-08 03:00 UTC'::timestamptz,
          'a view''s window holds only that view');
select pgauto_mv.drop_blackout(:w3);

-- A window around now, for all views: a change waits for its end.
select pgauto_mv.add_blackout('daily', ((now() at time zone 'UTC') - interval '1 hour')::time,
                              ((now() at time zone 'UTC') + interval '1 hour')::time, 'UTC') as w4 \gset
select pg_temp.change('a');
select is((select timer_reason from pgauto_mv.mv_state where mv_id = pg_temp.id('a')), 'blackout', 'a change inside a window waits for it');
select ok((select timer_due between now() + interval '59 minutes' and now() + interval '61 minutes'
             from pgauto_mv.mv_state where mv_id = pg_temp.id('a')), 'until the window''s end');
select ok(exists (select from pgauto_mv.refresh_log where mv = 'public.a' and outcome = 'deferred' and detail like 'blackout window until %'),
          'the deferral is logged');
select results_eq($$select state, why_waiting from pgauto_mv.mv_status where mv = 'public.a'$$,
                  $$values ('pending'::text, 'blackout'::text)$$,
                  'mv_status: pending for the blackout, not stale though older than max_wait');
select is((select count(*)::int from pgauto_mv.get_mv_problems() where code = 'older_than_max_wait'), 0,
          'and get_mv_problems() does not call it late');

-- A schedule's or chain's refresh waits too; a manual one runs.
select pgauto_mv.on_refresh_event(jsonb_build_object('mv', pg_temp.id('b'), 'src', 'schedule'));
select is((select refreshes from pgauto_mv.mv_state where mv_id = pg_temp.id('b')), 0::bigint, 'a scheduled refresh waits');
select ok(exists (select from pgrelay.queue where channel = 'pgauto_mv.refresh' and payload->>'src' = 'schedule'
                    and run_at > now() + interval '59 minutes'), 'and is queued for the window''s end');
select pgauto_mv.on_refresh_event(jsonb_build_object('mv', pg_temp.id('b'), 'src', 'manual'));
select is((select last_outcome from pgauto_mv.mv_state where mv_id = pg_temp.id('b')), 'succeeded', 'a manual refresh runs inside a window');

-- Rights: another admin may not put a window on a view it does not own.
set local role blackout_other;
select throws_ok($$select pgauto_mv.add_blackout('daily', '01:00', '02:00', 'UTC', 'a')$$, '42501', null,
                 'another role may not add a window to a view it does not own');
select throws_ok($$select pgauto_mv.drop_blackout($$ || :w4 || $$)$$, '42501', null, 'nor drop a window for all views (only the installing role may)');
reset role;

-- Dropping the window makes the waiting view due at once.
select pgauto_mv.drop_blackout(:w4);
select isnt((select timer_reason from pgauto_mv.mv_state where mv_id = pg_temp.id('a')), 'blackout', 'without the window the view is due again');
select ok((select timer_due <= now() + interval '1 second' from pgauto_mv.mv_state where mv_id = pg_temp.id('a')), 'now');
select is((select count(*)::int from pgauto_mv.blackout), 0, 'no window left');

select * from finish();
rollback;
drop role blackout_other;
