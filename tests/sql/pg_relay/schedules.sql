-- Schedules: interval or cron (5/6 fields), time zones and DST, no drift, exactly one pending
-- occurrence, an outage fires once, clear errors for bad input.
create extension pg_relay;
create table public.ticks (at timestamptz, payload jsonb);
grant insert on public.ticks to pgrelay;
select pgrelay.create_channel('t.tick', 'insert into public.ticks values (now(), $1)');

begin;
select plan(41);

-- Bad input, each a documented SQLSTATE, nothing stored.
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick')$$, 'PR005', null, 'neither interval nor cron');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_every => '1 min', p_cron => '* * * * *')$$, 'PR005', null, 'both interval and cron');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_cron => '* * * *')$$, 'PR005', null, 'a 4-field cron');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_cron => '61 * * * *')$$, 'PR005', null, 'minute 61');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_cron => '* * * FOO *')$$, 'PR005', null, 'an unknown month name');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_cron => '5-1 * * * *')$$, 'PR005', null, 'a backwards range');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_cron => '0 0 30 2 *')$$, 'PR005', null, 'a cron that never fires (30 February)');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_every => '-5 s')$$, 'PR007', null, 'a negative interval');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_every => '0.5 s')$$, 'PR007', null, 'an interval under 1 second');
select throws_ok($$select pgrelay.schedule('s.bad', 't.tick', p_every => '1 min', p_timezone => 'Mars/Olympus')$$, 'PR006', null, 'an unknown time zone');
select throws_ok($$select pgrelay.schedule('s.bad', 'no.channel', p_every => '1 min')$$, 'PR001', null, 'an unknown channel');
select throws_ok($$select pgrelay.schedule('S Bad', 't.tick', p_every => '1 min')$$, 'PR003', null, 'a bad schedule name');
select is((select count(*)::int from pgrelay.schedule where name like 's.%'), 0, 'no bad schedule was stored');

-- Cron syntax: 6 fields put seconds first; names and steps.
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '*/20 * * * * *', p_from => '2026-01-01 00:00:05Z', p_count => 3)$$,
                  $$values ('2026-01-01 00:00:20Z'::timestamptz), ('2026-01-01 00:00:40Z'), ('2026-01-01 00:01:00Z')$$,
                  'six fields: seconds first, every 20 seconds');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '30 9 * * MON-FRI', p_timezone => 'Europe/Berlin', p_from => '2026-01-02 12:00Z', p_count => 3)$$,
                  $$values ('2026-01-05 08:30Z'::timestamptz), ('2026-01-06 08:30Z'), ('2026-01-07 08:30Z')$$,
                  'five fields, weekday names, in the schedule''s time zone (Friday afternoon -> Monday 09:30 CET)');

-- L: the last day of the month, alone or beside other days; the @ shorthands.
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '0 18 L * *', p_from => '2027-01-15Z', p_count => 4)$$,
                  $$values ('2027-01-31 18:00Z'::timestamptz), ('2027-02-28 18:00Z'), ('2027-03-31 18:00Z'), ('2027-04-30 18:00Z')$$,
                  'L fires on the last day of each month (31, 28, 31, 30)');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '0 0 1,15,l * *', p_from => '2028-02-10Z', p_count => 3)$$,
                  $$values ('2028-02-15 00:00Z'::timestamptz), ('2028-02-29 00:00Z'), ('2028-03-01 00:00Z')$$,
                  'L in a list (any case), on a leap February');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '0 9 L * MON', p_from => '2027-01-26Z', p_count => 3)$$,
                  $$values ('2027-01-31 09:00Z'::timestamptz), ('2027-02-01 09:00Z'), ('2027-02-08 09:00Z')$$,
                  'L beside a weekday: either matches (Vixie cron)');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '@midnight', p_from => '2027-01-01 12:00Z', p_count => 1)
                    union all select * from pgrelay.preview_schedule(p_cron => '@annually', p_from => '2027-01-01 12:00Z', p_count => 1)$$,
                  $$values ('2027-01-02 00:00Z'::timestamptz), ('2028-01-01 00:00Z')$$,
                  '@midnight and @annually');
select throws_ok($$select * from pgrelay.preview_schedule(p_cron => '0 0 LW * *')$$, 'PR005', null,
                 'LW (nearest weekday) is not taken: a clear error');

