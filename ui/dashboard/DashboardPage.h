#pragma once

#include <QDateTime>
#include <QList>
#include <QPointF>
#include "ui/common/SessionPage.h"

class QChart;
class QChartView;
class QLabel;
class QTableWidget;
class QComboBox;
class QTimer;

namespace automv::ui {

class DatabaseSession;
struct QueryResult;

/// Charts of what the processor and the views did: refresh durations over time per view,
/// refreshes per hour by outcome, events processed per minute, and the queue depth sampled
/// live. Time axes in local time; the dark chart theme under a dark palette. Reads only while
/// visible (every 5 s).
class DashboardPage : public SessionPage {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);

    QChart *durationsChart() const { return m_durations; }
    QChart *outcomesChart() const { return m_outcomes; }
    QChart *eventsChart() const { return m_events; }
    QChart *queueChart() const { return m_queue; }
    /// pgrelay.queue_metrics(): one row per channel.
    QTableWidget *channelsTable() const { return m_channels; }
    QString statusText() const;

public slots:
    void reload() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void sessionChanged() override;
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    void showDurations(const QueryResult &result);
    void showOutcomes(const QueryResult &result);
    void showEvents(const QueryResult &result);
    void addQueueSample(const QueryResult &result);
    void showChannels(const QueryResult &result);
    void applyTheme();

    QComboBox *m_range;
    QChart *m_durations, *m_outcomes, *m_events, *m_queue;
    QList<QChartView *> m_views;
    QLabel *m_status;
    QTableWidget *m_channels;
    QList<QPointF> m_queueSamples;   ///< (ms since epoch, depth), the last 10 minutes
    bool m_probed = false, m_hasRelay = false, m_hasAutoMv = false;
    int m_pending = 0;
};

} // namespace automv::ui
