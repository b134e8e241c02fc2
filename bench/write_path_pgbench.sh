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
# and pg_auto_mv's WAL capture (call pgauto_mv.set_capture('wal'): no trigger at all; the processor
# reads the changes from a logical slot), with the processor running:
#   (g) watched by one view, WAL capture        (h) watched by five views, WAL capture
#   (s) as (g), but the processor does not stream the slot (--no-wal-capture): the capture event
#       reads it over SQL (pg_logical_slot_peek_binary_changes) every 100-250 ms. Only when VARIANTS
#       names it: each read decodes the whole server's WAL again from the slot's restart_lsn, about
#       a third of a core taken from every other variant's runs too
# and, as the floor any reader of the WAL stands on (no pg_auto_mv, no processor):
#   (p) unwatched, but its table published (the same column list as (g)'s) and a pgoutput slot
#       streamed by pg_recvlogical, PostgreSQL's own client, into /dev/null: what the walsender
#       itself costs the writers, whatever its client does with the changes
# All of these run on one server with wal_level = logical (what WAL capture needs); the price of
# that setting itself is shown by
#   (r) unwatched, on a second server started alike but with wal_level = replica
# Variants are interleaved in rounds (this VM's speed drifts by +-10 % over seconds): TPS and
# latency are the medians over the rounds, "% of (a)" the median of each round's ratio to that
# round's (a). Two workloads:
#   tpcb:   pgbench's built-in TPC-B-like transaction (3 UPDATEs, a SELECT, an INSERT)
#   update: one UPDATE of pgbench_accounts per transaction (the worst case for a per-transaction
#           cost: the whole transaction is one indexed row update)
# The views read a primary-key range, so refreshing them costs little: this measures the writers'
# path, not the CPU that refreshing big views takes from them on a 2-core machine.
# Usage: [WORKLOADS="tpcb update"] [VARIANTS="b c e f g h p r"] bench/write_path_pgbench.sh [SECONDS_PER_RUN] [ROUNDS]
#        (default 4 and 7; needs build/ci; (d) runs once after the rounds, and (a) always)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-4} rounds=${2:-7} clients=8
build=${AUTOMV_BUILD_DIR:-build/ci}
processor=$build/app/processor/pgrelay-processor
[ -x "$processor" ] || { echo "build first: cmake --build --preset ci" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
proc_pid=""
trap '[ -n "$proc_pid" ] && kill $proc_pid 2>/dev/null; wait 2>/dev/null; tests/harness/pg-test-cluster.sh stop "$state/replica" >/dev/null 2>&1; tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
# (r)'s server: the same settings but wal_level = replica.
mkdir -p "$state/replica"
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state/replica" --watch-pid $$ >/dev/null
( . "$state/replica/cluster.env"; export PGHOST PGPORT PGUSER
  psql -X -q -d postgres -c "alter system set wal_level = replica" )
tests/harness/pg-test-cluster.sh restart "$state/replica" >/dev/null
. "$state/cluster.env"
export PGHOST PGPORT PGUSER PGDATABASE=bench
pgbench=$AUTOMV_PG_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=pgbench
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
variants=a   # (a) always, once
for v in ${VARIANTS:-b c e f g h p r}; do [ "$v" = a ] || [ "$v" = d ] || variants+=" $v"; done
all="$variants d"
wanted() { [[ " $all " == *" $1 "* ]] || [ "$1" != s ]; }   # (s) is set up only when named: its reads load every run
for v in a b c d e f g h s p; do
    wanted $v || continue
    q -d postgres -c "create database bench_$v"
    "$pgbench" -i -q -s 5 "bench_$v" >/dev/null 2>&1
    case $v in [abcdghs]) q -d "bench_$v" -c "create extension pg_auto_mv cascade" 2>/dev/null;; esac
done
( . "$state/replica/cluster.env"; export PGHOST PGPORT PGUSER
  q -d postgres -c "create database bench_r"; "$pgbench" -i -q -s 5 bench_r >/dev/null 2>&1; q -d bench_r -c "vacuum analyze" )
[ "$(. "$state/replica/cluster.env"; PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER q -d postgres -c 'show wal_level')" = replica ] ||
    { echo "the second server did not take wal_level = replica" >&2; exit 1; }
for v in g h s; do   # WAL capture before the views are registered: their table joins the publication
    wanted $v || continue
    q -d "bench_$v" -c "call pgauto_mv.set_capture('wal')" 2>/dev/null
done
for v in b g s; do   # one view
    wanted $v || continue
    q -d "bench_$v" <<'SQL'
create materialized view public.mv_1 as select aid, abalance from public.pgbench_accounts where aid <= 1000;
create unique index on public.mv_1 (aid);
select pgauto_mv.register_mv('mv_1', p_watch_tables => array[pgauto_mv.mv_watch('public.pgbench_accounts')]);
SQL
done
for v in c h; do   # five views
    q -d "bench_$v" <<'SQL'
