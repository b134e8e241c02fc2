#include "ui/MainWindow.h"

#include "core/Version.h"
#include "ui/connections/ConnectionsController.h"
#include "ui/connections/KeychainPasswordStore.h"
#include "ui/session/DatabaseSession.h"
#include "ui/OverviewPage.h"
#include "ui/install/InstallPage.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/views/ViewsPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace automv::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("pg_auto_mv console"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMaximumWidth(240);
    m_pages = new QStackedWidget(splitter);
    m_pages->setObjectName(QStringLiteral("pages"));
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    m_overview = new OverviewPage;
    connect(m_overview, &OverviewPage::demoReady, this, [this](const QString &conninfo) {
        m_demoConnecting = true;
        openDatabase(conninfo);
    });
    addPage(tr("Overview"), m_overview);
    m_viewsPage = new ViewsPage;
    addPage(tr("Views"), m_viewsPage);
    m_processorPage = new ProcessorPage;
    addPage(tr("Processor"), m_processorPage);
    m_installPage = new InstallPage;
    addPage(tr("Install"), m_installPage);
    connect(m_installPage, &InstallPage::installed, m_viewsPage, &ViewsPage::reload);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);

    buildMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &title, QWidget *page) {
    m_pages->addWidget(page);
    m_navigation->addItem(title);
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

void MainWindow::openDatabase(const QString &conninfo) {
    if (!m_session) {
        m_session = new DatabaseSession(this);
        connect(m_session, &DatabaseSession::connected, this,
                [this](const QString &description, int) {
                    m_connectionLabel->setText(tr("Connected: %1").arg(description));
                    m_viewsPage->setSession(m_session);
                    m_processorPage->setConnection(m_conninfo, m_session);
                    m_installPage->setSession(m_session);
                    if (m_demoConnecting) {   // the demo: run its processor and show its views
                        m_demoConnecting = false;
                        if (!m_processorPage->processor()->isRunning())
                            m_processorPage->startOrStop();
                        m_overview->demoConnected(description, m_session);
                        m_navigation->setCurrentRow(1);
                    } else {
                        m_overview->setMessage(tr("Connected to %1.").arg(description.toHtmlEscaped()));
                    }
                });
        connect(m_session, &DatabaseSession::connectionLost, this, [this](const QString &message) {
            m_connectionLabel->setText(tr("Connection lost — reconnecting…"));
            m_connectionLabel->setToolTip(message);
        });
        connect(m_session, &DatabaseSession::reconnected, this, [this](const QString &description) {
            m_connectionLabel->setText(tr("Connected: %1").arg(description));
            m_connectionLabel->setToolTip(QString());
        });
        connect(m_session, &DatabaseSession::connectionFailed, this, [this](const QString &message) {
            if (m_fromProfile && m_connections->retryWithPassword(this, message))
                return;   // asked for the password; opening again
            m_connectionLabel->setText(tr("Connection failed"));
            m_overview->setMessage(
                tr("Could not connect: %1<br>Check the host, port, database and user, and that "
                   "the server is running.")
                    .arg(message.toHtmlEscaped()));
        });
    }
    m_connectionLabel->setText(tr("Connecting…"));
    m_conninfo = conninfo;
    m_fromProfile = false;
    m_session->open(conninfo);
}

void MainWindow::startDemo() { m_overview->startDemo(); }

void MainWindow::buildMenus() {
    m_connections = new ConnectionsController(std::make_unique<QSettings>(), std::make_unique<KeychainPasswordStore>(), this);
    connect(m_connections, &ConnectionsController::openRequested, this,
            [this](const QString &conninfo, const QString &) {
                openDatabase(conninfo);
                m_fromProfile = true;
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
    auto *cancel = databaseMenu->addAction(tr("&Cancel running statement"), this, [this] {
        if (!m_session)
            return;
        m_session->cancel();   // the statement then fails with "canceling statement due to user request"
        statusBar()->showMessage(tr("Cancel requested."), 5000);
    });
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About"), this, &MainWindow::showAbout);
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
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace automv::ui
