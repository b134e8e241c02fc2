#include "ui/dashboard/DashboardPage.h"

#include "ui/common/Humane.h"

#include "ui/dashboard/ChartHelpers.h"
#include "ui/session/DatabaseSession.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QLineSeries>
#include <QMap>
#include <QStackedBarSeries>
#include <QTime>
#include <QValueAxis>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
const QString kProbeTag = QStringLiteral("dashboard.probe");
const QString kDurationsTag = QStringLiteral("dashboard.durations");
const QString kOutcomesTag = QStringLiteral("dashboard.outcomes");
const QString kEventsTag = QStringLiteral("dashboard.events");
const QString kQueueTag = QStringLiteral("dashboard.queue");
const QString kChannelsTag = QStringLiteral("dashboard.channels");
constexpr qint64 kQueueWindowMs = 10 * 60 * 1000;
} // namespace

DashboardPage::DashboardPage(QWidget *parent)
    : SessionPage(5000, parent), m_range(new QComboBox), m_durations(new QChart), m_outcomes(new QChart), m_events(new QChart),
      m_queue(new QChart), m_status(new QLabel(tr("Not connected."))), m_channels(new QTableWidget) {
    setObjectName(QStringLiteral("dashboardPage"));
    m_range->addItem(tr("Last hour"), QStringLiteral("1 hour"));
    m_range->addItem(tr("Last 6 hours"), QStringLiteral("6 hours"));
    m_range->addItem(tr("Last 24 hours"), QStringLiteral("24 hours"));
    m_range->addItem(tr("Last 7 days"), QStringLiteral("7 days"));
    m_range->setCurrentIndex(2);
    connect(m_range, &QComboBox::currentIndexChanged, this, &DashboardPage::reload);
    m_durations->setTitle(tr("Refresh duration per view (ms)"));
    m_outcomes->setTitle(tr("Refreshes per hour by outcome"));
    m_events->setTitle(tr("pg_relay events processed per second (average of each minute)"));
    m_queue->setTitle(tr("Queue depth (sampled every 5 s while shown)"));
    auto *grid = new QGridLayout;
    int i = 0;
    for (QChart *chart : {m_durations, m_outcomes, m_events, m_queue}) {
        // One line per view: the names get a column of their own on the right (at the bottom
        // they were cut to "public.c…"); a label that is still cut shows whole in a tooltip.
        chart->legend()->setAlignment(chart == m_durations ? Qt::AlignRight : Qt::AlignBottom);
        chart->legend()->setShowToolTips(true);
        auto *view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
        m_views << view;
        grid->addWidget(view, i / 2, i % 2);
        ++i;
    }
    m_channels->setObjectName(QStringLiteral("channelMetrics"));
    m_channels->setColumnCount(9);
    m_channels->setHorizontalHeaderLabels({tr("Channel"), tr("Due"), tr("Future"), tr("Held"), tr("Dead letters"),
                                           tr("Oldest due waits"), tr("Done, last minute"), tr("Done, last hour"),
                                           tr("Failures, last hour")});
    m_channels->horizontalHeaderItem(6)->setToolTip(tr("Attempts that ended (succeeded, retried, failed)"));
    m_channels->horizontalHeaderItem(8)->setToolTip(tr("Attempts that were retried or failed"));
    m_channels->verticalHeader()->hide();
    m_channels->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_channels->setMaximumHeight(180);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Range:")));
    top->addWidget(m_range);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    layout->addWidget(new QLabel(tr("pg_relay channels now (pgrelay.queue_metrics()):")));
    layout->addWidget(m_channels);
    layout->addWidget(m_status);
    applyTheme();
}

QString DashboardPage::statusText() const { return m_status->text(); }

