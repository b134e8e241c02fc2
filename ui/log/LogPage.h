#pragma once

#include "ui/log/LogQuery.h"

#include "ui/common/SessionPage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace automv::ui {

class DatabaseSession;
class LogModel;
struct QueryResult;

/// pg_relay's audit log and pg_auto_mv's refresh log, together or apart: filters (time range,
/// channel, view, outcome, source), keyset paging back by id, a live tail that reads only rows
/// newer than it has, CSV export; and the failed events (dead letters) with requeue. Reads
/// only while visible.
class LogPage : public SessionPage {
    Q_OBJECT
public:
    explicit LogPage(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    /// The rows as shown (filtered, newest first).
    QSortFilterProxyModel *shownRows() const { return m_proxy; }
    QString statusText() const;
    LogFilter filter() const;
    void setFilter(const LogFilter &filter);
    /// Failed events listed on the "Failed events" tab (event ids, newest first).
    QList<qint64> failedEvents() const;
    QString csv() const;

public slots:
    /// Starts again from the newest rows with the filter as the controls say.
    void applyFilter();
    /// Reads again from the newest rows (as applyFilter() with the filter shown).
    void reload() override { applyFilter(); }
    void loadOlder();
    void tail();
    void reloadFailed();
    /// Puts a failed event back in the queue (pgrelay.requeue_failed).
    void requeue(qint64 eventId);
    /// Every failed event of the channel and SQLSTATE (or class) chosen on the Failed tab, both
    /// optional: back to the queue (requeue_failed_events), or deleted (discard_failed_events,
    /// which needs at least one of them: "all" is never one click).
    void setFailedMatch(const QString &channel, const QString &sqlstate);
    void requeueMatching();
    void discardMatching();
    void exportCsv();

private:
    void sessionChanged() override;
    void shown() override;
    void polled() override { tail(); }
    QWidget *buildFilterBar();
    QWidget *buildFailedTab();
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    void run(const QString &kind, LogOrigin origin, const LogStatement &statement);
    void updateStatus();
    void showFailedRow(int row);

    LogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTabWidget *m_tabs;
    QTableView *m_table;
    QComboBox *m_logs;
    QCheckBox *m_fromOn, *m_toOn;
    QDateTimeEdit *m_from, *m_to;
    QComboBox *m_channel, *m_view, *m_outcome, *m_source;
    QCheckBox *m_live;
    QPushButton *m_olderButton;
    QLabel *m_status;
    QTableWidget *m_failed;
    QLineEdit *m_failedChannel = nullptr;
    QLineEdit *m_failedState = nullptr;
    QPlainTextEdit *m_failedDetail;
    LogFilter m_filter;
    int m_generation = 0;      ///< bumped by applyFilter(); answers of older generations are dropped
    int m_inFlight = 0;        ///< pages and tails not yet answered
    bool m_installedRelay = false, m_installedRefresh = false, m_probed = false;
    QString m_lastError;
};

} // namespace automv::ui
