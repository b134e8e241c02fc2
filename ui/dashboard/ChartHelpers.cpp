#include "ui/dashboard/ChartHelpers.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <limits>

namespace automv::ui {

namespace {
constexpr double kMinSpanMs = 60'000;
} // namespace

void resetChart(QChart *chart) {
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void attachTimeAxes(QChart *chart, const QString &valueTitle) {
    double minX = std::numeric_limits<double>::max(), maxX = std::numeric_limits<double>::lowest(), maxY = 0;
    for (QAbstractSeries *s : chart->series())
        if (auto *line = qobject_cast<QLineSeries *>(s))
            for (const QPointF &p : line->points()) {
                minX = std::min(minX, p.x());
                maxX = std::max(maxX, p.x());
                maxY = std::max(maxY, p.y());
            }
    auto *time = new QDateTimeAxis;   // QDateTime in local time: the axis shows the user's clock
    const double span = maxX - minX;
    time->setFormat(span < 3600.0 * 1000   ? QStringLiteral("HH:mm:ss")
                    : span < 24.0 * 3600 * 1000 ? QStringLiteral("HH:mm")
                                                : QStringLiteral("dd MMM HH:mm"));
    constexpr int kTicks = 6;
    if (minX <= maxX) {
        double from = minX - std::max(1000.0, (maxX - minX) * 0.02);
        double to = maxX + std::max(1000.0, (maxX - minX) * 0.02);
        // At least a minute across, so the ticks (12 s apart at the least) never repeat a label
        // (one sample showed "13:41:56" five times).
        if (to - from < kMinSpanMs) {
            const double middle = (from + to) / 2;
            from = middle - kMinSpanMs / 2;
            to = middle + kMinSpanMs / 2;
        }
        time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)), QDateTime::fromMSecsSinceEpoch(qint64(to)));
    }
    time->setTickCount(kTicks);
    auto *values = new QValueAxis;
    values->setRange(0, maxY > 0 ? maxY * 1.1 : 1);
    values->applyNiceNumbers();   // ticks on round values (0, 0.05, 0.1 …) rather than 0.0275 steps
    values->setTitleText(valueTitle);
    values->setLabelFormat(maxY >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%g"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(time);
        s->attachAxis(values);
    }
}

QColor outcomeColour(const QString &outcome) {
    if (outcome == QLatin1String("failed"))
        return QColor(0xc0, 0x1c, 0x28);
    if (outcome == QLatin1String("deferred"))
        return QColor(0xe5, 0xa5, 0x0a);
    return QColor(0x2e, 0x8b, 0x57);
}

} // namespace automv::ui
