#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace automv::ui {

class DatabaseSession;
struct QueryResult;

/// pg_relay's user schedules (pgrelay.schedule(): a channel notified on an interval or a cron
/// rule): each with its rule, time zone, next and last run and whether it is paused; Pause and
/// Resume act on the selected one (pause_schedule / resume_schedule: a resumed schedule runs at
/// its next occurrence, never a backlog). The extensions' own schedules are not listed.
class RelaySchedulesPanel : public QWidget {
    Q_OBJECT
public:
    explicit RelaySchedulesPanel(QWidget *parent = nullptr);

    void setSession(DatabaseSession *session);
    QTableWidget *table() const { return m_table; }
    QString statusText() const;

public slots:
    void reload();
    void pauseSelected();
    void resumeSelected();

private:
    void onResult(const QString &tag, const QueryResult &result);
    void onError(const QString &tag, const QString &message);
    void run(const QString &sql, const QString &doneText);
    QString selectedName() const;
    void updateActions();

    DatabaseSession *m_session = nullptr;
    QTableWidget *m_table;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QLabel *m_status;
    QString m_doneText;
};

} // namespace automv::ui
