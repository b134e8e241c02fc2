#!/usr/bin/env bash
# pg_auto_mv write-path benchmark: the same UPDATE workload, 8 pgbench clients, on four identical
# tables of 100,000 rows:
#   (a) unwatched
#   (b) watched by one registered view
#   (c) watched by five registered views
#   (d) with a naive trigger that runs REFRESH MATERIALIZED VIEW synchronously
# on one throwaway durable server (fsync on), with pgrelay-processor (2 workers) running, as in
# production. Variants are interleaved in rounds (this VM's fsync speed drifts by +-10 % over
# seconds) and the median round is reported, with TPS and latency side by side, for two workloads:
#   update: one UPDATE per transaction (the worst case for a per-transaction cost)
#   simple: pgbench's "simple update" transaction: UPDATE, SELECT, INSERT into a history table
# Usage: bench/write_path_pgbench.sh [SECONDS_PER_RUN] [ROUNDS]   (default 8 and 3; needs build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-8} rounds=${2:-3} clients=8
build=${AUTOMV_BUILD_DIR:-build/ci}
processor=$build/app/processor/pgrelay-processor
[ -x "$processor" ] || { echo "build first: cmake --build --preset ci" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
proc_pid=""
trap '[ -n "$proc_pid" ] && kill "$proc_pid" 2>/dev/null; wait 2>/dev/null; tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
. "$state/cluster.env"
export PGHOST PGPORT PGUSER PGDATABASE=bench
pgbench=$AUTOMV_PG_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=pgbench
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -d postgres -c "create database bench"
q <<'SQL'
create extension pg_auto_mv cascade;
create table public.history (tbl text, id int, delta int, at timestamptz default now());
do $$
declare v text;
begin
    foreach v in array array['a', 'b', 'c', 'd'] loop
        execute format('create table public.acc_%s (id int primary key, v int not null default 0, region int not null, pad text)', v);
        execute format('insert into public.acc_%s select g, 0, g %% 50, repeat(''x'', 80) from generate_series(1, 100000) g', v);
    end loop;
end $$;
-- (b) one view; (c) five views; (d) one view refreshed synchronously by a trigger.
-- The views read a range through the primary key, so a refresh costs little: this measures the
-- writers' path, not the CPU that refreshing big views takes from them on a 2-core machine.
create materialized view public.mv_b as select id, v from public.acc_b where id <= 1000;
create unique index on public.mv_b (id);
select pgauto_mv.register_mv('mv_b', p_watch_tables => array[pgauto_mv.mv_watch('public.acc_b')]);
do $$
begin
    for i in 1..5 loop
        execute format('create materialized view public.mv_c%s as select id, v + %s as v from public.acc_c where id <= 1000', i, i);
        execute format('create unique index on public.mv_c%s (id)', i);
        perform pgauto_mv.register_mv('mv_c' || i, p_watch_tables => array[pgauto_mv.mv_watch('public.acc_c')]);
    end loop;
end $$;
create materialized view public.mv_d as select id, v from public.acc_d where id <= 1000;
create function public.refresh_mv_d() returns trigger language plpgsql as
    $$ begin refresh materialized view public.mv_d; return null; end $$;
create trigger naive_refresh after update on public.acc_d for each statement execute function public.refresh_mv_d();
vacuum analyze;
SQL
"$processor" --workers 2 --poll-interval 0.2 --log-format text >"$state/processor.log" 2>&1 &
proc_pid=$!

for v in a b c d; do
    printf '\\set id random(1, 100000)\nupdate public.acc_%s set v = v + 1 where id = :id;\n' "$v" >"$state/update_$v.sql"
    printf '\\set id random(1, 100000)\n\\set delta random(-5000, 5000)\nbegin;\nupdate public.acc_%s set v = v + :delta where id = :id;\nselect v from public.acc_%s where id = :id;\ninsert into public.history (tbl, id, delta) values (%s, :id, :delta);\nend;\n' "$v" "$v" "'$v'" >"$state/simple_$v.sql"
done
run() {  # workload variant -> "tps latency_ms"
    "$pgbench" -n -c "$clients" -j 2 -T "$2" -f "$state/$1.sql" 2>/dev/null |
        awk '/^latency average/ {lat = $4} /^tps/ {tps = $3} END {printf "%.0f %.3f\n", tps, lat}'
}
median() { sort -n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}'; }

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores, $clients clients, ${secs} s per run, $rounds rounds (median), pgrelay-processor running"
for workload in update simple; do
    for r in $(seq "$rounds"); do
        for v in a b c; do
            echo "$v $(run "${workload}_$v" "$secs")" >>"$state/$workload.results"
        done
    done
    echo "d $(run "${workload}_d" "$secs")" >>"$state/$workload.results"   # once: it is slow by design
    declare -A tps=() lat=()
    for v in a b c d; do
        tps[$v]=$(awk -v v=$v '$1 == v {print $2}' "$state/$workload.results" | median)
        lat[$v]=$(awk -v v=$v '$1 == v {print $3}' "$state/$workload.results" | median)
    done
    echo "-- workload '$workload' (all rounds, tps: $(awk '{printf "%s=%s ", $1, $2}' "$state/$workload.results"))"
    for v in a b c d; do
        case $v in a) label="(a) unwatched";; b) label="(b) watched by 1 view";; c) label="(c) watched by 5 views";;
                    d) label="(d) naive synchronous REFRESH";; esac
        awk -v l="$label" -v t="${tps[$v]}" -v ms="${lat[$v]}" -v base="${tps[a]}" \
            'BEGIN { printf "%-32s %8.0f tps  %7.3f ms  %6.1f %% of (a)\n", l, t, ms, 100 * t / base }'
    done
done
q -c "select 'processor: ' || count(*) || ' change events handled, ' || (select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded') || ' refreshes, queue left ' || (select count(*) from pgrelay.queue where channel like 'pgauto_mv.%') from pgrelay.log where channel = 'pgauto_mv.change'"