void DashboardPage::reload() {
    if (!session() || m_pending > 0)
        return;   // one round at a time: a slow server never piles them up
    if (!m_probed) {
        m_pending = 1;
        session()->query(kProbeTag, QStringLiteral("select to_regclass('pgrelay.log') is not null,"
                                                   " to_regclass('pgauto_mv.refresh_log') is not null"));
        return;
    }
    const QString range = m_range->currentData().toString();
    if (m_hasAutoMv) {
        // The eight views refreshed most in the range, each refresh's duration.
        session()->query(kDurationsTag,
                         QStringLiteral("with top as (select mv from pgauto_mv.refresh_log where kind = 'refresh' and at > now() - $1::interval"
                                        " group by mv order by count(*) desc limit 8)"
                                        " select l.mv, (extract(epoch from l.at) * 1000)::bigint, l.duration_ms"
                                        "   from pgauto_mv.refresh_log l join top using (mv)"
                                        "  where l.kind = 'refresh' and l.outcome = 'succeeded' and l.at > now() - $1::interval"
                                        "  order by l.at desc limit 5000"),
                         {range});
        session()->query(kOutcomesTag,
                         QStringLiteral("select (extract(epoch from date_trunc('hour', at)) * 1000)::bigint, outcome, count(*)"
                                        "  from pgauto_mv.refresh_log where kind = 'refresh' and at > now() - $1::interval"
                                        " group by 1, 2 order by 1"),
                         {range});
        m_pending += 2;
    }
    if (m_hasRelay) {
        session()->query(kEventsTag,
                         QStringLiteral("select (extract(epoch from date_trunc('minute', started_at)) * 1000)::bigint, count(*)"
                                        "  from pgrelay.log where started_at > now() - least($1::interval, interval '24 hours')"
                                        " group by 1 order by 1"),
                         {range});
        // Capped: a backlog of millions must not make the dashboard slow.
        session()->query(kQueueTag, QStringLiteral("select (extract(epoch from now()) * 1000)::bigint,"
                                                   " (select count(*) from (select 1 from pgrelay.queue limit 1000000) q)"));
        session()->query(kChannelsTag,
                         QStringLiteral("select channel, due, future, held, failed,"
                                        " coalesce(extract(epoch from oldest_due_age), -1),"
                                        " processed_last_minute, processed_last_hour, failures_last_hour"
                                        " from pgrelay.queue_metrics() order by due desc, channel"));
        m_pending += 3;
    }
}

