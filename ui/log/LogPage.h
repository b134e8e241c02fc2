#pragma once

#include "ui/log/LogQuery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
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
class LogPage : public QWidget {
    Q_OBJECT
public:
    explicit LogPage(QWidget *parent = nullptr);

    /// The session to read from (not owned); nullptr when disconnected.
    void setSession(DatabaseSession *session);
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
    void loadOlder();
    void tail();
    void reloadFailed();
    /// Puts a failed event back in the queue (pgrelay.requeue_failed).
    void requeue(qint64 eventId);
    void exportCsv();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildFilterBar();
    QWidget *buildFailedTab();
    void onResult(const QString &tag, const QueryResult &result);
    void onError(const QString &tag, const QString &message);
    void run(const QString &kind, LogOrigin origin, const LogStatement &statement);
    void updateStatus();
    void showFailedRow(int row);

    DatabaseSession *m_session = nullptr;
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
    QPlainTextEdit *m_failedDetail;
    QTimer *m_timer;
    LogFilter m_filter;
    int m_generation = 0;      ///< bumped by applyFilter(); answers of older generations are dropped
    int m_inFlight = 0;        ///< pages and tails not yet answered
    bool m_installedRelay = false, m_installedRefresh = false, m_probed = false;
    QString m_lastError;
};

} // namespace automv::ui
