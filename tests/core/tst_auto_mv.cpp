// pg_auto_mv end to end: watch triggers -> pg_relay -> the real processor engine -> REFRESH,
// with sub-second timing settings: debounce, max_wait, cooldown, no lost update, rollback,
// chains (a diamond), failures, and two processors racing on one view.
#include "core/processor/Processor.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

using automv::pg::PgConnection;
using automv::processor::LogFormat;
using automv::processor::Processor;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::ScratchDatabase;
using namespace std::chrono_literals;

namespace {

std::string scalar(PgConnection &conn, const std::string &sql) { return std::string(conn.exec(sql).value(0, 0)); }
double number(PgConnection &conn, const std::string &sql) { return std::stod(scalar(conn, sql)); }

/// A processor engine running on its own thread until destroyed.
class RunningProcessor {
public:
    RunningProcessor(const std::string &conninfo, int workers)
        : m_log(LogFormat::Text, [](auto, const std::string &) {}) {
        ProcessorOptions options;
        options.conninfo = conninfo;
        options.workers = workers;
        options.pollInterval = 20ms;
        m_processor = std::make_unique<Processor>(options, m_log);
        m_thread = std::thread([this] { m_processor->run(); });
    }
    ~RunningProcessor() {
        m_processor->stop();
        m_thread.join();
    }

private:
    ProcessorLog m_log;
    std::unique_ptr<Processor> m_processor;
    std::thread m_thread;
};

} // namespace

