#pragma once

#include <QColor>
#include <QStyle>
#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace automv::ui {

class DashboardPage;
class DatabaseSession;
class GraphPage;
class InstallPage;
class LogPage;
class ProblemsPage;
class ProcessorPage;
class SchedulesPage;
class ViewsPage;

/// Everything the console shows for one open database: its session (one connection on its own
/// thread), its pages (views, processor, install) with their own navigation, and its state for
/// the status bar. The main window holds one workspace per tab, so several databases can be
/// open at once, each with its own embedded processor.
class DatabaseWorkspace : public QWidget {
    Q_OBJECT
public:
    /// Where the connection came from: a saved profile (name, id, colour) or a bare conninfo.
    struct Origin {
        QString profileName;
        QString profileId;
        QColor color;
    };
    enum class State { Connecting, Connected, Reconnecting, Failed };
    enum Page { Views = 0, Graph = 1, Schedules = 2, Problems = 3, Log = 4, Dashboard = 5, Processor = 6, Install = 7 };

    DatabaseWorkspace(const QString &conninfo, const Origin &origin, QWidget *parent = nullptr);
    ~DatabaseWorkspace() override;

    /// Connects in the background; connected() or failed() follows.
    void open();

    const QString &conninfo() const { return m_conninfo; }
    const Origin &origin() const { return m_origin; }
    State state() const { return m_state; }
    /// "Connected: user@host:port/db — PostgreSQL 15.x", "Connecting…", …
    QString stateText() const;
    /// The server's last error while reconnecting (empty otherwise).
    QString stateDetail() const { return m_detail; }
    /// What the tab says: the profile's name, or user@host/db once connected.
    QString title() const;

    DatabaseSession *session() const { return m_session; }
    ViewsPage *viewsPage() const { return m_viewsPage; }
    GraphPage *graphPage() const { return m_graphPage; }
    SchedulesPage *schedulesPage() const { return m_schedulesPage; }
    ProblemsPage *problemsPage() const { return m_problemsPage; }
    LogPage *logPage() const { return m_logPage; }
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    ProcessorPage *processorPage() const { return m_processorPage; }
    InstallPage *installPage() const { return m_installPage; }
    void showPage(Page page);

    /// Starts the embedded processor on this database unless it already runs.
    void startProcessor();
    /// Closes without blocking the UI thread: cancels the statement in flight, stops the
    /// embedded processor (cancelling its actions) and ends the session's thread; closed()
    /// follows when all of it has stopped. Then delete it.
    void close();
    bool isClosing() const { return m_closing; }

signals:
    void connected(const QString &description);
    /// `password`: a pg::PgError::Password (did the server ask for one).
    void failed(const QString &message, int password);
    /// state(), stateText() or title() changed.
    void stateChanged();
    /// After close(): its processor and session have stopped.
    void closed();

private:
    void addPage(const QString &title, QWidget *page, QStyle::StandardPixmap icon);
    void closeIfStopped();

    QString m_conninfo;
    Origin m_origin;
    State m_state = State::Connecting;
    QString m_description;
    QString m_detail;
    DatabaseSession *m_session;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ViewsPage *m_viewsPage;
    GraphPage *m_graphPage;
    SchedulesPage *m_schedulesPage;
    ProblemsPage *m_problemsPage;
    LogPage *m_logPage;
    DashboardPage *m_dashboardPage;
    ProcessorPage *m_processorPage;
    InstallPage *m_installPage;
    bool m_closing = false;
    bool m_closed = false;
};

} // namespace automv::ui
