// What the processor does when the server refuses a whole batch, against the run's real server:
// it retries with backoff instead of in a busy loop, a failing worker does not hold up the
// others, and server messages reach the log with their values masked.
//
// The failure: a trigger on pgrelay.log (added by this test) casts the payload's "ssn" value to
// integer when process_batch() logs an event of channel t.checked, outside the per-event
// subtransaction, so nothing in process_batch can catch the error: the batch rolls back and its
// events stay queued. (A deferred constraint failing at COMMIT used to do the same; process_batch
// now checks those inside each event's subtransaction.) Backends listed in
// public.broken_backend fail (pid 0: every backend).
#include "core/processor/Processor.h"
#include "tests/core/ProcessorConninfo.h"
#include "tests/core/RunningProcessor.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using automv::processor::LogFormat;
using automv::processor::Processor;
using automv::processor::ProcessorLog;
using automv::processor::ProcessorOptions;
using automv::test::RunningProcessor;
using automv::test::ScratchDatabase;
using namespace std::chrono_literals;

namespace {

constexpr const char *kPayload = R"({"ssn": "123-45-6789 John Doe"})";

std::string scalar(automv::pg::PgConnection &conn, const std::string &sql) {
    return std::string(conn.exec(sql).value(0, 0));
}

// The processor's log lines, kept for the test to read from any thread.
class CapturedLog {
public:
    CapturedLog()
        : m_log(LogFormat::Json, [this](auto, const std::string &line) {
            std::lock_guard lock(m_mutex);
            m_lines.push_back(line);
        }) {}
    ProcessorLog &log() { return m_log; }
    std::vector<std::string> lines() const {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }
    /// Lines containing `text`.
    std::vector<std::string> matching(const std::string &text) const {
        std::vector<std::string> found;
        for (const auto &line : lines())
            if (line.find(text) != std::string::npos)
                found.push_back(line);
        return found;
    }
    int batchFailures() const { return static_cast<int>(matching("\"batch failed").size()); }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
    ProcessorLog m_log;
};

} // namespace

