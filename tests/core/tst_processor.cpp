// The processor engine and the pgrelay-processor binary against the run's real server:
// counted outcomes, racing processors, fail-fast, clean stop, CLI exit codes.
#include "core/processor/Processor.h"
#include "tests/core/ProcessorConninfo.h"
#include "tests/core/RunningProcessor.h"
#include "tests/harness/TestCluster.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <cmath>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using automv::processor::LogFormat;
using automv::processor::Processor;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::ScratchDatabase;
using automv::test::scalar;

class TestProcessor : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction());
        auto conn = m_db->connect();
        conn.exec("create extension pg_relay");
        conn.exec("create table public.sink (v jsonb)");
        conn.exec("grant insert on public.sink to pgrelay");
        conn.exec("select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)')");
    }
    void cleanup() { m_db.reset(); }

    void everyEventRunsExactlyOnceWithOneLogRow() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 3000) g");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        Processor processor(options(3), log);
        QCOMPARE(processor.run(), 0);
        QCOMPARE(processor.stats().succeeded, std::uint64_t(3000));
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("3000"));
        QCOMPARE(scalar(conn, "select count(distinct v) from public.sink"), std::string("3000"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where outcome = 'succeeded' and channel = 't.sink'"),
                 std::string("3000"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.sink'"), std::string("0"));
    }

    void racingProcessorsNeverDoubleAnEvent_data() {
        QTest::addColumn<int>("processors");
        QTest::newRow("two") << 2;
        QTest::newRow("three") << 3;
    }

    void racingProcessorsNeverDoubleAnEvent() {
        QFETCH(int, processors);
        auto conn = m_db->connect();
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 6000) g");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        std::vector<std::unique_ptr<Processor>> racers;
        std::vector<std::thread> threads;
        std::vector<int> codes(static_cast<size_t>(processors), -1);
        for (int i = 0; i < processors; ++i)
            racers.push_back(std::make_unique<Processor>(options(2), log));
        for (int i = 0; i < processors; ++i)
            threads.emplace_back([&, i] { codes[static_cast<size_t>(i)] = racers[static_cast<size_t>(i)]->run(); });
        for (auto &thread : threads)
            thread.join();
        std::uint64_t succeeded = 0;
        for (int i = 0; i < processors; ++i) {
            QCOMPARE(codes[static_cast<size_t>(i)], 0);
            succeeded += racers[static_cast<size_t>(i)]->stats().succeeded;
        }
        QCOMPARE(succeeded, std::uint64_t(6000));
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("6000"));
        QCOMPARE(scalar(conn, "select count(distinct v) from public.sink"), std::string("6000"));
    }

    void nonClass40ErrorFailsAtOnceAndIsLoggedWithoutPayload() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.div', $$select 1 / ($1->>'zero')::int$$)");
        conn.exec(R"(select pgrelay.notify('t.div', '{"zero": 0, "marker": "PAYLOAD-MARKER-91"}'))");
        std::string lines;
        ProcessorLog log(LogFormat::Json, [&](auto, const std::string &line) { lines += line + "\n"; });
        Processor processor(options(1), log);
        QCOMPARE(processor.run(), 0);
        QCOMPARE(processor.stats().failed, std::uint64_t(1));
        QCOMPARE(processor.stats().retried, std::uint64_t(0));
        QVERIFY2(lines.find("\"sqlstate\":\"22012\"") != std::string::npos, lines.c_str());
        QVERIFY2(lines.find("PAYLOAD-MARKER-91") == std::string::npos, "the payload must never be logged");
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.failed"), std::string("1"));
    }

    void stopEndsARunningProcessorCleanlyAndFreesItsSlot() {
        auto conn = m_db->connect();
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(2);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(20);
        automv::test::RunningProcessor running(opts, log);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.processor_status where alive"),
                                  std::string("1"), 10000);
        conn.exec("select pgrelay.notify('t.sink', '{\"late\": true}')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("1"), 10000);
        QCOMPARE(running.finish(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.processor"), std::string("0"));
    }

    void binaryDrainsWithOnceAndRejectsBadOptions() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 500) g");
        QProcess run;
        run.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                  {QStringLiteral("--once"), QStringLiteral("--workers"), QStringLiteral("2"),
                   QStringLiteral("--log-format"), QStringLiteral("json"),
                   QString::fromStdString(m_db->conninfo())});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QVERIFY(run.readAllStandardError().contains("\"msg\":\"stopped\""));
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("500"));

        QProcess bad;
        bad.start(QStringLiteral(PGRELAY_PROCESSOR_BIN), {QStringLiteral("--workers"), QStringLiteral("10")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--workers must be between 1 and 9"));
    }

    void killedMidDrainLosesNothingAndDoublesNothing() {
        auto conn = m_db->connect();
        // Enough events that a drain (~50,000 events/s since batches run set-wise) outlasts
        // several kills; 20,000 were drained before the third.
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 60000) g");
        int kills = 0;
        std::srand(20261124);
        for (int round = 0; round < 40; ++round) {
            if (scalar(conn, "select count(*) from pgrelay.queue where channel = 't.sink'") == "0")
                break;
            QProcess victim;
            victim.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                         {QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--poll-interval"),
                          QStringLiteral("0.01"), QString::fromStdString(m_db->conninfo())});
            QVERIFY(victim.waitForStarted(10000));
            QTest::qWait(40 + std::rand() % 150);  // a random moment mid-drain
            victim.kill();                            // SIGKILL: no chance to clean up
            QVERIFY(victim.waitForFinished(10000));
            ++kills;
        }
        // Whatever is left is drained by a clean run.
        QProcess finisher;
        finisher.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                       {QStringLiteral("--once"), QString::fromStdString(m_db->conninfo())});
        QVERIFY(finisher.waitForFinished(60000));
        QCOMPARE(finisher.exitCode(), 0);
        qInfo("killed the processor %d times during the drain", kills);
        QVERIFY2(kills >= 3, "the drain must have been interrupted several times");
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("60000"));
        QCOMPARE(scalar(conn, "select count(distinct v) from public.sink"), std::string("60000"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where channel = 't.sink'"), std::string("60000"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.sink'"), std::string("0"));
    }

    // A statement_timeout of the database or of the processor's role (common on managed
    // services) neither cancels a long action nor wedges the queue behind it.
    void aStatementTimeoutOfTheDatabaseOrRoleDoesNotCancelActions_data() {
        QTest::addColumn<QString>("setting");
        QTest::newRow("database") << QStringLiteral("alter database %1 set statement_timeout = '1s'");
        QTest::newRow("role") << QStringLiteral("alter role current_user in database %1 set statement_timeout = '1s'");
    }
    void aStatementTimeoutOfTheDatabaseOrRoleDoesNotCancelActions() {
        QFETCH(QString, setting);
        auto conn = m_db->connect();
        conn.exec(setting.arg(QString::fromStdString(conn.quoteIdentifier(m_db->name()))).toStdString());
        auto fresh = m_db->connect();   // settings apply to sessions that start after them
        QCOMPARE(scalar(fresh, "show statement_timeout"), std::string("1s"));
        conn.exec("select pgrelay.create_channel('t.slow', 'select pg_sleep(1.5)')");
        conn.exec("select pgrelay.notify('t.slow')");
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 10) g");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        Processor processor(options(1), log);
        QCOMPARE(processor.run(), 0);
        QCOMPARE(scalar(conn, "select string_agg(outcome, ',') from pgrelay.log where channel = 't.slow'"),
                 std::string("succeeded"));
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("10"));
    }

    void aKilledProcessorsBackendStopsItsActionWithinSeconds() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.hour', 'select pg_sleep(3600)')");
        conn.exec("select pgrelay.notify('t.hour')");
        QProcess victim;
        victim.start(QStringLiteral(PGRELAY_PROCESSOR_BIN), {QString::fromStdString(m_db->conninfo())});
        QVERIFY(victim.waitForStarted(10000));
        const std::string running = "select count(*) from pg_stat_activity where datname = current_database()"
                                    " and query like '%process_batch%' and state = 'active'"
                                    " and pid <> pg_backend_pid()";
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, running), std::string("1"), 20000);
        victim.kill(); // SIGKILL: no chance to cancel anything
        QVERIFY(victim.waitForFinished(10000));
        // client_connection_check_interval = 5 s: the server notices the closed socket.
        QElapsedTimer gone;
        gone.start();
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, running), std::string("0"), 15000);
        qInfo("backend of the killed processor gone after %lld ms", static_cast<long long>(gone.elapsed()));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.hour'"), std::string("1"));
        conn.exec("select pgrelay.alter_channel('t.hour', p_active => false)");
    }

    void slowActionsOnOneWorkerDoNotStallTheOthers() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.slow', 'select pg_sleep(0.2)')");
        conn.exec("select pgrelay.notify('t.slow') from generate_series(1, 5)");
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 300) g");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(2);
        opts.batchSize = 20;
        Processor processor(opts, log);
        QCOMPARE(processor.run(), 0);
        // The slow batch (5 x 200 ms) occupied one worker for about a second; the other worker
        // must have finished most fast events before the last slow one even started.
        const auto fastBeforeLastSlow = scalar(conn,
            "select count(*) from pgrelay.log f where f.channel = 't.sink' and f.started_at <"
            " (select max(started_at) from pgrelay.log where channel = 't.slow')");
        QVERIFY2(std::stoi(fastBeforeLastSlow) >= 200,
                 ("fast events done while slow ones ran: " + fastBeforeLastSlow).c_str());
    }

    // Batches follow the actions' pace (BatchSizer): with 10 ms actions a worker asks for about
    // 20 events a batch (200 ms), not the 500 a fast drain gets, so no transaction runs long.
    void slowActionsMakeSmallBatches() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.paced', 'select pg_sleep(0.01)')");
        conn.exec("select pgrelay.notify('t.paced') from generate_series(1, 200)");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(1);
        opts.batchSize = 500;
        Processor processor(opts, log);
        QCOMPARE(processor.run(), 0);
        const auto stats = processor.stats();
        QCOMPARE(stats.succeeded, std::uint64_t(200));
        // 50 first (>= 500 ms), then at most 20 a batch: at least 9 batches for 200 events.
        QVERIFY2(stats.batches >= 9, std::to_string(stats.batches).c_str());
        conn.exec("select pgrelay.alter_channel('t.paced', p_active => false)");
    }

    // Workers are independent: a long action occupies one worker, and the other takes events
    // notified meanwhile at once (they waited for the long action to end, 3+ s, behind a barrier).
    void fastEventsDoNotWaitBesideALongAction() {
        auto conn = m_db->connect();
        conn.exec("create table public.latency (ms double precision)");
        conn.exec("grant insert on public.latency to pgrelay");
        conn.exec("select pgrelay.create_channel('t.fast', 'insert into public.latency"
                  " values (extract(epoch from clock_timestamp() - ($1->>''at'')::timestamptz) * 1000)')");
        conn.exec("select pgrelay.create_channel('t.slow', 'select pg_sleep(4)')");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(2);
        opts.once = false;
        automv::test::RunningProcessor running(opts, log);
        conn.exec("select pgrelay.notify('t.slow')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("1"), 10000);
        for (int i = 0; i < 20; ++i) {
            conn.exec("select pgrelay.notify('t.fast', jsonb_build_object('at', clock_timestamp()))");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the workload's pace
        }
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.latency"), std::string("20"), 10000);
        QCOMPARE(scalar(conn, kSleeping), std::string("1"));  // all of them beside the long action
        const auto worst = std::stod(scalar(conn, "select max(ms) from public.latency"));
        qInfo("20 fast events beside a 4 s action: slowest waited %.1f ms", worst);
        QVERIFY2(worst < 1000, std::to_string(worst).c_str());
        QCOMPARE(running.finish(), 0);
    }

    // The coordinator never waits on an action: its connection lost while a worker runs a long
    // action, it reconnects and registers again at once (it used to wait for the action's end).
    void theCoordinatorReRegistersWhileALongActionRuns() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.slow', 'select pg_sleep(30)')");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(2);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(100);
        opts.grace = std::chrono::milliseconds(0);
        automv::test::RunningProcessor running(opts, log);
        conn.exec("select pgrelay.notify('t.slow')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("1"), 10000);
        const std::string coordinator = scalar(conn, "select pid from pg_stat_activity where datname = current_database()"
                                                     " and application_name = 'pgrelay-processor coordinator'");
        QVERIFY(!coordinator.empty());
        QCOMPARE(scalar(conn, "select pg_terminate_backend(" + coordinator + ")"), std::string("t"));
        QElapsedTimer back;
        back.start();
        // Wait for the new registration, not for "one alive": the terminated backend holds its
        // slot until it has exited, so "one alive" is true at first, false while nobody holds a
        // slot, then true again — and QTRY_COMPARE evaluates its condition once more after the
        // loop. A registration by another backend, once there, stays; so does the old one's end.
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.processor_status where alive"
                                               " and backend_pid <> " + coordinator),
                                  std::string("1"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.processor_status where alive"),
                                  std::string("1"), 5000);
        qInfo("registered again %lld ms after its coordinator's session was terminated",
              static_cast<long long>(back.elapsed()));
        QCOMPARE(scalar(conn, kSleeping), std::string("1"));  // the action still runs
        conn.exec("select pgrelay.notify('t.sink', '{\"after\": true}')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("1"), 5000);
        QCOMPARE(running.finish(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.slow'"), std::string("1"));
    }

    // A channel's timeout: the processor cancels the action at its deadline; that event fails
    // (57014, saying why), the others run.
    void aChannelTimeoutCancelsItsActionAndFailsItAlone() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.slow', 'select pg_sleep(30)', p_timeout => '1 s')");
        conn.exec("select pgrelay.notify('t.slow')");
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 10) g");
        ProcessorLog log(LogFormat::Text, [](auto level, const std::string &line) {
            if (level >= automv::processor::LogLevel::Warning)
                qWarning("processor: %s", line.c_str());
        });
        Processor processor(options(1), log);
        QElapsedTimer took;
        took.start();
        QCOMPARE(processor.run(), 0);
        qInfo("drained in %lld ms beside a 30 s action with a 1 s timeout", static_cast<long long>(took.elapsed()));
        QVERIFY(took.elapsed() < 10000);
        const auto logged = scalar(conn, "select coalesce(string_agg(outcome || ' ' || coalesce(sqlstate, '-') || ' '"
                                         " || round(duration_ms) || ' ' || coalesce(message, '-'), '; '), 'no log row')"
                                         " from pgrelay.log where channel = 't.slow'");
        QVERIFY2(logged.rfind("failed 57014 ", 0) == 0, logged.c_str());
        QCOMPARE(scalar(conn, "select message from pgrelay.failed where channel = 't.slow'"),
                 std::string("the action ran longer than the timeout of channel \"t.slow\" (00:00:01) and was cancelled"));
        QCOMPARE(scalar(conn, "select count(*) from public.sink"), std::string("10"));
    }

    // max_parallel: at most N events of the channel at once, across processors and workers.
    void maxParallelCapsEventsRunningAtOnceAcrossProcessors() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.lim', 'select pg_sleep(0.3)', p_max_parallel => 2)");
        conn.exec("select pgrelay.notify('t.lim') from generate_series(1, 8)");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        std::vector<std::unique_ptr<Processor>> processors;
        std::vector<std::thread> threads;
        for (int i = 0; i < 2; ++i) {
            processors.push_back(std::make_unique<Processor>(options(3), log));
            threads.emplace_back([p = processors.back().get()] { p->run(); });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where channel = 't.lim' and outcome = 'succeeded'"),
                 std::string("8"));
        const auto most = scalar(conn, kMostAtOnce("t.lim"));
        qInfo("2 processors x 3 workers, max_parallel 2: at most %s events ran at once", most.c_str());
        QCOMPARE(most, std::string("2"));
    }

    // A channel with a max_parallel never takes a processor's last free worker: long work such as
    // refreshes leaves one worker for everything else.
    void aLimitedChannelNeverTakesTheLastFreeWorker() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.lim', 'select pg_sleep(0.5)', p_max_parallel => 10)");
        conn.exec("select pgrelay.notify('t.lim') from generate_series(1, 3)");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(2);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(50);
        automv::test::RunningProcessor running(opts, log);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("1"), 10000);
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 20) g");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("20"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.log where channel = 't.lim'"),
                                  std::string("3"), 10000);
        QCOMPARE(running.finish(), 0);
        QCOMPARE(scalar(conn, kMostAtOnce("t.lim")), std::string("1"));
    }

    // SIGTERM: claiming stops, a running action may finish within --grace, then it is cancelled;
    // the cancelled batch is undone, so its event stays queued (not failed) and runs again later.
    void sigtermCancelsALongActionAfterTheGraceAndKeepsItsEvent() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.hour', 'select pg_sleep(3600)')");
        conn.exec("select pgrelay.notify('t.hour')");
        QProcess daemon;
        daemon.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                     {QStringLiteral("--grace"), QStringLiteral("1"), QString::fromStdString(m_db->conninfo())});
        QVERIFY(daemon.waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("1"), 20000);
        QElapsedTimer stopping;
        stopping.start();
        daemon.terminate();  // SIGTERM
        QVERIFY(daemon.waitForFinished(15000));
        const auto exitMs = stopping.elapsed();
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        qInfo("exited %lld ms after SIGTERM (grace 1 s)", static_cast<long long>(exitMs));
        QVERIFY2(exitMs >= 1000 && exitMs < 6000, std::to_string(exitMs).c_str());
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("0"), 5000);
        QCOMPARE(scalar(conn, "select attempt from pgrelay.queue where channel = 't.hour'"), std::string("1"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where channel = 't.hour'"), std::string("0"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.failed"), std::string("0"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.processor"), std::string("0"));
        conn.exec("select pgrelay.alter_channel('t.hour', p_active => false)");
    }

    // A second SIGTERM does not wait out the grace.
    void aSecondSigtermCancelsAtOnce() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.hour', 'select pg_sleep(3600)')");
        conn.exec("select pgrelay.notify('t.hour')");
        QProcess daemon;
        daemon.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                     {QStringLiteral("--grace"), QStringLiteral("600"), QString::fromStdString(m_db->conninfo())});
        QVERIFY(daemon.waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("1"), 20000);
        QElapsedTimer stopping;
        stopping.start();
        daemon.terminate();
        QVERIFY(!daemon.waitForFinished(500));  // the grace: it waits for the action
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(10000));
        QCOMPARE(daemon.exitCode(), 0);
        qInfo("exited %lld ms after the first SIGTERM", static_cast<long long>(stopping.elapsed()));
        QVERIFY(stopping.elapsed() < 5000);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, kSleeping), std::string("0"), 5000);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.hour'"), std::string("1"));
        conn.exec("select pgrelay.alter_channel('t.hour', p_active => false)");
    }

    void class40ErrorsAreRetriedAfter3And5And10Seconds() {
        auto conn = m_db->connect();
        conn.exec("create function public.always_deadlocks(p jsonb) returns void language plpgsql as"
                  " $$begin raise exception 'simulated deadlock' using errcode = '40P01'; end$$");
        conn.exec("grant execute on function public.always_deadlocks(jsonb) to pgrelay");
        conn.exec("select pgrelay.create_channel('t.deadlock', 'select public.always_deadlocks($1)')");
        conn.exec("select pgrelay.notify('t.deadlock', '{}')");
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(1);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(20);
        automv::test::RunningProcessor running(opts, log);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.failed"), std::string("1"), 30000);
        QCOMPARE(running.finish(), 0);
        // Gap between the end of one attempt and the start of the next, in seconds.
        const auto gaps = conn.exec(
            "select attempt, outcome, round(extract(epoch from started_at - lag(started_at + duration_ms * interval '1 ms')"
            " over (order by attempt))::numeric, 3) from pgrelay.log where channel = 't.deadlock' order by attempt");
        QCOMPARE(gaps.rows(), 4);
        const double expected[] = {0, 3, 5, 10};
        for (int row = 1; row < 4; ++row) {
            const double gap = std::stod(std::string(gaps.value(row, 2)));
            qInfo("attempt %d started %.3f s after attempt %d ended (want %.0f s)", row + 1, gap, row, expected[row]);
            QVERIFY2(std::abs(gap - expected[row]) <= 0.5, "retry delay outside +-0.5 s");
        }
        QCOMPARE(std::string(gaps.value(3, 1)), std::string("failed"));
    }

    void sigtermFinishesCleanlyWithExitZero() {
        auto conn = m_db->connect();
        QProcess daemon;
        daemon.start(QStringLiteral(PGRELAY_PROCESSOR_BIN),
                     {QStringLiteral("--poll-interval"), QStringLiteral("0.05"),
                      QString::fromStdString(m_db->conninfo())});
        QVERIFY(daemon.waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from pgrelay.processor_status where alive"),
                                  std::string("1"), 10000);
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 200) g");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("200"), 10000);
        daemon.terminate();  // SIGTERM
        QVERIFY(daemon.waitForFinished(10000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.processor"), std::string("0"));
    }

    void wakeupHintStartsAnIdleProcessorAtOnce() {
        auto conn = m_db->connect();
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(1);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(20000);  // only the hint can be quick
        automv::test::RunningProcessor running(opts, log);
        QVERIFY(sawAsleep(conn, 10000));
        conn.exec("select pgrelay.notify('t.sink', '{\"hinted\": true}')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("1"), 5000);
        QCOMPARE(running.finish(), 0);
    }

    // A future run_at (or a schedule's next run) starts on time, not up to a poll interval
    // late: the processor sleeps until the earlier of its poll and the next event's time.
    void aFutureEventStartsOnTimeNotAPollLate() {
        auto conn = m_db->connect();
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        const auto id = scalar(conn, "select pgrelay.notify('t.sink', '{\"on\": \"time\"}', now() + interval '1.5 s')");
        const auto due = scalar(conn, "select run_at::text from pgrelay.queue where id = " + id);
        auto opts = options(1);
        opts.once = false;
        opts.wakeupHint = false;
        opts.pollInterval = std::chrono::milliseconds(20000);  // only knowing the time can be quick
        automv::test::RunningProcessor running(opts, log);
        const double late = msLateOnceRun(conn, id, due);
        qInfo("a future event started %.1f ms after its run_at (poll interval 20 s)", late);
        QVERIFY2(late >= 0 && late < 2000, std::to_string(late).c_str());
        QCOMPARE(running.finish(), 0);
    }

    // A sleeping processor hears of a future event from the hint, and wakes at its time.
    void aHintedFutureEventStartsOnTime() {
        auto conn = m_db->connect();
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(1);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(20000);
        automv::test::RunningProcessor running(opts, log);
        QVERIFY(sawAsleep(conn, 10000));
        const auto id = scalar(conn, "select pgrelay.notify('t.sink', '{\"hinted\": \"later\"}', now() + interval '1 s')");
        const auto due = scalar(conn, "select run_at::text from pgrelay.queue where id = " + id);
        const double late = msLateOnceRun(conn, id, due);
        qInfo("a hinted future event started %.1f ms after its run_at (poll interval 20 s)", late);
        QVERIFY2(late >= 0 && late < 2000, std::to_string(late).c_str());
        QCOMPARE(running.finish(), 0);
    }

    void pollingStillWorksWhenTheHintConnectionIsDropped() {
        auto conn = m_db->connect();
        std::atomic<int> lost{0};
        ProcessorLog log(LogFormat::Text, [&](auto, const std::string &line) {
            if (line.find("wake-up hint connection lost") != std::string::npos)
                ++lost;
        });
        auto opts = options(1);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(300);
        automv::test::RunningProcessor running(opts, log);
        QVERIFY(sawAsleep(conn, 10000));
        QCOMPARE(scalar(conn, "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                              " where application_name = 'pgrelay-processor listener'"
                              " and datname = current_database()"),
                 std::string("1"));
        QTRY_VERIFY_WITH_TIMEOUT(lost.load() > 0, 5000);
        conn.exec("select pgrelay.notify('t.sink', '{\"polled\": true}')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("1"), 10000);
        QCOMPARE(running.finish(), 0);
    }

    void connectionsKeepTheirRoleNamesAfterABatchResetTheSession() {
        auto conn = m_db->connect();
        // Warnings reach the test output: they say what the processor met if a check fails.
        ProcessorLog log(LogFormat::Text, [](auto level, const std::string &line) {
            if (level >= automv::processor::LogLevel::Warning)
                qWarning("processor: %s", line.c_str());
        });
        auto opts = options(2);
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(50);
        automv::test::RunningProcessor running(opts, log);
        // Both workers run batches, and process_batch() ends with RESET ALL.
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 200) g");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("200"), 10000);
        // The listener connects when the processor first waits for work.
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select string_agg(application_name, ', ' order by application_name)"
                                               " from pg_stat_activity where datname = current_database()"
                                               " and pid <> pg_backend_pid()"),
                                  std::string("pgrelay-processor coordinator, pgrelay-processor listener,"
                                              " pgrelay-processor worker, pgrelay-processor worker"),
                                  10000);
        QCOMPARE(running.finish(), 0);
    }

    void anApplicationNameInTheConninfoNamesEveryConnection() {
        auto conn = m_db->connect();
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        auto opts = options(1);
        opts.conninfo += " application_name='relay-east'";
        opts.once = false;
        opts.pollInterval = std::chrono::milliseconds(50);
        automv::test::RunningProcessor running(opts, log);
        conn.exec("select pgrelay.notify('t.sink', '{}')");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.sink"), std::string("1"), 10000);
        // A deadline, not a delay: beside three CPU hogs and another test it once took 10.05 s.
        QVERIFY(sawAsleep(conn, 30000));
        QCOMPARE(scalar(conn, "select count(*) || ' ' || string_agg(distinct application_name, ', ')"
                              " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"),
                 std::string("3 relay-east"));
        QCOMPARE(running.finish(), 0);
    }

