#!/usr/bin/env bash
# Runs one SQL test file with pg_prove in a fresh database on the run's throwaway cluster
# ($AUTOMV_TEST_CLUSTER_ENV, written by tests/harness/pg-test-cluster.sh). The database gets
# pgTAP and is dropped afterwards, pass or fail.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 TEST.sql" >&2; exit 2; }
test_file=$1
env_file=${AUTOMV_TEST_CLUSTER_ENV:?run through ctest (the pg_cluster fixture sets it)}
# shellcheck disable=SC1090
. "$env_file"
export PGHOST PGPORT PGUSER
export PGAPPNAME=automv-sql-tests

base=$(basename "$test_file" .sql | tr -c 'a-zA-Z0-9_\n' '_' | tr 'A-Z' 'a-z' | cut -c1-30)
db="t_sql_${base}_$$"
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 -d postgres)
"${psql_admin[@]}" -c "create database \"$db\""
# A WAL capture test may leave its logical slot behind (DROP DATABASE refuses while one exists).
trap '"${psql_admin[@]}" -c "select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '"'"'$db'"'"'" \
          -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true' EXIT
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'create extension pgtap' \
    -f "$(dirname "$0")/helpers.sql" >/dev/null
pg_prove --verbose --failures -d "$db" "$test_file"
