# Shared by the processor benchmarks (source it from the repository root):
#   bench_processor           -> $processor, the built pgrelay-processor (exits if not built)
#   bench_cluster DBNAME      -> a durable throwaway server with DBNAME created, PG* exported,
#                                stopped and removed on exit (then bench_on_exit, if defined)
#   q ARGS...                 -> psql, quiet, unaligned, stops on the first error
build=${AUTOMV_BUILD_DIR:-build/ci}
bench_processor() {
    processor=$build/app/processor/pgrelay-processor
    [ -x "$processor" ] || { echo "build first: cmake --build --preset ci" >&2; exit 1; }
}
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
bench_cluster() {
    bench_state=$(mktemp -d "${TMPDIR:-/tmp}/automv-bench.XXXXXX")
    trap 'declare -F bench_on_exit >/dev/null && bench_on_exit
          tests/harness/pg-test-cluster.sh stop "$bench_state" >/dev/null; rm -rf "$bench_state"' EXIT
    AUTOMV_PG_DURABLE=1 tests/harness/pg-test-cluster.sh start "$bench_state" --watch-pid $$ \
        --extensions "$build/sql" >/dev/null
    . "$bench_state/cluster.env"
    export PGHOST PGPORT PGUSER PGDATABASE=$1
    q -d postgres -c "create database $1"
}