-- DST, America/New_York: spring forward 2026-03-08 02:00 -> 03:00; fall back 2026-11-01 02:00 -> 01:00.
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '30 2 * * *', p_timezone => 'America/New_York', p_from => '2026-03-07 12:00Z', p_count => 3)$$,
                  $$values ('2026-03-08 07:30Z'::timestamptz), ('2026-03-09 06:30Z'), ('2026-03-10 06:30Z')$$,
                  'spring forward: 02:30 does not exist and fires once, at 03:30 EDT');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '30 1 * * *', p_timezone => 'America/New_York', p_from => '2026-10-31 12:00Z', p_count => 2)$$,
                  $$values ('2026-11-01 05:30Z'::timestamptz), ('2026-11-02 06:30Z')$$,
                  'fall back: 01:30 occurs twice and fires once');
select results_eq($$select * from pgrelay.preview_schedule(p_cron => '0 */30 * * * *', p_timezone => 'America/New_York', p_from => '2026-11-01 04:45Z', p_count => 5)$$,
                  $$values ('2026-11-01 05:00Z'::timestamptz), ('2026-11-01 05:30Z'), ('2026-11-01 06:00Z'), ('2026-11-01 06:30Z'), ('2026-11-01 07:00Z')$$,
                  'fall back: an every-30-minutes job keeps real time through the repeated hour');
select results_eq($$select * from pgrelay.preview_schedule(p_every => '1 day', p_timezone => 'Europe/Berlin', p_from => '2026-03-28 11:00Z', p_count => 2)$$,
                  $$values ('2026-03-29 10:00Z'::timestamptz), ('2026-03-30 10:00Z')$$,
                  'an interval of days keeps the wall-clock time across the change (12:00 CET -> 12:00 CEST)');

-- A schedule enqueues exactly one pending occurrence.
select ok(pgrelay.schedule('s.tick', 't.tick', p_every => '10 s', p_payload => '{"job": 1}') > now(),
          'schedule() returns the first run time, in the future');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.tick'), 1, 'one pending occurrence');
select pgrelay.schedule('s.tick', 't.tick', p_every => '10 s', p_payload => '{"job": 2}');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.tick'), 1, 'replacing a schedule keeps one pending occurrence');

-- No drift: the next run is computed from the scheduled time, not from when it ran.
update pgrelay.queue set run_at = now() - interval '2.5 s' where schedule_name = 's.tick';
select (select run_at from pgrelay.queue where schedule_name = 's.tick') as scheduled \gset
select count(*) from pgrelay.process_batch(10);
select is((select run_at from pgrelay.queue where schedule_name = 's.tick'), :'scheduled'::timestamptz + interval '10 s',
          'the next run is the scheduled time + 10 s, whatever the processing delay');
select is((select count(*)::int from public.ticks where payload = '{"job": 2}'), 1, 'the job ran once with the schedule''s payload');

-- Outage: an occurrence 1 hour overdue fires once, and the next one is in the future.
delete from public.ticks;
update pgrelay.queue set run_at = now() - interval '1 hour' where schedule_name = 's.tick';
select count(*) from pgrelay.process_batch(10);
select count(*) from pgrelay.process_batch(10);
select is((select count(*)::int from public.ticks), 1, 'after an outage the schedule fires once, not a burst');
select ok((select run_at > now() and run_at <= now() + interval '10 s' from pgrelay.queue where schedule_name = 's.tick'),
          'and its next run is the next future slot');

-- Pause and resume: no pending occurrence while paused (not even after repair_schedules()),
-- and a resume fires at the next occurrence after now, never the runs it missed.
select pgrelay.pause_schedule('s.tick');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.tick'), 0, 'pause takes the pending occurrence out');
select results_eq($$select paused, pending_event_id, next_run_at from pgrelay.schedule where name = 's.tick'$$,
                  $$values (true, null::bigint, null::timestamptz)$$, 'and the schedule says paused');
select lives_ok($$select pgrelay.pause_schedule('s.tick')$$, 'pausing twice is harmless');
select is(pgrelay.repair_schedules(), 0, 'repair_schedules() leaves a paused schedule alone');
update pgrelay.schedule set last_run_at = now() - interval '1 hour' where name = 's.tick';
select ok((select pgrelay.resume_schedule('s.tick') between now() and now() + interval '10 s'),
          'resume returns the next occurrence after now, not one of the 360 it missed');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.tick' and run_at > now()), 1,
          'one pending occurrence again, in the future');
select is((select paused from pgrelay.schedule where name = 's.tick'), false, 'and it runs again');
select throws_ok($$select pgrelay.pause_schedule('s.nope')$$, 'PR009', null, 'pausing an unknown schedule is a clear error');
select throws_ok($$select pgrelay.pause_schedule('pgrelay.purge_log')$$, 'PR003', null,
                 'a built-in job''s schedule belongs to the extensions');

-- Unschedule.
select pgrelay.unschedule('s.tick');
select is((select count(*)::int from pgrelay.queue where schedule_name = 's.tick'), 0, 'unschedule removes the pending occurrence');

select * from finish();
rollback;
