#!/usr/bin/env bash
# Installs exactly the Debian/Ubuntu packages that building, testing and running the suite need.
# Idempotent: when every package is already installed it does nothing (no apt-get update).
# Usage: tools/setup-debian.sh [build|test|run|screenshots|matrix|bench|clang|windows|all]...   (default: all)
set -euo pipefail

build_pkgs=(
  cmake ninja-build g++ pkg-config git
  libpq-dev
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins libqt6sql6-psql qtkeychain-qt6-dev
  # Qt6Charts' CMake package needs these to resolve its Qt6OpenGL dependency.
  libqt6opengl6-dev libxkbcommon-dev libgl-dev
  fonts-dejavu-core
)
# A throwaway PostgreSQL server per test run, pgTAP for the SQL tests and pg_prove to run them.
test_pkgs=(postgresql-15 postgresql-client-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
           # The .deb test: CPack's dependency scan, and the desktop file and AppStream validators.
           dpkg-dev file desktop-file-utils appstream)
# Running the console (the local demo starts a throwaway server too) and looking at it.
run_pkgs=(postgresql-15 postgresql-client-15)
screenshot_pkgs=(xvfb x11-apps netpbm)
# The benchmarks against the peers (bench/peers_bench.sh): PgQ, and npm for graphile-worker.
bench_pkgs=(postgresql-15-pgq3)
# The Windows processor (tools/windows-processor.sh): MinGW-w64, libpq from Debian's PostgreSQL
# source (apt-get source needs dpkg-dev; the tarballs are bzip2 and xz), and wine64 to run it.
# The clang build of the whole project (CMake preset "clang").
clang_pkgs=(clang-16)
windows_pkgs=(g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 make dpkg-dev bzip2 xz-utils wine64 procps)

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(all)
wanted=()
for g in "${groups[@]}"; do
  case "$g" in
    build) wanted+=("${build_pkgs[@]}") ;;
    test) wanted+=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
    run) wanted+=("${build_pkgs[@]}" "${run_pkgs[@]}") ;;
    screenshots) wanted+=("${screenshot_pkgs[@]}") ;;
    clang) wanted+=("${build_pkgs[@]}" "${clang_pkgs[@]}") ;;
    windows) wanted+=("${build_pkgs[@]}" "${test_pkgs[@]}" "${windows_pkgs[@]}") ;;
    # The PostgreSQL matrix fetches server builds with npm (only when the machine has no npm).
    matrix) command -v npm >/dev/null 2>&1 || wanted+=(npm) ;;
    bench) wanted+=("${test_pkgs[@]}" "${bench_pkgs[@]}"); command -v npm >/dev/null 2>&1 || wanted+=(npm) ;;
    all) wanted+=("${build_pkgs[@]}" "${test_pkgs[@]}" "${run_pkgs[@]}" "${screenshot_pkgs[@]}") ;;
    *) echo "setup-debian.sh: unknown group '$g' (build, test, run, screenshots, matrix, bench, clang, windows, all)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
# De-duplicate while keeping order.
readarray -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')
[ ${#missing[@]} -gt 0 ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-debian.sh: apt-get not found; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-debian.sh: run as root or install sudo (missing: ${missing[*]})" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup-debian.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
