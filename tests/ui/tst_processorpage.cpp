// The embedded processor page against the harness's server, offscreen: start runs the real
// engine in-process on the database, counters count, the registry lists it, stop returns
// without blocking the UI thread and unregisters it.
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"

#include <QElapsedTimer>
#include <QTableWidget>
#include <QTest>

#include <memory>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::ProcessorPage;

class TestProcessorPage : public QObject {
    Q_OBJECT
private slots:
    void startCountStop() {
        ScratchDatabase db("processor_page");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("create table public.sink (v jsonb)");
        conn.exec("grant insert on public.sink to pgrelay");
        conn.exec("select pgrelay.create_channel('t.sink', 'insert into public.sink values ($1)')");
        conn.exec("select pgrelay.notify('t.sink', jsonb_build_object('i', g)) from generate_series(1, 200) g");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProcessorPage page;
        page.show();
        page.setConnection(QString::fromStdString(db.conninfo()), &session);
        page.startOrStop();
        QVERIFY(page.processor()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(page.processor()->stats().succeeded, quint64(200), 10000);
        QCOMPARE(std::string(conn.exec("select count(*) from public.sink").value(0, 0)), std::string("200"));
        QTRY_VERIFY_WITH_TIMEOUT(page.countersText().contains("200 succeeded"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page.attachedProcessors(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(page.queueText().startsWith("Queue: 0 due now"), 5000);
        // The channels table shows each channel's limits.
        conn.exec("select pgrelay.create_channel('t.limited', 'select 1', p_timeout => '90 s', p_max_parallel => 3,"
                  " p_priority => 7)");
        const auto rowOf = [&page](const QString &channel) {
            for (int r = 0; r < page.channelsTable()->rowCount(); ++r)
                if (page.channelsTable()->item(r, 0) && page.channelsTable()->item(r, 0)->text() == channel)
                    return r;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowOf("t.limited") >= 0, 5000);
        const int row = rowOf("t.limited");
        QCOMPARE(page.channelsTable()->item(row, 4)->text(), QString("00:01:30"));
        QCOMPARE(page.channelsTable()->item(row, 5)->text(), QString("3"));
        QCOMPARE(page.channelsTable()->item(row, 6)->text(), QString("7"));
        QCOMPARE(row, 0);   // the highest priority first
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.processorpage
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page.resize(1100, 560);
            QVERIFY(page.grab().save(dir + "/processor-page.png"));
        }

        page.startOrStop();   // stop: asks, returns at once
        QTRY_VERIFY_WITH_TIMEOUT(!page.processor()->isRunning(), 10000);
        QCOMPARE(page.countersText(), QString("Stopped."));
        QCOMPARE(std::string(conn.exec("select count(*) from pgrelay.processor").value(0, 0)), std::string("0"));
    }

    // Stopping during a long action never blocks the UI thread: Stop returns at once and lets
    // the action run out its grace; closing the page cancels it at once, keeping its event.
    void stoppingDuringALongActionNeverBlocksTheUi() {
        ScratchDatabase db("processor_page_stop");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('t.hour', 'select pg_sleep(3600)')");
        conn.exec("select pgrelay.notify('t.hour')");
        const std::string sleeping = "select count(*) from pg_stat_activity where datname = current_database()"
                                     " and wait_event = 'PgSleep'";
        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        auto page = std::make_unique<ProcessorPage>();
        page->setConnection(QString::fromStdString(db.conninfo()), &session);
        page->startOrStop();
        QTRY_COMPARE_WITH_TIMEOUT(std::string(conn.exec(sleeping).value(0, 0)), std::string("1"), 10000);
        QElapsedTimer timer;
        timer.start();
        page->startOrStop();   // stop
        QVERIFY2(timer.elapsed() < 200, "Stop returned at once");
        QVERIFY(page->processor()->isRunning());   // the grace: the action may finish
        timer.restart();
        page.reset();   // closing: cancel now
        qInfo("page closed %lld ms after asking", static_cast<long long>(timer.elapsed()));
        QVERIFY(timer.elapsed() < 5000);
        QTRY_COMPARE_WITH_TIMEOUT(std::string(conn.exec(sleeping).value(0, 0)), std::string("0"), 5000);
        QCOMPARE(std::string(conn.exec("select count(*) from pgrelay.queue where channel = 't.hour'").value(0, 0)),
                 std::string("1"));
        conn.exec("select pgrelay.alter_channel('t.hour', p_active => false)");
    }

    void badOptionsAreRefusedWithAMessage() {
        automv::ui::EmbeddedProcessor processor;
        QString error;
        QVERIFY(!processor.start("dbname=x", 12, 1.0, &error));
        QVERIFY2(!error.isEmpty(), "a message says what is wrong");
        QVERIFY(!processor.isRunning());
    }
};

QTEST_MAIN(TestProcessorPage)
#include "tst_processorpage.moc"
