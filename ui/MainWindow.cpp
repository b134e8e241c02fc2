#include "ui/MainWindow.h"

#include "core/Version.h"
#include "core/pg/PgError.h"
#include "ui/LanguageSettings.h"
#include "ui/ThemeSettings.h"
#include "ui/OverviewPage.h"
#include "ui/connections/ConnectionsController.h"
#include "ui/connections/KeychainPasswordStore.h"
#include "ui/session/DatabaseSession.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include <algorithm>

namespace automv::ui {

namespace {
/// A round swatch in the profile's colour for its tab (prod in red, say).
QIcon colourSwatch(const QColor &color) {
    if (!color.isValid())
        return {};
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(color.darker(140));
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("pg_auto_mv console"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("databaseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->tabBar()->setElideMode(Qt::ElideMiddle);
    setCentralWidget(m_tabs);

    m_overview = new OverviewPage;
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);   // the overview stays
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_overview, &OverviewPage::demoReady, this, [this](const QString &conninfo) {
        m_demoWorkspace = openDatabase(conninfo, {tr("Local demo"), QString(), QColor(0x2e, 0x8b, 0x57)});
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *workspace = qobject_cast<DatabaseWorkspace *>(m_tabs->widget(index)))
            closeWorkspace(workspace);
    });

    m_connectionSwatch = new QLabel(this);   // the profile's colour, as on its tab
    m_connectionSwatch->setObjectName(QStringLiteral("connectionSwatch"));
    statusBar()->addPermanentWidget(m_connectionSwatch);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    // A long connection description must not make the window wider than the screen: it gets
    // its full width when there is room and may shrink to 120 px when there is not.
    m_connectionLabel->setMinimumWidth(120);
    statusBar()->addPermanentWidget(m_connectionLabel);

    buildMenus();
    restoreLayout();
    updateStatus();
}

MainWindow::~MainWindow() = default;

DatabaseWorkspace *MainWindow::openDatabase(const QString &conninfo, const DatabaseWorkspace::Origin &origin) {
    for (auto *existing : workspaces()) {
        if (existing->conninfo() == conninfo && existing->state() != DatabaseWorkspace::State::Failed) {
            m_tabs->setCurrentWidget(existing);
            return existing;
        }
    }
    auto *workspace = new DatabaseWorkspace(conninfo, origin);
    m_tabs->addTab(workspace, colourSwatch(origin.color), workspace->title());
    connect(workspace, &DatabaseWorkspace::stateChanged, this, [this, workspace] {
        updateTab(workspace);
        if (workspace == currentWorkspace())
            updateStatus();
    });
    connect(workspace, &DatabaseWorkspace::connected, this, [this, workspace](const QString &description) {
        if (workspace == m_demoWorkspace) {   // the demo: run its processor and show its views
            workspace->startProcessor();
            m_overview->demoConnected(description, workspace->session());
            workspace->showPage(DatabaseWorkspace::Views);
        } else {
            m_overview->setMessage(tr("Connected to %1.").arg(description.toHtmlEscaped()));
        }
    });
    connect(workspace, &DatabaseWorkspace::failed, this,
            [this, workspace](const QString &message, int password) { onFailed(workspace, message, password); });
    m_tabs->setCurrentWidget(workspace);
    workspace->open();
    return workspace;
}

void MainWindow::onFailed(DatabaseWorkspace *workspace, const QString &message, int password) {
    // A database that never connected gets no tab: say why on the overview (or ask for the
    // password and open again).
    const QString profileId = workspace->origin().profileId;
    closeWorkspace(workspace);
    if (!profileId.isEmpty() && m_connections->retryWithPassword(this, profileId, message, pg::PgError::Password(password)))
        return;
    m_tabs->setCurrentWidget(m_overview);
    m_overview->setMessage(tr("Could not connect: %1<br>Check the host, port, database and user, and that "
                              "the server is running.")
                               .arg(message.toHtmlEscaped()));
    m_connectionLabel->setText(tr("Connection failed"));
    m_connectionSwatch->setVisible(false);
}

DatabaseWorkspace *MainWindow::currentWorkspace() const {
    return qobject_cast<DatabaseWorkspace *>(m_tabs->currentWidget());
}

QList<DatabaseWorkspace *> MainWindow::workspaces() const {
    QList<DatabaseWorkspace *> result;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *workspace = qobject_cast<DatabaseWorkspace *>(m_tabs->widget(i)))
            result.append(workspace);
    return result;
}

