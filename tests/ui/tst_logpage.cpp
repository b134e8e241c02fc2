// The Log page against the harness's server, offscreen: keyset paging back by id, a live tail
// that reads only new rows, filters, a failed pg_relay event that can be opened and requeued,
// and a failing refresh in pg_auto_mv's log.
#include "tests/harness/TestCluster.h"
#include "ui/log/LogModel.h"
#include "ui/log/LogPage.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/session/DatabaseSession.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QTabWidget>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::LogFilter;
using automv::ui::LogModel;
using automv::ui::LogOrigin;
using automv::ui::LogPage;

namespace {

int count(const LogModel &model, LogOrigin origin) {
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.row(r).origin == origin ? 1 : 0;
    return n;
}

bool noDuplicates(const LogModel &model) {
    QSet<QPair<int, qint64>> seen;
    for (int r = 0; r < model.rowCount(); ++r)
        seen.insert({int(model.row(r).origin), model.row(r).id});
    return seen.size() == model.rowCount();
}

QStringList column(const LogPage &page, int column) {
    QStringList values;
    for (int r = 0; r < page.shownRows()->rowCount(); ++r)
        values << page.shownRows()->index(r, column).data().toString();
    return values;
}

std::string one(automv::pg::PgConnection &conn, const char *sql) { return std::string(conn.exec(sql).value(0, 0)); }

} // namespace

class TestLogPage : public QObject {
    Q_OBJECT
private slots:
    // Ticking From / to starts the range from now, however long the console has been open (it
    // stayed at the start-up hour). Simulated: the edits hold yesterday when ticked.
    void theTimeRangeStartsFromNowWhenTicked() {
        LogPage page;
        auto *fromOn = page.findChild<QCheckBox *>("fromOn");
        auto *toOn = page.findChild<QCheckBox *>("toOn");
        auto *from = page.findChild<QDateTimeEdit *>("from");
        auto *to = page.findChild<QDateTimeEdit *>("to");
        QVERIFY(fromOn && toOn && from && to);
        const QDateTime yesterday = QDateTime::currentDateTime().addDays(-1);
        from->setDateTime(yesterday);
        to->setDateTime(yesterday);
        page.show();
        QTest::mouseClick(fromOn, Qt::LeftButton, {}, QPoint(5, fromOn->height() / 2));
        QTest::mouseClick(toOn, Qt::LeftButton, {}, QPoint(5, toOn->height() / 2));
        QVERIFY(fromOn->isChecked() && toOn->isChecked());
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY2(qAbs(from->dateTime().secsTo(now) - 3600) < 120, qPrintable(from->dateTime().toString()));
        QVERIFY2(qAbs(to->dateTime().secsTo(now)) < 120, qPrintable(to->dateTime().toString()));
    }

