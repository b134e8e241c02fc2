#!/usr/bin/env bash
# Builds the processor engine's tests with ThreadSanitizer (preset "tsan") and with
# AddressSanitizer + UBSan (preset "asan") and runs them against a throwaway PostgreSQL cluster
# (the ctest fixture harness.cluster_start / harness.cluster_stop). Only what those tests need is
# built: tst_core_processor (and the pgrelay-processor binary it runs), tst_core_processor_resilience,
# tst_core_processor_failures, tst_core_backoff, tst_core_capture and tst_core_pgoutput_decoder
# (pg_auto_mv's WAL capture thread inside the processor) and the assembled SQL extensions.
#
# Any sanitizer report fails the run: an instrumented process stops at its first report with a
# non-zero exit code (halt_on_error; 66 for TSan, 86 for ASan, LSan and UBSan), and every TSan,
# ASan and LSan report also goes to a file under <build dir>/sanitizer-reports (log_path), so a
# report from a child process (the pgrelay-processor binary a test starts) counts even where the
# test does not look at that process's exit code. UBSan cannot log to a file beside ASan (GCC
# links it as a second runtime whose report path ASan's takes over): its reports go to stderr, and
# one in the test output fails the run too.
# Suppressions live in tools/sanitizers/<tsan|asan|lsan|ubsan>.supp (used when present): only for
# reports inside uninstrumented third-party libraries (libpq, Qt, glibc), each with its reason.
#
# Usage: tools/sanitize.sh [tsan|asan|all]   (default: all)
# Build directories: build/tsan and build/asan ($AUTOMV_TSAN_BUILD_DIR, $AUTOMV_ASAN_BUILD_DIR
# override them); build jobs: $CMAKE_BUILD_PARALLEL_LEVEL (default 2); test jobs:
# $CTEST_PARALLEL_LEVEL (default 1: sanitized tests are slow, and some measure time).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-all}" in
    tsan | asan) sanitizers=("$1") ;;
    all) sanitizers=(tsan asan) ;;
    *) echo "usage: $0 [tsan|asan|all]" >&2; exit 2 ;;
esac

targets=(tst_core_processor pgrelay-processor tst_core_processor_resilience tst_core_processor_failures
         tst_core_backoff tst_core_capture tst_core_pgoutput_decoder sql_pg_relay sql_pg_auto_mv)
tests='^(harness\.cluster_(start|stop)|core\.(processor|processor_resilience|processor_failures|backoff|capture|pgoutput_decoder))$'
supp_dir=$PWD/tools/sanitizers

tools/setup-debian.sh test >&2

# ":suppressions=FILE" when tools/sanitizers/KIND.supp exists.
supp() { if [ -f "$supp_dir/$1.supp" ]; then printf ':suppressions=%s' "$supp_dir/$1.supp"; fi; }

# Qt 6.4's QProcess starts a program with glibc's clone(CLONE_VM | CLONE_VFORK) (forkfd's
# vforkfd). TSan's clone interceptor (GCC 12's, and LLVM's to this day) runs its after-fork
# bookkeeping in that child, which shares the parent's memory and thread-local state, so the *test
# process* is marked "forked while multi-threaded": it dies at its next new thread ("starting new
# threads after multi-threaded fork is not supported"), and with die_after_fork=0 it would go on
# reporting nothing at all. This shim, preloaded into the TSan run, hands such memory-sharing
# clones straight to glibc (as glibc's own posix_spawn is never intercepted either: the child only
# calls exec) and every other clone to TSan. In an uninstrumented process it changes nothing.
# BUILD_DIR -> prints the shim's path.
tsan_vfork_shim() {
    local so=$1/tsan-vfork-shim.so
    cat >"$1/tsan-vfork-shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/types.h>

typedef int clone_fn(int (*)(void *), void *, int, void *, ...);

int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...) {
    static clone_fn *glibc_clone, *next_clone;
    va_list ap;
    va_start(ap, arg);
    pid_t *parent_tid = va_arg(ap, pid_t *);
    void *tls = va_arg(ap, void *);
    pid_t *child_tid = va_arg(ap, pid_t *);
    va_end(ap);
    if ((flags & CLONE_VM) && !(flags & CLONE_THREAD)) {
        if (!glibc_clone)
            glibc_clone = (clone_fn *)dlsym(dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD), "clone");
        return glibc_clone(fn, stack, flags, arg, parent_tid, tls, child_tid);
    }
    if (!next_clone)
        next_clone = (clone_fn *)dlsym(RTLD_NEXT, "clone");
    return next_clone(fn, stack, flags, arg, parent_tid, tls, child_tid);
}
C
    "${CC:-cc}" -O2 -Wall -Werror -shared -fPIC -o "$so" "$1/tsan-vfork-shim.c" -ldl
    echo "$so"
}

