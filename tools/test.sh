#!/usr/bin/env bash
# Sets up (Debian/Ubuntu packages), builds and runs every test against throwaway PostgreSQL
# servers that the test harness starts and stops itself. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh test
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
