#!/usr/bin/env bash
# The Windows processor, built and run here: cross-compiles pgrelay-processor.exe for 64-bit
# Windows with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix) against libpq cross-built from
# Debian's own PostgreSQL 15 source package, then runs the .exe under Debian's wine64 against a
# throwaway server of the test harness, over TCP:
#   1. a 1,000-event drain with --once and two workers: every event's action ran exactly once,
#      with one log row each, and the queue is empty;
#   2. a running processor stops cleanly on Ctrl+C (wine turns SIGINT into CTRL_C_EVENT for the
#      program's console control handler, the path Ctrl+C takes on Windows): exit code 0 and its
#      registry slot freed;
#   3. a second Ctrl+C during a long action cancels it at once (as SIGTERM twice does on Linux);
#      the event stays queued.
# libpq for Windows is built once into a cache outside the repository ($AUTOMV_MINGW_CACHE,
# default ~/.cache/automv/mingw-libpq, /var/cache/automv/mingw-libpq as root): `apt-get source`
# needs a deb-src entry for Debian's archive, which this script adds when there is none.
# Build directory: build/windows ($AUTOMV_WINDOWS_BUILD_DIR overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup-debian.sh windows >&2

if [ "$(id -u)" -eq 0 ]; then default_cache=/var/cache/automv/mingw-libpq; sudo=()
else default_cache=${XDG_CACHE_HOME:-$HOME/.cache}/automv/mingw-libpq; sudo=(sudo); fi
cache=${AUTOMV_MINGW_CACHE:-$default_cache}
build=$(realpath -m "${AUTOMV_WINDOWS_BUILD_DIR:-build/windows}")
wine=/usr/lib/wine/wine64   # Debian's wine64 package installs no wrapper on PATH
start=$SECONDS

say() { echo "windows-processor: $*" >&2; }
die() { say "$*"; exit 1; }

# ---- deb-src for Debian's archive (apt-get source) ----
ensure_deb_src() {
    apt-cache showsrc postgresql-15 2>/dev/null | grep -q '^Version:' && return 0
    local list=/etc/apt/sources.list.d/automv-deb-src.sources
    say "adding deb-src entries ($list) for apt-get source"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        # The same archives as the binary packages, as source entries.
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | "${sudo[@]}" tee "$list" >/dev/null
    else
        . /etc/os-release
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            "$VERSION_CODENAME" "$VERSION_CODENAME" | "${sudo[@]}" tee "$list" >/dev/null
    fi
    "${sudo[@]}" apt-get update -qq
}

