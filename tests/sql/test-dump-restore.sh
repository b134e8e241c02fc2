#!/usr/bin/env bash
# pg_dump / pg_restore of a database using pg_relay and pg_auto_mv (CREATE EXTENSION): the
# registry, chains, schedules, channels and the watch triggers survive; after sync_mv() (which
# finds the views and tables again by name: they have new OIDs) a write is requested again.
set -euo pipefail
. "${AUTOMV_TEST_CLUSTER_ENV:?run through ctest}"
export PGHOST PGPORT PGUSER=postgres
src="t_dump_src_$$" dst="t_dump_dst_$$" dump=$(mktemp)
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
# pg_dump refuses a newer server; the server builds of the version matrix ship no pg_dump.
server_major=$(psql -X -At -d postgres -c "select current_setting('server_version_num')::int / 10000")
dump_major=$(pg_dump --version | grep -oE '[0-9]+' | head -1)
if [ "$dump_major" -lt "$server_major" ]; then
    echo "SKIP: pg_dump $dump_major cannot dump a PostgreSQL $server_major server (no pg_dump $server_major here)"
    exit 77
fi
cleanup() {
    "${psql_q[@]}" -d postgres -c "drop database if exists \"$src\" with (force)" \
        -c "drop database if exists \"$dst\" with (force)" >/dev/null 2>&1 || true
    rm -f "$dump"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }

"${psql_q[@]}" -d postgres -c "create database \"$src\"" -c "create database \"$dst\""
"${psql_q[@]}" -d "$src" >/dev/null <<'SQL'
create extension pg_auto_mv cascade;
create table public.orders (id int primary key, amount numeric);
create materialized view public.totals as select count(*) as n, sum(amount) as s from public.orders;
create materialized view public.top as select n from public.totals;
select pgauto_mv.register_mv('totals', p_watch_tables => array[pgauto_mv.mv_watch('public.orders', 'INSERT,UPDATE')],
                             p_refresh_lag => 1.5);
select pgauto_mv.register_mv('top');
select pgauto_mv.add_chain('public.totals', 'public.top');
select pgauto_mv.create_schedule('hourly', p_every => '1 hour');
select pgauto_mv.attach_schedule('public.top', 'hourly');
select pgrelay.create_channel('app.noop', 'select 1');
select pgauto_mv.alter_mv('totals', p_on_failure => 'app.noop');
select pgauto_mv.add_blackout('Mon-Fri', '08:00', '18:00', 'Europe/London', 'top');
SQL
pg_dump -Fc -d "$src" -f "$dump"
pg_restore -d "$dst" --exit-on-error "$dump" || fail "pg_restore failed"

[ "$(q -d "$dst" -c "select string_agg(mv_name || ':' || refresh_lag, ',' order by id) from pgauto_mv.mv")" = "totals:1.5,top:0" ] ||
    fail "the registry did not survive"
[ "$(q -d "$dst" -c "select count(*) from pgauto_mv.chain")" = 1 ] || fail "the chain did not survive"
[ "$(q -d "$dst" -c "select on_failure from pgauto_mv.mv where mv_name = 'totals'")" = app.noop ] ||
    fail "the view's failure alert channel did not survive"
[ "$(q -d "$dst" -c "select m.mv_name || ' ' || pgauto_mv.days_text(b.days) || ' ' || b.start_time || '-' || b.end_time || ' ' || b.timezone
                     from pgauto_mv.blackout b join pgauto_mv.mv m on m.id = b.mv_id")" = "top Mon-Fri 08:00:00-18:00:00 Europe/London" ] ||
    fail "the blackout window did not survive"
q -d "$dst" -c "create materialized view public.later as select 1 as x; select pgauto_mv.register_mv('later')" >/dev/null ||
    fail "registering a view after restore collides with a restored one (the registry's id sequence was not carried)"
q -d "$dst" -c "select pgauto_mv.add_blackout('weekends', '00:00', '06:00', 'UTC')" >/dev/null ||
    fail "a new blackout window after restore collides with a restored one (its id sequence was not carried)"
[ "$(q -d "$dst" -c "select count(*) from pgrelay.channel where name = 'app.noop'")" = 1 ] || fail "a user channel did not survive"
[ "$(q -d "$dst" -c "select count(*) from pgrelay.schedule where name = 'pgauto_mv:hourly'")" = 1 ] ||
    fail "the named schedule's pg_relay schedule did not survive (the processor's repair_schedules() re-queues it)"
[ "$(q -d "$dst" -c "select count(*) from pgrelay.channel where name like 'pgauto_mv.%'")" = 6 ] ||
    fail "pg_auto_mv's built-in channels are missing or doubled"
[ "$(q -d "$dst" -c "select count(*) from pg_trigger where tgrelid = 'public.orders'::regclass and tgname like 'pgauto_mv%'")" = 2 ] ||
    fail "the watch triggers did not survive"
q -d "$dst" -c "select action || ' ' || object from pgauto_mv.sync_mv() order by 1" >"$dump.sync"
grep -qx "relinked public.totals" "$dump.sync" || fail "sync_mv() did not find the view again: $(cat "$dump.sync")"
grep -qx "table_relinked public.orders" "$dump.sync" || fail "sync_mv() did not find the table again: $(cat "$dump.sync")"
rm -f "$dump.sync"
[ "$(q -d "$dst" -c "select count(*) from pgauto_mv.get_mv_problems() where code not in ('no_processor', 'no_unique_index')")" = 0 ] ||
    fail "problems after restore + sync: $(q -d "$dst" -c "select code || ' ' || coalesce(mv, '') from pgauto_mv.get_mv_problems()")"
q -d "$dst" -c "insert into public.orders values (1, 10)" >/dev/null
[ "$(q -d "$dst" -c "select count(*) from pgauto_mv.request where mv_ids = '{1}'")" = 1 ] || fail "a write after restore requested nothing"
[ "$(q -d "$dst" -c "select count(*) from pgauto_mv.sync_mv()")" = 0 ] || fail "sync_mv() is not idempotent"
echo "ok: registry (with alert channels), chain, blackout window, schedule, channel and triggers survive pg_dump/pg_restore; sync_mv() relinks by name"
