#!/usr/bin/env bash
# Installs pg_relay and pg_auto_mv and compares every object's owner and grants with the reviewed
# expectation tests/sql/expected/acl.txt, so a new object with a wrong owner or grant fails the
# suite. After a deliberate change: review the diff, then regenerate the file with
#   AUTOMV_ACL_UPDATE=1 ctest --test-dir build/ci -R sql.acl_expectation
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "${AUTOMV_TEST_CLUSTER_ENV:?run through ctest}"
export PGHOST PGPORT PGUSER
db="t_acl_$$"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
trap '"${psql_q[@]}" -d postgres -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true' EXIT
"${psql_q[@]}" -d postgres -c "create database \"$db\""
"${psql_q[@]}" -d "$db" -c "create extension pg_auto_mv cascade" 2>/dev/null
actual=$(mktemp)
trap '"${psql_q[@]}" -d postgres -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true; rm -f "$actual"' EXIT
"${psql_q[@]}" -d "$db" -f "$here/acl-listing.sql" >"$actual"
expected="$here/expected/acl.txt"
if [ "${AUTOMV_ACL_UPDATE:-}" = 1 ]; then
    cp "$actual" "$expected"
    echo "updated $expected ($(wc -l <"$expected") lines): review it with git diff"
    exit 0
fi
if ! diff -u "$expected" "$actual"; then
    echo "FAIL: owners or grants differ from the reviewed expectation (- expected, + now)" >&2
    echo "If the change is deliberate, review it and regenerate: AUTOMV_ACL_UPDATE=1 ctest --test-dir build/ci -R sql.acl_expectation" >&2
    exit 1
fi
echo "ok: $(wc -l <"$actual") owners and grants as reviewed"