do $$
begin
    for i in 1..5 loop
        execute format('create materialized view public.mv_%s as select aid, abalance + %s as b from public.pgbench_accounts where aid <= 1000', i, i);
        execute format('create unique index on public.mv_%s (aid)', i);
        perform pgauto_mv.register_mv('mv_' || i, p_watch_tables => array[pgauto_mv.mv_watch('public.pgbench_accounts')]);
    end loop;
end $$;
SQL
done
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
# (p): the table in a publication with (g)'s column list (its replica identity, the primary key).
q -d bench_p -c "create publication floor_pub for table public.pgbench_accounts (aid)" -c "vacuum analyze"
"$AUTOMV_PG_BINDIR/pg_recvlogical" -d bench_p --slot floor_slot --create-slot -P pgoutput
q -d bench_e -c "vacuum analyze"
q -d bench_f -c "vacuum analyze"
procs=()
declare -A procof=()
for v in a b c d g h s; do
    wanted $v || continue
    q -d "bench_$v" -c "vacuum analyze"
    opts=(); [ $v = s ] && opts=(--no-wal-capture)
    "$processor" --workers 2 --poll-interval 0.2 "${opts[@]}" "dbname=bench_$v" >"$state/processor_$v.log" 2>&1 &
    procs+=($!); procof[$v]=$!
done
"$AUTOMV_PG_BINDIR/pg_recvlogical" -d bench_p --slot floor_slot --start -o proto_version=1 \
    -o publication_names=floor_pub -f /dev/null >"$state/recvlogical.log" 2>&1 &
procs+=($!); procof[p]=$!
proc_pid="${procs[*]}"

