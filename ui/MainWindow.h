#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace automv::ui {

class ConnectionsController;
class InstallPage;
class OverviewPage;
class ProcessorPage;
class ViewsPage;
class DatabaseSession;

/// The console's frame: navigation on the left, one page per feature on the right, connection
/// state in the status bar. Pages own their logic; the window only hosts them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects in the background to a conninfo string or URI; the status bar shows the outcome.
    void openDatabase(const QString &conninfo);

    /// Starts the local demo (a private cluster with the demo schema) and connects to it.
    void startDemo();

    /// Adds a page with its navigation entry.
    void addPage(const QString &title, QWidget *page);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();
    void showAbout();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_connectionLabel = nullptr;
    OverviewPage *m_overview = nullptr;
    DatabaseSession *m_session = nullptr;
    QString m_conninfo;   ///< of the open database (the embedded processor connects with it)
    bool m_fromProfile = false;   ///< the open database came from a saved profile
    ConnectionsController *m_connections = nullptr;
    ViewsPage *m_viewsPage = nullptr;
    ProcessorPage *m_processorPage = nullptr;
    InstallPage *m_installPage = nullptr;
    bool m_demoConnecting = false;
};

} // namespace automv::ui