class TestAutoMv : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction());
        auto conn = m_db->connect();
        conn.exec("create extension pg_auto_mv cascade");
        // core.auto_mv.wal runs every case again with changes read from the WAL, not triggers.
        if (walCapture())
            conn.exec("call pgauto_mv.set_capture('wal')");
        conn.exec("create table public.t (id int primary key, v int not null default 0)");
        conn.exec("insert into public.t select g from generate_series(1, 100) g");
        conn.exec("create materialized view public.s as select sum(v) as total, count(*) as n from public.t");
        conn.exec("create unique index on public.s (n)");
    }
    void cleanup() { m_db.reset(); }

    // 500 updates in ~2 s, lag L: exactly one refresh, about L after the last update.
    void burstWithLagRefreshesOnceAfterTheLastChange() {
        auto conn = m_db->connect();
        registerS(conn, "p_refresh_lag => 1.0, p_cooldown => 0");
        RunningProcessor processor(m_db->conninfo(), 2);
        for (int i = 0; i < 500; ++i) {
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i % 100 + 1)});
            std::this_thread::sleep_for(4ms);   // the workload's pace, not a wait for a result
        }
        QVERIFY(waitUntilFresh(conn, "s", 10));
        QCOMPARE(scalar(conn, "select sum(change_seq) from pgauto_mv.mv_state"), std::string("500"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh'"), std::string("1"));
        const double after = number(conn, R"(
            select extract(epoch from (r.at - make_interval(secs => r.duration_ms / 1000)) - s.last_change_at)
              from pgauto_mv.refresh_log r, pgauto_mv.mv_state s where r.kind = 'refresh')");
        qInfo("refresh started %.3f s after the last change (lag 1.0 s)", after);
        // The upper bound is loose enough for a loaded 2-core CI machine (1.3 s tripped there).
        QVERIFY2(after >= 0.999 && after < 3.0, qPrintable(QString::number(after)));
        QCOMPARE(scalar(conn, "select total from public.s"), std::string("500"));
    }

    // Writes for longer than max_wait: a refresh by max_wait after the first change.
    void continuousWritesRefreshByMaxWait() {
        auto conn = m_db->connect();
        registerS(conn, "p_refresh_lag => 1.0, p_max_wait => 1.5, p_cooldown => 0");
        RunningProcessor processor(m_db->conninfo(), 2);
        const std::string firstChange = scalar(conn, "select clock_timestamp()");
        const auto end = std::chrono::steady_clock::now() + 2800ms;
        while (std::chrono::steady_clock::now() < end) {
            conn.exec("update public.t set v = v + 1 where id = 1");
            std::this_thread::sleep_for(20ms);
        }
        QVERIFY(waitUntilFresh(conn, "s", 10));
        const double first = number(conn, R"(
            select extract(epoch from (select min(at - make_interval(secs => duration_ms / 1000)) from pgauto_mv.refresh_log
                                        where kind = 'refresh' and outcome = 'succeeded')
                                    - ')" + firstChange + "'::timestamptz)");
        qInfo("first refresh started %.3f s after the first change (max_wait 1.5 s, writes for 2.8 s)", first);
        // Without max_wait the first refresh would start lag (1.0 s) after the writes stop, i.e.
        // at 3.8 s; < 3.0 s proves max_wait cut in, with room for a loaded CI machine.
        QVERIFY2(first >= 1.499 && first < 3.0, qPrintable(QString::number(first)));
        QCOMPARE(scalar(conn, "select total from public.s"), scalar(conn, "select sum(v) from public.t"));
    }

    // Cooldown C: no two completions closer than C; deferred refreshes still happen.
    void cooldownSpacesCompletionsAndDefersNeverDrops() {
        auto conn = m_db->connect();
        registerS(conn, "p_refresh_lag => 0, p_cooldown => 0.8");
        RunningProcessor processor(m_db->conninfo(), 2);
        const auto end = std::chrono::steady_clock::now() + 2500ms;
        while (std::chrono::steady_clock::now() < end) {
            conn.exec("update public.t set v = v + 1 where id = 2");
            std::this_thread::sleep_for(50ms);
        }
        QVERIFY(waitUntilFresh(conn, "s", 10));
        const double minGap = number(conn, R"(
            select coalesce(min(gap), 99) from (
                select extract(epoch from at - lag(at) over (order by at)) as gap
                  from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded') g)");
        const int refreshes = std::stoi(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"));
        qInfo("%d refreshes, closest completions %.3f s apart (cooldown 0.8 s)", refreshes, minGap);
        QVERIFY(refreshes >= 3);
        QVERIFY2(minGap >= 0.799, qPrintable(QString::number(minGap)));
        QVERIFY(std::stoi(scalar(conn, "select count(*) from pgauto_mv.refresh_log where outcome = 'deferred'")) >= 1);
        QCOMPARE(scalar(conn, "select total from public.s"), scalar(conn, "select sum(v) from public.t"));
    }

    // A change committed while the refresh runs: another refresh follows (no lost update).
    void changeDuringRefreshIsNotLost() {
        auto conn = m_db->connect();
        conn.exec("create function public.slow() returns int language sql as 'select 1 from pg_sleep(0.6)'");
        conn.exec("create materialized view public.slow_s as select sum(v) as total, public.slow() as one from public.t");
        conn.exec("select pgauto_mv.register_mv('slow_s', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_cooldown => 0)");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("update public.t set v = 1 where id = 1");
        // The REFRESH is running (its query sleeps in slow()), so its snapshot is taken.
        // (a deadline, not a delay: 20 s for a loaded CI machine; it missed 5 s once beside two builds)
        QVERIFY(poll(conn, "select count(*) > 0 from pg_stat_activity where wait_event = 'PgSleep'"
                           " and datname = current_database() and pid <> pg_backend_pid()", 20));
        conn.exec("update public.t set v = 2 where id = 2");   // committed during the refresh
        QVERIFY(waitUntilFresh(conn, "slow_s", 10));
        QCOMPARE(scalar(conn, "select total from public.slow_s"), std::string("3"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("2"));
    }

    // A rolled-back write requests nothing and refreshes nothing.
    void rolledBackWriteRefreshesNothing() {
        auto conn = m_db->connect();
        registerS(conn, "p_cooldown => 0");
        conn.exec("begin");
        conn.exec("update public.t set v = 5 where id = 3");
        conn.exec("rollback");
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.request"), std::string("0"));
        // (In WAL capture mode the capture's own next run is always queued: not a request.)
        QCOMPARE(scalar(conn, "select pgauto_mv.capture_changes()"), std::string(walCapture() ? "0" : ""));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel like 'pgauto_mv.%' and schedule_name is null"
                              " and channel <> 'pgauto_mv.capture'"),
                 std::string("0"));
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        ProcessorOptions options;
        options.conninfo = m_db->conninfo();
        options.once = true;
        Processor once(options, log);
        QCOMPARE(once.run(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log"), std::string("0"));
        QCOMPARE(scalar(conn, "select refreshes from pgauto_mv.mv_state"), std::string("0"));
    }

    // A diamond a -> (b, c) -> d: the bottom refreshes once, after both sides.
    void diamondRefreshesItsBottomOnce() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.a as select id, v from public.t");
        conn.exec("create materialized view public.b as select sum(v) as sb from public.a");
        conn.exec("create materialized view public.c as select count(*) as nc from public.a");
        conn.exec("create materialized view public.d as select sb, nc from public.b, public.c");
        conn.exec("select pgauto_mv.register_mv('a', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_cooldown => 0)");
        for (const char *mv : {"b", "c", "d"})
            conn.exec(std::string("select pgauto_mv.register_mv('") + mv + "', p_cooldown => 0)");
        conn.exec("select pgauto_mv.add_chain('public.a', 'public.b')");
        conn.exec("select pgauto_mv.add_chain('public.a', 'public.c')");
        conn.exec("select pgauto_mv.add_chain('public.b', 'public.d')");
        conn.exec("select pgauto_mv.add_chain('c', 'd')");
        RunningProcessor processor(m_db->conninfo(), 3);
        conn.exec("insert into public.t values (1000, 7)");
        QVERIFY(waitUntilFresh(conn, "d", 10));   // waits for a, b and c too
        // Under load this failed about 1 in 14 runs in trigger mode: the drain of c's chain request
        // read d's covered snapshot before d's refresh (which saw c) committed, and counted it
        // after (sql.pg_auto_mv.chain_coverage case 4 replays it). The refresh log of a failing
        // run tells the order of events.
        if (scalar(conn, "select count(*) from pgauto_mv.refresh_log where mv = 'public.d' and outcome = 'succeeded'") != "1")
            qInfo("%s", scalar(conn, "select string_agg(format('%s %s %s %s %s %s (event %s)', id, to_char(at, 'SS.US'), mv, kind,"
                                     " outcome, detail, event_id), E'\\n' order by id) from pgauto_mv.refresh_log").c_str());
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where mv = 'public.d' and outcome = 'succeeded'"),
                 std::string("1"));
        QCOMPARE(scalar(conn, "select nc from public.d"), std::string("101"));
        QCOMPARE(scalar(conn, "select sb from public.d"), std::string("7"));
        // d's refresh began after both sides had ended. (Not "d's first refresh row": when d's
        // timer fires between b's refresh and c's, d logs a deferral, "waiting for upstream
        // public.c" — as it should; under load that happened in 1 of 5 runs.)
        QCOMPARE(scalar(conn, "select (select at - make_interval(secs => duration_ms / 1000) from pgauto_mv.refresh_log"
                              "         where mv = 'public.d' and kind = 'refresh' and outcome = 'succeeded')"
                              "     >= (select max(at) from pgauto_mv.refresh_log"
                              "          where mv in ('public.b', 'public.c') and outcome = 'succeeded')"),
                 std::string("t"));
    }

    // Two processors hammering one slow view with refresh requests never refresh it twice at once.
    void racingProcessorsNeverRefreshOneViewConcurrently() {
        auto conn = m_db->connect();
        conn.exec("create function public.slow() returns int language sql as 'select 1 from pg_sleep(0.05)'");
        conn.exec("create materialized view public.slow_s as select sum(v) as total, public.slow() as one from public.t");
        conn.exec("select pgauto_mv.register_mv('slow_s', p_cooldown => 0)");
        conn.exec("select pgauto_mv.refresh_materialised_view_now('slow_s') from generate_series(1, 12)");
        {
            RunningProcessor first(m_db->conninfo(), 3);
            RunningProcessor second(m_db->conninfo(), 3);
            QVERIFY(poll(conn, "select count(*) = 12 from pgauto_mv.refresh_log where outcome = 'succeeded'", 20));
        }
        const int overlaps = std::stoi(scalar(conn, R"(
            with r as (select at - make_interval(secs => duration_ms / 1000) as started, at as ended
                         from pgauto_mv.refresh_log where outcome = 'succeeded')
            select count(*) from r r1 join r r2 on r1.started < r2.started and r2.started < r1.ended)"));
        QCOMPARE(overlaps, 0);
    }

    // A failing refresh is logged with its error and shows in mv_status; nothing is retried
    // unless it is a class-40 error.
    void failingRefreshIsLoggedWithItsError() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.bad as select 1 / (count(*) - 101)::int as x from public.t");
        conn.exec("select pgauto_mv.register_mv('bad', p_watch_tables => array[pgauto_mv.mv_watch('public.t', 'INSERT')], p_cooldown => 0)");
        RunningProcessor processor(m_db->conninfo(), 1);
        conn.exec("insert into public.t values (101)");   // the 101st row makes the view divide by zero
        QVERIFY(poll(conn, "select count(*) = 1 from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'failed'", 10));
        QCOMPARE(scalar(conn, "select sqlstate || ' ' || detail from pgauto_mv.refresh_log where outcome = 'failed'"),
                 std::string("22012 division by zero"));
        QCOMPARE(scalar(conn, "select state || ' ' || last_error from pgauto_mv.mv_status"), std::string("failed division by zero"));
    }

    // A per-view refresh timeout: the processor cancels a refresh running longer; it is logged
    // as failed (57014) with the reason, and the view says so.
    void refreshTimeoutCancelsALongRefresh() {
        auto conn = m_db->connect();
        conn.exec("create function public.slow() returns int language sql as 'select 1 from pg_sleep(20)'");
        conn.exec("create materialized view public.slow_s as select sum(v) as total, public.slow() as one from public.t with no data");
        conn.exec("select pgauto_mv.register_mv('slow_s', p_watch_tables => array[pgauto_mv.mv_watch('public.t')],"
                  " p_cooldown => 0, p_refresh_timeout => 0.5)");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("update public.t set v = 1 where id = 1");
        QVERIFY(poll(conn, "select count(*) = 1 from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'failed'", 10));
        QCOMPARE(scalar(conn, "select sqlstate || ' ' || detail || ' ' || (duration_ms between 400 and 3000)"
                              " from pgauto_mv.refresh_log where outcome = 'failed'"),
                 std::string("57014 the refresh ran longer than its refresh_timeout of 0.5 s and was cancelled true"));
        QCOMPARE(scalar(conn, "select s.state from pgauto_mv.mv_status s join pgauto_mv.mv m on m.id = s.id where m.mv_name = 'slow_s'"), std::string("failed"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.failed"), std::string("0"));   // pg_auto_mv handled it
    }

    // Two writers of a watched table, both uncommitted: neither waits for the other.
    void writersNeverWaitOnEachOther() {
        auto first = m_db->connect();
        registerS(first, "p_cooldown => 0");
        auto second = m_db->connect();
        first.exec("begin");
        first.exec("update public.t set v = v + 1 where id = 1");
        second.exec("set statement_timeout = '1s'");   // a wait would fail the statement
        second.exec("begin");
        second.exec("update public.t set v = v + 1 where id = 2");
        QCOMPARE(scalar(first, "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                               " where not l.granted and a.datname = current_database()"), std::string("0"));
        // Triggers append a request in each writer's transaction; WAL capture none at all.
        QCOMPARE(scalar(first, "select count(*) from pgauto_mv.request"), std::string(walCapture() ? "0" : "1"));
        second.exec("commit");
        first.exec("commit");
        if (walCapture()) {   // what the processor's capture event does: both commits, drained at once
            QCOMPARE(scalar(first, "select pgauto_mv.capture_changes()"), std::string("2"));
            QCOMPARE(scalar(first, "select detail ~ '^2 transaction' from pgauto_mv.refresh_log where kind = 'change'"),
                     std::string("t"));
        } else {
            QCOMPARE(scalar(first, "select sum(n) from pgauto_mv.request"), std::string("2"));
        }
    }

    // A plain refresh that cannot get its lock within lock_timeout is deferred and retried.
    void lockTimeoutDefersAndRetries() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.plain_s as select sum(v) as total from public.t");   // no unique index
        conn.exec("select pgauto_mv.register_mv('plain_s', p_watch_tables => array[pgauto_mv.mv_watch('public.t')],"
                  " p_cooldown => 0, p_lock_timeout => 0.2)");
        auto reader = m_db->connect();
        reader.exec("begin");
        reader.exec("select * from public.plain_s");   // holds ACCESS SHARE until it ends
        RunningProcessor processor(m_db->conninfo(), 1);
        conn.exec("update public.t set v = 5 where id = 5");
        QVERIFY(poll(conn, "select count(*) > 0 from pgauto_mv.refresh_log where outcome = 'deferred' and detail like 'lock_timeout:%'", 10));
        QCOMPARE(scalar(conn, "select total from public.plain_s"), std::string("0"));
        reader.exec("commit");
        QVERIFY(poll(conn, "select total = 5 from public.plain_s", 15));
        QCOMPARE(scalar(conn, "select mode from pgauto_mv.refresh_log where outcome = 'succeeded'"), std::string("plain"));
    }

    // A failed upstream refresh does not cascade to its chain.
    void failedUpstreamDoesNotCascade() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.bad as select 1 / (count(*) - 101)::int as x from public.t");
        conn.exec("create materialized view public.down as select x from public.bad");
        conn.exec("select pgauto_mv.register_mv('bad', p_watch_tables => array[pgauto_mv.mv_watch('public.t', 'INSERT')], p_cooldown => 0)");
        conn.exec("select pgauto_mv.register_mv('down', p_cooldown => 0)");
        conn.exec("select pgauto_mv.add_chain('bad', 'down')");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("insert into public.t values (101)");
        QVERIFY(poll(conn, "select count(*) = 1 from pgauto_mv.refresh_log where mv = 'public.bad' and outcome = 'failed'", 10));
        // Nothing left to do for "down" itself; it is not fresh either: its upstream failed.
        QVERIFY(poll(conn, "select not pgauto_mv.has_pending_work(id) from pgauto_mv.mv where mv_name = 'down'", 10));
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('down', p_timeout => '0.1 s')"), std::string("f"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where mv = 'public.down'"), std::string("0"));
    }

    // Issue 18, bug 1: with cooldown 0 a change that comes while a refresh runs is refreshed
    // right after it, and nothing says "deferred: cooldown … until <a time already past>".
    void cooldownZeroNeverDefers() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.slow as select count(*) as n, (select 1 from pg_sleep(1.5)) as one from public.t");
        conn.exec("select pgauto_mv.register_mv('slow', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], p_cooldown => 0)");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("update public.t set v = v + 1 where id = 1");
        QVERIFY(poll(conn, "select state = 'refreshing' from pgauto_mv.mv_status where mv = 'public.slow'", 10));
        conn.exec("update public.t set v = v + 1 where id = 2");   // during the refresh
        QVERIFY(poll(conn, "select count(*) = 2 from pgauto_mv.refresh_log where mv = 'public.slow' and kind = 'refresh'"
                           " and outcome = 'succeeded'", 20));
        QVERIFY(waitUntilFresh(conn, "slow", 10));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where mv = 'public.slow' and detail like 'cooldown%'"),
                 std::string("0"));
    }

    // Issue 18, bug 3: a refresh is logged with the source of the change it covers — a chained
    // view's refresh says 'chain', a bulk resume's says 'bulk' (both said 'watch').
    void refreshesSayWhatCausedThem() {
        auto conn = m_db->connect();
        registerS(conn, "p_cooldown => 0");
        conn.exec("create materialized view public.down as select total from public.s");
        conn.exec("select pgauto_mv.register_mv('down', p_cooldown => 0)");
        conn.exec("select pgauto_mv.add_chain('s', 'down')");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("update public.t set v = v + 1 where id = 1");
        QVERIFY(waitUntilFresh(conn, "down", 15));
        QCOMPARE(scalar(conn, "select string_agg(mv || ':' || source, ' ' order by mv) from pgauto_mv.refresh_log"
                              " where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("public.down:chain public.s:watch"));
        QCOMPARE(scalar(conn, "select last_source from pgauto_mv.mv_status where mv = 'public.down'"), std::string("chain"));

        conn.exec("begin");
        conn.exec("select pgauto_mv.suspend_watching()");
        conn.exec("update public.t set v = v + 1");
        conn.exec("select pgauto_mv.resume_watching()");
        conn.exec("commit");
        // With WAL capture nothing is suspended (writers run no trigger): the load is one
        // committed transaction, read from the WAL like any other.
        QVERIFY(poll(conn, "select count(*) = 1 from pgauto_mv.refresh_log where mv = 'public.s' and kind = 'refresh'"
                           " and outcome = 'succeeded' and source = '" + std::string(walCapture() ? "watch" : "bulk") + "'", 15));
    }

    // Issue 18, bug 2: a view whose refresh keeps failing backs off (10 s, doubling to an hour)
    // and get_mv_problems() says what to fix; sync_mv() does not run the failing refresh again
    // at once (it did, and the nightly sync repeated that forever).
    void aFailingViewBacksOffAndSaysWhatToFix() {
        auto conn = m_db->connect();
        conn.exec("create materialized view public.bad as select 1 / (count(*) - 101)::int as x from public.t");
        conn.exec("select pgauto_mv.register_mv('bad', p_watch_tables => array[pgauto_mv.mv_watch('public.t', 'INSERT')], p_cooldown => 0)");
        conn.exec("select pgrelay.register_processor('test', 1, 'test', 1)");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("insert into public.t values (101)");
        QVERIFY(poll(conn, "select failures = 1 and timer_event_id is not null from pgauto_mv.mv_state s"
                           " join pgauto_mv.mv m on m.id = s.mv_id where m.mv_name = 'bad'", 10));
        // The next try is armed after the backoff, not at once.
        QCOMPARE(scalar(conn, "select s.timer_reason || ' ' || (s.timer_due - s.last_refresh_at between interval '9 s' and interval '11 s')"
                              " from pgauto_mv.mv_state s join pgauto_mv.mv m on m.id = s.mv_id where m.mv_name = 'bad'"),
                 std::string("failure_backoff true"));
        const std::string problems = scalar(conn, "select string_agg(code || ': ' || fix, ' | ') from pgauto_mv.get_mv_problems() where mv = 'public.bad'");
        QVERIFY2(problems.find("recent_failures") != std::string::npos
                     && problems.find("refresh_materialised_view_now('bad', 'public')") != std::string::npos
                     && problems.find("refresh_not_scheduled") == std::string::npos,
                 problems.c_str());
        conn.exec("select * from pgauto_mv.sync_mv()");
        QCOMPARE(scalar(conn, "select (timer_due > now() + interval '5 s')::text || ' ' || failures from pgauto_mv.mv_state s"
                              " join pgauto_mv.mv m on m.id = s.mv_id where m.mv_name = 'bad'"),
                 std::string("true 1"));
    }

    // Issue 18, bug 4: under steady upstream writes the upstream always has a refresh pending;
    // a chained view waits for it at most its own max_wait (it waited until the writes stopped).
    void aChainedViewsMaxWaitBoundsItsWaitForUpstream() {
        auto conn = m_db->connect();
        registerS(conn, "p_refresh_lag => 0.3, p_max_wait => 1, p_cooldown => 0");
        conn.exec("create materialized view public.down as select total from public.s");
        conn.exec("select pgauto_mv.register_mv('down', p_max_wait => 2, p_cooldown => 0)");
        conn.exec("select pgauto_mv.add_chain('s', 'down')");
        RunningProcessor processor(m_db->conninfo(), 2);
        const auto end = std::chrono::steady_clock::now() + 8s;
        while (std::chrono::steady_clock::now() < end) {
            conn.exec("update public.t set v = v + 1 where id = 1");
            std::this_thread::sleep_for(50ms);   // the workload's pace
        }
        const std::string writesEnded = scalar(conn, "select clock_timestamp()");
        QCOMPARE(scalar(conn, "select count(*) > 0 from pgauto_mv.refresh_log where mv = 'public.down' and kind = 'refresh'"
                              " and outcome = 'succeeded' and at < '" + writesEnded + "'::timestamptz"),
                 std::string("t"));
        QVERIFY(waitUntilFresh(conn, "down", 15));
    }

    // Issue 18, pause/resume: a paused view records its changes but nothing refreshes it (its
    // state says paused, get_mv_problems() says how to resume); resume_mv() refreshes it once;
    // a manual refresh still runs while paused.
    void pauseRemembersChangesAndResumeRefreshesOnce() {
        auto conn = m_db->connect();
        registerS(conn, "p_cooldown => 0");
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("select pgauto_mv.pause_mv('s')");
        QCOMPARE(scalar(conn, "select state from pgauto_mv.mv_status where mv = 'public.s'"), std::string("paused"));
        for (int i = 1; i <= 3; ++i)
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i)});
        // The drain has taken the three changes (no request left) and armed nothing.
        QVERIFY(poll(conn, "select s.change_seq = 3 and s.first_change_at is not null and s.timer_event_id is null"
                           " and not exists (select 1 from pgauto_mv.request) from pgauto_mv.mv_state s", 10));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("0"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 'pgauto_mv.refresh'"), std::string("0"));
        QCOMPARE(scalar(conn, "select state from pgauto_mv.mv_status where mv = 'public.s'"), std::string("paused"));
        QCOMPARE(scalar(conn, "select code || ' ' || fix from pgauto_mv.get_mv_problems() where mv = 'public.s'"),
                 std::string("paused select pgauto_mv.resume_mv('s', 'public');"));

        conn.exec("select pgauto_mv.resume_mv('s')");
        QVERIFY(waitUntilFresh(conn, "s", 10));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("1"));
        QCOMPARE(scalar(conn, "select total from public.s"), scalar(conn, "select sum(v) from public.t"));

        conn.exec("select pgauto_mv.pause_mv('s')");
        conn.exec("update public.t set v = v + 1 where id = 4");
        conn.exec("select pgauto_mv.refresh_materialised_view_now('s')");   // manual: runs while paused
        QVERIFY(poll(conn, "select count(*) = 2 from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'", 10));
        QCOMPARE(scalar(conn, "select state from pgauto_mv.mv_status where mv = 'public.s'"), std::string("paused"));
    }

    // Issue 18, blackout windows, with the real processor: a change inside a window is refreshed
    // once the window ends, not before; the deferral says until when.
    void aChangeInsideABlackoutRefreshesWhenItEnds() {
        auto conn = m_db->connect();
        registerS(conn, "p_cooldown => 0");
        // A window for all views from a minute ago until 3 s from now (UTC, so no DST edge).
        const std::string end = scalar(conn, "select (now() + interval '3 s')::text");
        conn.exec("select pgauto_mv.add_blackout('daily', ((now() at time zone 'UTC') - interval '1 minute')::time,"
                  " (($1::timestamptz) at time zone 'UTC')::time, 'UTC')", {end});
        RunningProcessor processor(m_db->conninfo(), 2);
        conn.exec("update public.t set v = v + 1 where id = 1");
        QVERIFY(poll(conn, "select count(*) = 1 from pgauto_mv.refresh_log where outcome = 'deferred'"
                           " and detail like 'blackout window until %'", 10));
        QCOMPARE(scalar(conn, "select why_waiting from pgauto_mv.mv_status where mv = 'public.s'"), std::string("blackout"));
        QVERIFY(waitUntilFresh(conn, "s", 15));
        // Refreshed after the window's end (the end is stored to the microsecond as a time).
        QCOMPARE(std::string(conn.exec("select bool_and(at >= $1::timestamptz - interval '1 ms') from pgauto_mv.refresh_log"
                                       " where kind = 'refresh' and outcome = 'succeeded'", {end}).value(0, 0)),
                 std::string("t"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("1"));
        QCOMPARE(scalar(conn, "select total from public.s"), scalar(conn, "select sum(v) from public.t"));
    }

    // Issue 18, atomic refresh groups, with the real processor: a change that only one view of a
    // group watches refreshes both in one transaction (their rows carry one xmin), and a reader
    // comparing them in one statement never sees one refreshed without the other.
    void aGroupRefreshesInOneTransactionAndReadersNeverSeeItHalfDone() {
        auto conn = m_db->connect();
        conn.exec("create table public.quiet (id int)");
        conn.exec("create materialized view public.s2 as select sum(v) as total from public.t");   // plain refreshes
        registerS(conn, "p_cooldown => 0");
        conn.exec("select pgauto_mv.register_mv('s2', p_watch_tables => array[pgauto_mv.mv_watch('public.quiet')],"
                  " p_cooldown => 0)");
        conn.exec("select pgauto_mv.create_refresh_group('totals', array['public.s', 'public.s2'])");
        RunningProcessor processor(m_db->conninfo(), 2);
        std::atomic<bool> done{false};
        std::atomic<int> reads{0}, disagreements{0};
        std::thread reader([&] {
            auto r = m_db->connect();
            while (!done) {
                if (scalar(r, "select (select total from public.s) = (select total from public.s2)") != "t")
                    ++disagreements;
                ++reads;
            }
        });
        for (int round = 1; round <= 5; ++round) {
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(round)});
            QVERIFY(poll(conn, "select count(*) = " + std::to_string(2 * round) + " from pgauto_mv.refresh_log"
                               " where kind = 'refresh' and outcome = 'succeeded'", 15));
        }
        done = true;
        reader.join();
        qInfo("%d reads during 5 group refreshes, %d saw the views disagree", reads.load(), disagreements.load());
        QVERIFY(reads.load() > 0);
        QCOMPARE(disagreements.load(), 0);
        QCOMPARE(scalar(conn, "select total from public.s2"), scalar(conn, "select sum(v) from public.t"));
        QCOMPARE(scalar(conn, "select (select xmin from public.s)::text = (select xmin from public.s2)::text"), std::string("t"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"
                              " and mv = 'public.s2' and detail = 'refresh group \"totals\": 2 views in one transaction'"),
                 std::string("5"));
    }

    // Issue 18, refresh concurrency, with the real processor: at most max_parallel_refreshes (1)
    // run at once, and when more are due than may run, the higher priority starts first — with
    // 4 workers (each may claim a refresh: the claims take turns, see pgrelay.claim_first) and
    // with 2 (one may: a processor's last free worker never takes one).
    void refreshesRunAtMostNAtOnceHighestPriorityFirst() {
        auto conn = m_db->connect();
        conn.exec("select pgauto_mv.set_setting('max_parallel_refreshes', '1')");
        const std::vector<std::pair<std::string, int>> views{{"slow_lo", -1}, {"slow_mid", 0}, {"slow_hi", 7}};
        for (const auto &[name, priority] : views) {
            conn.exec("create materialized view public." + name
                      + " as select (select count(*) from public.t) as n, (select 1 from pg_sleep(0.3)) as slept");
            conn.exec("select pgauto_mv.register_mv($1, p_watch_tables => array[pgauto_mv.mv_watch('public.t')],"
                      " p_priority => $2::integer)", {name, std::to_string(priority)});
        }
        const std::string succeeded = "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'";
        for (const int workers : {4, 2}) {
            conn.exec("truncate pgauto_mv.refresh_log");
            for (const auto &view : views)
                conn.exec("select pgauto_mv.refresh_materialised_view_now($1)", {view.first});
            RunningProcessor processor(m_db->conninfo(), workers);
            QVERIFY(poll(conn, "select (" + succeeded + ") = 3", 20));
            // Each refresh began after the one before it ended (log: end time and duration).
            QCOMPARE(scalar(conn, "select count(*) from (select at - make_interval(secs => duration_ms / 1000) as began,"
                                  " lag(at) over (order by at) as previous_end from pgauto_mv.refresh_log"
                                  " where kind = 'refresh' and outcome = 'succeeded') r where r.began < r.previous_end"),
                     std::string("0"));
            QCOMPARE(scalar(conn, "select string_agg(mv, ' ' order by at) from pgauto_mv.refresh_log"
                                  " where kind = 'refresh' and outcome = 'succeeded'"),
                     std::string("public.slow_hi public.slow_mid public.slow_lo"));
        }
    }

    // Advisory locks are cluster-wide: a refresh of view id 1 in another database of the same
    // server is not this database's view id 1 refreshing (mv_status said 'refreshing',
    // has_pending_work said true and wait_until_fresh waited while the other database refreshed).
    void aRefreshInAnotherDatabaseIsNotThisOnes() {
        auto conn = m_db->connect();
        registerS(conn, "p_cooldown => 0");
        const std::string id = scalar(conn, "select id from pgauto_mv.mv where mv_name = 's'");
        ScratchDatabase otherDb(std::string(QTest::currentTestFunction()) + "_other");
        auto other = otherDb.connect();
        other.exec("begin");
        other.exec("select pg_advisory_xact_lock(1885827695, $1::int)", {id});   // what a refresh there holds
        QCOMPARE(scalar(conn, "select state from pgauto_mv.mv_status where mv = 'public.s'"), std::string("fresh"));
        QCOMPARE(scalar(conn, "select pgauto_mv.has_pending_work(" + id + ")"), std::string("f"));
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '0.1 s')"), std::string("t"));
        // And in this database the same lock still means refreshing.
        auto holder = m_db->connect();
        holder.exec("begin");
        holder.exec("select pg_advisory_xact_lock(1885827695, $1::int)", {id});
        QCOMPARE(scalar(conn, "select state from pgauto_mv.mv_status where mv = 'public.s'"), std::string("refreshing"));
        QCOMPARE(scalar(conn, "select pgauto_mv.has_pending_work(" + id + ")"), std::string("t"));
        holder.exec("rollback");
        other.exec("rollback");
    }

    // fire_on_replica: a real logical-replication subscription between two databases of the
    // run's cluster; the apply worker fires only the ENABLE ALWAYS row triggers, and they request.
    void fireOnReplicaRefreshesOnLogicalApply() {
        const std::string slot = "automv_" + m_db->name();
        auto pub = m_db->connect();
        pub.exec("create table public.r (id int primary key, v int)");
        pub.exec("create publication automv_pub for table public.r");
        // A subscription to the same cluster cannot create its slot itself.
        pub.exec("select pg_create_logical_replication_slot($1, 'pgoutput')", {slot});
        ScratchDatabase subscriberDb(std::string(QTest::currentTestFunction()) + "_sub");
        auto sub = subscriberDb.connect();
        sub.exec("create extension pg_auto_mv cascade");
        if (walCapture())   // applied changes are in the subscriber's WAL, with their origin
            sub.exec("call pgauto_mv.set_capture('wal')");
        sub.exec("create table public.r (id int primary key, v int)");
        sub.exec("create materialized view public.rm as select count(*) as n, coalesce(sum(v), 0) as total from public.r");
        sub.exec("create unique index on public.rm (n)");
        sub.exec("select pgauto_mv.register_mv('rm', p_watch_tables => array[pgauto_mv.mv_watch('public.r')],"
                 " p_fire_on_replica => true, p_cooldown => 0)");
        sub.exec("create materialized view public.rm_local as select count(*) as n from public.r");
        sub.exec("select pgauto_mv.register_mv('rm_local', p_watch_tables => array[pgauto_mv.mv_watch('public.r')], p_cooldown => 0)");
        const std::string create(sub.exec("select format('create subscription automv_sub connection %L publication automv_pub"
                                          " with (create_slot = false, slot_name = %L, copy_data = false)', $1::text, $2::text)",
                                          {m_db->conninfo(), slot}).value(0, 0));
        sub.exec(create);
        struct DropSubscription {
            PgConnection &conn;
            ~DropSubscription() {
                try { conn.exec("drop subscription if exists automv_sub"); } catch (...) {}
            }
        } dropSubscription{sub};
        RunningProcessor processor(subscriberDb.conninfo(), 1);
        pub.exec("insert into public.r select g, g from generate_series(1, 3) g");
        QVERIFY(poll(sub, "select count(*) = 3 from public.r", 20));
        QVERIFY(poll(sub, "select n = 3 from public.rm", 10));
        // Without fire_on_replica the apply fires nothing (its requests would have come with rm's).
        QCOMPARE(scalar(sub, "select n from public.rm_local"), std::string("0"));
        QCOMPARE(scalar(sub, "select count(*) from pgauto_mv.refresh_log where mv = 'public.rm_local'"), std::string("0"));
        pub.exec("update public.r set v = 10 where id = 1");
        QVERIFY(poll(sub, "select total = 15 from public.rm", 10));
        QCOMPARE(scalar(sub, "select count(*) >= 2 from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("t"));
    }

private:
    static bool walCapture() { return qgetenv("AUTOMV_TEST_CAPTURE") == "wal"; }
    void registerS(PgConnection &conn, const std::string &timing) {
        conn.exec("select pgauto_mv.register_mv('s', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], " + timing + ")");
    }
    static bool waitUntilFresh(PgConnection &conn, const std::string &mv, int seconds) {
        return scalar(conn, "select pgauto_mv.wait_until_fresh('" + mv + "', p_timeout => '" + std::to_string(seconds) + " s')") == "t";
    }
    static bool poll(PgConnection &conn, const std::string &condition, int seconds) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (std::chrono::steady_clock::now() < deadline) {
            if (scalar(conn, condition) == "t")
                return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }
    std::unique_ptr<ScratchDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestAutoMv)
#include "tst_auto_mv.moc"
