#include "ui/views/ViewsPage.h"

#include "ui/session/DatabaseSession.h"
#include "ui/views/ViewsModel.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace automv::ui {

namespace {

constexpr auto kProbeTag = "views.probe";
constexpr auto kRowsTag = "views.rows";

const char *kProbeSql = "select to_regclass('pgauto_mv.mv_status') is not null as installed";

// pg_auto_mv installed: every MV, with its status when registered (and registrations whose
// view is gone).
const char *kRowsSql = R"(
select format('%I.%I', n.nspname, c.relname) as mv,
       coalesce(s.state, case when c.relispopulated then 'not registered' else 'not registered, unpopulated' end) as state,
       s.last_refresh_at, s.last_duration_ms, s.last_mode, s.watches, s.next_due, s.why_waiting, s.last_error
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pgauto_mv.mv m on m.mv_oid = c.oid
  left join pgauto_mv.mv_status s on s.id = m.id
 where c.relkind = 'm' and n.nspname not in ('pg_catalog', 'information_schema')
union all
select s.mv, s.state, s.last_refresh_at, s.last_duration_ms, s.last_mode, s.watches, s.next_due, s.why_waiting, s.last_error
  from pgauto_mv.mv_status s where s.state = 'missing'
 order by 1)";

// Not installed: the MVs alone.
const char *kPlainRowsSql = R"(
select format('%I.%I', n.nspname, c.relname) as mv,
       case when c.relispopulated then 'not registered' else 'not registered, unpopulated' end as state,
       null::timestamptz as last_refresh_at, null::float8 as last_duration_ms, null::text as last_mode,
       null::text as watches, null::timestamptz as next_due, null::text as why_waiting, null::text as last_error
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind = 'm' and n.nspname not in ('pg_catalog', 'information_schema')
 order by 1)";

} // namespace

ViewsPage::ViewsPage(QWidget *parent)
    : QWidget(parent), m_model(new ViewsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView), m_filter(new QLineEdit), m_status(new QLabel), m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("viewsPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::UserRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ViewsModel::View, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_filter->setPlaceholderText(tr("Filter views (name, state, table…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, &ViewsPage::exportCsv);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    m_status->setText(tr("Not connected."));

    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &ViewsPage::reload);
}

ViewsPage::~ViewsPage() = default;

void ViewsPage::setSession(DatabaseSession *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_inFlight = false;
    if (!m_session) {
        m_status->setText(tr("Not connected."));
        return;
    }
    connect(m_session, &DatabaseSession::queryFinished, this, &ViewsPage::onResult);
    connect(m_session, &DatabaseSession::queryFailed, this, &ViewsPage::onError);
    if (isVisible())
        reload();
}

QString ViewsPage::statusText() const { return m_status->text(); }
void ViewsPage::setFilterText(const QString &text) { m_filter->setText(text); }
int ViewsPage::visibleRows() const { return m_proxy->rowCount(); }

void ViewsPage::reload() {
    if (!m_session || m_inFlight)
        return;   // one query at a time; a slow server never piles them up
    m_inFlight = true;
    m_session->query(QString::fromLatin1(kProbeTag), QString::fromLatin1(kProbeSql));
}

void ViewsPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kProbeTag)) {
        const bool installed = !result.rows.isEmpty() && result.rows[0].value(0).toString() == "t";
        m_session->query(QString::fromLatin1(kRowsTag), QString::fromLatin1(installed ? kRowsSql : kPlainRowsSql));
        return;
    }
    if (tag != QLatin1String(kRowsTag))
        return;
    m_inFlight = false;
    const bool firstRows = m_model->rowCount() == 0;
    m_model->setRows(result);
    if (firstRows)
        m_table->resizeColumnsToContents();
    m_status->setText(tr("%n materialised view(s) · updated %1", nullptr, int(result.rows.size()))
                          .arg(QTime::currentTime().toString("HH:mm:ss")));
}

void ViewsPage::onError(const QString &tag, const QString &message) {
    if (tag != QLatin1String(kProbeTag) && tag != QLatin1String(kRowsTag))
        return;
    m_inFlight = false;
    m_status->setText(tr("Could not read the views: %1").arg(message.trimmed()));
}

void ViewsPage::exportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export views"), QStringLiteral("views.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_status->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(m_model->toCsv().toUtf8());
}

void ViewsPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    reload();
    m_timer->start();
}

void ViewsPage::hideEvent(QHideEvent *event) {
    m_timer->stop();   // poll only while the page is visible
    QWidget::hideEvent(event);
}

} // namespace automv::ui
