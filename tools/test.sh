#!/usr/bin/env bash
# Sets up (Debian/Ubuntu packages), builds and runs every test against throwaway PostgreSQL
# servers that the test harness starts and stops itself (Debian's PostgreSQL 15), then the SQL
# and processor suites again on PostgreSQL 18 (tools/pg-matrix.sh; AUTOMV_MATRIX="16 17 18"
# for more versions, "none" for none). Extra arguments go to ctest, and then the matrix is
# left out.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh test
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
# The processor engine's tests under ThreadSanitizer and AddressSanitizer + UBSan (build/tsan,
# build/asan); left out, like the matrix, when extra arguments pick tests.
if [ $# -eq 0 ]; then
    tools/sanitize.sh
fi
if [ $# -eq 0 ] && [ "${AUTOMV_MATRIX:-18}" != none ]; then
    # shellcheck disable=SC2086
    tools/pg-matrix.sh ${AUTOMV_MATRIX:-18}
fi
