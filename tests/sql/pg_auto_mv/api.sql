-- API details: chains refuse cycles (naming them), refresh-now in both spellings, named
-- schedules request refreshes, wait_until_fresh times out, mv_status says why a view waits,
-- an unpopulated view's first refresh is plain, registration leaves the view untouched.
create extension pg_auto_mv cascade;
create table public.t (id int primary key, v int);
insert into public.t values (1, 1);
create materialized view public.a as select id, v from public.t;
create unique index on public.a (id);
create materialized view public.b as select id from public.a;
create materialized view public.c as select id from public.b;
create materialized view public.empty as select id from public.t with no data;
create unique index on public.empty (id);
create function public.conflict() returns int language plpgsql as
    $$ begin raise exception 'simulated serialization failure' using errcode = '40001'; end $$;
create materialized view public.flaky as select public.conflict() as x with no data;

begin;
select plan(19);

select md5(row(c.relname, c.relowner, c.relacl, c.reloptions, c.relkind, c.relispopulated)::text) as before_md5
  from pg_class c where c.oid = 'public.a'::regclass \gset
select pgauto_mv.register_mv('a', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_refresh_lag => 30, p_cooldown => 0);
select is((select md5(row(c.relname, c.relowner, c.relacl, c.reloptions, c.relkind, c.relispopulated)::text)
             from pg_class c where c.oid = 'public.a'::regclass), :'before_md5',
          'registration leaves the view itself untouched');
select is((select count(*)::int from pg_trigger where tgrelid = 'public.a'::regclass), 0, 'and puts no trigger on it');
select pgauto_mv.register_mv('b');
select pgauto_mv.register_mv('c');
select pgauto_mv.register_mv('empty');

-- Chains: a DAG; a link closing a cycle is refused and the cycle is named.
select pgauto_mv.add_chain('public.a', 'public.b');
select pgauto_mv.add_chain('b', 'c');
select throws_ok($$select pgauto_mv.add_chain('public.c', 'public.a')$$, 'AM006',
                 'pg_auto_mv: chaining public.c -> public.a would form a cycle: public.c -> public.a -> public.b -> public.c',
                 'a cycle is refused, naming it');
select throws_ok($$select pgauto_mv.add_chain('a', 'a')$$, 'AM006', null, 'a self-chain is refused');
select throws_ok($$select pgauto_mv.add_chain('a', 'nope')$$, 'AM001', null, 'an unknown view is refused');
select is((select count(*)::int from pgauto_mv.chain), 2, 'failed links changed nothing');
select pgauto_mv.remove_chain('b', 'c');
select throws_ok($$select pgauto_mv.remove_chain('b', 'c')$$, 'AM006', null, 'removing a missing link says so');

-- mv_status: a pending change says why it waits and until when.
insert into pgauto_mv.request (mv_ids, t) values ('{1}', now());
select pgauto_mv.on_drain_event(null);
select results_eq($$select state, why_waiting from pgauto_mv.mv_status where mv = 'public.a'$$,
                  $$values ('pending'::text, 'refresh_lag'::text)$$, 'a pending view waits for its refresh_lag');
select ok((select next_due between now() + interval '29 s' and now() + interval '31 s' from pgauto_mv.mv_status where mv = 'public.a'),
          'next_due is the change time + 30 s');
select is(pgauto_mv.wait_until_fresh('a', p_timeout => '0.2 s'), false, 'wait_until_fresh times out while changes wait');

-- Refresh now, both spellings: events on the solo refresh channel with source manual.
select ok(pgauto_mv.refresh_materialised_view_now('b') > 0, 'refresh_materialised_view_now enqueues');
select ok(pgauto_mv.refresh_materialized_view_now('b', 'public') > 0, 'and so does the _materialized_ spelling');
select is((select count(*)::int from pgrelay.queue where channel = 'pgauto_mv.refresh' and payload->>'src' = 'manual'), 2,
          'two manual refresh events are queued');

-- Named schedules: the schedule's event requests a refresh of each attached view.
select pgauto_mv.create_schedule('often', p_every => '1 min');
select pgauto_mv.attach_schedule('public.c', 'often');
select pgauto_mv.attach_schedule('public.b', 'often');
select pgauto_mv.on_schedule_event('{"schedule": "often"}');
select is((select array_agg(payload->>'mv' order by payload->>'mv') from pgrelay.queue
            where channel = 'pgauto_mv.refresh' and payload->>'src' = 'schedule'), '{2,3}',
          'a schedule firing requests a refresh of every attached view');
select throws_ok($$select pgauto_mv.attach_schedule('public.c', 'nope')$$, 'AM007', null, 'an unknown schedule is refused');

-- An unpopulated view: the first refresh is plain, later ones concurrently.
select pgauto_mv.on_refresh_event('{"mv": 4, "src": "manual"}');
select pgauto_mv.on_refresh_event('{"mv": 4, "src": "manual"}');
select is((select array_agg(mode order by id) from pgauto_mv.refresh_log where mv = 'public.empty'), '{plain,concurrently}',
          'first refresh of an unpopulated view plain, then concurrently');

-- A class-40 failure is retried after 3 s (then 5, 10), like pg_relay's own retries.
select pgauto_mv.register_mv('flaky');
select pgauto_mv.on_refresh_event(jsonb_build_object('mv', (select id from pgauto_mv.mv where mv_name = 'flaky'), 'src', 'manual'));
select results_eq($$select outcome, sqlstate from pgauto_mv.refresh_log where mv = 'public.flaky'$$,
                  $$values ('failed'::text, '40001'::text)$$, 'the failure is logged with its SQLSTATE');
select is((select retry_attempt from pgauto_mv.mv_state s join pgauto_mv.mv m on m.id = s.mv_id where m.mv_name = 'flaky'), 1,
          'a retry is counted');
select ok((select run_at between clock_timestamp() + interval '2.5 s' and clock_timestamp() + interval '3.1 s'
             from pgrelay.queue where channel = 'pgauto_mv.refresh'
              and (payload->>'mv')::int = (select id from pgauto_mv.mv where mv_name = 'flaky')),
          'and the retry is queued 3 s later');

select * from finish();
rollback;
