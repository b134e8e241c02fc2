-- Retry policy per channel (issue 17): max_attempts, which SQLSTATEs retry, and the backoff
-- (base, factor, cap, jitter). The default — class 40 at 3, 5, 10 s, 4 runs — is
-- tests/sql/pg_relay/process.sql's; here, what a channel may change and what it may not.
create extension pg_relay;
create schema app;
grant usage on schema app to pgrelay;
-- Fails with the SQLSTATE the payload names.
create function app.fail(p jsonb) returns void language plpgsql as $$
begin
    raise exception 'failing with %', p->>'code' using errcode = p->>'code';
end $$;
grant execute on function app.fail(jsonb) to pgrelay;

-- Runs the channel's due events until none is left, making each retry due at once; one row per
-- run: attempt, outcome, and the delay the retry was given (seconds, rounded to 0.1), counted
-- from the end of the failed run as its log row says. (Counted from before the batch, a loaded
-- machine's slow first batch of a session made 1.0 s read 1.1, beside a CI run, 2026-12-08.)
create function app.run_all(p_channel text)
returns table (attempt int, outcome text, delay_s numeric)
language plpgsql as $$
declare
    r record;
begin
    for i in 1 .. 20 loop
        for r in select * from pgrelay.process_batch(10) b where b.channel = p_channel loop
            attempt := r.attempt;
            outcome := r.outcome;
            delay_s := (select round(extract(epoch from q.run_at - (l.started_at + l.duration_ms * interval '1 ms'))::numeric, 1)
                          from pgrelay.queue q join pgrelay.log l on l.event_id = q.id and l.attempt = r.attempt
                         where q.id = r.event_id);
            return next;
        end loop;
        exit when not exists (select from pgrelay.queue q where q.channel = p_channel);
        update pgrelay.queue q set run_at = now() where q.channel = p_channel;
    end loop;
end $$;

begin;
select plan(19);

-- What a channel stores, and the defaults (today's behaviour).
select pgrelay.create_channel('r.default', 'select app.fail($1)');
select is((select array[max_attempts::text, retry_on::text, coalesce(retry_base::text, 'NULL'), retry_factor::text,
                        retry_cap::text, retry_jitter::text] from pgrelay.channel where name = 'r.default'),
          array['4', '{40}', 'NULL', '2', '01:00:00', '0'],
          'by default: 4 runs, class 40 retries, pg_relay''s fixed steps (3 s, 5 s, 10 s)');

-- An exponential backoff for one SQLSTATE: 1 s, 3 s, then capped at 5 s; 4 runs in all.
select lives_ok($$select pgrelay.create_channel('r.backoff', 'select app.fail($1)', p_max_attempts => 4,
                      p_retry_on => '{P0001,55P03}', p_retry_base => '1 s', p_retry_factor => 3, p_retry_cap => '5 s')$$,
                'a channel with its own retry policy');
select pgrelay.notify('r.backoff', '{"code": "P0001"}');
select results_eq($$select attempt, outcome, delay_s from app.run_all('r.backoff')$$,
                  $$values (1, 'retry'::text, 1.0), (2, 'retry', 3.0), (3, 'retry', 5.0), (4, 'failed', null::numeric)$$,
                  'a listed SQLSTATE is retried after base * factor^(n-1), at most the cap, until max_attempts runs');
select is((select attempts from pgrelay.failed where channel = 'r.backoff'), 4, 'the dead letter counts 4 runs');

-- An error not listed is not retried, even class 40 once the list leaves it out.
select pgrelay.notify('r.backoff', '{"code": "40001"}');
select results_eq($$select attempt, outcome from app.run_all('r.backoff')$$,
                  $$values (1, 'failed'::text)$$,
                  'a SQLSTATE the channel does not list fails at once (here a serialization failure)');
-- A class matches every code in it.
select pgrelay.alter_channel('r.backoff', p_retry_on => '{55}', p_max_attempts => 2);
select pgrelay.notify('r.backoff', '{"code": "55P03"}');
select results_eq($$select attempt, outcome from app.run_all('r.backoff')$$,
                  $$values (1, 'retry'::text), (2, 'failed')$$,
                  'a class (two characters) matches its codes; max_attempts 2 allows one retry');

-- Never retry.
select pgrelay.alter_channel('r.default', p_retry_on => '{}');
select pgrelay.notify('r.default', '{"code": "40P01"}');
select results_eq($$select attempt, outcome from app.run_all('r.default')$$,
                  $$values (1, 'failed'::text)$$, 'retry_on ''{}'': even a deadlock fails at once');
select pgrelay.alter_channel('r.default', p_retry_on => '{40}', p_max_attempts => 1);
select pgrelay.notify('r.default', '{"code": "40P01"}');
select results_eq($$select attempt, outcome from app.run_all('r.default')$$,
                  $$values (1, 'failed'::text)$$, 'max_attempts 1: one run, no retry');

-- Jitter takes up to that fraction off each delay, at random.
select pgrelay.create_channel('r.jitter', 'select app.fail($1)', p_max_attempts => 50, p_retry_on => '{P0}',
                              p_retry_base => '10 s', p_retry_factor => 1, p_retry_jitter => 0.5);
select pgrelay.notify('r.jitter', '{"code": "P0001"}');
create temp table jitter as select * from app.run_all('r.jitter');
select ok((select bool_and(delay_s between 4.9 and 10.0) from jitter where outcome = 'retry'),
          'with jitter 0.5 every delay of 10 s lies between 5 and 10 s');
select ok((select count(distinct delay_s) > 3 from jitter where outcome = 'retry'),
          'and they differ from one retry to the next');

-- Back to the fixed steps: retry_base => interval '0'.
select pgrelay.alter_channel('r.backoff', p_retry_base => '0', p_retry_on => '{P0001}', p_max_attempts => 3);
select is((select retry_base from pgrelay.channel where name = 'r.backoff'), null::interval,
          'retry_base => interval ''0'' returns to pg_relay''s fixed steps');
select pgrelay.notify('r.backoff', '{"code": "P0001"}');
select results_eq($$select attempt, outcome, delay_s from app.run_all('r.backoff')$$,
                  $$values (1, 'retry'::text, 3.0), (2, 'retry', 5.0), (3, 'failed', null::numeric)$$,
                  'which are 3 s and 5 s');

-- Bad values are refused by name and change nothing.
select throws_ok($$select pgrelay.alter_channel('r.backoff', p_max_attempts => 0)$$, '22023',
                 'pg_relay: max_attempts 0 of channel "r.backoff" is out of range', 'max_attempts 0 is refused');
select throws_ok($$select pgrelay.alter_channel('r.backoff', p_retry_on => '{40,deadlock}')$$, '22023',
                 'pg_relay: retry_on of channel "r.backoff" has ''deadlock'', which is not a SQLSTATE or a class of them',
                 'a retry_on entry that is not a SQLSTATE is refused, and named');
select throws_ok($$select pgrelay.create_channel('r.bad', 'select 1', p_retry_on => array[null])$$, '22023',
                 'pg_relay: retry_on of channel "r.bad" has NULL, which is not a SQLSTATE or a class of them',
                 'a NULL in retry_on is refused');
select throws_ok($$select pgrelay.create_channel('r.bad', 'select 1', p_retry_base => '2 days')$$, '22023',
                 'pg_relay: retry_base 2 days of channel "r.bad" is out of range', 'a base above 1 day is refused');
select throws_ok($$select pgrelay.alter_channel('r.backoff', p_retry_factor => 0.5)$$, '22023',
                 'pg_relay: retry_factor 0.5 of channel "r.backoff" is out of range', 'a factor below 1 is refused');
select throws_ok($$select pgrelay.alter_channel('r.backoff', p_retry_jitter => 1.5)$$, '22023',
                 'pg_relay: retry_jitter 1.5 of channel "r.backoff" is out of range', 'a jitter above 1 is refused');
select is((select array[max_attempts::text, retry_on::text, retry_factor::text, retry_jitter::text]
             from pgrelay.channel where name = 'r.backoff'),
          array['3', '{P0001}', '3', '0'], 'and the policy is as it was');
select * from finish();
rollback;
