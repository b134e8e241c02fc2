-- Fuzzing channel actions: what create_channel() validates is exactly what process_batch() runs.
--
-- A deterministic generator (setseed) builds 10,600 action texts from pieces that have fooled
-- home-made SQL lexers: identifiers containing $ (select 1 as a$$ ... select 1 as b$$ is no
-- dollar quote), the four kinds of string constant (standard with '' and a literal \, E'' with
-- \' and \\, U&'', $$ and $tag$), quoted identifiers holding ; and $$, -- and nested /* */
-- comments, DO blocks (nested inside EXECUTEd DO blocks), and separators of every shape. Real
-- statements insert (text, marker) into fuzz.ran; decoys -- the same insert with marker 999 --
-- hide inside strings, identifiers, comments and IF FALSE branches. The generator knows the
-- ground truth: the markers a correct SQL parser runs, in order. Every 20th text gets an invalid
-- tail (unterminated quote or comment, syntax error, missing table): it must be refused with
-- PR004, with nothing stored and nothing run, even the valid statements before the tail.
--
-- Each valid text becomes channel 'fz.<n>' running as a NOLOGIN role, is notified once and
-- processed by process_batch(60); then, per text, the markers run must equal the ground truth,
-- no 999 may appear, and every row must have been written by the run-as role.
--
-- Generating, validating and running happen in autocommit, committing as the processor does
-- (the database is dropped after the test): install_action() grants and revokes CREATE on
-- schema pgrelay_action for each channel, and thousands of updates of that one catalog row in
-- one transaction make every next one slower (measured: the first 1,000 channels 2.4 s, the
-- third 1,000 5.5 s; committed, 2.1 s each). The assertions follow in begin ... rollback.
create extension pg_relay;

-- The run-as role and what real statements write to. Roles are cluster-wide: a run that
-- stopped half-way may have left this one; the end of the file drops it.
drop role if exists fuzz_actions_runner;
create role fuzz_actions_runner nologin;
create schema fuzz;
create table fuzz.ran (text_no int not null, marker int not null,
                       who name not null default current_user,
                       seq bigint generated always as identity);   -- last: values (t, m) fits
grant usage on schema fuzz to fuzz_actions_runner;
grant insert on fuzz.ran to fuzz_actions_runner;

-- The generated texts: ground truth, kinds of piece used (for the coverage check), and what
-- create_channel() said.
create table fuzz.action (text_no int primary key, sql text not null, valid boolean not null,
                          expected int[] not null, kinds text[] not null,
                          create_state text, create_message text);
-- What process_batch() reported.
create table fuzz.outcome (event_id bigint, channel text, outcome text, attempt int,
                           error_code text, error_message text, duration_ms double precision);

------------------------------------------------------------------------------------------------
-- The generator. t is the number of the text being generated: its real statements and decoys
-- write it as text_no. Bodies use $fn$ quotes, as the pieces themselves are full of $$.

create function fuzz.rnd(n int) returns int language sql volatile
as $fn$ select floor(random() * n)::int $fn$;

create function fuzz.any_of(p text[]) returns text language sql volatile
as $fn$ select p[1 + floor(random() * cardinality(p))::int] $fn$;

-- Notes that the text being generated holds a piece of this kind (collected per text in a
-- setting, far cheaper than a row per piece; action_text() reads it out).
create function fuzz.seen(p_kind text) returns void language sql volatile
as $fn$ select set_config('fuzz.kinds', current_setting('fuzz.kinds') || p_kind || '|', false) $fn$;

-- A statement that must never run: it would record marker 999.
create function fuzz.decoy(t int) returns text language sql volatile
as $fn$
    select case when random() < 0.5
                then format('insert into fuzz.ran (text_no, marker) values (%s, 999)', t)
                else format('insert into fuzz.ran values (%s,999)', t) end
$fn$;

-- 0 to n bits of text that mislead a lexer, to put inside strings, identifiers and comments:
-- separators, a decoy statement, quote characters of every kind, comment openers and closers.
create function fuzz.noise(t int, n int, p_without text[] default '{}') returns text
language plpgsql volatile
as $fn$
declare
    v_bits constant text[] := array['#decoy#', ';', ' ', E'\n', '''', '''''', '\', '\''', '"', '""',
                                    '$$', '$q$', '$do$', 'a$$', '--', '/*', '*/', 'E''', 'U&''',
                                    '$1', 'end;', 'begin'];
    v_bit text;
    v     text := '';
    v_n   int := 0;
begin
    while v_n < n loop
        v_bit := fuzz.any_of(v_bits);
        if v_bit <> all (p_without) then
            v := v || v_bit;
            v_n := v_n + 1;
        end if;
    end loop;
    if strpos(v, '#decoy#') > 0 then
        v := replace(v, '#decoy#', '; ' || fuzz.decoy(t) || ';');
    end if;
    return v;
end
$fn$;

-- A comment to the end of the line (the noise holds no newline).
create function fuzz.line_comment(t int) returns text language plpgsql volatile
as $fn$
begin
    perform fuzz.seen('line comment');
    return '--' || fuzz.noise(t, fuzz.rnd(5), array[E'\n']) || E'\n';
end
$fn$;

-- A block comment nested p_depth deep, noise at every level. The server's comments nest:
-- /* /* */ ; decoy */ is one comment, and /* /* */ alone never ends.
create function fuzz.block_comment(t int, p_depth int) returns text language plpgsql volatile
as $fn$
declare
    v_open  text := fuzz.noise(t, 1 + fuzz.rnd(3), '{/*,*/}');
    v_inner text := '';
begin
    if p_depth > 0 then
        v_inner := fuzz.block_comment(t, p_depth - 1) || fuzz.noise(t, fuzz.rnd(3), '{/*,*/}');
        perform fuzz.seen('nested block comment');
    end if;
    perform fuzz.seen('block comment');
    return '/*' || v_open || v_inner || '*/';
end
$fn$;

-- Space between two tokens of a statement: blanks, or a comment.
create function fuzz.gap(t int) returns text language plpgsql volatile
as $fn$
begin
    case fuzz.rnd(6)
        when 0, 1, 2 then return ' ';
        when 3 then return E'\n    ';
        when 4 then return ' ' || fuzz.block_comment(t, fuzz.rnd(3)) || ' ';
        else return ' ' || fuzz.line_comment(t);
    end case;
end
$fn$;

-- Between two statements: at least one ';' (empty statements are allowed), blanks, comments.
create function fuzz.sep(t int) returns text language plpgsql volatile
as $fn$
begin
    case fuzz.rnd(9)
        when 0 then return ';';
        when 1 then return '; ';
        when 2 then return E';\n';
        when 3 then return ' ; ; ';
        when 4 then return E';;\n\n';
        when 5 then return '; ' || fuzz.block_comment(t, fuzz.rnd(3)) || ' ';
        when 6 then return ' ' || fuzz.block_comment(t, fuzz.rnd(3)) || ';';
        when 7 then return '; ' || fuzz.line_comment(t);
        else return ' ' || fuzz.line_comment(t) || ';';
    end case;
end
$fn$;

-- A real statement recording marker m, with gaps between its tokens; with p_payload it may take
-- text_no from the event payload ($1 is the payload {"t": <text_no>}).
create function fuzz.real_insert(t int, m int, p_payload boolean default true) returns text
language plpgsql volatile
as $fn$
begin
    if p_payload and fuzz.rnd(4) = 0 then
        perform fuzz.seen('insert reading $1');
        return 'insert' || fuzz.gap(t) || 'into fuzz.ran (text_no, marker)' || fuzz.gap(t)
               || 'select ($1->>''t'')::int,' || fuzz.gap(t) || m;
    end if;
    perform fuzz.seen('insert');
    return 'insert' || fuzz.gap(t) || 'into fuzz.ran (text_no, marker)' || fuzz.gap(t)
           || 'values (' || t || ',' || fuzz.gap(t) || m || ')';
end
$fn$;

-- A dollar-quote delimiter that c can sit inside: c || delimiter holds it only at its end
-- (content ending in '$' would otherwise close '$$' one character early).
create function fuzz.dollar_tag(c text) returns text language plpgsql volatile
as $fn$
declare
    v_tags  text[] := '{$$,$q$,$do$,$x1$}';
    v_start int := fuzz.rnd(4);
    v_tag   text;
begin
    for i in 0 .. 3 loop
        v_tag := v_tags[1 + (v_start + i) % 4];
        if strpos(c || v_tag, v_tag) = length(c) + 1 then
            return v_tag;
        end if;
    end loop;
    for i in 1 .. 100 loop          -- c holds them all (a DO body with strings inside, say)
        v_tag := '$d' || i || '$';
        if strpos(c || v_tag, v_tag) = length(c) + 1 then
            return v_tag;
        end if;
    end loop;
end
$fn$;

-- c as a string constant in one of the server's spellings.
create function fuzz.literal(t int, c text) returns text language plpgsql volatile
as $fn$
declare
    v_tag text;
begin
    case fuzz.rnd(4)
    when 0 then         -- standard: '' is a quote, \ is just a character ('c:\' ends there)
        perform fuzz.seen('standard string');
        return '''' || replace(c, '''', '''''') || '''';
    when 1 then         -- E'': \\ is a backslash, \' or '' a quote
        perform fuzz.seen('E string');
        return 'E''' || replace(replace(c, '\', '\\'), '''',
                                case when fuzz.rnd(2) = 0 then '\''' else '''''' end) || '''';
    when 2 then         -- U&'': \\ is a backslash, \0027 a quote
        perform fuzz.seen('U& string');
        return 'U&''' || replace(replace(c, '\', '\\'), '''', '\0027') || '''';
    else                -- dollar quoted: nothing inside is special
        v_tag := fuzz.dollar_tag(c);
        perform fuzz.seen(case when v_tag = '$$' then '$$ string' else '$tag$ string' end);
        return v_tag || c || v_tag;
    end case;
end
$fn$;

-- A quoted identifier holding ;, quotes, comment openers, $$ and a short decoy (at most 63
-- bytes, or the server truncates it with a NOTICE).
create function fuzz.quoted_ident(t int) returns text language plpgsql volatile
as $fn$
declare
    v_bits text[] := array[format(';insert into fuzz.ran values(%s,999);', t), ';', '$$', '$q$',
                           '''', '"', '--', '/*', '*/', ' ', 'a$$', E'\n'];
    v text;
begin
    perform fuzz.seen('quoted identifier');
    loop
        v := '';
        for i in 1 .. 1 + fuzz.rnd(4) loop
            v := v || fuzz.any_of(v_bits);
        end loop;
        exit when octet_length(v) <= 63;
    end loop;
    return '"' || replace(v, '"', '""') || '"';
end
$fn$;

-- A DO block. Its PL/pgSQL body: real inserts, direct or EXECUTEd from a string constant (with
-- a comment inside it), and, p_depth permitting, EXECUTE of a nested DO block; noise in
-- PERFORMed strings and comments; decoys in IF FALSE branches. The body's dollar-quote tag is
-- one the body does not contain. Appends the markers it runs to p_markers.
create function fuzz.do_block(t int, p_depth int, inout p_markers int[], out sql text)
language plpgsql volatile
as $fn$
declare
    v_body  text := '';
    v_inner text;
    v_tag   text;
begin
    for i in 1 .. 1 + fuzz.rnd(4) loop
        case fuzz.rnd(7)
        when 0 then
            p_markers := p_markers || (cardinality(p_markers) + 1);
            v_body := v_body || fuzz.real_insert(t, cardinality(p_markers), false) || E';\n';
        when 1 then
            p_markers := p_markers || (cardinality(p_markers) + 1);
            perform fuzz.seen('EXECUTE of a string');
            v_body := v_body || 'execute '
                      || fuzz.literal(t, fuzz.real_insert(t, cardinality(p_markers), false) || ' '
                                         || case when fuzz.rnd(2) = 0 then fuzz.line_comment(t)
                                                 else fuzz.block_comment(t, 1) end)
                      || E';\n';
        when 2 then
            v_body := v_body || 'perform ' || fuzz.literal(t, fuzz.noise(t, 1 + fuzz.rnd(6))) || E';\n';
        when 3 then
            perform fuzz.seen('IF FALSE decoy');
            v_body := v_body || format(E'if false then %s; end if;\n', fuzz.decoy(t));
        when 4 then
            v_body := v_body || case when fuzz.rnd(2) = 0 then fuzz.line_comment(t)
                                     else fuzz.block_comment(t, fuzz.rnd(3)) || E'\n' end;
        else
            if p_depth > 0 then
                perform fuzz.seen('DO inside an EXECUTEd DO');
                select * into p_markers, v_inner from fuzz.do_block(t, p_depth - 1, p_markers);
                v_body := v_body || 'execute ' || fuzz.literal(t, v_inner) || E';\n';
            else
                p_markers := p_markers || (cardinality(p_markers) + 1);
                v_body := v_body || fuzz.real_insert(t, cardinality(p_markers), false) || E';\n';
            end if;
        end case;
    end loop;
    perform fuzz.seen('DO block');
    v_body := E'begin\n' || v_body || 'end';
    v_tag := fuzz.dollar_tag(v_body);
    sql := 'do ' || case when fuzz.rnd(3) = 0 then 'language plpgsql ' else '' end
           || v_tag || E'\n' || v_body || E'\n' || v_tag;
end
$fn$;

-- One statement -- or, for the $-identifier trick, several -- appending the markers a correct
-- parser runs to p_markers.
create function fuzz.statement(t int, p_depth int, inout p_markers int[], out sql text)
language plpgsql volatile
as $fn$
declare
    v_id    text;
    v_inner text;
begin
    case fuzz.rnd(20)
    when 0, 1, 2, 3, 4 then                         -- a real statement
        p_markers := p_markers || (cardinality(p_markers) + 1);
        sql := fuzz.real_insert(t, cardinality(p_markers));
    when 5, 6, 7 then                               -- a string constant full of noise
        sql := format(fuzz.any_of('{"select %s","select length(%s)","select 1 where %s is not null"}'),
                      fuzz.literal(t, fuzz.noise(t, 1 + fuzz.rnd(6))));
    when 8, 9 then                                  -- a quoted identifier full of noise
        v_id := fuzz.quoted_ident(t);
        sql := format(fuzz.any_of('{"select 1 as %s","select q.%1$s from (select 1 as %1$s) q"}'), v_id);
    when 10, 11, 12 then
        if p_depth > 0 then
            -- select 1 as a$$ <sep> statements <sep> select 1 as b$$: a$$ and b$$ are column
            -- aliases, so the statements between run; a lexer that takes the $$ for a dollar
            -- quote sees one harmless string from a$$ to b$$ (the attack on the old lexer).
            perform fuzz.seen('$-identifier pair around statements');
            v_id := fuzz.any_of('{$$,$q$,$do$}');
            select * into p_markers, v_inner
              from fuzz.statements(t, 1 + fuzz.rnd(3), p_depth - 1, p_markers);
            sql := format(fuzz.any_of('{"select 1 as %s","select %1$s from (select 1 as %1$s) s"}'),
                          'a' || v_id)
                   || fuzz.sep(t) || v_inner || fuzz.sep(t)
                   || format(fuzz.any_of('{"select 1 as %s","select 2 as c, 3 as %s"}'), 'b' || v_id);
        else
            perform fuzz.seen('$-identifier');
            sql := fuzz.any_of('{"select 1 as a$$","select 1 as x$q$","select $1 as y$do$",'
                               '"select z$$ from (select 1 as z$$) s"}');
        end if;
    when 13, 14, 15 then                            -- a DO block
        select * into p_markers, sql from fuzz.do_block(t, p_depth, p_markers);
    else                                            -- something harmless
        sql := fuzz.any_of('{"select 1","select $1","values (1, ''a'')","select null::int",'
                           '"select 1 as \"a$$\""}');
        sql := replace(sql, ' ', fuzz.gap(t));
    end case;
end
$fn$;

-- n statements joined by separators.
create function fuzz.statements(t int, n int, p_depth int, inout p_markers int[], out sql text)
language plpgsql volatile
as $fn$
declare
    v text;
begin
    sql := '';
    for i in 1 .. n loop
        select * into p_markers, v from fuzz.statement(t, p_depth, p_markers);
        sql := sql || case when i > 1 then fuzz.sep(t) else '' end || v;
    end loop;
end
$fn$;

-- The end of an invalid text: any of these makes the whole action invalid.
create function fuzz.bad_tail(t int) returns text language plpgsql volatile
as $fn$
declare
    v_tails text[] := array[
        'select ''unterminated; ' || fuzz.decoy(t),             -- an unterminated string
        'select E''\''; ' || fuzz.decoy(t),                      -- E'\' escapes its own end quote
        'select $q$ unterminated; ' || fuzz.decoy(t),           -- an unterminated dollar quote
        'select 1 as "unterminated; ' || fuzz.decoy(t),         -- an unterminated identifier
        '/* /* nested */ ' || fuzz.decoy(t),                     -- comments nest: never ends
        'selec 1',                                                -- a syntax error
        format('insert into fuzz.ran (text_no, marker) values (%s, 999', t),  -- no ')'
        'insert into fuzz.missing values (1)'];                  -- no such table
    v_tail text := fuzz.any_of(v_tails);
begin
    perform fuzz.seen('invalid tail ' || array_position(v_tails, v_tail));
    return v_tail;
end
$fn$;

-- Action text number t, its ground truth and the kinds of piece in it: 1 to 6 statements
-- ($-identifier pairs and DO blocks nest two levels), maybe a comment or ';' before and after.
-- Every 20th text ends in a bad tail instead: refused, so nothing of it runs.
create function fuzz.action_text(t int, out sql text, out valid boolean, out expected int[],
                                 out kinds text[])
language plpgsql volatile
as $fn$
declare
    v_markers int[] := '{}';
    v_body    text;
begin
    perform set_config('fuzz.kinds', '', false);
    select * into v_markers, v_body from fuzz.statements(t, 1 + fuzz.rnd(6), 2, v_markers);
    sql := case fuzz.rnd(6) when 0 then fuzz.line_comment(t)
                            when 1 then fuzz.block_comment(t, 1) || ' '
                            when 2 then '; '
                            else '' end
           || v_body;
    valid := t % 20 <> 0;
    if valid then
        expected := v_markers;
        sql := sql || case fuzz.rnd(5) when 0 then ';'
                                       when 1 then E';\n'
                                       when 2 then ' --' || fuzz.noise(t, fuzz.rnd(4), array[E'\n'])  -- no newline at the end
                                       when 3 then '; ' || fuzz.block_comment(t, 2)
                                       else '' end;
    else
        expected := '{}';
        sql := sql || E';\n' || fuzz.bad_tail(t);
    end if;
    kinds := string_to_array(rtrim(current_setting('fuzz.kinds'), '|'), '|');
end
$fn$;

-- Validates every text: creates channel 'fz.<n>' running as the fuzz role and records what
-- create_channel() said. Commits every 500 texts.
create procedure fuzz.validate()
language plpgsql
as $fn$
declare
    a       record;
    v_state text;
    v_msg   text;
begin
    for a in select text_no, sql from fuzz.action order by text_no loop
        begin
            perform pgrelay.create_channel('fz.' || a.text_no, a.sql,
                                           p_run_as => 'fuzz_actions_runner');
            v_state := '00000';
            v_msg := null;
        exception when others then
            get stacked diagnostics v_state = returned_sqlstate, v_msg = message_text;
        end;
        update fuzz.action set create_state = v_state, create_message = v_msg
         where text_no = a.text_no;
        if a.text_no % 500 = 0 then
            commit;
        end if;
    end loop;
end
$fn$;

-- Notifies each accepted text's channel once, payload {"t": <text_no>}, then processes batches
-- of 60 until none is left, committing each as the processor does. (No FOR loop over a query
-- here: COMMIT would make its cursor holdable, and process_batch() closes holdable cursors.)
create procedure fuzz.run()
language plpgsql
as $fn$
declare
    v_rows int;
begin
    perform pgrelay.notify('fz.' || text_no, jsonb_build_object('t', text_no))
       from fuzz.action where create_state = '00000' order by text_no;
    commit;
    loop
        insert into fuzz.outcome select * from pgrelay.process_batch(60);
        get diagnostics v_rows = row_count;
        commit;
        exit when v_rows = 0;
    end loop;
end
$fn$;

------------------------------------------------------------------------------------------------
-- Generate, validate, run.
do $gen$
begin
    perform setseed(0.1885827686);
    for t in 1 .. 10600 loop
        insert into fuzz.action (text_no, sql, valid, expected, kinds)
        select t, a.sql, a.valid, a.expected, a.kinds from fuzz.action_text(t) a;
    end loop;
end
$gen$;
call fuzz.validate();
create table fuzz.ran_while_validating as table fuzz.ran;
call fuzz.run();

begin;
select plan(14);

-- The corpus.
select cmp_ok((select count(*)::int from fuzz.action where valid), '>=', 10000,
              'at least 10,000 valid action texts were generated (plus 5% invalid ones)');
select cmp_ok((select count(*)::int from fuzz.action where valid and sql ~ ',\s*999\)'), '>=', 5000,
              'most of them hide a decoy statement in a string, identifier, comment or dead branch');
select is((select array_agg(k.kind order by k.kind)
             from (values ('insert'), ('insert reading $1'), ('standard string'), ('E string'),
                          ('U& string'), ('$$ string'), ('$tag$ string'), ('quoted identifier'),
                          ('$-identifier'), ('$-identifier pair around statements'),
                          ('line comment'), ('block comment'), ('nested block comment'),
                          ('DO block'), ('DO inside an EXECUTEd DO'), ('EXECUTE of a string'),
                          ('IF FALSE decoy')) k(kind)
            where (select count(*) from fuzz.action a where a.valid and k.kind = any (a.kinds)) < 100),
          null, 'every kind of piece is in at least 100 valid texts');
select is((select array_agg(k.n order by k.n) from generate_series(1, 8) k(n)
            where (select count(*) from fuzz.action a where 'invalid tail ' || k.n = any (a.kinds)) < 20),
          null, 'every kind of invalid tail is in at least 20 texts');

-- Validation.
select is((select count(*)::int from fuzz.action where not valid and create_state = 'PR004'),
          (select count(*)::int from fuzz.action where not valid),
          'every invalid text is refused with PR004');
select diag(format('invalid text %s was not refused with PR004 but %s: %s', text_no, create_state, sql))
  from fuzz.action where not valid and create_state <> 'PR004' order by text_no limit 5;
select is((select count(*)::int from fuzz.action where valid and create_state <> '00000'), 0,
          'every valid text is accepted');
select diag(format(E'valid text %s was refused: %s %s\n%s', text_no, create_state, create_message, sql))
  from fuzz.action where valid and create_state <> '00000' order by text_no limit 5;
select is((select count(*)::int from fuzz.action a
            where not a.valid
              and (exists (select from pgrelay.channel c where c.name = 'fz.' || a.text_no)
                   or exists (select from pg_proc p
                               where p.pronamespace = 'pgrelay_action'::regnamespace
                                 and p.proname = 'fz.' || a.text_no))), 0,
          'nothing of an invalid text is stored: no channel row, no action function');
select is((select count(*)::int from fuzz.action a
             left join pgrelay.channel c on c.name = 'fz.' || a.text_no
             left join pg_proc p on p.pronamespace = 'pgrelay_action'::regnamespace
                                and p.proname = 'fz.' || a.text_no
            where a.valid
              and (p.prosrc is distinct from a.sql or c.action_sql is distinct from a.sql
                   or c.run_as is distinct from 'fuzz_actions_runner'
                   or pg_get_userbyid(p.proowner) is distinct from 'fuzz_actions_runner')), 0,
          'each valid text is stored as given, as the body of a function owned by the run-as role');
select is((select count(*)::int from fuzz.ran_while_validating), 0,
          'validating the texts ran none of their statements');

-- Running.
select results_eq($$select outcome, count(*)::int, count(distinct channel)::int from fuzz.outcome
                    where channel like 'fz.%' group by outcome$$,
                  format($$values ('succeeded'::text, %1$s, %1$s)$$,
                         (select count(*) from fuzz.action where create_state = '00000')),
                  'every event ran once and succeeded');
select diag(format('%s %s: %s %s', channel, outcome, error_code, error_message))
  from fuzz.outcome where outcome <> 'succeeded' order by event_id limit 5;
create temp table result as
select a.text_no, a.valid, a.sql, a.expected, coalesce(r.ran, '{}') as ran
  from fuzz.action a
  left join (select text_no, array_agg(marker order by seq) as ran from fuzz.ran group by text_no) r
         using (text_no);
select is((select count(*)::int from result where valid and ran <> expected), 0,
          'every valid text ran exactly the statements of its ground truth, in order');
select diag(format(E'text %s ran markers %s, expected %s:\n%s', text_no, ran, expected, sql))
  from result where valid and ran <> expected order by text_no limit 5;
select is((select count(*)::int from fuzz.ran where marker = 999), 0, 'no decoy ever ran');
select is((select count(*)::int from fuzz.ran r
            where not exists (select from fuzz.action a where a.text_no = r.text_no and a.valid)), 0,
          'nothing of an invalid text ran');
select is((select array_agg(distinct who) from fuzz.ran), '{fuzz_actions_runner}'::name[],
          'every statement ran as the channel''s run-as role');
select diag(format('%s valid texts, %s invalid; %s real statements ran; %s events left in the queue',
                   count(*) filter (where valid), count(*) filter (where not valid),
                   (select count(*) from fuzz.ran),
                   (select count(*) from pgrelay.queue where channel like 'fz.%')))
  from fuzz.action;

select * from finish();
rollback;

-- The role is cluster-wide: its action functions go first, then the role. From a new session:
-- PostgreSQL 18 caches the plans of SQL functions, and in the session that ran the 10,600 actions
-- each dropped function invalidated all of them: DROP OWNED took 83 s there (0.3 s in a new
-- session), and a DROP DATABASE anywhere in the cluster waited for it all that time
-- (ProcSignalBarrier), slowing every test running beside this one to a crawl.
\connect
drop owned by fuzz_actions_runner;
drop role fuzz_actions_runner;
