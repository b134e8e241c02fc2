#pragma once

#include "ui/workspace/DatabaseWorkspace.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QTabWidget;

namespace automv::ui {

class ConnectionsController;
class OverviewPage;

/// The console's frame: the overview tab, then one tab per open database (a DatabaseWorkspace
/// with its own session and pages), the current tab's connection state in the status bar.
/// Pages own their logic; the window only hosts them and routes menu actions to the current tab.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a database in its own tab and connects in the background; the status bar shows
    /// the outcome. A database already open (same conninfo) is brought to the front instead.
    DatabaseWorkspace *openDatabase(const QString &conninfo, const DatabaseWorkspace::Origin &origin = {});

    /// Starts the local demo (a private cluster with the demo schema) and connects to it.
    void startDemo();

    /// The workspace of the current tab, or nullptr on the overview.
    DatabaseWorkspace *currentWorkspace() const;
    QList<DatabaseWorkspace *> workspaces() const;
    /// Closes a database's tab: its processor stops, its session disconnects.
    void closeWorkspace(DatabaseWorkspace *workspace);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildLanguageMenu(QMenu *settingsMenu);
    void buildThemeMenu(QMenu *settingsMenu);
    void restoreLayout();
    void showAbout();
    void updateStatus();
    void updateTab(DatabaseWorkspace *workspace);
    void onFailed(DatabaseWorkspace *workspace, const QString &message, int password);

    QTabWidget *m_tabs = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_connectionSwatch = nullptr;
    OverviewPage *m_overview = nullptr;
    ConnectionsController *m_connections = nullptr;
    DatabaseWorkspace *m_demoWorkspace = nullptr;
    int m_closing = 0;             ///< workspaces closing in the background
    bool m_quitting = false;       ///< the window is closing: it waits for them (and the demo)
    bool m_demoStopping = false;
    bool m_quitReady = false;
    void finishQuitIfDone();
};

} // namespace automv::ui
