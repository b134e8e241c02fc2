#!/usr/bin/env bash
# Several databases of one cluster install the extensions at the same moment, as a fresh test
# run, a provisioning script or a fleet of tenants does. The roles and their memberships are
# cluster-wide, so the first installs race to create and grant them; every install must succeed.
# (It did not: "grant pgrelay to pgrelay_admin" failed with a duplicate key in one of two
# concurrent installs, and a test that happened to start beside another aborted.)
#
# Runs on a private cluster of its own, because each round starts with the roles dropped.
# Usage: test-install-concurrently.sh CLUSTER_SCRIPT EXTENSIONS_DIR [ROUNDS] [DATABASES]
set -euo pipefail
script=$1 extensions=$2 rounds=${3:-4} databases=${4:-6}
state=$(mktemp -d "${TMPDIR:-/tmp}/automv-concurrent-install.XXXXXX")
chmod 755 "$state"
trap '"$script" stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
"$script" start "$state" --extensions "$extensions" >/dev/null
# shellcheck disable=SC1090
. "$state/cluster.env"
export PGHOST PGPORT PGUSER
psql_q=(psql -X -q -v ON_ERROR_STOP=1)

for round in $(seq 1 "$rounds"); do
    # A cluster that has never seen the extensions: no databases with them, no roles.
    for n in $(seq 1 "$databases"); do
        "${psql_q[@]}" -d postgres -c "drop database if exists ci_$n with (force)" -c "create database ci_$n"
    done
    "${psql_q[@]}" -d postgres <<'SQL'
do $$
declare r name;
begin
    for r in select rolname from pg_roles where rolname ~ '^(pgrelay|pgauto_mv)' loop
        execute format('drop role %I', r);
    end loop;
end $$;
SQL
    pids=()
    for n in $(seq 1 "$databases"); do
        "${psql_q[@]}" -d "ci_$n" -c "create extension pg_auto_mv cascade" >"$state/install_$n.log" 2>&1 &
        pids+=($!)
    done
    failed=0
    for n in $(seq 1 "$databases"); do
        if ! wait "${pids[$((n - 1))]}"; then
            echo "FAIL: round $round: create extension pg_auto_mv cascade in database ci_$n:" >&2
            cat "$state/install_$n.log" >&2
            failed=1
        fi
    done
    [ $failed = 0 ] || exit 1
    memberships=$(psql -X -At -d postgres -c "select count(*) from pg_auth_members m
        join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
        where (r.rolname, u.rolname) in (('pgrelay', 'pgrelay_admin'), ('pgrelay_reader', 'pgrelay_admin'),
                                        ('pgauto_mv_reader', 'pgauto_mv_admin'))")
    [ "$memberships" = 3 ] || { echo "FAIL: round $round: $memberships of 3 role memberships" >&2; exit 1; }
    echo "round $round: $databases concurrent installs succeeded"
done
echo "ok: $rounds rounds of $databases concurrent installs into a cluster without the roles"
