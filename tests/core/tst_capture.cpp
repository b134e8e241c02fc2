// pg_auto_mv's WAL capture (issue 16) with the real processor: switching modes under a steady
// stream of writes loses no change; a processor down for a while catches up with one refresh;
// a slot the server invalidated (max_slot_wal_keep_size) falls back to triggers and refreshes
// every view; a drain at work gets what the capture queued. (Every behaviour test of the watch
// triggers also runs in WAL mode: core.auto_mv.wal.)
#include "tests/core/ProcessorConninfo.h"
#include "tests/core/RunningProcessor.h"
#include "tests/harness/TestCluster.h"

#include <QCoreApplication>
#include <QTest>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using automv::pg::PgConnection;
using automv::processor::LogFormat;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::PrivateCluster;
using automv::test::RunningProcessor;
using automv::test::ScratchDatabase;
using automv::test::TestCluster;
using namespace std::chrono_literals;

namespace {

std::string scalar(PgConnection &conn, const std::string &sql) { return std::string(conn.exec(sql).value(0, 0)); }

bool poll(PgConnection &conn, const std::string &condition, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (scalar(conn, condition) == "t")
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

ProcessorOptions optionsFor(const std::string &conninfo) {
    ProcessorOptions options;
    options.conninfo = conninfo;
    options.workers = 2;
    options.pollInterval = 20ms;
    return options;
}

// public.t (100 rows, v = 0) and public.s, its sum, registered to watch it.
void createWatchedView(PgConnection &conn, const std::string &timing) {
    conn.exec("create extension if not exists pg_auto_mv cascade");
    conn.exec("create table public.t (id int primary key, v int not null default 0)");
    conn.exec("insert into public.t select g from generate_series(1, 100) g");
    conn.exec("create materialized view public.s as select sum(v) as total, count(*) as n from public.t");
    conn.exec("create unique index on public.s (n)");
    conn.exec("select pgauto_mv.register_mv('s', p_watch_tables => array[pgauto_mv.mv_watch('public.t')], " + timing + ")");
}

} // namespace

class TestCapture : public QObject {
    Q_OBJECT
private slots:
    // A writer commits one UPDATE after another while capture switches triggers -> wal ->
    // triggers -> wal. Every commit must reach the view's change count (refresh_lag is long, so
    // no refresh covers a change and turns its request into a mere nudge): a transaction
    // committed in a switch's gap would be missing. (Seen twice is allowed: the switches
    // overlap on purpose.)
    void writesDuringSwitchesAreNeverLost() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 600, p_cooldown => 0");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        RunningProcessor processor(optionsFor(automv::test::processorConninfo(TestCluster::instance(), db.name())), log);

        std::atomic<bool> stop{false};
        std::atomic<int> commits{0};
        std::thread writer([&] {
            auto w = db.connect();
            while (!stop) {
                w.exec("update public.t set v = v + 1 where id = $1", {std::to_string(commits % 100 + 1)});
                ++commits;
            }
        });
        const auto waitForCommits = [&](int more) {
            const int target = commits + more;
            while (commits < target)
                std::this_thread::sleep_for(5ms);
        };
        waitForCommits(50);
        for (const char *mode : {"wal", "triggers", "wal"}) {
            conn.exec(std::string("call pgauto_mv.set_capture('") + mode + "')");
            waitForCommits(100);
        }
        stop = true;
        writer.join();
        const std::string total = std::to_string(commits.load());
        qInfo("%s commits by the writer across three switches", total.c_str());
        // The capture event reads the last ones within ~0.25 s; the drain counts them.
        QVERIFY2(poll(conn, "select change_seq >= " + total + " from pgauto_mv.mv_state", 20s),
                 qPrintable(QString::fromStdString(scalar(conn, "select change_seq from pgauto_mv.mv_state") + " of " + total)));
        QCOMPARE(scalar(conn, "select mode from pgauto_mv.capture"), std::string("wal"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.get_mv_problems() where code like 'capture%' or code like 'trigger%'"),
                 std::string("0"));
    }