# ---- libpq for Windows, from Debian's PostgreSQL 15 source ----
build_libpq() {
    [ -f "$cache/bin/libpq.dll" ] && [ -f "$cache/include/libpq-fe.h" ] && return 0
    ensure_deb_src
    local tmp version fetched=""
    tmp=$(mktemp -d)
    # The newest version first; a mirror may lack one (a security update's source, say).
    for version in $(apt-cache showsrc postgresql-15 | awk '/^Version:/ {print $2}' | sort -rV); do
        if (cd "$tmp" && apt-get source -qq "postgresql-15=$version" >/dev/null 2>&1); then
            fetched=$version
            break
        fi
        say "postgresql-15 $version: source not available, trying an older one"
    done
    [ -n "$fetched" ] || { rm -rf "$tmp"; die "cannot fetch Debian's postgresql-15 source (apt-get source)"; }
    say "building libpq for Windows from postgresql-15 $fetched"
    local src
    src=$(find "$tmp" -maxdepth 1 -type d -name 'postgresql-15-*' | head -1)
    rm -rf "$cache.partial"
    (cd "$src" &&
        ./configure --host=x86_64-w64-mingw32 --without-readline --without-zlib --without-icu \
            --prefix="$cache.partial" CC=x86_64-w64-mingw32-gcc-posix >"$tmp/configure.log" 2>&1 &&
        make -C src/interfaces/libpq -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" >"$tmp/make.log" 2>&1 &&
        make -C src/interfaces/libpq install >>"$tmp/make.log" 2>&1 &&
        make -C src/include install >>"$tmp/make.log" 2>&1) ||
        { tail -30 "$tmp"/*.log >&2; rm -rf "$tmp"; die "building libpq for Windows failed"; }
    echo "$fetched" >"$cache.partial/DEBIAN-SOURCE-VERSION"
    mkdir -p "$(dirname "$cache")"
    rm -rf "$cache"
    mv "$cache.partial" "$cache"
    rm -rf "$tmp"
}

build_libpq
libpq_s=$((SECONDS - start))

# ---- the processor ----
cmake -S . -B "$build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DAUTOMV_WERROR=ON \
    -DAUTOMV_BUILD_CONSOLE=OFF -DAUTOMV_BUILD_TESTS=OFF \
    -DPostgreSQL_INCLUDE_DIR="$cache/include" -DPostgreSQL_LIBRARY="$cache/lib/libpq.a" >/dev/null
cmake --build "$build" -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" --target pgrelay-processor sql_pg_relay >&2
bin=$build/bin
mkdir -p "$bin"
cp "$build/app/processor/pgrelay-processor.exe" "$cache/bin/libpq.dll" "$bin/"
# What the .exe needs besides Windows itself: libpq.dll only (the C++ runtime is linked in).
imports=$(x86_64-w64-mingw32-objdump -p "$bin/pgrelay-processor.exe" | awk '/DLL Name:/ {print tolower($3)}' | sort | paste -sd' ')
case " $imports " in *" libstdc++-6.dll "* | *" libgcc_s_seh-1.dll "* | *" libwinpthread-1.dll "*)
    die "pgrelay-processor.exe needs MinGW's runtime DLLs: $imports" ;; esac
build_s=$((SECONDS - start - libpq_s))

# ---- run it under wine against a throwaway server ----
state=$(mktemp -d)
export WINEPREFIX=$build/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
    /usr/lib/wine/wineserver -k 2>/dev/null || true
    tests/harness/pg-test-cluster.sh stop "$state" >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT
tests/harness/pg-test-cluster.sh start "$state" --watch-pid $$ --extensions "$build/sql" >&2
# shellcheck disable=SC1091
. "$state/cluster.env"
export PGHOST PGPORT PGUSER
sql() { psql -X -v ON_ERROR_STOP=1 -qAt -d "$db" -c "$1"; }
# Polls `sql` until it prints $2, at most $3 seconds.
wait_for() {
    local deadline=$((SECONDS + $3))
    until [ "$(sql "$1")" = "$2" ]; do
        [ $SECONDS -lt $deadline ] || { say "waited $3 s for [$1] = $2; got $(sql "$1")"; return 1; }
        sleep 0.1
    done
}
db=wine_processor
psql -X -qAt -d postgres -c "create database $db" >/dev/null
sql "create extension pg_relay" >/dev/null
sql "create table public.sink (v jsonb)"
sql "grant insert on public.sink to pgrelay"
sql "select pgrelay.create_channel('t.sink', 'insert into public.sink values (\$1)')" >/dev/null
sql "select pgrelay.create_channel('t.slow', 'select pg_sleep(30)')" >/dev/null
conninfo="host=127.0.0.1 port=$PGPORT dbname=$db user=$PGUSER application_name=wine"
"$wine" "$bin/pgrelay-processor.exe" --version >&2   # the first start makes the wine prefix

failures=0
check() {   # NAME ACTUAL EXPECTED
    if [ "$2" = "$3" ]; then say "ok: $1"; else say "FAILED: $1: got '$2', want '$3'"; failures=$((failures + 1)); fi
}

# 1. A 1,000-event drain, exactly once.
sql "select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 1000) g" >/dev/null
t0=$(date +%s%N)
code=0
"$wine" "$bin/pgrelay-processor.exe" --once --workers 2 "$conninfo" >"$state/drain.log" 2>&1 || code=$?
drain_ms=$((($(date +%s%N) - t0) / 1000000))
check "drain: exit code" "$code" 0
check "drain: every action ran once" "$(sql "select count(*) || ' ' || count(distinct v) from public.sink")" "1000 1000"
check "drain: one log row per event" \
    "$(sql "select count(*) || ' ' || count(distinct event_id) || ' ' || count(*) filter (where outcome = 'succeeded') from pgrelay.log where channel = 't.sink'")" \
    "1000 1000 1000"
check "drain: nothing left queued" "$(sql "select count(*) from pgrelay.queue where channel = 't.sink'")" 0
check "drain: registry slot freed" "$(sql "select count(*) from pgrelay.processor")" 0

# 2. Ctrl+C stops a running processor cleanly.
"$wine" "$bin/pgrelay-processor.exe" --poll-interval 0.2 "$conninfo" >"$state/daemon.log" 2>&1 &
daemon=$!
wait_for "select count(*) from pgrelay.processor" 1 60
sql "select pgrelay.notify('t.sink', '{\"after\": \"start\"}')" >/dev/null
wait_for "select count(*) from public.sink" 1001 30
pkill -INT -f 'pgrelay-processor\.exe' || true
code=0
for _ in $(seq 1 300); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.1; done
wait "$daemon" || code=$?
check "Ctrl+C: exit code" "$code" 0
check "Ctrl+C: registry slot freed" "$(sql "select count(*) from pgrelay.processor")" 0
grep -q 'info stopped' "$state/daemon.log" && say "ok: Ctrl+C: logged its stop" ||
    { say "FAILED: Ctrl+C: no stop logged"; failures=$((failures + 1)); }

# 3. A second Ctrl+C during a 30 s action cancels it at once; the event stays queued.
sql "select pgrelay.notify('t.slow', '{}')" >/dev/null
"$wine" "$bin/pgrelay-processor.exe" --poll-interval 0.2 --grace 60 "$conninfo" >"$state/cancel.log" 2>&1 &
daemon=$!
wait_for "select count(*) from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'" 1 60
pkill -INT -f 'pgrelay-processor\.exe' || true
sleep 0.5   # the first request's grace is 60 s: only the second may end it
pkill -INT -f 'pgrelay-processor\.exe' || true
t0=$SECONDS
code=0
for _ in $(seq 1 300); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.1; done
wait "$daemon" || code=$?
check "second Ctrl+C: exit code" "$code" 0
check "second Ctrl+C: ended within 10 s" "$([ $((SECONDS - t0)) -le 10 ] && echo yes || echo "no ($((SECONDS - t0)) s)")" yes
check "second Ctrl+C: the event stays queued" "$(sql "select count(*) from pgrelay.queue where channel = 't.slow'")" 1
check "second Ctrl+C: registry slot freed" "$(sql "select count(*) from pgrelay.processor")" 0

echo "== windows processor: libpq $([ "$libpq_s" -gt 1 ] && echo "built in $libpq_s s" || echo "from the cache"), processor built in $build_s s, wine tests $((SECONDS - start - libpq_s - build_s)) s (1,000-event drain, wine start included: $drain_ms ms); imports: $imports"
if [ $failures -gt 0 ]; then
    for f in "$state"/*.log; do echo "-- $f"; tail -20 "$f"; done
    echo "windows processor: $failures check(s) FAILED"
    exit 1
fi
echo "windows processor: all checks passed"