void DashboardPage::onResult(const QString &tag, const QueryResult &result) {
    if (!tag.startsWith(QLatin1String("dashboard.")))
        return;
    m_pending = std::max(0, m_pending - 1);
    if (tag == kProbeTag) {
        m_probed = true;
        m_hasRelay = result.rows.value(0).value(0).toString() == QLatin1String("t");
        m_hasAutoMv = result.rows.value(0).value(1).toString() == QLatin1String("t");
        if (!m_hasRelay && !m_hasAutoMv)
            m_status->setText(tr("Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page."));
        else
            reload();
        return;
    }
    if (tag == kDurationsTag)
        showDurations(result);
    else if (tag == kOutcomesTag)
        showOutcomes(result);
    else if (tag == kEventsTag)
        showEvents(result);
    else if (tag == kQueueTag)
        addQueueSample(result);
    else if (tag == kChannelsTag)
        showChannels(result);
    if (m_pending == 0)
        m_status->setText(tr("Updated at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void DashboardPage::onError(const QString &tag, const QString &message) {
    if (!tag.startsWith(QLatin1String("dashboard.")))
        return;
    m_pending = std::max(0, m_pending - 1);
    if (tag == kChannelsTag) {   // queue_metrics() needs pgrelay_reader; the charts may not
        m_channels->setRowCount(0);
        m_channels->setToolTip(tr("Cannot read pgrelay.queue_metrics(): %1").arg(message.trimmed()));
        return;
    }
    m_status->setText(tr("Cannot read the figures: %1").arg(message.trimmed()));
}

void DashboardPage::showChannels(const QueryResult &result) {
    m_channels->setToolTip(QString());
    m_channels->setRowCount(int(result.rows.size()));
    for (int r = 0; r < result.rows.size(); ++r) {
        const auto &row = result.rows[r];
        for (int c = 0; c < 9; ++c) {
            QString text = row.value(c).toString();
            if (c == 5)   // oldest due age, seconds; -1: nothing due
                text = row.value(c).toDouble() < 0 ? QString() : humaneDuration(row.value(c).toDouble());
            auto *item = new QTableWidgetItem(text);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_channels->setItem(r, c, item);
        }
    }
    m_channels->resizeColumnsToContents();
}

void DashboardPage::showDurations(const QueryResult &result) {
    QMap<QString, QList<QPointF>> perView;
    for (const auto &row : result.rows)
        perView[row.value(0).toString()].prepend(QPointF(row.value(1).toDouble(), row.value(2).toDouble()));
    resetChart(m_durations);
    for (auto it = perView.cbegin(); it != perView.cend(); ++it) {
        auto *series = new QLineSeries;
        series->setName(it.key());
        series->setPointsVisible(it.value().size() < 60);
        series->replace(it.value());
        m_durations->addSeries(series);
    }
    attachTimeAxes(m_durations, tr("ms"));
}

void DashboardPage::showOutcomes(const QueryResult &result) {
    // One bar per hour, stacked by outcome.
    QList<qint64> hours;
    QMap<QString, QMap<qint64, double>> counts;
    for (const auto &row : result.rows) {
        const qint64 hour = row.value(0).toLongLong();
        if (!hours.contains(hour))
            hours << hour;
        counts[row.value(1).toString()][hour] = row.value(2).toDouble();
    }
    resetChart(m_outcomes);
    auto *series = new QStackedBarSeries;
    for (const QString &outcome : {QStringLiteral("succeeded"), QStringLiteral("deferred"), QStringLiteral("failed")}) {
        auto *set = new QBarSet(outcome);
        set->setColor(outcomeColour(outcome));
        for (qint64 hour : hours)
            *set << counts.value(outcome).value(hour);
        series->append(set);
    }
    m_outcomes->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    const bool severalDays = !hours.isEmpty() && hours.last() - hours.first() >= 24LL * 3600 * 1000;
    for (qint64 hour : hours)
        categories->append(QDateTime::fromMSecsSinceEpoch(hour).toLocalTime().toString(
            severalDays ? QStringLiteral("ddd HH'h'") : QStringLiteral("HH'h'")));
    if (hours.size() > 12)
        categories->setLabelsAngle(-90);
    m_outcomes->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%d"));
    m_outcomes->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
}

void DashboardPage::showEvents(const QueryResult &result) {
    QList<QPointF> points;
    for (const auto &row : result.rows)
        points << QPointF(row.value(0).toDouble(), row.value(1).toDouble() / 60.0);
    resetChart(m_events);
    auto *series = new QLineSeries;
    series->setName(tr("events / s"));
    series->replace(points);
    m_events->addSeries(series);
    attachTimeAxes(m_events, tr("events / s"));
}

void DashboardPage::addQueueSample(const QueryResult &result) {
    const double now = result.rows.value(0).value(0).toDouble();
    m_queueSamples << QPointF(now, result.rows.value(0).value(1).toDouble());
    while (!m_queueSamples.isEmpty() && m_queueSamples.first().x() < now - kQueueWindowMs)
        m_queueSamples.removeFirst();
    resetChart(m_queue);
    auto *series = new QLineSeries;
    series->setName(tr("events waiting"));
    series->setPointsVisible(true);
    series->replace(m_queueSamples);
    m_queue->addSeries(series);
    attachTimeAxes(m_queue, tr("events"));
}

void DashboardPage::applyTheme() {
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {m_durations, m_outcomes, m_events, m_queue}) {
        const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (chart->theme() != theme)
            chart->setTheme(theme);
    }
}

void DashboardPage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void DashboardPage::sessionChanged() {
    m_probed = false;
    m_pending = 0;
    m_queueSamples.clear();
    if (!session())
        m_status->setText(tr("Not connected."));
}

} // namespace automv::ui
