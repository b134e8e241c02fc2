#pragma once

#include <QPointer>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace automv::ui {

class ChannelPolicyDialog;
class DatabaseSession;
class EmbeddedProcessor;
class RelaySchedulesPanel;
struct QueryResult;

/// Runs the processor engine inside the console on the connected database (for development):
/// workers and poll interval, start/stop, live counters and events/s, its log, and every
/// processor attached to the database (from pg_relay's registry), and each channel with its
/// limits, retry policy and failure alerts; "Retries and alerts…" edits the selected channel's;
/// and pg_relay's scheduled jobs, which can be paused and resumed.
class ProcessorPage : public QWidget {
    Q_OBJECT
public:
    explicit ProcessorPage(QWidget *parent = nullptr);
    ~ProcessorPage() override;

    /// The database to run on (conninfo) and the session to read the registry with.
    void setConnection(const QString &conninfo, DatabaseSession *session);
    EmbeddedProcessor *processor() const { return m_processor; }
    QString countersText() const;
    int attachedProcessors() const;
    QString queueText() const;
    QTableWidget *channelsTable() const;
    RelaySchedulesPanel *schedulesPanel() const { return m_schedules; }
    /// The open retry policy and alerts dialog, if any.
    ChannelPolicyDialog *policyDialog() const;

public slots:
    void startOrStop();
    /// Reads the selected channel's policy, then opens the dialog on it.
    void editSelectedChannel();

private:
    void tick();
    void onResult(const QString &tag, const QueryResult &result);
    void openPolicyDialog(const QueryResult &result);

    QString m_conninfo;
    DatabaseSession *m_session = nullptr;
    EmbeddedProcessor *m_processor;
    QSpinBox *m_workers;
    QDoubleSpinBox *m_poll;
    QPushButton *m_startStop;
    QLabel *m_counters;
    QTableWidget *m_registry;
    QTableWidget *m_channels;
    QPushButton *m_editChannel;
    RelaySchedulesPanel *m_schedules;
    QPointer<ChannelPolicyDialog> m_policyDialog;
    QString m_policyChannel;   ///< whose policy was asked for
    QLabel *m_queue;
    QPlainTextEdit *m_log;
    QTimer *m_timer;
    quint64 m_lastDone = 0;
    bool m_inFlight = false;
};

} // namespace automv::ui
