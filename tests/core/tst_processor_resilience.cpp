// The processor keeps going when its connections are terminated and when the server restarts:
// it logs, reconnects with backoff and processes every event exactly once. Uses a private
// cluster, since restarting the shared one would disturb the other tests.
#include "core/processor/Processor.h"
#include "tests/core/ProcessorConninfo.h"
#include "tests/core/RunningProcessor.h"
#include "tests/harness/TcpStallProxy.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <atomic>
#include <thread>

using automv::processor::LogFormat;
using automv::processor::Processor;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::PrivateCluster;
using automv::test::RunningProcessor;

namespace {

std::string scalar(automv::pg::PgConnection &conn, const std::string &sql) {
    return std::string(conn.exec(sql).value(0, 0));
}

// A fresh connection each time: the old ones die with a restart.
std::string count(const PrivateCluster &cluster, const std::string &sql) {
    try {
        auto conn = cluster.cluster().connect("relay");
        return scalar(conn, sql);
    } catch (const std::exception &) {
        return "unreachable";
    }
}

// Database "relay" with pg_relay and a channel t.sink that inserts its payload into public.sink.
void createRelayDatabase(const PrivateCluster &cluster) {
    cluster.cluster().connect("postgres").exec("create database relay");
    auto conn = cluster.cluster().connect("relay");
    conn.exec("create extension pg_relay");
    conn.exec("create table public.sink (v jsonb)");
    conn.exec("grant insert on public.sink to pgrelay");
    conn.exec("select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)')");
}

} // namespace

class TestProcessorResilience : public QObject {
    Q_OBJECT
private slots:
    void survivesTerminatedConnectionsAndServerRestart() {
        PrivateCluster cluster;
        createRelayDatabase(cluster);
        std::atomic<int> warnings{0};
        ProcessorLog log(LogFormat::Text, [&](auto level, const std::string &) {
            if (level >= automv::processor::LogLevel::Warning)
                ++warnings;
        });
        ProcessorOptions options;
        options.conninfo = automv::test::processorConninfo(cluster.cluster(), "relay");
        options.workers = 2;
        options.pollInterval = std::chrono::milliseconds(20);
        RunningProcessor running(options, log);

        auto enqueue = [&](int from, int to) {
            auto conn = cluster.cluster().connect("relay");
            conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series($1::int, $2::int) g",
                      {std::to_string(from), std::to_string(to)});
        };
        const std::string processed = "select count(*) from public.sink";

        enqueue(1, 100);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("100"), 20000);

        // Kill every connection of the processor: coordinator, 2 workers, wake-up listener (which
        // connects once the processor first goes to sleep: wait for all four).
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, "select count(*) from pg_stat_activity"
                                                 " where application_name like 'pgrelay-processor%'"),
                                  std::string("4"), 20000);
        {
            auto conn = cluster.cluster().connect("relay");
            const auto killed = scalar(conn,
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                " where application_name like 'pgrelay-processor%'");
            QCOMPARE(killed, std::string("4"));
        }
        enqueue(101, 200);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("200"), 20000);

        // Restart the server under it.
        cluster.restart();
        enqueue(201, 300);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("300"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, "select count(*) from pgrelay.processor_status where alive"),
                                  std::string("1"), 20000);

        QCOMPARE(running.finish(), 0);
        QVERIFY2(warnings.load() > 0, "losing the connections must have been logged");
        QCOMPARE(count(cluster, "select count(distinct v) from public.sink"), std::string("300"));
        QCOMPARE(count(cluster, "select count(*) from pgrelay.log where channel = 't.sink'"), std::string("300"));
    }

    void aNetworkStallIsDetectedAndSurvived() {
        PrivateCluster cluster;
        createRelayDatabase(cluster);
        automv::test::TcpStallProxy proxy(cluster.cluster().port());
        std::atomic<int> timeouts{0};
        ProcessorLog log(LogFormat::Text, [&](auto, const std::string &line) {
            if (line.find("no answer from the server") != std::string::npos)
                ++timeouts;
        });
        ProcessorOptions options;
        options.conninfo = "host=127.0.0.1 port=" + std::to_string(proxy.port()) + " dbname=relay user=postgres";
        options.pollInterval = std::chrono::milliseconds(100);
        options.serverTimeout = std::chrono::milliseconds(1500);
        RunningProcessor running(options, log);
        auto enqueue = [&](int from, int to) {
            auto conn = cluster.cluster().connect("relay");  // straight to the server
            conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series($1::int, $2::int) g",
                      {std::to_string(from), std::to_string(to)});
        };
        const std::string processed = "select count(*) from public.sink";

        enqueue(1, 50);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("50"), 20000);

        proxy.setStalled(true);  // packets vanish: no error, no close, just silence
        QTRY_VERIFY_WITH_TIMEOUT(timeouts.load() > 0, 20000);  // noticed, logged, reconnecting
        enqueue(51, 100);
        QCOMPARE(count(cluster, processed), std::string("50"));  // nothing gets through a stall
        proxy.setStalled(false);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("100"), 30000);
        QCOMPARE(running.finish(), 0);
        QCOMPARE(count(cluster, "select count(distinct v) from public.sink"), std::string("100"));
    }

    void standbyIdlesAndWorksAfterPromotionWithoutRestart() {
        PrivateCluster primary;
        createRelayDatabase(primary);
        PrivateCluster standby(PrivateCluster::StandbyOf{primary});
        ProcessorLog log(LogFormat::Text, [](auto, const std::string &) {});
        ProcessorOptions options;
        options.conninfo = standby.cluster().conninfo("relay");
        options.pollInterval = std::chrono::milliseconds(20);
        RunningProcessor running(options, log);
        Processor &processor = running.processor();

        {   // Events committed on the primary reach the standby, which must not process them.
            auto conn = primary.cluster().connect("relay");
            conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 50) g");
        }
        QTRY_COMPARE_WITH_TIMEOUT(count(standby, "select count(*) from pgrelay.queue where channel = 't.sink'"),
                                  std::string("50"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(processor.stats().standby, 20000);
        const auto polls = processor.stats().polls;   // five more polls on the standby: still nothing run
        QTRY_VERIFY_WITH_TIMEOUT(processor.stats().polls >= polls + 5, 20000);
        QCOMPARE(processor.stats().succeeded, std::uint64_t(0));
        QCOMPARE(processor.stats().batches, std::uint64_t(0));

        standby.promote();  // the same processor, no restart
        QTRY_COMPARE_WITH_TIMEOUT(count(standby, "select count(*) from public.sink"), std::string("50"), 20000);
        QVERIFY(!processor.stats().standby);
        QCOMPARE(running.finish(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProcessorResilience)
#include "tst_processor_resilience.moc"