private:
    // Waits (10 s at most) until event `id` ran; how many ms after `due` (its run_at) it started.
    static double msLateOnceRun(automv::pg::PgConnection &conn, const std::string &id, const std::string &due) {
        const std::string logged = "select count(*) from pgrelay.log where event_id = " + id;
        bool ran = false;
        for (int i = 0; i < 1000 && !ran; ++i) {
            ran = scalar(conn, logged) == "1";
            if (!ran)
                QTest::qWait(10);
        }
        return ran ? std::stod(scalar(conn, "select extract(epoch from started_at - '" + due +
                                                "'::timestamptz) * 1000 from pgrelay.log where event_id = " + id))
                   : -1;
    }
    // The most events of a channel that ran at the same moment, from their log rows.
    static std::string kMostAtOnce(const std::string &channel) {
        return "with r as (select started_at as s, started_at + duration_ms * interval '1 ms' as e"
               "             from pgrelay.log where channel = '" + channel + "')"
               " select max((select count(*) from r r2 where r2.s <= r1.s and r2.e > r1.s)) from r r1";
    }
    // An action of this database is sleeping (pg_sleep) in another session.
    static constexpr const char *kSleeping =
        "select count(*) from pg_stat_activity where datname = current_database()"
        " and wait_event = 'PgSleep' and pid <> pg_backend_pid()";
    // Whether a processor was seen waiting for work (holding advisory lock (1885827686, 65))
    // within `timeoutMs`. Seen once is enough: with a short poll interval the lock comes and goes
    // every few milliseconds, and QTRY_COMPARE, which evaluates its condition again after the loop,
    // failed a run whose processor had been asleep (seen true in the loop, false just after).
    static bool sawAsleep(automv::pg::PgConnection &conn, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            if (scalar(conn, kAsleep) == "1")
                return true;
            if (deadline.hasExpired())
                return false;
            QTest::qWait(10);
        }
    }
    // A processor waiting for work holds advisory lock (1885827686, 65) in this database.
    static constexpr const char *kAsleep =
        "select count(*) from pg_locks l join pg_database d on d.oid = l.database"
        " where l.locktype = 'advisory' and l.granted and l.classid = 1885827686 and l.objid = 65"
        " and d.datname = current_database()";

    ProcessorOptions options(int workers) const {
        ProcessorOptions o;
        o.conninfo = automv::test::processorConninfo(automv::test::TestCluster::instance(), m_db->name());
        o.workers = workers;
        o.once = true;
        return o;
    }
    std::unique_ptr<ScratchDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestProcessor)
#include "tst_processor.moc"
