// The Problems page against the harness's server, offscreen: problems grouped by severity with
// their suggested fix; a one-click fix (clean_mv) fixes a disabled watch trigger; a fix that is
// not safe only shows its SQL; a failing refresh shows up and "refresh again" clears it once the
// cause is gone.
#include "tests/harness/TestCluster.h"
#include "ui/problems/ProblemsModel.h"
#include "ui/problems/ProblemsPage.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/session/DatabaseSession.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::ProblemsModel;
using automv::ui::ProblemsPage;

namespace {

QStringList codes(const ProblemsModel &model) {
    QStringList out;
    for (int g = 0; g < model.rowCount(); ++g)
        for (int r = 0; r < model.rowCount(model.index(g, 0)); ++r)
            out << model.problemAt(model.index(r, 0, model.index(g, 0)))->code;
    return out;
}

std::string one(automv::pg::PgConnection &conn, const char *sql) { return std::string(conn.exec(sql).value(0, 0)); }

} // namespace

class TestProblemsPage : public QObject {
    Q_OBJECT
private slots:
    // The count for the navigation ("Problems (N)") stays current while the page is hidden: it
    // updated only while the page was shown (it said 2 while get_mv_problems() returned 4).
    void theCountStaysCurrentWhileThePageIsHidden() {
        ScratchDatabase db("problems_count");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.orders (id int primary key, amount numeric)");
        conn.exec("create materialized view public.daily as select count(*) as n from public.orders");
        conn.exec("create unique index on public.daily (n)");
        conn.exec("select pgauto_mv.register_mv('daily', p_watch_tables => array[pgauto_mv.mv_watch('public.orders')])");
        conn.exec("select pgrelay.register_processor('test', 1, 'test', 1)");   // no "no_processor" problem

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProblemsPage page;   // never shown
        QSignalSpy counted(&page, &ProblemsPage::problemsCounted);
        page.setSession(&session);
        QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), 10000);
        const int before = counted.last().at(0).toInt();
        QCOMPARE(counted.last().at(1).toInt(), 0);   // no errors yet
        conn.exec("alter table public.orders disable trigger user");   // an error: trigger_disabled
        QTRY_VERIFY_WITH_TIMEOUT(counted.last().at(0).toInt() > before, 15000);
        QVERIFY(counted.last().at(1).toInt() >= 1);
        QVERIFY(!page.isVisible());
    }

    void groupsBySeverityAndFixesWhatIsSafe() {
        ScratchDatabase db("problems_page");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.orders (id int primary key, amount numeric)");
        conn.exec("create materialized view public.daily as select count(*) as n from public.orders");
        conn.exec("create unique index on public.daily (n)");
        conn.exec("create materialized view public.no_key as select amount from public.orders");
        conn.exec("select pgauto_mv.register_mv('daily', p_watch_tables => array[pgauto_mv.mv_watch('public.orders')])");
        conn.exec("select pgauto_mv.register_mv('no_key')");
        conn.exec("select pgrelay.register_processor('test', 1, 'test', 1)");   // no "no_processor" problem
        conn.exec("alter table public.orders disable trigger user");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProblemsPage page;
        page.setSession(&session);
        page.resize(1000, 500);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(codes(*page.model()).contains("trigger_disabled"), 15000);
        auto *model = page.model();
        QCOMPARE(model->index(0, 0).data().toString(), QString("Errors (%1)").arg(model->count("error")));
        QVERIFY(model->index(1, 0).data().toString().startsWith("Warnings"));
        QVERIFY(codes(*model).contains("no_unique_index"));

        // Not safe to do for the DBA: only the SQL, to copy.
        QVERIFY(page.selectProblem("no_unique_index"));
        QVERIFY(!page.selectedFix().oneClick);
        QVERIFY(!page.findChild<QPushButton *>("fixButton")->isEnabled());
        QVERIFY(page.findChild<QPlainTextEdit *>("fixSql")->toPlainText().contains("create unique index on public.no_key"));

        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(page.selectProblem("trigger_disabled"));
            QCoreApplication::processEvents();   // the fix button's new label lays out
            QVERIFY(page.grab().save(dir + "/problems-page.png"));
        }

        // One click: clean_mv() enables the trigger again and the problem goes away.
        QVERIFY(page.selectProblem("trigger_disabled"));
        QVERIFY(page.selectedFix().oneClick);
        QVERIFY(page.findChild<QPushButton *>("fixButton")->isEnabled());
        page.fixSelected(false);
        QTRY_VERIFY_WITH_TIMEOUT(!codes(*model).contains("trigger_disabled"), 15000);
        QVERIFY2(page.statusText().contains("Fixed trigger_disabled"), qPrintable(page.statusText()));
        QCOMPARE(one(conn, "select count(*) from pg_trigger where tgrelid = 'public.orders'::regclass"
                           " and not tgisinternal and tgenabled = 'D'"), std::string("0"));
    }

    void aFailingRefreshIsShownAndRefreshedAgainOnceFixed() {
        ScratchDatabase db("problems_failure");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.t (x int)");
        conn.exec("insert into public.t values (1)");
        conn.exec("create materialized view public.ratio as select 100 / x as q from public.t");
        conn.exec("create unique index on public.ratio (q)");
        conn.exec("select pgauto_mv.register_mv('ratio')");   // refreshed only on request
        conn.exec("insert into public.t values (0)");

        automv::ui::EmbeddedProcessor processor;
        QString error;
        QVERIFY2(processor.start(QString::fromStdString(db.conninfo()), 1, 0.2, &error), qPrintable(error));
        conn.exec("select pgauto_mv.refresh_materialised_view_now('ratio')");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        ProblemsPage page;
        page.setSession(&session);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(codes(*page.model()).contains("recent_failures"), 20000);
        QVERIFY(page.selectProblem("recent_failures"));
        QVERIFY2(page.findChild<QPlainTextEdit *>("fixSql")->toPlainText().contains("refresh_log"), "the SQL to look");

        conn.exec("delete from public.t where x = 0");   // the cause, fixed by the DBA
        QVERIFY(page.selectedFix().oneClick);
        page.fixSelected(false);                         // "Refresh again now"
        QTRY_VERIFY_WITH_TIMEOUT(!codes(*page.model()).contains("recent_failures"), 20000);
        QCOMPARE(one(conn, "select outcome || '/' || source from pgauto_mv.refresh_log where kind = 'refresh'"
                           " order by id desc limit 1"),
                 std::string("succeeded/manual"));
    }
};

QTEST_MAIN(TestProblemsPage)
#include "tst_problemspage.moc"
