#!/usr/bin/env bash
# The Log page with a 1,000,000-row audit log and a 1,000,000-row refresh log: server cost of
# each statement the page runs (beside OFFSET paging and count(*)), the page end to end, and the
# UI thread with the model's row cap loaded. One throwaway server (fsync on).
# Usage: bench/log_page_bench.sh [ROWS]   (default 1000000; needs a built tree, build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${AUTOMV_BUILD_DIR:-build/ci}
bench=$build/bench/log_page_bench
[ -x "$bench" ] || { echo "build first: cmake --build --preset ci --target log_page_bench" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
trap 'tests/harness/pg-test-cluster.sh stop "$state" >/dev/null; rm -rf "$state"' EXIT
AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql"
. "$state/cluster.env"
export PGHOST PGPORT PGUSER PGDATABASE=bench
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -d postgres -c "create database bench"
q <<SQL
create extension pg_auto_mv cascade;
-- A year of history: 50 channels, 1 % failed; 20 views, mostly succeeded refreshes.
insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms, message)
select g, 'channel_' || (g % 50), case when g % 100 = 0 then 'failed' else 'succeeded' end, 1,
       now() - interval '365 days' + g * (interval '365 days' / $rows), random() * 20,
       case when g % 100 = 0 then 'division by zero' end
  from generate_series(1, $rows) g;
do \$\$ begin for i in 1 .. 20 loop
    execute format('create materialized view public.%I as select 1 as one', 'v' || i);
    perform pgauto_mv.register_mv('v' || i);
end loop; end \$\$;
insert into pgauto_mv.refresh_log (at, mv_id, mv, kind, outcome, source, mode, duration_ms)
select now() - interval '365 days' + g * (interval '365 days' / $rows), g % 20 + 1, 'public.v' || (g % 20 + 1),
       case when g % 2 = 0 then 'change' else 'refresh' end,
       case when g % 2 = 0 then 'changed' when g % 97 = 0 then 'failed' else 'succeeded' end,
       'watch', 'concurrently', random() * 50
  from generate_series(1, $rows) g;
vacuum analyze pgrelay.log;
vacuum analyze pgauto_mv.refresh_log;
SQL
echo "== PostgreSQL $("$AUTOMV_PG_BINDIR/postgres" --version | awk '{print $3}'), durable, $(nproc) cores"
"$bench" "host=$PGHOST port=$PGPORT user=$PGUSER dbname=bench"
