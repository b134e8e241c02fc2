// The embedded processor page against the harness's server, offscreen: start runs the real
// engine in-process on the database, counters count, the registry lists it, stop returns
// without blocking the UI thread and unregisters it.
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

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
