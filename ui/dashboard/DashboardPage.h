#pragma once

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QComboBox;
class QTimer;

namespace automv::ui {

class DatabaseSession;
struct QueryResult;

/// Charts of what the processor and the views did: refresh durations over time per view,
/// refreshes per hour by outcome, events processed per minute, and the queue depth sampled
/// live. Time axes in local time; the dark chart theme under a dark palette. Reads only while
/// visible (every 5 s).
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);

    /// The session to read from (not owned); nullptr when disconnected.
    void setSession(DatabaseSession *session);
    QChart *durationsChart() const { return m_durations; }
    QChart *outcomesChart() const { return m_outcomes; }
    QChart *eventsChart() const { return m_events; }
    QChart *queueChart() const { return m_queue; }
    QString statusText() const;

public slots:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onResult(const QString &tag, const QueryResult &result);
    void onError(const QString &tag, const QString &message);
    void showDurations(const QueryResult &result);
    void showOutcomes(const QueryResult &result);
    void showEvents(const QueryResult &result);
    void addQueueSample(const QueryResult &result);
    void applyTheme();

    DatabaseSession *m_session = nullptr;
    QComboBox *m_range;
    QChart *m_durations, *m_outcomes, *m_events, *m_queue;
    QList<QChartView *> m_views;
    QLabel *m_status;
    QTimer *m_timer;
    QList<QPointF> m_queueSamples;   ///< (ms since epoch, depth), the last 10 minutes
    bool m_probed = false, m_hasRelay = false, m_hasAutoMv = false;
    int m_pending = 0;
};

} // namespace automv::ui
