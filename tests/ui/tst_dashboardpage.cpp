// The dashboard against the harness's server, offscreen: each chart is drawn from the logs
// (durations per view, refreshes per hour by outcome, events per minute) and the queue depth
// is sampled; it reads only while visible.
#include "tests/harness/TestCluster.h"
#include "ui/dashboard/ChartHelpers.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/session/DatabaseSession.h"

#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QPalette>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DashboardPage;
using automv::ui::DatabaseSession;

namespace {

int points(QChart *chart) {
    int n = 0;
    for (auto *series : chart->series())
        if (auto *line = qobject_cast<QLineSeries *>(series))
            n += int(line->count());
    return n;
}

double barTotal(QChart *chart, const QString &outcome) {
    double total = 0;
    for (auto *series : chart->series())
        if (auto *bars = qobject_cast<QStackedBarSeries *>(series))
            for (auto *set : bars->barSets())
                if (set->label() == outcome)
                    for (int i = 0; i < set->count(); ++i)
                        total += set->at(i);
    return total;
}

} // namespace

class TestDashboardPage : public QObject {
    Q_OBJECT
private slots:
    // A time axis over a few samples never repeats a label (the queue chart's first sample
    // showed "13:41:56" on five ticks).
    void timeAxisLabelsNeverRepeat() {
        QChart chart;
        auto *line = new QLineSeries;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        line->append(double(now), 4);
        line->append(double(now + 300), 5);
        chart.addSeries(line);
        automv::ui::attachTimeAxes(&chart, "events");
        auto *axis = qobject_cast<QDateTimeAxis *>(chart.axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QStringList labels;
        const qint64 from = axis->min().toMSecsSinceEpoch(), to = axis->max().toMSecsSinceEpoch();
        for (int i = 0; i < axis->tickCount(); ++i)
            labels << QDateTime::fromMSecsSinceEpoch(from + (to - from) * i / (axis->tickCount() - 1)).toString(axis->format());
        labels.removeDuplicates();
        QCOMPARE(labels.size(), axis->tickCount());
    }

    void chartsFollowTheLogs() {
        ScratchDatabase db("dashboard");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("insert into pgauto_mv.refresh_log (at, mv, kind, outcome, source, mode, duration_ms)"
                  " select now() - g * interval '5 min', 'public.v' || (g % 3), 'refresh',"
                  "        case when g % 10 = 0 then 'failed' else 'succeeded' end, 'watch', 'concurrently', 10 + g"
                  "   from generate_series(1, 100) g");
        conn.exec("insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms)"
                  " select g, 'c', 'succeeded', 1, now() - g * interval '10 s', 1 from generate_series(1, 300) g");
        // Per channel, now (pgrelay.queue_metrics()): two due, one in an hour, one dead letter.
        conn.exec("select pgrelay.create_channel('jobs.mail', 'select 1')");
        conn.exec("select pgrelay.notify('jobs.mail'), pgrelay.notify('jobs.mail'),"
                  " pgrelay.notify('jobs.mail', null, now() + interval '1 hour')");
        conn.exec("insert into pgrelay.failed (id, channel, enqueued_at, run_at, attempts, sqlstate)"
                  " values (-1, 'jobs.mail', now(), now(), 4, '40P01')");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        DashboardPage page;
        page.setSession(&session);
        // Hidden: nothing read. The session answers in order, so once a query sent now is
        // answered, anything the page had asked for would have been answered too.
        QSignalSpy answered(&session, &DatabaseSession::queryFinished);
        session.query("barrier", "select 1");
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty() && answered.last().at(0).toString() == "barrier", 10000);
        QCOMPARE(answered.size(), 1);   // the page asked nothing
        QCOMPARE(points(page.durationsChart()), 0);
        page.resize(1200, 800);
        page.show();
        // The last 24 hours: 100 refreshes every 5 min reach back 8 h 20 min; 10 of them failed.
        QTRY_COMPARE_WITH_TIMEOUT(points(page.durationsChart()), 90, 15000);
        QCOMPARE(page.durationsChart()->series().size(), 3);   // one line per view
        // The views' names have a column of their own, and a cut one shows whole on hover.
        QCOMPARE(page.durationsChart()->legend()->alignment(), Qt::AlignRight);
        QVERIFY(page.durationsChart()->legend()->showToolTips());
        QTRY_COMPARE_WITH_TIMEOUT(barTotal(page.outcomesChart(), "failed"), 10.0, 15000);
        QCOMPARE(barTotal(page.outcomesChart(), "succeeded"), 90.0);
        QTRY_VERIFY_WITH_TIMEOUT(points(page.eventsChart()) >= 50, 15000);   // 300 events over 50 minutes
        QTRY_VERIFY_WITH_TIMEOUT(points(page.queueChart()) >= 1, 15000);
        QTableWidget *channels = page.channelsTable();
        QTRY_VERIFY_WITH_TIMEOUT(channels->rowCount() >= 1 && channels->item(0, 0)->text() == "jobs.mail", 15000);
        QCOMPARE(channels->item(0, 1)->text(), QString("2"));   // due
        QCOMPARE(channels->item(0, 2)->text(), QString("1"));   // future
        QCOMPARE(channels->item(0, 4)->text(), QString("1"));   // dead letters
        QVERIFY(!channels->item(0, 5)->text().isEmpty());       // the oldest due one's wait
        QVERIFY2(page.statusText().startsWith("Updated at"), qPrintable(page.statusText()));
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(page.grab().save(dir + "/dashboard.png"));

        // Dark mode: the charts follow the palette.
        QCOMPARE(page.durationsChart()->theme(), QChart::ChartThemeLight);
        QPalette dark = page.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::WindowText, Qt::white);
        page.setPalette(dark);
        QTRY_COMPARE(page.durationsChart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(page.queueChart()->theme(), QChart::ChartThemeDark);
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
