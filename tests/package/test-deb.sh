#!/usr/bin/env bash
# Builds the .deb packages with CPack from this build tree and checks them as a server admin
# would meet them, without touching the system (dpkg-deb -x into scratch roots):
#   pgrelay-processor   depends on libpq and no Qt library, runs, ships the systemd unit and
#                       the postinst that makes the pgrelay user;
#   automv-console      depends on Qt's libraries, runs, desktop file and AppStream metadata valid;
#   postgresql-automv   architecture all, the extension files in every supported major's
#                       extension directory: a PostgreSQL 15 server laid out from Debian's
#                       postgresql-15 files in a scratch root beside the unpacked package runs
#                       CREATE EXTENSION pg_auto_mv CASCADE with no copy step.
# Usage: tests/package/test-deb.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: test-deb.sh BUILD_DIR}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/automv-deb.XXXXXX")
chmod 755 "$work"   # as root the scratch server runs as "postgres", which must reach its files
state=$work/cluster
cleanup() {
    [ ! -f "$state/cluster.env" ] || "$here/../harness/pg-test-cluster.sh" stop "$state" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-deb: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
version=$(sed -n 's/^    VERSION \([0-9.]*\)$/\1/p' "$here/../../CMakeLists.txt" | head -1)

# PACKAGE -> the .deb's path
deb_of() {
    local deb
    deb=$(ls "$work"/out/"$1"_*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || { ls "$work/out" >&2; fail "no $1 package produced"; }
    echo "$deb"
}
field() { sed -n "s/^ $2: //p" <<<"$1"; }   # INFO FIELD
# Listed into a variable, not piped into grep -q: with pipefail, grep leaving early can SIGPIPE
# the writer and fail the pipeline although the entry is there.
has_control_file() {   # DEB NAME
    local control
    dpkg-deb --ctrl-tarfile "$1" >"$work/control.tar"
    control=$(tar -tf "$work/control.tar")
    grep -qE "^(\./)?$2\$" <<<"$control"
}
need_files() {   # ROOT FILE...
    local root=$1 f
    shift
    for f in "$@"; do [ -e "$root/$f" ] || fail "missing /$f"; done
}

# ---- pgrelay-processor: libpq, no Qt ----
deb=$(deb_of pgrelay-processor)
info=$(dpkg-deb --info "$deb")
depends=$(field "$info" Depends)
echo "pgrelay-processor: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB); Depends: $depends"
for lib in libpq5 adduser; do grep -q "$lib" <<<"$depends" || fail "pgrelay-processor: Depends lacks $lib"; done
if grep -qiE 'qt' <<<"$depends"; then fail "pgrelay-processor depends on Qt: $depends"; fi
has_control_file "$deb" postinst || fail "pgrelay-processor: no postinst (the pgrelay user)"
root=$work/processor
dpkg-deb -x "$deb" "$root"
needed=$(objdump -p "$root/usr/bin/pgrelay-processor" | awk '/NEEDED/ {print $2}' | paste -sd' ')
if grep -qi 'qt' <<<"$needed"; then fail "pgrelay-processor links Qt: $needed"; fi
echo "pgrelay-processor needs: $needed"
out=$("$root/usr/bin/pgrelay-processor" --version)
[ "$out" = "pgrelay-processor $version" ] || fail "pgrelay-processor --version said: $out"
need_files "$root" usr/lib/systemd/system/pgrelay-processor@.service \
    usr/share/doc/pgrelay-processor/example.conf usr/share/doc/pgrelay-processor/LICENSE
unit="$root/usr/lib/systemd/system/pgrelay-processor@.service"
for setting in 'User=pgrelay' 'NoNewPrivileges=yes' 'Restart=on-failure' 'ProtectSystem=strict'; do
    grep -qx "$setting" "$unit" || fail "unit lacks $setting"
done
[ ! -e "$root/usr/bin/automv-console" ] || fail "the console is in the processor's package"

# ---- automv-console: Qt ----
deb=$(deb_of automv-console)
info=$(dpkg-deb --info "$deb")
depends=$(field "$info" Depends)
echo "automv-console: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB); Depends: $depends"
for lib in libpq5 libqt6widgets6 libqt6charts6 libqt6keychain1 qt6-qpa-plugins; do
    grep -q "$lib" <<<"$depends" || fail "automv-console: Depends lacks $lib"
done
root=$work/console
dpkg-deb -x "$deb" "$root"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/automv-console" --version)
[ "$out" = "automv-console $version" ] || fail "automv-console --version said: $out"
need_files "$root" usr/share/applications/automv-console.desktop \
    usr/share/metainfo/io.github.pg_auto_mv.console.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/automv-console.svg usr/share/doc/automv-console/LICENSE
desktop-file-validate "$root/usr/share/applications/automv-console.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.pg_auto_mv.console.metainfo.xml" \
    >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log" >&2; fail "AppStream metadata invalid"; }
[ ! -e "$root/usr/bin/pgrelay-processor" ] || fail "the processor is in the console's package"

# ---- postgresql-automv: where each major looks ----
deb=$(deb_of postgresql-automv)
info=$(dpkg-deb --info "$deb")
echo "postgresql-automv: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB); Architecture: $(field "$info" Architecture)"
[ "$(field "$info" Architecture)" = all ] || fail "postgresql-automv is not Architecture: all"
root=$work/server
dpkg-deb -x "$deb" "$root"
for major in 15 16 17 18; do
    need_files "$root" "usr/share/postgresql/$major/extension/pg_relay.control" \
        "usr/share/postgresql/$major/extension/pg_auto_mv.control" \
        "usr/share/postgresql/$major/extension/pg_relay--1.0.sql" "usr/share/postgresql/$major/extension/pg_auto_mv--1.0.sql"
done
need_files "$root" usr/share/automv/sql/pg_relay_install.sql usr/share/automv/sql/pg_auto_mv_install.sql \
    usr/share/doc/postgresql-automv/LICENSE
# PostgreSQL finds its share directory relative to its binaries: Debian's PostgreSQL 15 laid out
# in the same root reads the package's files exactly where an installed server would.
dpkg -L postgresql-15 | while read -r f; do
    if [ -f "$f" ] && [ ! -L "$f" ]; then mkdir -p "$root$(dirname "$f")" && cp -p "$f" "$root$f"; fi
done
chmod -R a+rX "$root"
PG_BINDIR=$root/usr/lib/postgresql/15/bin "$here/../harness/pg-test-cluster.sh" start "$state" --watch-pid $$ >/dev/null
# shellcheck disable=SC1091
(. "$state/cluster.env"
 export PGHOST PGPORT PGUSER
 psql -X -v ON_ERROR_STOP=1 -qAt -d postgres -c "create database pkg" >/dev/null
 out=$(psql -X -v ON_ERROR_STOP=1 -qAt -d pkg -c "create extension pg_auto_mv cascade" \
          -c "select string_agg(extname || ' ' || extversion, ', ' order by extname) from pg_extension where extname like 'pg_%'")
 [ "$out" = "pg_auto_mv 1.0, pg_relay 1.0" ] || fail "CREATE EXTENSION pg_auto_mv CASCADE gave: $out"
 echo "CREATE EXTENSION pg_auto_mv CASCADE from the package's files: $out") || exit 1
echo "test-deb: ok"
