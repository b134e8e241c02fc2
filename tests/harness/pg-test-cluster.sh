#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for one test run.
#
#   pg-test-cluster.sh start STATE_DIR [--watch-pid PID] [--extensions DIR]
#   pg-test-cluster.sh stop  STATE_DIR
#   pg-test-cluster.sh restart STATE_DIR   (fast shutdown, start again on the same port)
#   pg-test-cluster.sh promote STATE_DIR   (a standby becomes a primary)
#
#   --standby-of PRIMARY_STATE_DIR (with start): instead of initdb, a streaming standby of that
#   cluster made with pg_basebackup -R, on its own port and socket.
#
# start: initdb into a fresh temp dir (outside any home directory), private unix socket dir,
#   free loopback port, settings tuned for tests; writes STATE_DIR/cluster.env (shell syntax,
#   read by the C++ fixture and the SQL runner). As root, the server runs as an unprivileged OS
#   user ($AUTOMV_TEST_OS_USER, default "postgres", created if missing). A detached watchdog stops
#   and removes the cluster as soon as the watched process (default: our parent, i.e. ctest)
#   is gone, so a killed test run leaves no server behind.
#   --extensions DIR: copies DIR/*/extension/* (the build's assembled SQL extensions) into the
#   server's extension directory ($PG_SHAREDIR/extension; by default found next to the binaries).
# stop: fast shutdown (immediate if that hangs) and removal of every file the cluster had.
#
# AUTOMV_PG_DURABLE=1 keeps fsync on (benchmarks); tests run with fsync off.
# Server binaries: $PG_BINDIR, else `pg_config --bindir` ($PG_CONFIG overrides pg_config).
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: $0 start|stop|watchdog STATE_DIR [--watch-pid PID]"
cmd=$1
state_dir=$2
shift 2
env_file="$state_dir/cluster.env"

find_bindir() {
    if [ -n "${PG_BINDIR:-}" ]; then
        echo "$PG_BINDIR"
    else
        local pgc=${PG_CONFIG:-pg_config}
        command -v "$pgc" >/dev/null 2>&1 || die "neither PG_BINDIR nor pg_config found"
        "$pgc" --bindir
    fi
}

# Runs a server binary as the cluster's OS user, from a directory that user can read.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$AUTOMV_PG_TMP" && runuser -u "$AUTOMV_PG_OS_USER" -- "$@")
    else
        (cd "$AUTOMV_PG_TMP" && "$@")
    fi
}

stop_cluster() {
    [ -f "$env_file" ] || return 0
    # shellcheck disable=SC1090
    . "$env_file"
    if [ -d "$AUTOMV_PG_TMP" ]; then
        if [ -f "$AUTOMV_PG_DATA/postmaster.pid" ]; then
            as_owner "$AUTOMV_PG_BINDIR/pg_ctl" stop -D "$AUTOMV_PG_DATA" -m fast -w -t 20 \
                >/dev/null 2>&1 ||
                as_owner "$AUTOMV_PG_BINDIR/pg_ctl" stop -D "$AUTOMV_PG_DATA" -m immediate -w \
                    -t 20 >/dev/null 2>&1 || true
        fi
        rm -rf "$AUTOMV_PG_TMP"
    fi
    rm -f "$env_file"
}

# Copies the build's extension files where the server looks for them.
install_extensions() {
    local bindir=$1 ext_dir=$2 sharedir
    if [ -n "${PG_SHAREDIR:-}" ]; then
        sharedir=$PG_SHAREDIR
    elif [ -x "$bindir/pg_config" ]; then
        sharedir=$("$bindir/pg_config" --sharedir)
    else
        sharedir=$(cd "$bindir/../share/postgresql" 2>/dev/null && pwd) ||
            die "cannot find the server's share directory (set PG_SHAREDIR)"
    fi
    local files=("$ext_dir"/*/extension/*)
    [ -e "${files[0]}" ] || die "no extension files under $ext_dir/*/extension (build first)"
    # Other clusters of this run may be reading these files at this moment (CREATE EXTENSION in
    # a parallel test): an unchanged file is left alone, a changed one is replaced by rename,
    # never rewritten in place, so a reader sees the old file or the new one, never half of one.
    local f target tmp
    for f in "${files[@]}"; do
        target="$sharedir/extension/$(basename "$f")"
        cmp -s "$f" "$target" && continue
        tmp="$target.tmp.$$"
        { cp "$f" "$tmp" && mv -f "$tmp" "$target"; } 2>/dev/null || {
            rm -f "$tmp"
            die "cannot write to $sharedir/extension (run as root, or set PG_SHAREDIR to a server you own)"
        }
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_cluster() {
    local watch_pid=$PPID ext_dir="" primary=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --watch-pid) watch_pid=$2; shift 2 ;;
            --standby-of) primary=$2; shift 2 ;;
            --extensions) ext_dir=$2; shift 2 ;;
            *) die "unknown option $1" ;;
        esac
    done
    mkdir -p "$state_dir"
    stop_cluster  # a previous run's leftovers, if any

    local bindir os_user tmp
    bindir=$(find_bindir)
    [ -x "$bindir/initdb" ] || die "no initdb in $bindir (set PG_BINDIR or install postgresql)"
    [ -z "$ext_dir" ] || install_extensions "$bindir" "$ext_dir"
    os_user=$(id -un)
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/automv-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        os_user=${AUTOMV_TEST_OS_USER:-postgres}
        id "$os_user" >/dev/null 2>&1 ||
            useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
        chown "$os_user" "$tmp"
    fi
    chmod 755 "$tmp"
    export AUTOMV_PG_TMP=$tmp AUTOMV_PG_OS_USER=$os_user
    local data="$tmp/data" sock="$tmp/sock" log="$tmp/server.log"
    as_owner mkdir -m 700 "$sock"

    if [ -n "$primary" ]; then
        local primary_host primary_port
        primary_host=$(. "$primary/cluster.env" && echo "$PGHOST")
        primary_port=$(. "$primary/cluster.env" && echo "$PGPORT")
        if [ -x "$bindir/pg_basebackup" ]; then
            as_owner "$bindir/pg_basebackup" -h "$primary_host" -p "$primary_port" -U postgres \
                -D "$data" -R -X stream --checkpoint=fast >"$tmp/initdb.log" 2>&1 ||
                { cat "$tmp/initdb.log" >&2; rm -rf "$tmp"; die "pg_basebackup failed"; }
        else
            # Server builds without client programs (the npm ones): the same base backup by
            # hand, with the low-level API in one session: start, copy the data directory, stop,
            # and the label the stop returns; then what -R would write.
            local primary_data
            primary_data=$(. "$primary/cluster.env" && echo "$AUTOMV_PG_DATA")
            as_owner psql -X -q -At -v ON_ERROR_STOP=1 -h "$primary_host" -p "$primary_port" -U postgres \
                -d postgres >"$tmp/initdb.log" 2>&1 <<SQL ||
