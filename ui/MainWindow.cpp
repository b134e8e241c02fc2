#include "ui/MainWindow.h"

#include "core/Version.h"
#include "ui/connections/ConnectionsController.h"
#include "ui/connections/KeychainPasswordStore.h"
#include "ui/session/DatabaseSession.h"
#include "ui/demo/LocalDemo.h"
#include "ui/install/InstallPage.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/views/ViewsPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

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

    auto *overview = new QWidget;
    overview->setObjectName(QStringLiteral("overviewPage"));
    auto *layout = new QVBoxLayout(overview);
    auto *heading = new QLabel(tr("<h2>pg_auto_mv console</h2>"), overview);
    m_overviewText = new QLabel(
        tr("No database is connected. Add one with <b>Connection → New connection…</b>, start the "
           "console with a connection string, for example "
           "<tt>automv-console \"host=db.example.com dbname=sales user=dba\"</tt>, or set the "
           "PG* environment variables. New here? <b>Start local demo</b> runs a private PostgreSQL "
           "with sample views that refresh themselves."),
        overview);
    m_overviewText->setObjectName(QStringLiteral("overviewText"));
    m_overviewText->setWordWrap(true);
    m_overviewText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoButton = new QPushButton(tr("Start local &demo"), overview);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->setToolTip(tr("Starts a private PostgreSQL in %1 with a demo schema (orders → daily → weekly, "
                                "month to date), both extensions and the embedded processor, and connects to it.")
                                 .arg(LocalDemo::defaultDirectory()));
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::startDemo);
    m_loadButton = new QPushButton(tr("&Generate orders"), overview);
    m_loadButton->setCheckable(true);
    m_loadButton->setVisible(false);
    m_loadTimer = new QTimer(this);
    m_loadTimer->setInterval(250);
    connect(m_loadTimer, &QTimer::timeout, this, [this] {
        if (m_session)
            m_session->query(QStringLiteral("demo.load"),
                             QStringLiteral("insert into public.orders (customer, amount)"
                                            " values ('customer ' || (random() * 40)::int, round((1 + random() * 199)::numeric, 2))"));
    });
    connect(m_loadButton, &QPushButton::toggled, this, [this](bool on) { on ? m_loadTimer->start() : m_loadTimer->stop(); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_demoButton);
    buttons->addWidget(m_loadButton);
    buttons->addStretch();
    layout->addWidget(heading);
    layout->addWidget(m_overviewText);
    layout->addLayout(buttons);
    layout->addStretch();
    addPage(tr("Overview"), overview);
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
                        m_loadButton->setVisible(true);
                        m_navigation->setCurrentRow(1);
                        m_overviewText->setText(
                            tr("Connected to the local demo (%1). The embedded processor is running: press "
                               "<b>Generate orders</b> and watch the views refresh on the Views page.")
                                .arg(description.toHtmlEscaped()));
                    } else {
                        m_overviewText->setText(tr("Connected to %1.").arg(description.toHtmlEscaped()));
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
            m_overviewText->setText(
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

void MainWindow::startDemo() {
    if (!m_demo) {
        m_demo = new LocalDemo(QString(), this);
        connect(m_demo, &LocalDemo::progress, this, [this](const QString &message) { m_overviewText->setText(message); });
        connect(m_demo, &LocalDemo::failed, this, [this](const QString &message) {
            m_demoButton->setEnabled(true);
            m_overviewText->setText(tr("The local demo could not start: %1").arg(message.toHtmlEscaped()));
        });
        connect(m_demo, &LocalDemo::ready, this, [this](const QString &conninfo) {
            m_demoConnecting = true;
            openDatabase(conninfo);
        });
    }
    m_demoButton->setEnabled(false);
    m_overviewText->setText(tr("Starting the local demo…"));
    m_demo->start();
}

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
