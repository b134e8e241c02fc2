#!/usr/bin/env bash
# Installs an extension both ways on the run's cluster and proves they give the same objects:
#   database A: CREATE EXTENSION, as superuser;
#   database B: the plain install script, run with psql by a NON-superuser database owner (as
#               on RDS / Azure / Cloud SQL), who holds CREATEROLE and admin over the roles.
# Then both are uninstalled with the uninstall script and nothing of the schema is left.
# Usage: test-install-both-ways.sh EXTENSION SCHEMA BUILD_SQL_DIR [REQUIRED_PLAIN_INSTALL.sql ...]
#   (the required extensions' plain install scripts run first in database B, as CASCADE does in A)
set -euo pipefail
ext=$1 schema=$2 sqldir=$3
shift 3
required=("$@")
here=$(cd "$(dirname "$0")" && pwd)
. "${AUTOMV_TEST_CLUSTER_ENV:?run through ctest}"
export PGHOST PGPORT
export PGUSER=postgres
db_a="t_${ext}_ext_$$" db_b="t_${ext}_plain_$$" owner="t_${ext}_owner_$$"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
cleanup() {
    "${psql_q[@]}" -d postgres -c "drop database if exists \"$db_a\" with (force)" \
        -c "drop database if exists \"$db_b\" with (force)" -c "drop role if exists \"$owner\"" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"${psql_q[@]}" -d postgres -c "create database \"$db_a\"" -c "create role \"$owner\" login createrole"
"${psql_q[@]}" -d postgres -c "create database \"$db_b\" owner \"$owner\""
# Roles are cluster-wide: where another install made them already, this admin gets admin over
# them, as the cloud admin who made them would have.
"${psql_q[@]}" -d postgres <<SQL
do \$\$
declare r text;
begin
    for r in select rolname from pg_roles where rolname like 'pgrelay%' or rolname like 'pgauto_mv%' loop
        execute format('grant %I to %I with admin option', r, '$owner');
    end loop;
end \$\$;
SQL

"${psql_q[@]}" -d "$db_a" -c "create extension $ext cascade" || fail "CREATE EXTENSION $ext failed"
for script in "${required[@]}"; do
    PGUSER=$owner "${psql_q[@]}" -d "$db_b" -f "$script" >/dev/null || fail "plain install of $script failed"
done
PGUSER=$owner "${psql_q[@]}" -d "$db_b" -f "$sqldir/${ext}_install.sql" >/dev/null ||
    fail "plain install of $ext by a non-superuser owner failed"
[ "$(PGUSER=$owner psql -X -At -d "$db_b" -c 'select rolsuper from pg_roles where rolname = current_user')" = f ] ||
    fail "the plain install was meant to run as a non-superuser"

snap_a=$(mktemp) snap_b=$(mktemp)
trap 'cleanup; rm -f "$snap_a" "$snap_b"' EXIT
"${psql_q[@]}" -d "$db_a" -v schema="$schema" -f "$here/catalog-snapshot.sql" >"$snap_a"
"${psql_q[@]}" -d "$db_b" -v schema="$schema" -f "$here/catalog-snapshot.sql" >"$snap_b"
[ "$(wc -l <"$snap_a")" -gt 20 ] || fail "the snapshot of $schema is implausibly small"
if ! diff -u "$snap_a" "$snap_b"; then
    fail "CREATE EXTENSION and the plain install differ (diff above: - extension, + plain)"
fi
echo "ok: both installs have the same $(wc -l <"$snap_a") objects, columns, indexes, functions and grants"

# keep_roles: other tests install into other databases of this cluster at this moment; dropping
# the cluster-wide roles under them made their CREATE EXTENSION fail ("role does not exist").
"${psql_q[@]}" -v keep_roles=true -d "$db_a" -f "$sqldir/${ext}_uninstall.sql" >/dev/null 2>&1 ||
    fail "uninstall from the extension install failed"
PGUSER=$owner "${psql_q[@]}" -v keep_roles=true -d "$db_b" -f "$sqldir/${ext}_uninstall.sql" >/dev/null 2>&1 ||
    fail "uninstall by the owner failed"
for db in "$db_a" "$db_b"; do
    left=$(psql -X -At -d "$db" -c "select count(*) from pg_namespace where nspname = '$schema'")
    [ "$left" = 0 ] || fail "schema $schema still exists in $db after uninstall"
done
echo "ok: uninstall removed $schema from both databases"
