#!/usr/bin/env bash
# pg_auto_mv write-path benchmark: the same write workload, 8 pgbench clients, on four identical
# pgbench databases (pgbench -i, scale 5), each with pgrelay-processor (2 workers) running:
#   (a) pgbench_accounts unwatched
#   (b) pgbench_accounts watched by one registered view
#   (c) pgbench_accounts watched by five registered views
#   (d) pgbench_accounts with a naive trigger that runs REFRESH MATERIALIZED VIEW synchronously
# and, as the floor any PL/pgSQL watch trigger stands on (no pg_auto_mv, no processor):
#   (e) an empty SECURITY DEFINER statement trigger (SET search_path, as on_write() has)
#   (f) the same trigger inserting one row into an unindexed table (a durable request, nothing else)
# Variants are interleaved in rounds (this VM's speed drifts by +-10 % over seconds): TPS and
# latency are the medians over the rounds, "% of (a)" the median of each round's ratio to that
# round's (a). Two workloads:
#   tpcb:   pgbench's built-in TPC-B-like transaction (3 UPDATEs, a SELECT, an INSERT)
#   update: one UPDATE of pgbench_accounts per transaction (the worst case for a per-transaction
#           cost: the whole transaction is one indexed row update)
# The views read a primary-key range, so refreshing them costs little: this measures the writers'
# path, not the CPU that refreshing big views takes from them on a 2-core machine.
# Usage: [WORKLOADS="tpcb update"] bench/write_path_pgbench.sh [SECONDS_PER_RUN] [ROUNDS]   (default 4 and 7; needs build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-4} rounds=${2:-7} clients=8
build=${AUTOMV_BUILD_DIR:-build/ci}
processor=$build/app/processor/pgrelay-processor
[ -x "$processor" ] || { echo "build first: cmake --build --preset ci" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
proc_pid=""
trap '[ -n "$proc_pid" ] && kill $proc_pid 2>/dev/null; wait 2>/dev/null; tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
. "$state/cluster.env"
export PGHOST PGPORT PGUSER PGDATABASE=bench
pgbench=$AUTOMV_PG_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=pgbench
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
for v in a b c d e f; do
    q -d postgres -c "create database bench_$v"
    "$pgbench" -i -q -s 5 "bench_$v" >/dev/null 2>&1
    case $v in [abcd]) q -d "bench_$v" -c "create extension pg_auto_mv cascade" 2>/dev/null;; esac
done
q -d bench_b <<'SQL'
create materialized view public.mv_1 as select aid, abalance from public.pgbench_accounts where aid <= 1000;
create unique index on public.mv_1 (aid);
select pgauto_mv.register_mv('mv_1', p_watch_tables => array[pgauto_mv.mv_watch('public.pgbench_accounts')]);
SQL
q -d bench_c <<'SQL'
do $$
begin
    for i in 1..5 loop
        execute format('create materialized view public.mv_%s as select aid, abalance + %s as b from public.pgbench_accounts where aid <= 1000', i, i);
        execute format('create unique index on public.mv_%s (aid)', i);
        perform pgauto_mv.register_mv('mv_' || i, p_watch_tables => array[pgauto_mv.mv_watch('public.pgbench_accounts')]);
    end loop;
end $$;
SQL
q -d bench_d <<'SQL'
create materialized view public.mv_1 as select aid, abalance from public.pgbench_accounts where aid <= 1000;
create function public.refresh_mv_1() returns trigger language plpgsql as
    $$ begin refresh materialized view public.mv_1; return null; end $$;
create trigger naive_refresh after update on public.pgbench_accounts for each statement execute function public.refresh_mv_1();
SQL
q -d bench_e <<'SQL'
create function public.floor_empty() returns trigger language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$ begin return null; end $$;
create trigger floor_empty after update on public.pgbench_accounts for each statement execute function public.floor_empty();
SQL
q -d bench_f <<'SQL'
create table public.floor_request (ids text[], t timestamptz default clock_timestamp(), table_oid oid, op text);
create function public.floor_insert() returns trigger language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
    begin insert into public.floor_request (ids, table_oid, op) values ('{1}', tg_relid, tg_op); return null; end $$;
