#!/usr/bin/env bash
# Sets up (Debian/Ubuntu packages), builds and runs every test against throwaway PostgreSQL
# servers that the test harness starts and stops itself (Debian's PostgreSQL 15), then the SQL
# and processor suites again on PostgreSQL 18 (tools/pg-matrix.sh; AUTOMV_MATRIX="16 17 18"
# for more versions, "none" for none); the processor's tests under TSan and ASan/UBSan, the
# whole project built with clang, and the Windows processor built with MinGW-w64 and run under
# wine. Extra arguments go to ctest, and then only the ctest suite runs.
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
    # The whole project with clang 16 too, warnings as errors (built, not run: the tests above
    # ran the GCC build).
    tools/setup-debian.sh clang
    cmake --preset clang >/dev/null
    cmake --build --preset clang
    # pgrelay-processor.exe cross-built with MinGW-w64 and run under wine64 (tools/windows-processor.sh).
    tools/windows-processor.sh
fi
if [ $# -eq 0 ] && [ "${AUTOMV_MATRIX:-18}" != none ]; then
    # shellcheck disable=SC2086
    tools/pg-matrix.sh ${AUTOMV_MATRIX:-18}
fi