class TestProcessorFailures : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction());
        auto conn = m_db->connect();
        conn.exec("create extension pg_relay");
        conn.exec("create table public.broken_backend (pid integer)");
        conn.exec("create table public.checked (v jsonb)");
        conn.exec(R"(create function public.break_batch() returns trigger language plpgsql
                     set search_path = pg_catalog, pg_temp as $$
                     begin
                         if new.channel = 't.checked' and exists (select from public.broken_backend b
                                                                   where b.pid in (0, pg_backend_pid())) then
                             perform '123-45-6789 John Doe'::integer;
                         end if;
                         return new;
                     end $$)");
        conn.exec("create trigger break_batch before insert on pgrelay.log for each row"
                  " execute function public.break_batch()");
        conn.exec("grant insert on public.checked to pgrelay");
        conn.exec("grant select on public.broken_backend to pgrelay");
        conn.exec(
            "select pgrelay.create_channel('t.checked', 'insert into public.checked values ($1)')");
    }
    void cleanup() { m_db.reset(); }

    void aBatchThatAlwaysFailsIsRetriedWithBackoffNotInABusyLoop() {
        auto conn = m_db->connect();
        conn.exec("insert into public.broken_backend values (0)");
        conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
        CapturedLog captured;
        auto opts = options(1);
        opts.pollInterval = 20ms; // an eager poller: only the backoff keeps it from spinning
        RunningProcessor running(opts, captured.log());

        QTRY_VERIFY_WITH_TIMEOUT(captured.batchFailures() >= 1, 10000);
        QTest::qWait(3000); // the measurement: failed attempts in three seconds
        const int inThreeSeconds = captured.batchFailures();
        qInfo("failed batch attempts in 3 s: %d", inThreeSeconds);
        // Attempts at 0, 0.1, 0.3, 0.7 and 1.5 s (the next at 3.1 s), give or take scheduling.
        QVERIFY2(inThreeSeconds >= 3 && inThreeSeconds <= 6,
                 std::to_string(inThreeSeconds).c_str());

        const auto failures = captured.matching("\"batch failed");
        const char *expected[] = {"100", "200", "400"};
        for (int i = 0; i < 3; ++i)
            QVERIFY2(failures[static_cast<size_t>(i)].find(std::string("\"retry_in_ms\":\"") +
                                                           expected[i] + "\"") != std::string::npos,
                     failures[static_cast<size_t>(i)].c_str());

        // The event is neither lost nor moved to failed: it waits for the cause to go away.
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.queue where channel = 't.checked'"),
                 std::string("1"));
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.failed"), std::string("0"));

        // A stop ends the run at once, also while the worker waits out a backoff of 3.2 s.
        QTRY_VERIFY_WITH_TIMEOUT(!captured.matching("\"retry_in_ms\":\"3200\"").empty(), 10000);
        const auto stopAsked = std::chrono::steady_clock::now();
        QCOMPARE(running.finish(), 0);
        const auto stopTook = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - stopAsked);
        qInfo("stopped %lld ms after stop() while backing off",
              static_cast<long long>(stopTook.count()));
        QVERIFY2(stopTook < 1000ms, std::to_string(stopTook.count()).c_str());
    }

    void processingResumesAndTheBackoffStartsOverOnceTheCauseIsGone() {
        auto conn = m_db->connect();
        conn.exec("insert into public.broken_backend values (0)");
        conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
        CapturedLog captured;
        RunningProcessor running(options(1), captured.log());
        QTRY_VERIFY_WITH_TIMEOUT(captured.batchFailures() >= 3, 10000);

        conn.exec("delete from public.broken_backend"); // fixed: the next attempt succeeds
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.checked"),
                                  std::string("1"), 15000);

        // Broken again: the first failure after a success waits the first delay again.
        const int before = captured.batchFailures();
        conn.exec("insert into public.broken_backend values (0)");
        conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
        QTRY_VERIFY_WITH_TIMEOUT(captured.batchFailures() > before, 10000);
        const auto again = captured.matching("\"batch failed")[static_cast<size_t>(before)];
        QVERIFY2(again.find("\"retry_in_ms\":\"100\"") != std::string::npos, again.c_str());
        QCOMPARE(running.finish(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where channel = 't.checked'"),
                 std::string("1"));
    }

    void aWorkerThatKeepsFailingDoesNotHoldUpTheOthers() {
        auto conn = m_db->connect();
        CapturedLog captured;
        RunningProcessor running(options(2), captured.log());
        // Both workers connect in the first round; then one of them (its backend) breaks.
        conn.exec("select pgrelay.notify('t.checked', '{}')");
        const std::string workers =
            "select count(*) from pg_stat_activity where datname = current_database()"
            " and application_name = 'pgrelay-processor worker'";
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, workers), std::string("2"), 10000);
        conn.exec(
            "insert into public.broken_backend select pid from pg_stat_activity"
            " where datname = current_database() and application_name = 'pgrelay-processor worker'"
            " order by pid limit 1");

        // Events one at a time: the broken worker fails whenever it wins the claim, so its
        // backoff grows; the healthy one processes every event.
        int sent = 1;
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (captured.matching("\"retry_in_ms\":\"3200\"").empty()) {
            QVERIFY2(std::chrono::steady_clock::now() < deadline,
                     "the broken worker never backed off to 3.2 s");
            conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
            ++sent;
            QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.checked"),
                                      std::to_string(sent), 15000);
        }
        // The broken worker now waits 3.2 s; an event sent now is the healthy one's at once.
        const auto sentAt = std::chrono::steady_clock::now();
        conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
        ++sent;
        QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, "select count(*) from public.checked"),
                                  std::to_string(sent), 10000);
        const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - sentAt);
        qInfo("%d events, %d failed batches; the last event took %lld ms", sent,
              captured.batchFailures(), static_cast<long long>(latency.count()));
        QVERIFY2(latency < 1500ms, std::to_string(latency.count()).c_str());
        QCOMPARE(running.finish(), 0);
        QCOMPARE(scalar(conn, "select count(*) from pgrelay.log where channel = 't.checked'"),
                 std::to_string(sent));
    }

    void serverMessagesReachTheLogWithTheirValuesMasked() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('t.cast', $$select ($1->>'ssn')::integer$$)");
        conn.exec("select pgrelay.notify('t.cast', $1::jsonb)", {std::string(kPayload)});
        CapturedLog captured;
        auto opts = options(1);
        opts.once = true;
        { // The action fails: one event fails, the batch commits.
            Processor processor(opts, captured.log());
            QCOMPARE(processor.run(), 0);
            QCOMPARE(processor.stats().failed, std::uint64_t(1));
        }
        conn.exec("insert into public.broken_backend values (0)");
        conn.exec("select pgrelay.notify('t.checked', $1::jsonb)", {std::string(kPayload)});
        { // The commit fails: the whole batch fails (--once ends after a round without progress).
            Processor processor(opts, captured.log());
            QCOMPARE(processor.run(), 0);
        }
        const auto masked = std::string(R"(invalid input syntax for type integer: \"?\")");
        QCOMPARE(captured.matching("\"event failed\"").size(), size_t(1));
        QVERIFY(captured.matching("\"event failed\"")[0].find(masked) != std::string::npos);
        QCOMPARE(captured.batchFailures(), 1);
        QVERIFY(captured.matching("\"batch failed")[0].find(masked) != std::string::npos);
        for (const auto &line : captured.lines()) {
            QVERIFY2(line.find("John Doe") == std::string::npos, line.c_str());
            QVERIFY2(line.find("6789") == std::string::npos, line.c_str());
        }
        // pgrelay.failed, which only admins read, keeps the message whole beside the payload.
        QCOMPARE(scalar(conn, "select message from pgrelay.failed"),
                 std::string(R"(invalid input syntax for type integer: "123-45-6789 John Doe")"));
    }

private:
    ProcessorOptions options(int workers) const {
        ProcessorOptions o;
        o.conninfo =
            automv::test::processorConninfo(automv::test::TestCluster::instance(), m_db->name());
        o.workers = workers;
        o.pollInterval = 50ms;
        return o;
    }
    std::unique_ptr<ScratchDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestProcessorFailures)
#include "tst_processor_failures.moc"