# Sanitizer options for one run: SANITIZER REPORT_DIR [SHIM] -> prints NAME=VALUE lines for env.
# QTEST_DISABLE_STACK_DUMP: on a crash QtTest attaches gdb for a stack trace, which hangs on a
# sanitized process until ctest's timeout (300 s); the sanitizers print their own stacks.
sanitizer_env() {
    local san=$1 reports=$2
    echo "QTEST_DISABLE_STACK_DUMP=1"
    if [ "$san" = tsan ]; then
        echo "TSAN_OPTIONS=halt_on_error=1:exitcode=66:second_deadlock_stack=1:history_size=4:log_path=$reports/tsan$(supp tsan)"
        echo "LD_PRELOAD=$3"
    else
        echo "ASAN_OPTIONS=halt_on_error=1:exitcode=86:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan$(supp asan)"
        echo "LSAN_OPTIONS=exitcode=86$(supp lsan)"
        echo "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86:report_error_type=1:log_path=$reports/ubsan$(supp ubsan)"
    fi
}

declare -A result
status=0
for san in "${sanitizers[@]}"; do
    if [ "$san" = tsan ]; then dir=${AUTOMV_TSAN_BUILD_DIR:-build/tsan}; else dir=${AUTOMV_ASAN_BUILD_DIR:-build/asan}; fi
    dir=$(realpath -m "$dir")
    reports=$dir/sanitizer-reports
    log=$dir/sanitize-ctest.log
    echo "== $san: $dir"

    start=$SECONDS
    if ! { cmake --preset "$san" -B "$dir" >/dev/null &&
           cmake --build "$dir" -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" --target "${targets[@]}" >&2; }; then
        result[$san]="FAILED: build failed ($((SECONDS - start)) s)"
        status=1
        continue
    fi
    build_s=$((SECONDS - start))

    rm -rf "$reports"
    mkdir -p "$reports"
    start=$SECONDS
    ctest_ok=1
    shim=""
    [ "$san" != tsan ] || shim=$(tsan_vfork_shim "$dir")
    mapfile -t options < <(sanitizer_env "$san" "$reports" "$shim")
    env "${options[@]}" ctest --test-dir "$dir" -R "$tests" --no-tests=error --output-on-failure >"$log" 2>&1 || ctest_ok=0
    test_s=$((SECONDS - start))
    shopt -s nullglob
    report_files=("$reports"/*)
    shopt -u nullglob
    stderr_reports=$(grep -cE 'runtime error:|ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer' "$log" || true)
    summary=$(grep -oE '[0-9]+% tests passed.*' "$log" | tail -1 || true)
    times="build $build_s s, tests $test_s s"
    if [ "$ctest_ok" = 1 ] && [ ${#report_files[@]} -eq 0 ] && [ "$stderr_reports" = 0 ]; then
        result[$san]="clean: ${summary:-?} ($times)"
    else
        status=1
        result[$san]="FAILED: ${#report_files[@]} report file(s) in $reports, $stderr_reports report(s) in the test output; ${summary:-ctest failed} ($times; see $log)"
        # CI keeps only what is printed: the failing tests' output and every report.
        grep -vE '^ *(Start +[0-9]+|[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed .*)' "$log" | tail -n 200
        for f in "${report_files[@]}"; do
            echo "-- $f"
            head -n 150 "$f"
        done
    fi
    tail -3 "$log"
done
echo "== sanitizers"
for san in "${sanitizers[@]}"; do
    echo "$san: ${result[$san]}"
done
exit $status