    void pagesBackByIdAndTailsOnlyNewRows() {
        ScratchDatabase db("log_page");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms)"
                  " select g, case when g % 2 = 0 then 'even' else 'odd' end,"
                  "        case when g % 100 = 0 then 'failed' else 'succeeded' end, 1,"
                  "        now() - interval '1 hour' + g * interval '1 ms', 1.5 from generate_series(1, 1200) g");
        conn.exec("insert into pgauto_mv.refresh_log (at, mv, kind, outcome, source, mode, duration_ms)"
                  " select now() - interval '30 min' + g * interval '1 ms', 'public.v' || (g % 3), 'refresh',"
                  "        'succeeded', 'watch', 'plain', 2.0 from generate_series(1, 300) g");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        LogPage page;
        page.setSession(&session);
        page.resize(1200, 500);
        page.show();
        auto *model = page.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 800, 15000);   // the newest 500 of pg_relay's, all 300 refreshes
        QCOMPARE(count(*model, LogOrigin::Relay), 500);
        QCOMPARE(model->cursor(LogOrigin::Relay).lowest, qint64(701));
        QVERIFY(model->cursor(LogOrigin::Refresh).exhausted);
        QVERIFY(page.statusText().contains("scroll down for older"));
        // Newest first, as shown.
        QVERIFY(page.shownRows()->index(0, LogModel::At).data(Qt::UserRole).toLongLong()
                >= page.shownRows()->index(1, LogModel::At).data(Qt::UserRole).toLongLong());

        page.loadOlder();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1300, 15000);
        page.loadOlder();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1500, 15000);
        QTRY_VERIFY(page.statusText().contains("all loaded"));
        QVERIFY(noDuplicates(*model));

        // The tail reads what is new, only that.
        conn.exec("insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms)"
                  " select 5000 + g, 'late', 'succeeded', 1, now(), 1 from generate_series(1, 7) g");
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1507, 10000);
        QVERIFY(noDuplicates(*model));
        QCOMPARE(page.shownRows()->index(0, LogModel::Subject).data().toString(), QString("late"));

        // Filters: outcome on both logs; a channel means pg_relay rows only; CSV holds what is shown.
        LogFilter failed;
        failed.outcome = "failed";
        page.setFilter(failed);
        page.applyFilter();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 15000);
        QVERIFY(column(page, LogModel::Outcome).filter("failed").size() == 12);
        LogFilter odd;
        odd.channel = "odd";
        page.setFilter(odd);
        page.applyFilter();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 500, 15000);
        QCOMPARE(count(*model, LogOrigin::Refresh), 0);
        const QStringList subjects = column(page, LogModel::Subject);
        QCOMPARE(QSet<QString>(subjects.begin(), subjects.end()), QSet<QString>{"odd"});
        const QString csv = page.csv();
        QVERIFY(csv.startsWith("Time,Log,Channel / view,"));
        QCOMPARE(csv.count('\n'), 501);
    }

    void aFailedEventIsListedWithItsPayloadAndCanBeRequeued() {
        ScratchDatabase db("log_failed");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('boom', 'select 1 / ($1->>''n'')::int')");
        conn.exec("select pgrelay.notify('boom', '{\"n\": 0, \"marker\": \"payload-7731\"}')");
        {
            automv::ui::EmbeddedProcessor processor;
            QString error;
            QVERIFY2(processor.start(QString::fromStdString(db.conninfo()), 1, 0.2, &error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(one(conn, "select count(*) from pgrelay.failed") == "1", 20000);
        }   // stopped: the requeued event stays in the queue for the check below

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        LogPage page;
        page.setSession(&session);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(column(page, LogModel::Outcome).contains("failed"), 15000);
        QVERIFY(column(page, LogModel::Message).join(' ').contains("division by zero"));
        QVERIFY(!page.csv().contains("payload-7731"));   // the audit log never holds a payload
        page.reloadFailed();
        QTRY_COMPARE_WITH_TIMEOUT(page.failedEvents().size(), 1, 10000);
        const qint64 id = page.failedEvents().first();
        page.requeue(id);
        QTRY_COMPARE_WITH_TIMEOUT(page.failedEvents().size(), 0, 10000);
        QCOMPARE(one(conn, "select count(*) from pgrelay.queue where channel = 'boom'"), std::string("1"));
        QVERIFY2(page.statusText().contains("back in the queue"), qPrintable(page.statusText()));
    }

    // Many failed events at once (issue 17): requeue by SQLSTATE class, discard by channel;
    // discarding with no filter is refused before anything runs.
    void failedEventsAreRequeuedAndDiscardedByFilter() {
        ScratchDatabase db("log_failed_bulk");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('ch.a', 'select 1')");
        conn.exec("select pgrelay.create_channel('ch.b', 'select 1')");
        conn.exec("insert into pgrelay.failed (id, channel, payload, enqueued_at, run_at, attempts, sqlstate, message)"
                  " values (-1, 'ch.a', '{}', now(), now(), 4, '40P01', 'deadlock'),"
                  "        (-2, 'ch.a', '{}', now(), now(), 4, '40001', 'serialization'),"
                  "        (-3, 'ch.b', '{}', now(), now(), 1, '23505', 'duplicate'),"
                  "        (-4, 'ch.b', '{}', now(), now(), 1, 'P0001', 'bug')");
        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        LogPage page;
        page.setSession(&session);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.statusText().contains("loaded"), 15000);
        page.reloadFailed();
        QTRY_COMPARE_WITH_TIMEOUT(page.failedEvents().size(), 4, 10000);

        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.logpage
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page.findChild<QTabWidget *>()->setCurrentIndex(1);
            page.setFailedMatch("ch.b", "");
            page.resize(1000, 520);
            QVERIFY(page.grab().save(dir + "/log-failed-events.png"));
        }
        page.setFailedMatch("", "");
        page.discardMatching();
        QVERIFY2(page.statusText().startsWith("Discard deletes failed events"), qPrintable(page.statusText()));
        QCOMPARE(one(conn, "select count(*) from pgrelay.failed"), std::string("4"));

        page.setFailedMatch("", "40");
        page.requeueMatching();
        QTRY_COMPARE_WITH_TIMEOUT(page.statusText(), QString("2 failed event(s) back in the queue."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page.failedEvents().size(), 2, 10000);
        QCOMPARE(one(conn, "select string_agg(id::text, ',' order by id) from pgrelay.queue where channel = 'ch.a'"), std::string("-2,-1"));

        page.setFailedMatch("ch.b", "");
        page.discardMatching();
        QTRY_COMPARE_WITH_TIMEOUT(page.statusText(), QString("2 failed event(s) discarded."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page.failedEvents().size(), 0, 10000);
        QCOMPARE(one(conn, "select count(*) from pgrelay.failed"), std::string("0"));
    }

    void aFailingRefreshShowsUpForItsView() {
        ScratchDatabase db("log_refresh");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.t (x int)");
        conn.exec("insert into public.t values (0)");
        conn.exec("create materialized view public.ratio as select 100 / x as q from public.t with no data");
        conn.exec("create materialized view public.other as select 1 as one");
        conn.exec("select pgauto_mv.register_mv('ratio')");
        conn.exec("select pgauto_mv.register_mv('other')");
        automv::ui::EmbeddedProcessor processor;
        QString error;
        QVERIFY2(processor.start(QString::fromStdString(db.conninfo()), 1, 0.2, &error), qPrintable(error));
        conn.exec("select pgauto_mv.refresh_materialised_view_now('ratio')");
        conn.exec("select pgauto_mv.refresh_materialised_view_now('other')");
        QTRY_VERIFY_WITH_TIMEOUT(one(conn, "select count(*) from pgauto_mv.refresh_log where kind = 'refresh'") == "2", 20000);

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        LogPage page;
        page.setSession(&session);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(column(page, LogModel::Subject).contains("public.other"), 15000);
        LogFilter ratio;
        ratio.refresh = true;
        ratio.relay = false;
        ratio.view = "public.ratio";
        page.setFilter(ratio);
        page.applyFilter();
        QTRY_VERIFY_WITH_TIMEOUT(column(page, LogModel::Outcome).contains("failed"), 15000);
        QVERIFY(!column(page, LogModel::Subject).contains("public.other"));
        QVERIFY(column(page, LogModel::Message).join(' ').contains("division by zero"));
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page.setFilter({});
            page.applyFilter();
            QTRY_VERIFY_WITH_TIMEOUT(column(page, LogModel::Subject).contains("public.other"), 15000);
            page.resize(1300, 420);
            QVERIFY(page.grab().save(dir + "/log-page.png"));
        }
    }
};

QTEST_MAIN(TestLogPage)
#include "tst_logpage.moc"
