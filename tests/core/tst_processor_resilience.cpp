// The processor keeps going when its connections are terminated and when the server restarts:
// it logs, reconnects with backoff and processes every event exactly once. Uses a private
// cluster, since restarting the shared one would disturb the other tests.
#include "core/processor/Processor.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <atomic>
#include <thread>

using automv::processor::LogFormat;
using automv::processor::Processor;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::PrivateCluster;

namespace {

std::string scalar(automv::pg::PgConnection &conn, const std::string &sql) {
    return std::string(conn.exec(sql).value(0, 0));
}

// A fresh connection each time: the old ones die with the restart.
std::string count(const PrivateCluster &cluster, const std::string &sql) {
    try {
        auto conn = cluster.cluster().connect("relay");
        return scalar(conn, sql);
    } catch (const std::exception &) {
        return "unreachable";
    }
}

} // namespace

class TestProcessorResilience : public QObject {
    Q_OBJECT
private slots:
    void survivesTerminatedConnectionsAndServerRestart() {
        PrivateCluster cluster;
        {
            auto admin = cluster.cluster().connect("postgres");
            admin.exec("create database relay");
            auto conn = cluster.cluster().connect("relay");
            conn.exec("create extension pg_relay");
            conn.exec("create table public.sink (v jsonb)");
            conn.exec("grant insert on public.sink to pgrelay");
            conn.exec("select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)')");
        }
        std::atomic<int> warnings{0};
        ProcessorLog log(LogFormat::Text, [&](auto level, const std::string &) {
            if (level >= automv::processor::LogLevel::Warning)
                ++warnings;
        });
        ProcessorOptions options;
        options.conninfo = cluster.cluster().conninfo("relay");
        options.workers = 2;
        options.pollInterval = std::chrono::milliseconds(20);
        Processor processor(options, log);
        int code = -1;
        std::thread runner([&] { code = processor.run(); });

        auto enqueue = [&](int from, int to) {
            auto conn = cluster.cluster().connect("relay");
            conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series($1::int, $2::int) g",
                      {std::to_string(from), std::to_string(to)});
        };
        const std::string processed = "select count(*) from public.sink";

        enqueue(1, 100);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("100"), 20000);

        // Kill every connection of the processor (coordinator and workers).
        {
            auto conn = cluster.cluster().connect("relay");
            const auto killed = scalar(conn,
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                " where application_name like 'pgrelay-processor%'");
            QCOMPARE(killed, std::string("3"));
        }
        enqueue(101, 200);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("200"), 20000);

        // Restart the server under it.
        cluster.restart();
        enqueue(201, 300);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, processed), std::string("300"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(count(cluster, "select count(*) from pgrelay.processor_status where alive"),
                                  std::string("1"), 20000);

        processor.stop();
        runner.join();
        QCOMPARE(code, 0);
        QVERIFY2(warnings.load() > 0, "losing the connections must have been logged");
        QCOMPARE(count(cluster, "select count(distinct v) from public.sink"), std::string("300"));
        QCOMPARE(count(cluster, "select count(*) from pgrelay.log where channel = 't.sink'"), std::string("300"));
    }
};

QTEST_GUILESS_MAIN(TestProcessorResilience)
#include "tst_processor_resilience.moc"