select pg_backup_start('automv-standby', true);
\\! cp -a "$primary_data" "$data" && rm -f "$data/postmaster.pid" "$data/postmaster.opts"
\\o $data/backup_label
select labelfile from pg_backup_stop(false);
\\o
SQL
                { cat "$tmp/initdb.log" >&2; rm -rf "$tmp"; die "base backup failed"; }
            as_owner touch "$data/standby.signal"
            echo "primary_conninfo = 'host=$primary_host port=$primary_port user=postgres'" |
                as_owner tee -a "$data/postgresql.auto.conf" >/dev/null
        fi
    else
        as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C \
            --no-sync >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; die "initdb failed"; }
    fi

    # Tests skip fsync; benchmarks ask for a durable server (AUTOMV_PG_DURABLE=1).
    local durability="fsync = off
full_page_writes = off"
    [ "${AUTOMV_PG_DURABLE:-0}" = 1 ] && durability="# durable: fsync and full_page_writes as shipped"
    local port attempt
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        cat >>"$data/postgresql.conf" <<CONF

# --- automv test harness (attempt $attempt) ---
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 128MB
$durability
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
CONF
        if as_owner "$bindir/pg_ctl" start -D "$data" -l "$log" -w -t 60 >/dev/null 2>&1; then
            break
        fi
        port=""
        grep -q "could not bind\|Address already in use" "$log" 2>/dev/null ||
            { tail -n 20 "$log" >&2; rm -rf "$tmp"; die "server did not start (log above)"; }
    done
    [ -n "$port" ] || { rm -rf "$tmp"; die "no free port found"; }

    {
        echo "# Written by pg-test-cluster.sh; removed when the cluster stops."
        printf 'AUTOMV_PG_BINDIR=%q\n' "$bindir"
        printf 'AUTOMV_PG_TMP=%q\n' "$tmp"
        printf 'AUTOMV_PG_DATA=%q\n' "$data"
        printf 'AUTOMV_PG_LOG=%q\n' "$log"
        printf 'AUTOMV_PG_OS_USER=%q\n' "$os_user"
        printf 'PGHOST=%q\n' "$sock"
        printf 'PGPORT=%q\n' "$port"
        printf 'PGUSER=postgres\n'
        printf 'PGDATABASE=postgres\n'
    } >"$env_file"

    # The watchdog: detached (own session, no inherited output) so ctest does not wait for it.
    setsid "$0" watchdog "$state_dir" "$watch_pid" "$tmp" </dev/null >/dev/null 2>&1 &
    echo "pg-test-cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}')" \
         "on port $port, socket $sock, data $data (watching pid $watch_pid)"
}

restart_cluster() {
    [ -f "$env_file" ] || die "no cluster in $state_dir"
    # shellcheck disable=SC1090
    . "$env_file"
    export AUTOMV_PG_TMP AUTOMV_PG_OS_USER
    as_owner "$AUTOMV_PG_BINDIR/pg_ctl" restart -D "$AUTOMV_PG_DATA" -m fast -w -t 60 \
        -l "$AUTOMV_PG_LOG" >/dev/null || die "restart failed (see $AUTOMV_PG_LOG)"
}

promote_cluster() {
    [ -f "$env_file" ] || die "no cluster in $state_dir"
    # shellcheck disable=SC1090
    . "$env_file"
    export AUTOMV_PG_TMP AUTOMV_PG_OS_USER
    as_owner "$AUTOMV_PG_BINDIR/pg_ctl" promote -D "$AUTOMV_PG_DATA" -w -t 60 >/dev/null ||
        die "promote failed (see $AUTOMV_PG_LOG)"
}

watchdog() {
    local watch_pid=$1 tmp=$2
    # Poll for either condition: the run is gone, or the cluster was stopped normally.
    while kill -0 "$watch_pid" 2>/dev/null && [ -d "$tmp" ]; do
        sleep 1
    done
    [ -d "$tmp" ] || exit 0
    stop_cluster
}

case "$cmd" in
    start) start_cluster "$@" ;;
    stop) stop_cluster ;;
    restart) restart_cluster ;;
    promote) promote_cluster ;;
    watchdog) watchdog "$@" ;;
    *) die "unknown command $cmd (start, stop, restart, promote)" ;;
esac
