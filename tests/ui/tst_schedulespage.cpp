// The Schedules page against the harness's server, offscreen: the preview shows the next five
// runs as pg_relay computes them (cron with seconds, a time zone) before anything is saved; bad
// rules and zones are refused with the server's message and nothing is created; saving creates
// the schedule; views are attached and detached.
#include "tests/harness/TestCluster.h"
#include "ui/schedules/SchedulesPage.h"
#include "ui/session/DatabaseSession.h"

#include <QDateTime>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::SchedulesPage;

namespace {
std::string one(automv::pg::PgConnection &conn, const char *sql) { return std::string(conn.exec(sql).value(0, 0)); }

qint64 secondsBetween(const QString &a, const QString &b) {
    auto parse = [](const QString &text) {   // "Fri 2026-12-04 02:30:10"
        return QDateTime::fromString(text.section(' ', 1), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    return parse(a).secsTo(parse(b));
}
} // namespace

class TestSchedulesPage : public QObject {
    Q_OBJECT
private slots:
    void previewsSavesAttachesAndRefusesBadRules() {
        ScratchDatabase db("schedules_page");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create materialized view public.daily as select 1 as one");
        conn.exec("select pgauto_mv.register_mv('daily')");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        SchedulesPage page;
        page.setSession(&session);
        page.resize(1100, 600);
        page.show();

        // Nothing saved yet: Drop, Attach and Detach are disabled and say why (they were enabled
        // and acted on nothing).
        auto *drop = page.findChild<QPushButton *>("drop");
        auto *attach = page.findChild<QPushButton *>("attach");
        auto *detach = page.findChild<QPushButton *>("detach");
        QVERIFY(drop && attach && detach);
        QTRY_VERIFY_WITH_TIMEOUT(!page.statusText().contains("Not connected"), 10000);
        QVERIFY(!drop->isEnabled() && !attach->isEnabled() && !detach->isEnabled());
        QVERIFY2(attach->toolTip().contains("Pick a schedule"), qPrintable(attach->toolTip()));

        // Every 10 seconds (cron with seconds): five runs, 10 s apart, nothing written yet.
        page.edit("every-ten", QString(), "*/10 * * * * *", "Europe/Berlin");
        QTRY_COMPARE_WITH_TIMEOUT(page.preview().size(), 5, 10000);
        for (int i = 1; i < 5; ++i)
            QCOMPARE(secondsBetween(page.preview()[i - 1], page.preview()[i]), qint64(10));
        QCOMPARE(one(conn, "select count(*) from pgauto_mv.schedule"), std::string("0"));

        // Bad input: the server's message, nothing created.
        page.edit("bad", QString(), "61 * * * *", "UTC");
        QTRY_VERIFY_WITH_TIMEOUT(!page.previewError().isEmpty(), 10000);
        QVERIFY(page.preview().isEmpty());
        page.edit("bad", QString(), "*/5 * * * *", "Mars/Olympus_Mons");
        QTRY_VERIFY_WITH_TIMEOUT(page.previewError().contains("time zone"), 10000);
        page.edit("bad", "-5 minutes", QString(), "UTC");
        QTRY_VERIFY_WITH_TIMEOUT(page.previewError().contains("longer than zero"), 10000);
        page.edit("Bad Name", "5 minutes", QString(), "UTC");
        page.save();
        QTRY_VERIFY_WITH_TIMEOUT(page.statusText().contains("nothing changed"), 10000);
        QVERIFY2(page.statusText().contains("invalid schedule name"), qPrintable(page.statusText()));
        QCOMPARE(one(conn, "select count(*) from pgauto_mv.schedule"), std::string("0"));

        // Saved, then a view attached and detached.
        page.edit("every-ten", QString(), "*/10 * * * * *", "Europe/Berlin");
        page.save();
        QTRY_VERIFY_WITH_TIMEOUT(page.scheduleNames().contains("every-ten"), 10000);
        QCOMPARE(one(conn, "select cron || ' ' || timezone from pgauto_mv.schedule"), std::string("*/10 * * * * * Europe/Berlin"));
        QTRY_VERIFY_WITH_TIMEOUT(attach->isEnabled() && detach->isEnabled() && drop->isEnabled(), 10000);
        page.edit("not-saved-yet", "5 minutes", QString(), "UTC");
        QVERIFY(!attach->isEnabled() && !drop->isEnabled());
        // Saving another schedule selects it: Drop then asks about the one the editor shows (the
        // list used to keep "every-ten" selected, and Drop asked about that one).
        page.edit("hourly", "1 hour", QString(), "UTC");
        page.save();
        QTRY_VERIFY_WITH_TIMEOUT(page.scheduleNames().contains("hourly"), 10000);
        QCOMPARE(page.selectedName(), QString("hourly"));
        {   // The rule reads "every 1 h" (it said "every 01:00:00").
            auto *table = page.findChild<QTableWidget *>();
            int row = -1;
            for (int r = 0; r < table->rowCount(); ++r)
                if (table->item(r, 0)->text() == "hourly")
                    row = r;
            QVERIFY(row >= 0);
            QCOMPARE(table->item(row, 1)->text(), QString("every 1 h"));
        }
        page.edit("every-ten", QString(), "*/10 * * * * *", "Europe/Berlin");
        page.attach("public.daily");
        QTRY_COMPARE_WITH_TIMEOUT(one(conn, "select count(*) from pgauto_mv.schedule_mv"), std::string("1"), 10000);
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(page.statusText().contains("attached"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(page.preview().size(), 5, 10000);
            QVERIFY(page.grab().save(dir + "/schedules-page.png"));
        }
        page.detach("public.daily");
        QTRY_COMPARE_WITH_TIMEOUT(one(conn, "select count(*) from pgauto_mv.schedule_mv"), std::string("0"), 10000);
    }
};

QTEST_MAIN(TestSchedulesPage)
#include "tst_schedulespage.moc"
