// The Log page against a 1,000,000-row log: what each of its statements costs on the server
// (keyset pages, tail, filters) beside what OFFSET paging and a full count would cost, and what
// the page itself costs end to end (first page, paging back, a live tail tick) and on the UI
// thread with 200,000 rows loaded. Run by bench/log_page_bench.sh, which makes the rows.
// Usage: log_page_bench CONNINFO
#include "core/pg/PgConnection.h"
#include "ui/log/LogModel.h"
#include "ui/log/LogPage.h"
#include "ui/log/LogQuery.h"
#include "ui/session/DatabaseSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace automv;
using ui::LogFilter;
using ui::LogOrigin;
using ui::LogQuery;

namespace {

double medianMs(int runs, const std::function<void()> &work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void runStatement(pg::PgConnection &conn, const ui::LogStatement &s) {
    std::vector<pg::Param> params;
    for (const QVariant &p : s.params)
        params.emplace_back(p.toString().toStdString());
    conn.exec(s.sql.toStdString(), params);
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void line(const char *what, double ms, const char *baseline = nullptr, double baselineMs = 0) {
    if (baseline)
        std::printf("  %-52s %9.2f ms   | %-34s %9.2f ms\n", what, ms, baseline, baselineMs);
    else
        std::printf("  %-52s %9.2f ms\n", what, ms);
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: log_page_bench CONNINFO\n");
        return 2;
    }
    const std::string conninfo = argv[1];
    auto conn = pg::PgConnection::connect(conninfo);
    const auto relayRows = std::string(conn.exec("select count(*) from pgrelay.log").value(0, 0));
    const auto refreshRows = std::string(conn.exec("select count(*) from pgauto_mv.refresh_log").value(0, 0));
    const qint64 maxId = std::stoll(std::string(conn.exec("select max(id) from pgrelay.log").value(0, 0)));
    std::printf("== Log page against pgrelay.log %s rows, pgauto_mv.refresh_log %s rows (median of 9 runs)\n",
                relayRows.c_str(), refreshRows.c_str());

    std::printf("1. server: the page's statements (keyset)              | the same without keyset (baseline)\n");
    const LogFilter all;
    const double newest = medianMs(9, [&] {
        runStatement(conn, LogQuery::newest(LogOrigin::Relay, all, 500));
        runStatement(conn, LogQuery::newest(LogOrigin::Refresh, all, 500));
    });
    const double countAll = medianMs(9, [&] { conn.exec("select count(*) from pgrelay.log"); });
    line("newest 500 of each log", newest, "count(*) of pgrelay.log", countAll);
    const double deep = medianMs(9, [&] { runStatement(conn, LogQuery::before(LogOrigin::Relay, all, maxId / 2, 500)); });
    const double offset = medianMs(9, [&] {
        conn.exec("select * from pgrelay.log order by id desc offset " + std::to_string(maxId / 2) + " limit 500");
    });
    line("500 rows half-way back (id < max/2)", deep, "OFFSET max/2 LIMIT 500", offset);
    const double tail = medianMs(9, [&] { runStatement(conn, LogQuery::after(LogOrigin::Relay, all, maxId, 2000)); });
    line("live tail, nothing new", tail);
    LogFilter failed;
    failed.outcome = QStringLiteral("failed");
    line("outcome = failed (1 % of rows), newest 500",
         medianMs(9, [&] { runStatement(conn, LogQuery::newest(LogOrigin::Relay, failed, 500)); }));
    LogFilter channel;
    channel.channel = QStringLiteral("channel_7");
    line("one channel of 50, newest 500",
         medianMs(9, [&] { runStatement(conn, LogQuery::newest(LogOrigin::Relay, channel, 500)); }));
    LogFilter view;
    view.view = QStringLiteral("public.v3");
    view.relay = false;
    line("one view of 20 (refresh log), newest 500",
         medianMs(9, [&] { runStatement(conn, LogQuery::newest(LogOrigin::Refresh, view, 500)); }));
    LogFilter hour;
    hour.from = QDateTime::currentDateTime().addSecs(-3600);
    line("last hour, newest 500 of each",
         medianMs(9, [&] {
             runStatement(conn, LogQuery::newest(LogOrigin::Relay, hour, 500));
             runStatement(conn, LogQuery::newest(LogOrigin::Refresh, hour, 500));
         }));

    std::printf("2. the page end to end (session thread + UI thread)\n");
    ui::DatabaseSession session;
    session.open(QString::fromStdString(conninfo));
    ui::LogPage page;
    QElapsedTimer timer;
    timer.start();
    page.setSession(&session);
    page.resize(1400, 800);
    page.show();
    if (!waitFor([&] { return page.model()->rowCount() >= 1000; }))
        return 1;
    line("connect, probe, first 1,000 rows shown", double(timer.nsecsElapsed()) / 1e6);
    timer.restart();
    for (int i = 0; i < 20; ++i) {
        const int before = page.model()->rowCount();
        page.loadOlder();
        if (!waitFor([&] { return page.model()->rowCount() >= before + 1000; }))
            return 1;
    }
    line("20 pages back (20,000 rows), per page of 1,000", double(timer.nsecsElapsed()) / 1e6 / 20);
    conn.exec("insert into pgrelay.log (event_id, channel, outcome, attempt, started_at, duration_ms)"
              " select g, 'late', 'succeeded', 1, now(), 1 from generate_series(1, 1000) g");
    timer.restart();
    const int before = page.model()->rowCount();
    page.tail();
    if (!waitFor([&] { return page.model()->rowCount() >= before + 1000; }))
        return 1;
    line("live tail tick bringing 1,000 new rows", double(timer.nsecsElapsed()) / 1e6);

    std::printf("3. UI thread with %d rows loaded (the model's cap), sorted by time\n", ui::LogModel::maxRows());
    ui::LogModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Qt::UserRole);
    proxy.setDynamicSortFilter(true);   // as the page: rows come sorted, the proxy sorts only on a click
    auto synthetic = [](qint64 firstId, int n, qint64 firstMs) {
        ui::QueryResult r;
        r.columns = LogQuery::columns();
        for (int i = 0; i < n; ++i)
            r.rows.append({QStringLiteral("relay"), firstId + i, firstMs + i, QStringLiteral("channel_1"), QStringLiteral("event"),
                           QStringLiteral("succeeded"), QVariant(), QVariant(), 1.5, 1, QVariant(), QVariant(), firstId + i});
        return r;
    };
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 10'000'000;
    timer.restart();
    for (int page500 = 0; page500 < ui::LogModel::maxRows() / 500; ++page500)
        model.addOlder(LogOrigin::Relay, synthetic(1'000'000 - (page500 + 1) * 500, 500, t0 + 500 * page500), 500);
    line("load 200,000 rows in pages of 500, per page", double(timer.nsecsElapsed()) / 1e6 / (ui::LogModel::maxRows() / 500));
    qint64 tailId = 2'000'000, tailMs = t0 + 20'000'000;
    line("a tail of 2,000 rows into the full model (oldest let go)", medianMs(9, [&] {
             model.addNewer(LogOrigin::Relay, synthetic(tailId, 2000, tailMs));
             tailId += 2000;
             tailMs += 2000;
         }));
    line("the user sorts 200,000 rows by duration (a header click)",
         medianMs(3, [&] { proxy.sort(ui::LogModel::Duration, Qt::DescendingOrder); proxy.sort(-1); }));
    std::printf("   rows kept: %d (cap %d)\n", model.rowCount(), ui::LogModel::maxRows());
    return 0;
}