void MainWindow::closeWorkspace(DatabaseWorkspace *workspace) {
    if (!workspace || workspace->isClosing())
        return;
    if (workspace == m_demoWorkspace) {
        m_demoWorkspace = nullptr;
        m_overview->demoClosed();
    }
    // The tab goes at once; the database closes in the background (its statement cancelled,
    // its processor stopped, its session's thread ended) and is deleted when that is done.
    // Joining them here blocked the UI thread for as long as they took.
    m_tabs->removeTab(m_tabs->indexOf(workspace));
    workspace->disconnect(this);
    workspace->hide();
    ++m_closing;
    statusBar()->showMessage(tr("Closing %1…").arg(workspace->title()));
    connect(workspace, &DatabaseWorkspace::closed, this, [this, workspace] {
        workspace->deleteLater();
        --m_closing;
        if (m_closing == 0)
            statusBar()->clearMessage();
        finishQuitIfDone();
    });
    workspace->close();
}

void MainWindow::finishQuitIfDone() {
    if (!m_quitting || m_closing > 0 || m_demoStopping)
        return;
    m_quitReady = true;
    close();
}

void MainWindow::updateTab(DatabaseWorkspace *workspace) {
    const int index = m_tabs->indexOf(workspace);
    if (index < 0)
        return;
    const bool lost = workspace->state() == DatabaseWorkspace::State::Reconnecting;
    m_tabs->setTabText(index, lost ? tr("%1 (reconnecting)").arg(workspace->title()) : workspace->title());
    m_tabs->setTabToolTip(index, workspace->stateText());
}

void MainWindow::updateStatus() {
    auto *workspace = currentWorkspace();
    if (!workspace) {
        const auto open = workspaces().size();
        m_connectionLabel->setText(open == 0 ? tr("Not connected") : tr("%n database(s) open", nullptr, int(open)));
        m_connectionLabel->setToolTip(QString());
        m_connectionSwatch->setVisible(false);
        return;
    }
    m_connectionLabel->setText(workspace->stateText());
    m_connectionLabel->setToolTip(workspace->stateDetail());
    const QColor color = workspace->origin().color;
    m_connectionSwatch->setPixmap(color.isValid() ? colourSwatch(color).pixmap(12, 12) : QPixmap());
    m_connectionSwatch->setVisible(color.isValid());
}

void MainWindow::startDemo() { m_overview->startDemo(); }