    // WAL mode with no processor: the slot keeps the changes, get_mv_problems says the capture
    // lags; a processor that starts later reads them all and refreshes once.
    void aProcessorDownThenBackCatchesUpWithOneRefresh() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 0.2, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        conn.exec("select pgauto_mv.set_setting('capture_lag_age', '1 s')");
        for (int i = 0; i < 300; ++i)
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i % 100 + 1)});
        QVERIFY(poll(conn, "select exists (select from pgauto_mv.get_mv_problems() where code = 'capture_lag')", 10s));
        QCOMPARE(scalar(conn, "select lag_bytes > 0 from pgauto_mv.capture_status()"), std::string("t"));
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '0.2 s')"), std::string("f"));

        // The view's refresh lock, held until the processor has read everything: the stream may
        // apply the 300 in several batches (every 100 ms), and a refresh between two of them
        // covers the later ones, which then only nudge the timer and are not counted (CI, stop
        // 30: change_seq was 1, the view fresh with all 300, one refresh). Held, the count is
        // exact: every change read once, none twice.
        auto refreshLock = db.connect();
        refreshLock.exec("select pg_advisory_lock(1885827695, (select id from pgauto_mv.mv))");
        const std::string written = scalar(conn, "select pg_current_wal_insert_lsn()");

        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        RunningProcessor processor(optionsFor(automv::test::processorConninfo(TestCluster::instance(), db.name())), log);
        QVERIFY(poll(conn, "select change_seq >= 300 from pgauto_mv.mv_state", 20s));
        // The stream is past everything written before it started (it confirms a keepalive's
        // position once nothing waits): nothing more will be counted.
        QVERIFY(poll(conn, "select confirmed_flush_lsn >= '" + written + "' from pg_replication_slots"
                           " where slot_name = (select slot_name from pgauto_mv.capture)", 20s));
        QCOMPARE(QString::fromStdString(scalar(conn, "select change_seq from pgauto_mv.mv_state")), QString("300"));
        refreshLock.exec("select pg_advisory_unlock(1885827695, (select id from pgauto_mv.mv))");
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '20 s')"), std::string("t"));
        QCOMPARE(scalar(conn, "select total from public.s"), std::string("300"));
        QCOMPARE(QString::fromStdString(scalar(conn, "select change_seq from pgauto_mv.mv_state")), QString("300"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("1"));
        QVERIFY(poll(conn, "select not exists (select from pgauto_mv.get_mv_problems() where code like 'capture%')", 10s));
    }

    // The capture event (SQL) and the processor's stream both read the slot, never at once: the
    // event reads only while no one streams, the stream starts where the last capture ended. A
    // stream that claimed the slot while the event's capture was still to commit started from
    // the old position and counted everything again (CI, stop 28: change_seq was not 300). Here
    // the event's capture stays uncommitted while the processor starts streaming.
    void aStreamThatStartsWhileTheCaptureEventCommitsCountsNothingTwice() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 0.2, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        for (int i = 0; i < 300; ++i)
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i % 100 + 1)});
        auto event = db.connect();
        event.exec("begin");
        QCOMPARE(scalar(event, "select pgauto_mv.capture_changes()"), std::string("300"));

        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        RunningProcessor processor(optionsFor(automv::test::processorConninfo(TestCluster::instance(), db.name())), log);
        // The stream has read the 300 changes and waits for the capture above to end.
        QVERIFY(poll(conn, "select exists (select from pg_stat_activity where datname = current_database()"
                           " and wait_event_type = 'Lock' and query like '%capture_apply%')", 20s));
        event.exec("commit");
        // The stream is past everything written so far (it confirms only what it applied, or a
        // keepalive's position once nothing waits): whatever it did with the 300 is done.
        const std::string written = scalar(conn, "select pg_current_wal_insert_lsn()");
        QVERIFY(poll(conn, "select confirmed_flush_lsn >= '" + written + "' from pg_replication_slots"
                           " where slot_name = (select slot_name from pgauto_mv.capture)", 20s));
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '20 s')"), std::string("t"));
        QCOMPARE(scalar(conn, "select total from public.s"), std::string("300"));
        QCOMPARE(QString::fromStdString(scalar(conn, "select change_seq from pgauto_mv.mv_state")), QString("300"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh' and outcome = 'succeeded'"),
                 std::string("1"));
    }

    // A processor that does not stream (--no-wal-capture, or a login without REPLICATION): the
    // capture event reads the slot over SQL, with the same result.
    void theCaptureEventReadsTheSlotWhenNoProcessorStreamsIt() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 0.2, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto options = optionsFor(automv::test::processorConninfo(TestCluster::instance(), db.name()));
        options.walCapture = false;
        RunningProcessor processor(options, log);
        for (int i = 0; i < 50; ++i)
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i % 100 + 1)});
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '20 s')"), std::string("t"));
        QCOMPARE(scalar(conn, "select total from public.s"), std::string("50"));
        QCOMPARE(scalar(conn, "select change_seq from pgauto_mv.mv_state"), std::string("50"));
        QCOMPARE(scalar(conn, "select count(*) from pg_stat_replication r join pg_replication_slots s on s.active_pid = r.pid"
                              " where s.database = current_database()"), std::string("0"));   // nobody streamed it
        QVERIFY(std::stoi(scalar(conn, "select count(*) from pgrelay.log where channel = 'pgauto_mv.capture'")) > 0);
    }

    // The capture drains what it queued itself, unless a drain is at work (it holds the drain
    // lock): then it leaves its requests to the drains, as a trigger does, and wakes one.
    void whileADrainIsAtWorkTheCaptureLeavesItsRequestsToTheDrains() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 600, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        conn.exec("delete from pgauto_mv.request");
        const auto drainEvents = [&] {
            return std::stoi(scalar(conn, "select count(*) from pgrelay.queue where channel = 'pgauto_mv.drain'"));
        };
        const int before = drainEvents();
        auto drain = db.connect();   // stands in for a drain at work
        drain.exec("begin");
        drain.exec("select pg_advisory_xact_lock(1885827695, 0)");
        conn.exec("update public.t set v = 1 where id = 1");
        QCOMPARE(scalar(conn, "select pgauto_mv.capture_changes()"), std::string("1"));
        QCOMPARE(scalar(conn, "select sum(n) from pgauto_mv.request"), std::string("1"));
        QCOMPARE(drainEvents(), before + 1);
        drain.exec("commit");
        conn.exec("select pgauto_mv.on_drain_event('{}')");   // what that drain event does
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.request"), std::string("0"));
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'change' and detail ~ '^1 transaction'"),
                 std::string("1"));
    }

    // A processor whose login is an ordinary role (pgrelay_processor, no REPLICATION) cannot
    // stream the slot: it says so once, and the capture event reads the slot instead.
    void aProcessorLoginWithoutReplicationLeavesTheSlotToTheCaptureEvent() {
        ScratchDatabase db(QTest::currentTestFunction());
        auto conn = db.connect();
        createWatchedView(conn, "p_refresh_lag => 0.2, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        const std::string role = "capture_proc_" + std::to_string(QCoreApplication::applicationPid());
        conn.exec("create role " + role + " login in role pgrelay_processor");
        struct DropRole {
            PgConnection &conn;
            std::string role;
            ~DropRole() {
                try { conn.exec("drop owned by " + role + "; drop role " + role); } catch (...) {}
            }
        } dropRole{conn, role};
        std::atomic<int> toldNoRight{0};
        ProcessorLog log(LogFormat::Text, [&](auto, const std::string &line) {
            if (line.find("no REPLICATION attribute") != std::string::npos)
                ++toldNoRight;
        });
        RunningProcessor processor(
            optionsFor(automv::test::processorConninfo(TestCluster::instance(), db.name()) + " user=" + role), log);
        for (int i = 0; i < 20; ++i)
            conn.exec("update public.t set v = v + 1 where id = $1", {std::to_string(i + 1)});
        QCOMPARE(scalar(conn, "select pgauto_mv.wait_until_fresh('s', p_timeout => '20 s')"), std::string("t"));
        QCOMPARE(scalar(conn, "select total from public.s"), std::string("20"));
        QCOMPARE(scalar(conn, "select count(*) from pg_stat_replication r join pg_replication_slots s on s.active_pid = r.pid"
                              " where s.database = current_database()"), std::string("0"));
        QTRY_COMPARE_WITH_TIMEOUT(toldNoRight.load(), 1, 5000);   // said once (it only grows)
    }

    // The server invalidates the slot (max_slot_wal_keep_size) while no processor runs: the
    // changes it held are gone. The next capture refreshes the view anyway, goes back to
    // triggers and says so; the triggers then carry on.
    void aSlotTheServerInvalidatedRefreshesEveryViewAndFallsBackToTriggers() {
        PrivateCluster server;
        server.cluster().connect("postgres").exec("create database lost");
        auto conn = server.cluster().connect("lost");
        createWatchedView(conn, "p_refresh_lag => 0, p_cooldown => 0");
        conn.exec("call pgauto_mv.set_capture('wal')");
        conn.exec("alter system set max_slot_wal_keep_size = '1MB'");
        conn.exec("select pg_reload_conf()");
        conn.exec("update public.t set v = 1 where id = 1");   // held by the slot only
        conn.exec("create table public.filler (x text)");
        for (int i = 0; i < 4; ++i) {
            conn.exec("insert into public.filler select repeat('x', 1000) from generate_series(1, 20000)");
            conn.exec("select pg_switch_wal()");
        }
        conn.exec("checkpoint");
        QVERIFY(poll(conn, "select wal_status = 'lost' from pg_replication_slots where slot_name = pgauto_mv.capture_slot_name()", 10s));

        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        RunningProcessor processor(optionsFor(automv::test::processorConninfo(server.cluster(), "lost")), log);
        QVERIFY(poll(conn, "select total = 1 from public.s", 20s));
        QCOMPARE(scalar(conn, "select mode || ' ' || (slot_name is null) from pgauto_mv.capture"), std::string("triggers true"));
        QCOMPARE(scalar(conn, "select count(*) from pg_replication_slots"), std::string("0"));
        QCOMPARE(scalar(conn, "select string_agg(code, ',') from pgauto_mv.get_mv_problems() where code like 'capture%'"),
                 std::string("capture_lost"));
        conn.exec("update public.t set v = 2 where id = 2");   // the triggers see this one
        QVERIFY(poll(conn, "select total = 3 from public.s", 20s));
    }
};

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_capture.moc"
