#!/usr/bin/env bash
# Builds the .deb with CPack from this build tree, checks its metadata, installs it into a
# scratch root (dpkg-deb -x: the system is not touched) and runs both binaries from there; the
# desktop file, AppStream metadata and systemd unit must be where desktops and systemd look and
# must validate.
# Usage: tests/package/test-deb.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: test-deb.sh BUILD_DIR}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/automv-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "test-deb: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/automv_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

info=$(dpkg-deb --info "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
echo "Depends: $depends"
for lib in libpq5 libqt6widgets6 libqt6charts6 libqt6keychain1 adduser; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
grep -q '^ Package: automv$' <<<"$info" || fail "package name"
# Listed into a variable, not piped into grep -q: with pipefail, grep leaving early can SIGPIPE
# the writer and fail the pipeline although the file is there.
dpkg-deb --ctrl-tarfile "$deb" >"$work/control.tar"
control=$(tar -tf "$work/control.tar")
grep -qE '^(\./)?postinst$' <<<"$control" || { echo "$control" >&2; fail "no postinst (the pgrelay user)"; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
version=$(sed -n 's/^    VERSION \([0-9.]*\)$/\1/p' "$(dirname "$0")/../../CMakeLists.txt" | head -1)
out=$("$root/usr/bin/pgrelay-processor" --version)
[ "$out" = "pgrelay-processor $version" ] || fail "pgrelay-processor --version said: $out"
echo "$out"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/automv-console" --version)
[ "$out" = "automv-console $version" ] || fail "automv-console --version said: $out"
echo "$out"

for f in usr/share/applications/automv-console.desktop \
         usr/share/metainfo/io.github.pg_auto_mv.console.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/automv-console.svg \
         usr/lib/systemd/system/pgrelay-processor@.service \
         usr/share/automv/extension/pg_relay.control usr/share/automv/extension/pg_auto_mv.control \
         usr/share/automv/sql/pg_relay_install.sql usr/share/automv/sql/pg_auto_mv_install.sql \
         usr/share/doc/automv/LICENSE; do
    [ -e "$root/$f" ] || fail "missing /$f"
done
desktop-file-validate "$root/usr/share/applications/automv-console.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.pg_auto_mv.console.metainfo.xml" \
    >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log" >&2; fail "AppStream metadata invalid"; }
unit="$root/usr/lib/systemd/system/pgrelay-processor@.service"
for setting in 'User=pgrelay' 'NoNewPrivileges=yes' 'Restart=on-failure' 'ProtectSystem=strict'; do
    grep -qx "$setting" "$unit" || fail "unit lacks $setting"
done
echo "test-deb: ok"