printf 'select coalesce(lag_bytes, 0) from pgauto_mv.capture_status()\n\\watch 0.25\n' >"$state/lag.sql"
printf '\\set aid random(1, 500000)\n\\set delta random(-5000, 5000)\nupdate pgbench_accounts set abalance = abalance + :delta where aid = :aid;\n' >"$state/update.sql"
run() {  # workload variant seconds -> "tps latency_ms"
    local args=(-b tpcb-like)
    [ "$1" = update ] && args=(-f "$state/update.sql")
    [ "$2" = r ] && . "$state/replica/cluster.env"   # (r)'s server; run() runs in a subshell
    "$pgbench" -n -c "$clients" -j 2 -T "$3" "${args[@]}" "bench_$2" 2>/dev/null |
        awk '/^latency average/ {lat = $4} /^tps/ {tps = $3} END {printf "%.0f %.3f\n", tps, lat}'
}
median() { sort -n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}'; }
# CPU the capture costs while (g)/(h) write: clock ticks (user + system) of the walsender, of the
# processor (all its threads) and of the processor's server sessions, summed over their runs.
ticks() { for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
capture_pids() {  # VARIANT -> "walsender-pids|processor-pid|session-pids"
    echo "$(q -d "bench_$1" -c "select string_agg(pid::text, ' ') from pg_stat_activity where backend_type = 'walsender' and datname = 'bench_$1'")|${procof[$1]}|$(q -d "bench_$1" -c "select string_agg(pid::text, ' ') from pg_stat_activity where backend_type = 'client backend' and datname = 'bench_$1' and application_name <> 'pgbench' and pid <> pg_backend_pid()")"
}
declare -A cpu_ws=() cpu_proc=() cpu_sess=() cpu_ms=()

echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores, $clients clients, ${secs} s per run, $rounds rounds (median), pgrelay-processor running"
for workload in ${WORKLOADS:-tpcb update}; do
    for r in $(seq "$rounds"); do
        read -r -a order <<<"$variants"; n=${#order[@]}
        order=("${order[@]}" "${order[@]}"); order=("${order[@]:$(( (r - 1) % n )):n}")   # each leads in turn
        for v in "${order[@]}"; do
            sampler=""
            if [ "$v" = g ] || [ "$v" = h ] || [ "$v" = s ]; then   # the capture's lag, 4 times a second while it runs,
                # from one session: a psql started for each sample (until 2026-12-07) cost ~30 %
                # of one core on this VM, charged to (g) and (h) alone
                psql -X -q -At -d "bench_$v" -f "$state/lag.sql" >>"$state/lag_$v" 2>/dev/null &   # psql itself: $! is its pid
                sampler=$!
            fi
            [ "$v" = p ] && sampler=none
            if [ -n "$sampler" ]; then
                IFS='|' read -r ws pp ss <<<"$(capture_pids "$v")"
                t0=$(date +%s%3N) w0=$(ticks $ws) p0=$(ticks $pp) s0=$(ticks $ss)
            fi
            echo "$v $(run "$workload" "$v" "$secs") $r" >>"$state/$workload.results"
            if [ -n "$sampler" ]; then
                cpu_ws[$v]=$(( ${cpu_ws[$v]:-0} + $(ticks $ws) - w0 )) cpu_proc[$v]=$(( ${cpu_proc[$v]:-0} + $(ticks $pp) - p0 ))
                cpu_sess[$v]=$(( ${cpu_sess[$v]:-0} + $(ticks $ss) - s0 )) cpu_ms[$v]=$(( ${cpu_ms[$v]:-0} + $(date +%s%3N) - t0 ))
            fi
            [ -n "$sampler" ] && [ "$sampler" != none ] && kill "$sampler" 2>/dev/null && wait "$sampler" 2>/dev/null || true
        done
    done
    echo "d $(run "$workload" d "$secs")" >>"$state/$workload.results"   # once: it is slow by design
    declare -A tps=() lat=()
    for v in $all; do
        tps[$v]=$(awk -v v=$v '$1 == v {print $2}' "$state/$workload.results" | median)
        lat[$v]=$(awk -v v=$v '$1 == v {print $3}' "$state/$workload.results" | median)
    done
    echo "-- workload '$workload' (all rounds, tps: $(awk '{printf "%s=%s ", $1, $2}' "$state/$workload.results"))"
    for v in a b c d e f g h s p r; do
        [[ " $all " == *" $v "* ]] || continue
        case $v in a) label="(a) unwatched";; b) label="(b) watched by 1 view";; c) label="(c) watched by 5 views";;
                    d) label="(d) naive synchronous REFRESH";; e) label="(e) floor: empty SD trigger";;
                    f) label="(f) floor: trigger + 1-row INSERT";;
                    g) label="(g) 1 view, WAL capture";; h) label="(h) 5 views, WAL capture";;
                    s) label="(s) 1 view, WAL over SQL";;
                    p) label="(p) floor: pg_recvlogical";;
                    r) label="(r) unwatched, wal_level=replica";; esac
        # Per-round ratio to (a) of the same round, median over the rounds (the machine's speed
        # drifts between rounds); (d) runs once, so its ratio is to (a)'s median.
        ratio=$(awk -v v=$v '$1 == "a" {a[$4] = $2} $1 == v && v != "d" {t[$4] = $2}
                             END {for (r in t) print 100 * t[r] / a[r]}' "$state/$workload.results" | median)
        [ "$v" = d ] && ratio=$(awk -v t="${tps[d]}" -v b="${tps[a]}" 'BEGIN {print 100 * t / b}')
        awk -v l="$label" -v t="${tps[$v]}" -v ms="${lat[$v]}" -v r="$ratio" \
            'BEGIN { printf "%-32s %8.0f tps  %7.3f ms  %6.1f %% of (a)\n", l, t, ms, r }'
    done
done
for v in g h s; do
    [[ " $all " == *" $v "* ]] || continue
    # Right after the rounds the slot may still hold other databases' WAL (autovacuum after their
    # runs) that the walsender has not yet offered to confirm: give it up to 10 s to get within 1 MB.
    waited=0
    while [ "$(q -d "bench_$v" -c "select coalesce(lag_bytes, 0) > 1048576 from pgauto_mv.capture_status()")" = t ] && [ $waited -lt 100 ]; do
        sleep 0.1; waited=$((waited + 1))
    done
    q -d "bench_$v" -c "select '($v) WAL capture: ' || (select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded') || ' refreshes, ' || (select count(*) from pgrelay.log where channel = 'pgauto_mv.capture') || ' capture runs; lag while writing: median ' || pg_size_pretty($(median <"$state/lag_$v")::numeric) || ', max ' || pg_size_pretty($(sort -n "$state/lag_$v" | tail -1)::numeric) || ' ($(wc -l <"$state/lag_$v") samples); now ' || pg_size_pretty(lag_bytes) || ' behind, last run ' || round(seconds_since_run::numeric, 2) || ' s ago (waited $((waited / 10)).$((waited % 10)) s for 1 MB or less)' from pgauto_mv.capture_status()"
done
hz=$(getconf CLK_TCK)
for v in g h s p; do
    [[ " $all " == *" $v "* ]] || continue
    awk -v v="$v" -v w="${cpu_ws[$v]:-0}" -v p="${cpu_proc[$v]:-0}" -v s="${cpu_sess[$v]:-0}" -v ms="${cpu_ms[$v]:-1}" -v hz="$hz" \
        'BEGIN { f = 100000 / (hz * ms); printf "(%s) CPU while writing, %% of one core: walsender %.1f, %s %.1f, its server sessions %.1f (the machine has %d cores)\n", v, w * f, (v == "p" ? "pg_recvlogical" : "processor"), p * f, s * f, '"$(nproc)"' }'
done
for v in b c; do
    [[ " $all " == *" $v "* ]] || continue
    q -d "bench_$v" -c "select '($v) ' || (select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded') || ' refreshes, ' || (select count(*) from pgrelay.log where channel = 'pgauto_mv.drain') || ' drains; left undrained: ' || (select count(*) from pgauto_mv.request) || ' requests'"
done