void MainWindow::buildMenus() {
    m_connections = new ConnectionsController(std::make_unique<QSettings>(), std::make_unique<KeychainPasswordStore>(), this);
    connect(m_connections, &ConnectionsController::openRequested, this,
            [this](const QString &conninfo, const QString &name, const QString &id, const QColor &color) {
                openDatabase(conninfo, {name, id, color});
            });
    connect(m_connections, &ConnectionsController::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    connectionMenu->setObjectName(QStringLiteral("connectionMenu"));
    m_connections->attachMenu(connectionMenu, this);

    auto *databaseMenu = menuBar()->addMenu(tr("&Database"));
    auto *cancel = databaseMenu->addAction(tr("&Cancel my running statement"), this, [this] {
        auto *workspace = currentWorkspace();
        if (!workspace)
            return;
        // What the user started, never a page's poll (that one would only come back next tick).
        switch (workspace->session()->cancelAction()) {
        case DatabaseSession::CancelOutcome::Sent:
            statusBar()->showMessage(tr("Cancel sent: the statement you started stops and changes nothing."), 8000);
            break;
        case DatabaseSession::CancelOutcome::Skipped:
            statusBar()->showMessage(tr("Cancelled what you started before it ran; nothing was changed."), 8000);
            break;
        case DatabaseSession::CancelOutcome::Nothing:
            statusBar()->showMessage(tr("Nothing you started is running."), 8000);
            break;
        }
    });
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    auto *close = databaseMenu->addAction(tr("C&lose database"), this, [this] {
        if (auto *workspace = currentWorkspace())
            closeWorkspace(workspace);
    });
    close->setShortcut(QKeySequence::Close);

    auto *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    buildLanguageMenu(settingsMenu);
    buildThemeMenu(settingsMenu);

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About"), this, &MainWindow::showAbout);
}

void MainWindow::buildThemeMenu(QMenu *settingsMenu) {
    auto *menu = settingsMenu->addMenu(tr("&Theme"));
    menu->setObjectName(QStringLiteral("themeMenu"));
    auto *group = new QActionGroup(menu);
    const QList<std::pair<QString, QString>> themes{
        {tr("Follow the &system"), QStringLiteral("system")}, {tr("&Light"), QStringLiteral("light")},
        {tr("&Dark"), QStringLiteral("dark")}};
    for (const auto &[text, theme] : themes) {
        auto *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(ThemeSettings::chosen() == theme);
        action->setData(theme);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme = theme] {
            ThemeSettings::setChosen(theme);
            ThemeSettings::apply(*qApp);   // at once: every page follows the palette
            statusBar()->showMessage(tr("Theme changed."), 5000);
        });
    }
}

void MainWindow::buildLanguageMenu(QMenu *settingsMenu) {
    auto *menu = settingsMenu->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    auto add = [this, menu, group](const QString &text, const QString &code) {
        auto *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(LanguageSettings::chosen() == code);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, text, code] {
            LanguageSettings::setChosen(code);
            statusBar()->showMessage(tr("The console will be in %1 from its next start.").arg(text), 15000);
        });
    };
    add(tr("System default (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    menu->addSeparator();
    for (const QString &code : LanguageSettings::available())   // each language in its own words
        add(QLocale(code).nativeLanguageName(), code);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About pg_auto_mv console"),
        tr("<b>pg_auto_mv console</b> %1<br>Keeps PostgreSQL materialised views fresh and runs "
           "pg_relay's job queue.<br><br>Licensed under the GNU General Public License, "
           "version 3 or later.")
            .arg(QString::fromLatin1(kVersion)));
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1200, 760);
    // A geometry saved on a bigger screen (or a bigger window) must still fit this one.
    if (const QScreen *display = screen()) {
        const QRect available = display->availableGeometry();
        if (width() > available.width() || height() > available.height())
            resize(std::min(width(), available.width()), std::min(height(), available.height()));
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!m_quitting) {
        QSettings settings;
        settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    }
    if (m_quitReady) {
        event->accept();
        return;
    }
    // Close every database and stop the local demo's server without blocking the UI thread;
    // the window stays (saying what it waits for) until they are done, then closes itself.
    m_quitting = true;
    for (DatabaseWorkspace *workspace : workspaces())
        closeWorkspace(workspace);
    if (!m_demoStopping && m_overview->stopDemo()) {
        m_demoStopping = true;
        connect(m_overview, &OverviewPage::demoStopped, this, [this] {
            m_demoStopping = false;
            finishQuitIfDone();
        });
    }
    if (m_closing == 0 && !m_demoStopping) {
        m_quitReady = true;
        event->accept();
        return;
    }
    event->ignore();
    setEnabled(false);
    statusBar()->showMessage(m_demoStopping ? tr("Closing %n database(s) and stopping the local demo's server…", nullptr, m_closing)
                                            : tr("Closing %n database(s)…", nullptr, m_closing));
}

} // namespace automv::ui
