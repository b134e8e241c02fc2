// pg_relay's scheduled jobs on the Processor page (issue 17), against the harness's server,
// offscreen: they are listed with their rule and state; Pause takes the pending run out of the
// queue and shows "paused"; Resume puts the next occurrence back (no backlog); the
// extensions' own schedules are not listed.
#include "ui/processor/ProcessorPage.h"
#include "ui/processor/RelaySchedulesPanel.h"
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"

#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::test::scalar;
using automv::ui::DatabaseSession;
using automv::ui::ProcessorPage;
using automv::ui::RelaySchedulesPanel;

class TestRelaySchedules : public QObject {
    Q_OBJECT
private slots:
    void pausesAndResumes() {
        ScratchDatabase db("relay_schedules");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('jobs.report', 'select 1')");
        conn.exec("select pgrelay.schedule('nightly-report', 'jobs.report', p_cron => '0 2 * * *',"
                  " p_timezone => 'Europe/London')");
        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProcessorPage page;
        page.show();
        page.setConnection(QString::fromStdString(db.conninfo()), &session);
        RelaySchedulesPanel *panel = page.schedulesPanel();
        QTableWidget *table = panel->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);   // the built-in purge job is not listed
        QCOMPARE(table->item(0, 0)->text(), QString("nightly-report"));
        QCOMPARE(table->item(0, 2)->text(), QString("0 2 * * *"));
        QCOMPARE(table->item(0, 3)->text(), QString("Europe/London"));
        QCOMPARE(table->item(0, 6)->text(), QString("active"));
        QVERIFY(!table->item(0, 4)->text().isEmpty());   // next run

        auto *pause = page.findChild<QPushButton *>("pauseSchedule");
        auto *resume = page.findChild<QPushButton *>("resumeSchedule");
        QVERIFY(!pause->isEnabled());   // nothing selected
        table->selectRow(0);
        QVERIFY(pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        pause->click();
        QTRY_COMPARE_WITH_TIMEOUT(panel->statusText(), QString("Schedule nightly-report paused."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 6)->text(), QString("paused"), 10000);
        QCOMPARE(scalar(conn, "select paused::text || ' ' || (select count(*) from pgrelay.queue"
                              " where schedule_name = 'nightly-report') from pgrelay.schedule"
                              " where name = 'nightly-report'"),
                 std::string("true 0"));
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.relayschedules
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page.resize(1100, 700);
            QVERIFY(page.grab().save(dir + "/processor-page-schedules.png"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), 5000);
        resume->click();
        QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 6)->text(), QString("active"), 10000);
        QCOMPARE(scalar(conn, "select paused::text || ' ' || (select count(*) from pgrelay.queue q"
                              " where q.schedule_name = 'nightly-report' and q.run_at > now()) from pgrelay.schedule"
                              " where name = 'nightly-report'"),
                 std::string("false 1"));
        QCOMPARE(panel->statusText(), QString("Schedule nightly-report resumed."));
    }

    void aRefusalIsShown() {
        ScratchDatabase db("relay_schedules_refused");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('jobs.report', 'select 1')");
        conn.exec("select pgrelay.schedule('hourly', 'jobs.report', p_every => '1 hour')");
        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProcessorPage page;
        page.show();
        page.setConnection(QString::fromStdString(db.conninfo()), &session);
        QTableWidget *table = page.schedulesPanel()->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
        table->selectRow(0);
        conn.exec("select pgrelay.unschedule('hourly')");   // gone behind the console's back
        page.findChild<QPushButton *>("pauseSchedule")->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.schedulesPanel()->statusText().startsWith("The server refused this; nothing was changed:"),
                                 10000);
        QVERIFY2(page.schedulesPanel()->statusText().contains("unknown schedule \"hourly\""),
                 qPrintable(page.schedulesPanel()->statusText()));
    }
};

QTEST_MAIN(TestRelaySchedules)
#include "tst_relayschedules.moc"
