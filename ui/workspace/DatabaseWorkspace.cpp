#include "ui/workspace/DatabaseWorkspace.h"

#include "ui/dashboard/DashboardPage.h"
#include "ui/graph/GraphPage.h"
#include "ui/install/InstallPage.h"
#include "ui/log/LogPage.h"
#include "ui/problems/ProblemsPage.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/schedules/SchedulesPage.h"
#include "ui/session/DatabaseSession.h"
#include "ui/views/ViewsPage.h"

#include <QListWidget>
#include <QKeySequence>
#include <QShortcut>
#include <QStyle>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace automv::ui {

DatabaseWorkspace::DatabaseWorkspace(const QString &conninfo, const Origin &origin, QWidget *parent)
    : QWidget(parent), m_conninfo(conninfo), m_origin(origin), m_session(new DatabaseSession(this)),
      m_navigation(new QListWidget), m_pages(new QStackedWidget), m_viewsPage(new ViewsPage), m_graphPage(new GraphPage),
      m_schedulesPage(new SchedulesPage), m_problemsPage(new ProblemsPage), m_logPage(new LogPage),
      m_dashboardPage(new DashboardPage),
      m_processorPage(new ProcessorPage), m_installPage(new InstallPage) {
    setObjectName(QStringLiteral("databaseWorkspace"));
    m_navigation->setObjectName(QStringLiteral("workspaceNavigation"));
    m_navigation->setIconSize(QSize(16, 16));   // the style's icons come in many sizes
    m_pages->setObjectName(QStringLiteral("workspacePages"));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    addPage(tr("Views"), m_viewsPage, QStyle::SP_FileDialogDetailedView);
    addPage(tr("Graph"), m_graphPage, QStyle::SP_FileDialogListView);
    addPage(tr("Schedules"), m_schedulesPage, QStyle::SP_BrowserReload);
    addPage(tr("Problems"), m_problemsPage, QStyle::SP_MessageBoxInformation);
    addPage(tr("Log"), m_logPage, QStyle::SP_FileDialogContentsView);
    addPage(tr("Dashboard"), m_dashboardPage, QStyle::SP_ComputerIcon);
    addPage(tr("Processor"), m_processorPage, QStyle::SP_MediaPlay);
    addPage(tr("Install"), m_installPage, QStyle::SP_DialogApplyButton);
    // Ctrl+1 … Ctrl+8 go to the pages, in the navigation's order.
    for (int page = 0; page < m_navigation->count(); ++page) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, page] { showPage(Page(page)); });
        m_navigation->item(page)->setToolTip(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)).toString(QKeySequence::NativeText));
    }
    connect(m_installPage, &InstallPage::installed, m_viewsPage, &ViewsPage::reload);
    connect(m_graphPage, &GraphPage::editRequested, this, [this](const QString &schema, const QString &name) {
        showPage(Views);
        m_viewsPage->editView(schema, name);
    });
    connect(m_problemsPage, &ProblemsPage::problemsCounted, this, [this](int count, int errors) {
        QListWidgetItem *item = m_navigation->item(Problems);
        item->setText(count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
        item->setToolTip(errors > 0 ? tr("%n error(s) among them", nullptr, errors) : QString());
        item->setIcon(style()->standardIcon(errors > 0  ? QStyle::SP_MessageBoxCritical
                                            : count > 0 ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation));
    });

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({160, 1040});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_session, &DatabaseSession::connected, this, [this](const QString &description, int) {
        m_state = State::Connected;
        m_description = description;
        m_viewsPage->setSession(m_session);
        m_graphPage->setSession(m_session);
        m_schedulesPage->setSession(m_session);
        m_problemsPage->setSession(m_session);
        m_logPage->setSession(m_session);
        m_dashboardPage->setSession(m_session);
        m_processorPage->setConnection(m_conninfo, m_session);
        m_installPage->setSession(m_session);
        emit stateChanged();
        emit connected(description);
    });
    connect(m_session, &DatabaseSession::connectionFailed, this, [this](const QString &message, int password) {
        m_state = State::Failed;
        m_detail = message;
        emit stateChanged();
        emit failed(message, password);
    });
    connect(m_session, &DatabaseSession::connectionLost, this, [this](const QString &message) {
        m_state = State::Reconnecting;
        m_detail = message;
        emit stateChanged();
    });
    connect(m_session, &DatabaseSession::reconnected, this, [this](const QString &description) {
        m_state = State::Connected;
        m_description = description;
        m_detail.clear();
        emit stateChanged();
    });
}

DatabaseWorkspace::~DatabaseWorkspace() {
    // A statement in flight would hold the session's thread (and so this destructor): cancel it.
    m_session->cancel();
}

void DatabaseWorkspace::addPage(const QString &title, QWidget *page, QStyle::StandardPixmap icon) {
    m_pages->addWidget(page);
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(icon), title));
    // Wide enough for the longest page name in any language (plus a count like "(12)").
    m_navigation->setMinimumWidth(m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth()
                                  + m_navigation->fontMetrics().horizontalAdvance(QStringLiteral(" (99)")) + 8);
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

void DatabaseWorkspace::close() {
    if (m_closing)
        return;
    m_closing = true;
    setEnabled(false);   // nothing new is started meanwhile
    m_session->cancel();
    connect(m_session, &DatabaseSession::finished, this, &DatabaseWorkspace::closeIfStopped);
    m_session->shutdown();
    if (auto *processor = m_processorPage->processor(); processor->isRunning()) {
        connect(processor, &EmbeddedProcessor::stopped, this, &DatabaseWorkspace::closeIfStopped);
        processor->stopNow();
    }
    closeIfStopped();
}

void DatabaseWorkspace::closeIfStopped() {
    if (m_closed || !m_session->isFinished() || m_processorPage->processor()->isRunning())
        return;
    m_closed = true;
    emit closed();
}

void DatabaseWorkspace::open() {
    m_state = State::Connecting;
    emit stateChanged();
    m_session->open(m_conninfo);
}

void DatabaseWorkspace::showPage(Page page) { m_navigation->setCurrentRow(page); }

void DatabaseWorkspace::startProcessor() {
    if (!m_processorPage->processor()->isRunning())
        m_processorPage->startOrStop();
}

QString DatabaseWorkspace::stateText() const {
    switch (m_state) {
    case State::Connecting: return tr("Connecting…");
    case State::Connected: return tr("Connected: %1").arg(m_description);
    case State::Reconnecting: return tr("Connection lost — reconnecting…");
    case State::Failed: return tr("Connection failed");
    }
    return {};
}

QString DatabaseWorkspace::title() const {
    if (!m_origin.profileName.isEmpty())
        return m_origin.profileName;
    if (m_description.isEmpty())
        return tr("Connecting…");
    // "user@host:port/db — PostgreSQL 15.4": the tab keeps the part before the server version.
    return m_description.section(QStringLiteral(" — "), 0, 0);
}

} // namespace automv::ui