create trigger floor_insert after update on public.pgbench_accounts for each statement execute function public.floor_insert();
SQL
q -d bench_e -c "vacuum analyze"
q -d bench_f -c "vacuum analyze"
procs=()
for v in a b c d; do
    q -d "bench_$v" -c "vacuum analyze"
    "$processor" --workers 2 --poll-interval 0.2 "dbname=bench_$v" >"$state/processor_$v.log" 2>&1 &
    procs+=($!)
done
proc_pid="${procs[*]}"

printf '\\set aid random(1, 500000)\n\\set delta random(-5000, 5000)\nupdate pgbench_accounts set abalance = abalance + :delta where aid = :aid;\n' >"$state/update.sql"
run() {  # workload variant seconds -> "tps latency_ms"
    local args=(-b tpcb-like)
    [ "$1" = update ] && args=(-f "$state/update.sql")
    "$pgbench" -n -c "$clients" -j 2 -T "$3" "${args[@]}" "bench_$2" 2>/dev/null |
        awk '/^latency average/ {lat = $4} /^tps/ {tps = $3} END {printf "%.0f %.3f\n", tps, lat}'
}
median() { sort -n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}'; }

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores, $clients clients, ${secs} s per run, $rounds rounds (median), pgrelay-processor running"
for workload in ${WORKLOADS:-tpcb update}; do
    for r in $(seq "$rounds"); do
        order=(a b c e f a b c e f); order=("${order[@]:$(( (r - 1) % 5 )):5}")   # each leads in turn
        for v in "${order[@]}"; do
            echo "$v $(run "$workload" "$v" "$secs") $r" >>"$state/$workload.results"
        done
    done
    echo "d $(run "$workload" d "$secs")" >>"$state/$workload.results"   # once: it is slow by design
    declare -A tps=() lat=()
    for v in a b c d e f; do
        tps[$v]=$(awk -v v=$v '$1 == v {print $2}' "$state/$workload.results" | median)
        lat[$v]=$(awk -v v=$v '$1 == v {print $3}' "$state/$workload.results" | median)
    done
    echo "-- workload '$workload' (all rounds, tps: $(awk '{printf "%s=%s ", $1, $2}' "$state/$workload.results"))"
    for v in a b c d e f; do
        case $v in a) label="(a) unwatched";; b) label="(b) watched by 1 view";; c) label="(c) watched by 5 views";;
                    d) label="(d) naive synchronous REFRESH";; e) label="(e) floor: empty SD trigger";;
                    f) label="(f) floor: trigger + 1-row INSERT";; esac
        # Per-round ratio to (a) of the same round, median over the rounds (the machine's speed
        # drifts between rounds); (d) runs once, so its ratio is to (a)'s median.
        ratio=$(awk -v v=$v '$1 == "a" {a[$4] = $2} $1 == v && v != "d" {t[$4] = $2}
                             END {for (r in t) print 100 * t[r] / a[r]}' "$state/$workload.results" | median)
        [ "$v" = d ] && ratio=$(awk -v t="${tps[d]}" -v b="${tps[a]}" 'BEGIN {print 100 * t / b}')
        awk -v l="$label" -v t="${tps[$v]}" -v ms="${lat[$v]}" -v r="$ratio" \
            'BEGIN { printf "%-32s %8.0f tps  %7.3f ms  %6.1f %% of (a)\n", l, t, ms, r }'
    done
done
for v in b c; do
    q -d "bench_$v" -c "select '($v) ' || (select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded') || ' refreshes, ' || (select count(*) from pgrelay.log where channel = 'pgauto_mv.drain') || ' drains; left undrained: ' || (select count(*) from pgauto_mv.request) || ' requests'"
done
