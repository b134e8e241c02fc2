// One processor process, many databases (issue 17): a fleet serves several connection strings,
// or every database of a server where pg_relay is installed, each with its own slot; it finds
// databases created later and lets go of dropped ones; one stop stops all. Discovery runs on a
// private cluster, so it never touches the databases of tests running beside it.
#include "core/processor/ProcessorFleet.h"
#include "tests/core/ProcessorConninfo.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <algorithm>
#include <cstdio>
#include <thread>

using automv::processor::FleetOptions;
using automv::processor::LogFormat;
using automv::processor::ProcessorFleet;
using automv::test::PrivateCluster;
using automv::test::ScratchDatabase;
using automv::test::scalar;

namespace {

void installRelay(automv::pg::PgConnection conn, int events) {
    conn.exec("create extension pg_relay");
    conn.exec("create table public.sink (v jsonb)");
    conn.exec("grant insert on public.sink to pgrelay");
    conn.exec("select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)')");
    conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, " +
              std::to_string(events) + ") g");
}

std::string sunk(automv::pg::PgConnection conn) { return scalar(conn, "select count(*) from public.sink"); }
std::string registered(automv::pg::PgConnection conn) { return scalar(conn, "select count(*) from pgrelay.processor"); }

/// A log file the test reads back.
struct CapturedLog {
    std::FILE *file = std::tmpfile();
    ~CapturedLog() { std::fclose(file); }
    std::string text() const {
        std::fflush(file);
        std::rewind(file);
        std::string out;
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, file))
            out.append(buffer, n);
        return out;
    }
};

} // namespace

class TestProcessorFleet : public QObject {
    Q_OBJECT
private slots:
    void servesSeveralConnectionStrings() {
        ScratchDatabase a("fleet_a"), b("fleet_b");
        installRelay(a.connect(), 300);
        installRelay(b.connect(), 200);
        FleetOptions options;
        options.base.once = true;
        options.base.workers = 2;
        options.conninfos = {automv::test::processorConninfo(automv::test::TestCluster::instance(), a.name()),
                             automv::test::processorConninfo(automv::test::TestCluster::instance(), b.name())};
        CapturedLog log;
        ProcessorFleet fleet(options, LogFormat::Text, log.file);
        QCOMPARE(fleet.run(), 0);   // --once: back when both are drained
        QCOMPARE(sunk(a.connect()), std::string("300"));
        QCOMPARE(sunk(b.connect()), std::string("200"));
        // Each line says which database it is about.
        QVERIFY2(log.text().find("database=\"" + options.conninfos[0] + "\"") != std::string::npos ||
                     log.text().find("database=" + options.conninfos[0]) != std::string::npos,
                 log.text().c_str());
    }

    void findsEveryDatabaseWithPgRelayAndFollowsChanges() {
        PrivateCluster server;
        auto admin = server.cluster().connect("postgres");
        admin.exec("create database shop");
        admin.exec("create database billing");
        admin.exec("create database plain");   // no pg_relay: left alone
        installRelay(server.cluster().connect("shop"), 50);
        installRelay(server.cluster().connect("billing"), 70);

        FleetOptions options;
        options.allDatabases = true;
        options.rediscover = std::chrono::milliseconds(300);
        options.base.conninfo = automv::test::processorConninfo(server.cluster(), "postgres");
        options.base.pollInterval = std::chrono::milliseconds(100);
        options.base.grace = std::chrono::milliseconds(2000);
        CapturedLog log;
        ProcessorFleet fleet(options, LogFormat::Json, log.file);
        int code = -1;
        std::thread runner([&] { code = fleet.run(); });
        const auto stopAndJoin = qScopeGuard([&] {
            fleet.stop();
            if (runner.joinable())
                runner.join();
        });
        QTRY_COMPARE_WITH_TIMEOUT(sunk(server.cluster().connect("shop")), std::string("50"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(sunk(server.cluster().connect("billing")), std::string("70"), 15000);
        auto running = fleet.databases();
        std::sort(running.begin(), running.end());
        QCOMPARE(running, (std::vector<std::string>{"billing", "shop"}));
        // Each database has its own registered processor.
        QCOMPARE(registered(server.cluster().connect("shop")), std::string("1"));
        QCOMPARE(registered(server.cluster().connect("billing")), std::string("1"));

        // A database that gets pg_relay later is found at the next look.
        installRelay(server.cluster().connect("plain"), 30);
        QTRY_COMPARE_WITH_TIMEOUT(sunk(server.cluster().connect("plain")), std::string("30"), 15000);
        // One that loses it is let go (its processor stops and unregisters).
        server.cluster().connect("billing").exec("drop extension pg_relay cascade");
        QTRY_VERIFY_WITH_TIMEOUT(fleet.databases().size() == 2, 15000);
        running = fleet.databases();
        std::sort(running.begin(), running.end());
        QCOMPARE(running, (std::vector<std::string>{"plain", "shop"}));

        fleet.stop();
        runner.join();
        QCOMPARE(code, 0);
        QCOMPARE(registered(server.cluster().connect("shop")), std::string("0"));
        const std::string text = log.text();
        QVERIFY2(text.find("\"database\":\"plain\"") != std::string::npos, text.c_str());
        QVERIFY2(text.find("database found: starting a processor") != std::string::npos, text.c_str());
    }
};

QTEST_GUILESS_MAIN(TestProcessorFleet)
#include "tst_processor_fleet.moc"
