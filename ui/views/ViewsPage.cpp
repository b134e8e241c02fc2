#include "ui/views/ViewsPage.h"

#include "ui/common/Csv.h"

#include "ui/session/DatabaseSession.h"
#include "ui/views/BlackoutDialog.h"
#include "ui/views/CaptureDialog.h"
#include "ui/views/RefreshGroupsDialog.h"
#include "ui/views/RegisterDialog.h"
#include "ui/views/ViewsModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace automv::ui {

namespace {

constexpr auto kProbeTag = "views.probe";
constexpr auto kRowsTag = "views.rows";
constexpr auto kRegistrationTag = "views.registration";
constexpr auto kActionTag = "views.action";
constexpr auto kGroupsTag = "views.groups";
constexpr auto kBlackoutsTag = "views.blackouts";
constexpr auto kCaptureTag = "views.capture";          // for the capture dialog
constexpr auto kCaptureStateTag = "views.capturestate";  // for the button, each reload
constexpr int kMaxColumnWidth = 260;   ///< px; longer cells are elided (tooltip: the whole text)

// The base tables a view reads (through plain views), and its registration if any, as JSON.
const char *kRegistrationSql = R"(
with recursive target as (
    select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relname = $2
), reads(relid, kind) as (
    select d.refobjid, c.relkind
      from target t join pg_rewrite rw on rw.ev_class = t.oid
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
                      and d.refclassid = 'pg_class'::regclass and d.refobjid <> t.oid
      join pg_class c on c.oid = d.refobjid
    union
    select d.refobjid, c2.relkind
      from reads r join pg_rewrite rw on rw.ev_class = r.relid and r.kind = 'v'
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
                      and d.refclassid = 'pg_class'::regclass and d.refobjid <> r.relid
      join pg_class c2 on c2.oid = d.refobjid
)
select json_build_object(
    'tables', (select json_agg(distinct format('%I.%I', n.nspname, c.relname))
                 from reads r join pg_class c on c.oid = r.relid join pg_namespace n on n.oid = c.relnamespace
                where r.kind in ('r', 'p')),
    'mv', (select row_to_json(m) from pgauto_mv.mv m where m.mv_oid = (select oid from target)),
    'watches', (select json_agg(json_build_object('table', format('%I.%I', w.table_schema, w.table_name),
                                                  'operations', w.operations, 'narrow', w.update_columns is not null))
                  from pgauto_mv.watch w join pgauto_mv.mv m on m.id = w.mv_id
                 where m.mv_oid = (select oid from target)),
    'channels', (select json_agg(c) from pgauto_mv.alert_channels() c),
    'blackouts', (select json_agg(format('%s %s–%s %s%s', pgauto_mv.days_text(b.days), to_char(b.start_time, 'HH24:MI'),
                                         to_char(b.end_time, 'HH24:MI'), b.timezone,
                                         case when b.mv_id is null then ' (all views)' else '' end) order by b.id)
                    from pgauto_mv.blackout b
                   where b.mv_id is null or b.mv_id = (select m.id from pgauto_mv.mv m where m.mv_oid = (select oid from target))))::text)";

// The refresh groups and every registered view, as JSON, for the groups editor.
const char *kGroupsSql = R"(
select json_build_object(
    'groups', (select json_agg(json_build_object('name', g.name, 'views', g.views) order by g.name)
                 from pgauto_mv.refresh_groups g),
    'views', (select json_agg(format('%I.%I', m.mv_schema, m.mv_name) order by m.mv_schema, m.mv_name)
                from pgauto_mv.mv m))::text)";

// Every blackout window, as JSON, for the windows editor.
const char *kBlackoutsSql = R"(
select coalesce(json_agg(json_build_object(
           'id', b.id,
           'text', format('%s %s–%s %s', pgauto_mv.days_text(b.days), to_char(b.start_time, 'HH24:MI'),
                          to_char(b.end_time, 'HH24:MI'), b.timezone),
           'view', case when b.mv_id is not null then format('%I.%I', m.mv_schema, m.mv_name) end) order by b.id), '[]')::text
  from pgauto_mv.blackout b left join pgauto_mv.mv m on m.id = b.mv_id)";

const char *kProbeSql = "select to_regclass('pgauto_mv.mv_status') is not null as installed";
// Change capture (WAL or triggers): pgauto_mv.capture_status(), by name.
const char *kCaptureSql = R"(
select to_json(s) from pgauto_mv.capture_status() s)";

// pg_auto_mv installed: every MV, with its status when registered (and registrations whose
// view is gone).
const char *kRowsSql = R"(
with problems as (
    select p.mv, count(*) as n from pgauto_mv.get_mv_problems() p where p.mv is not null group by p.mv
)
select format('%I.%I', n.nspname, c.relname) as mv,
       coalesce(s.state, case when c.relispopulated then 'not registered' else 'not registered, unpopulated' end) as state,
       extract(epoch from now() - s.changed_since)::float8 as unrefreshed_s,
       (extract(epoch from s.last_refresh_at) * 1000)::bigint as last_refresh_at, s.last_duration_ms, s.last_mode,
       s.watches,
       (select string_agg(format('%I.%I', u.mv_schema, u.mv_name), ', ' order by u.mv_schema, u.mv_name)
          from pgauto_mv.chain ch join pgauto_mv.mv u on u.id = ch.upstream_id
         where ch.downstream_id = m.id) as upstreams,
       (select string_agg(sm.schedule_name, ', ' order by sm.schedule_name) from pgauto_mv.schedule_mv sm
         where sm.mv_id = m.id) as schedules,
       (select pr.n from problems pr where pr.mv = format('%I.%I', n.nspname, c.relname)) as problems,
       (extract(epoch from s.next_due) * 1000)::bigint as next_due, s.why_waiting, s.last_error,
       n.nspname as schema_name, c.relname as view_name,
       (select g.group_name from pgauto_mv.refresh_group_mv g where g.mv_id = m.id) as refresh_group
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pgauto_mv.mv m on m.mv_oid = c.oid
  left join pgauto_mv.mv_status s on s.id = m.id
 where c.relkind = 'm' and n.nspname not in ('pg_catalog', 'information_schema')
union all
select s.mv, s.state, extract(epoch from now() - s.changed_since)::float8,
       (extract(epoch from s.last_refresh_at) * 1000)::bigint, s.last_duration_ms, s.last_mode, s.watches, null, null, 1,
       (extract(epoch from s.next_due) * 1000)::bigint, s.why_waiting, s.last_error, m.mv_schema, m.mv_name,
       s.refresh_group
  from pgauto_mv.mv_status s join pgauto_mv.mv m on m.id = s.id where s.state = 'missing'
 order by 1)";

// Not installed: the MVs alone.
const char *kPlainRowsSql = R"(
select format('%I.%I', n.nspname, c.relname) as mv,
       case when c.relispopulated then 'not registered' else 'not registered, unpopulated' end as state,
       null::float8 as unrefreshed_s, null::bigint as last_refresh_at, null::float8 as last_duration_ms, null::text as last_mode,
       null::text as watches, null::text as upstreams, null::text as schedules, null::bigint as problems,
       null::bigint as next_due, null::text as why_waiting, null::text as last_error,
       n.nspname as schema_name, c.relname as view_name, null::text as refresh_group
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind = 'm' and n.nspname not in ('pg_catalog', 'information_schema')
 order by 1)";

} // namespace

ViewsPage::ViewsPage(QWidget *parent)
    : SessionPage(2000, parent), m_model(new ViewsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView), m_filter(new QLineEdit), m_status(new QLabel) {
    setObjectName(QStringLiteral("viewsPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::UserRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ViewsModel::View, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Columns follow their contents (a mode or error appears after the first refresh) until the
    // user resizes one by hand.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_autoSizing && column != ViewsModel::ColumnCount - 1)   // the last one stretches with the window
            m_userSizedColumns = true;
    });
    m_table->verticalHeader()->hide();
    m_filter->setPlaceholderText(tr("Filter views (name, state, table…)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("filter"));
    auto *find = new QShortcut(QKeySequence::Find, this);   // Ctrl+F
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, &ViewsPage::exportCsv);
    auto *registerButton = m_registerButton = new QPushButton(tr("&Register / edit…"));
    registerButton->setObjectName(QStringLiteral("registerOrEdit"));
    connect(registerButton, &QPushButton::clicked, this, [this] { registerOrEdit(selectedRow()); });
    auto *refreshButton = m_refreshButton = new QPushButton(tr("Refresh &now"));
    refreshButton->setObjectName(QStringLiteral("refreshNow"));
    connect(refreshButton, &QPushButton::clicked, this, [this] { refreshNow(selectedRow()); });
    auto *pauseButton = m_pauseButton = new QPushButton(tr("&Pause"));
    pauseButton->setObjectName(QStringLiteral("pauseOrResume"));
    connect(pauseButton, &QPushButton::clicked, this, [this] { pauseOrResume(selectedRow()); });
    auto *groupsButton = new QPushButton(tr("Refresh &groups…"));
    groupsButton->setObjectName(QStringLiteral("refreshGroups"));
    groupsButton->setToolTip(tr("Views that refresh together, in one transaction"));
    connect(groupsButton, &QPushButton::clicked, this, &ViewsPage::editRefreshGroups);
    auto *blackoutsButton = new QPushButton(tr("Blackout &windows…"));
    blackoutsButton->setObjectName(QStringLiteral("blackoutWindows"));
    blackoutsButton->setToolTip(tr("Times when no view (or the selected one) is refreshed automatically"));
    connect(blackoutsButton, &QPushButton::clicked, this, &ViewsPage::editBlackouts);
    auto *captureButton = m_captureButton = new QPushButton(tr("&Capture…"));
    captureButton->setObjectName(QStringLiteral("changeCapture"));
    captureButton->setToolTip(tr("How changes are noticed: watch triggers or the WAL"));
    connect(captureButton, &QPushButton::clicked, this, &ViewsPage::editCapture);
    auto *unregisterButton = m_unregisterButton = new QPushButton(tr("&Unregister…"));
    unregisterButton->setObjectName(QStringLiteral("unregister"));
    connect(unregisterButton, &QPushButton::clicked, this, [this] { unregister(selectedRow()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &ViewsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ViewsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ViewsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ViewsPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this] { registerOrEdit(selectedRow()); });

    // Two rows: the selected view's actions beside the filter, what holds several views below
    // (in one row the page no longer fitted 1000 px in German).
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(registerButton);
    top->addWidget(refreshButton);
    top->addWidget(pauseButton);
    top->addWidget(unregisterButton);
    auto *second = new QHBoxLayout;
    second->addWidget(groupsButton);
    second->addWidget(blackoutsButton);
    second->addWidget(captureButton);
    second->addStretch(1);
    second->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(second);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    m_status->setText(tr("Not connected."));
    updateActions();
}

ViewsPage::~ViewsPage() = default;

// The actions need a selected view (Refresh and Unregister a registered one); otherwise they are
// disabled with a tooltip that says so (a click used to do nothing visible).
void ViewsPage::updateActions() {
    const int row = selectedRow();
    const bool selected = session() && row >= 0;
    const bool registered = selected && m_model->isRegistered(row);
    const QString pick = tr("Select a materialised view in the list first.");
    m_registerButton->setEnabled(selected);
    m_registerButton->setToolTip(selected ? (registered ? tr("Edit how %1 is refreshed").arg(m_model->nameOf(row))
                                                        : tr("Register %1 with pg_auto_mv").arg(m_model->nameOf(row)))
                                          : pick);
    const bool paused = registered && m_model->isPaused(row);
    m_pauseButton->setText(paused ? tr("Res&ume") : tr("&Pause"));
    m_pauseButton->setToolTip(!registered ? (selected ? tr("%1 is not registered.").arg(m_model->nameOf(row)) : pick)
                              : paused ? tr("Refresh %1 automatically again (once now if it changed while paused)").arg(m_model->nameOf(row))
                                       : tr("Stop refreshing %1 automatically; its changes are remembered").arg(m_model->nameOf(row)));
    for (QPushButton *button : {m_refreshButton, m_unregisterButton, m_pauseButton}) {
        button->setEnabled(registered);
        button->setToolTip(registered ? QString() : selected ? tr("%1 is not registered.").arg(m_model->nameOf(row)) : pick);
    }
}

QString ViewsPage::statusText() const { return m_status->text(); }
void ViewsPage::setFilterText(const QString &text) { m_filter->setText(text); }
int ViewsPage::visibleRows() const { return m_proxy->rowCount(); }

int ViewsPage::selectedRow() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void ViewsPage::selectRow(int modelRow) {
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(modelRow, 0)));
}

void ViewsPage::registerOrEdit(int modelRow) {
    if (!session() || modelRow < 0) {
        m_status->setText(tr("Select a materialised view first."));
        return;
    }
    m_pendingSchema = m_model->schemaOf(modelRow);
    m_pendingName = m_model->nameOf(modelRow);
    m_pendingRegistered = m_model->isRegistered(modelRow);
    session()->query(QString::fromLatin1(kRegistrationTag), QString::fromUtf8(kRegistrationSql),
                     {m_pendingSchema, m_pendingName});
}

void ViewsPage::openRegisterDialog(const QueryResult &result) {
    const QJsonObject loaded = QJsonDocument::fromJson(result.rows.value(0).value(0).toString().toUtf8()).object();
    Registration registration;
    registration.schema = m_pendingSchema;
    registration.name = m_pendingName;
    const QJsonObject mv = loaded.value("mv").toObject();
    registration.existing = !mv.isEmpty();
    if (registration.existing) {
        registration.refreshLag = mv.value("refresh_lag").toDouble();
        registration.maxWait = mv.value("max_wait").toDouble();
        registration.cooldown = mv.value("cooldown").toDouble();
        registration.lockTimeout = mv.value("lock_timeout").toDouble();
        registration.refreshTimeout = mv.value("refresh_timeout").toDouble();   // null: 0, none
        registration.fireOnReplica = mv.value("fire_on_replica").toBool();
        registration.onFailure = mv.value("on_failure").toString();   // null: the database default
        registration.priority = mv.value("priority").toInt();
        for (const auto &value : loaded.value("watches").toArray()) {
            const QJsonObject watch = value.toObject();
            Registration::Watch w;
            w.table = watch.value("table").toString();
            for (const auto &op : watch.value("operations").toArray())
                w.operations << op.toString();
            w.readColumnsOnly = watch.value("narrow").toBool();
            registration.watches << w;
        }
    }
    QStringList tables;
    for (const auto &value : loaded.value("tables").toArray())
        tables << value.toString();
    QStringList channels;
    for (const auto &value : loaded.value("channels").toArray())
        channels << value.toString();
    RegisterDialog dialog(registration, tables, channels, this);
    QStringList windows;
    for (const auto &value : loaded.value("blackouts").toArray())
        windows << value.toString();
    dialog.setBlackouts(windows);
    // The dialog stays open until the server answers: a refusal keeps every edit.
    dialog.setSubmitter([this](const Registration &chosen) {
        runAction(chosen.existing ? tr("Registration of %1 changed.").arg(chosen.name) : tr("%1 registered.").arg(chosen.name),
                  chosen.sql(), chosen.params());
    });
    m_dialog = &dialog;
    dialog.exec();
    m_dialog = nullptr;
}

void ViewsPage::editView(const QString &schema, const QString &name) {
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->schemaOf(row) == schema && m_model->nameOf(row) == name) {
            selectRow(row);
            registerOrEdit(row);
            return;
        }
    m_status->setText(tr("%1.%2 is not listed yet; reload and try again.").arg(schema, name));
}

void ViewsPage::refreshNow(int modelRow) {
    if (!session() || modelRow < 0 || !m_model->isRegistered(modelRow)) {
        m_status->setText(tr("Select a registered view first."));
        return;
    }
    runAction(tr("Refresh of %1 requested; the processor runs it.").arg(m_model->nameOf(modelRow)),
              QStringLiteral("select pgauto_mv.refresh_materialised_view_now($1, $2)"),
              {m_model->nameOf(modelRow), m_model->schemaOf(modelRow)});
}

void ViewsPage::pauseOrResume(int modelRow) {
    if (!session() || modelRow < 0 || !m_model->isRegistered(modelRow)) {
        m_status->setText(tr("Select a registered view first."));
        return;
    }
    const QString name = m_model->nameOf(modelRow);
    const bool paused = m_model->isPaused(modelRow);
    runAction(paused ? tr("%1 resumed.").arg(name) : tr("%1 paused: its changes are remembered until you resume it.").arg(name),
              paused ? QStringLiteral("select pgauto_mv.resume_mv($1, $2)") : QStringLiteral("select pgauto_mv.pause_mv($1, $2)"),
              {name, m_model->schemaOf(modelRow)});
}

void ViewsPage::unregister(int modelRow, bool confirm) {
    if (!session() || modelRow < 0 || !m_model->isRegistered(modelRow)) {
        m_status->setText(tr("Select a registered view first."));
        return;
    }
    const QString name = m_model->nameOf(modelRow);
    if (confirm && QMessageBox::question(this, tr("Unregister"),
                                         tr("Stop refreshing %1 automatically? The view itself is not changed.").arg(name))
                       != QMessageBox::Yes)
        return;
    runAction(tr("%1 unregistered.").arg(name), QStringLiteral("select pgauto_mv.unregister_mv($1, $2)"),
              {name, m_model->schemaOf(modelRow)});
}

void ViewsPage::editRefreshGroups() {
    if (!session()) {
        m_status->setText(tr("Not connected."));
        return;
    }
    const int row = selectedRow();
    m_groupsFocus = row >= 0 ? m_model->data(m_model->index(row, ViewsModel::View)).toString() : QString();
    session()->query(QString::fromLatin1(kGroupsTag), QString::fromUtf8(kGroupsSql));
}

void ViewsPage::openGroupsDialog(const QueryResult &result) {
    const QJsonObject loaded = QJsonDocument::fromJson(result.rows.value(0).value(0).toString().toUtf8()).object();
    QList<RefreshGroupsDialog::Group> groups;
    for (const auto &value : loaded.value("groups").toArray()) {
        RefreshGroupsDialog::Group group;
        group.name = value.toObject().value("name").toString();
        for (const auto &view : value.toObject().value("views").toArray())
            group.views << view.toString();
        groups << group;
    }
    QStringList views;
    for (const auto &value : loaded.value("views").toArray())
        views << value.toString();
    RefreshGroupsDialog dialog(groups, views, m_groupsFocus, this);
    dialog.setSubmitter([this](const RefreshGroupsDialog &chosen) { runAction(chosen.doneText(), chosen.sql(), chosen.params()); });
    m_dialog = &dialog;
    dialog.exec();
    m_dialog = nullptr;
}

void ViewsPage::editBlackouts() {
    if (!session()) {
        m_status->setText(tr("Not connected."));
        return;
    }
    const int row = selectedRow();
    const bool registered = row >= 0 && m_model->isRegistered(row);
    m_blackoutSchema = registered ? m_model->schemaOf(row) : QString();
    m_blackoutName = registered ? m_model->nameOf(row) : QString();
    session()->query(QString::fromLatin1(kBlackoutsTag), QString::fromUtf8(kBlackoutsSql));
}

void ViewsPage::openBlackoutDialog(const QueryResult &result) {
    QList<BlackoutDialog::Window> windows;
    for (const auto &value : QJsonDocument::fromJson(result.rows.value(0).value(0).toString().toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        windows << BlackoutDialog::Window{object.value("id").toInt(), object.value("text").toString(),
                                          object.value("view").toString()};
    }
    BlackoutDialog dialog(windows, m_blackoutSchema, m_blackoutName, this);
    dialog.setSubmitter([this](const BlackoutDialog &chosen) { runAction(chosen.doneText(), chosen.sql(), chosen.params()); });
    m_dialog = &dialog;
    dialog.exec();
    m_dialog = nullptr;
}

void ViewsPage::editCapture() {
    if (!session()) {
        m_status->setText(tr("Not connected."));
        return;
    }
    session()->query(QString::fromLatin1(kCaptureTag), QString::fromUtf8(kCaptureSql));
}

namespace {

CaptureDialog::Status captureStatus(const QueryResult &result) {
    const QJsonObject o = QJsonDocument::fromJson(result.rows.value(0).value(0).toString().toUtf8()).object();
    CaptureDialog::Status status;
    status.mode = o.value("mode").toString();
    status.slot = o.value("slot_name").toString();
    status.walStatus = o.value("wal_status").toString();
    status.lagBytes = o.value("lag_bytes").isNull() ? -1 : o.value("lag_bytes").toDouble();
    status.secondsSinceRun = o.value("seconds_since_run").isNull() ? -1 : o.value("seconds_since_run").toDouble();
    status.streaming = o.value("streaming").toBool();
    status.walTables = o.value("wal_tables").toInt();
    status.triggerTables = o.value("trigger_tables").toInt();
    status.lostAt = o.value("lost_at").toString();
    status.lostReason = o.value("lost_reason").toString();
    return status;
}

} // namespace

void ViewsPage::openCaptureDialog(const QueryResult &result) {
    CaptureDialog dialog(captureStatus(result), this);
    dialog.setSubmitter([this](const CaptureDialog &chosen) { runAction(chosen.doneText(), chosen.sql(), chosen.params()); });
    m_dialog = &dialog;
    dialog.exec();
    m_dialog = nullptr;
}

void ViewsPage::showCaptureState(const QueryResult &result) {
    const auto status = captureStatus(result);
    const bool wal = status.mode == QLatin1String("wal");
    m_captureButton->setText(wal ? tr("&Capture: WAL…") : tr("&Capture: triggers…"));
    m_captureButton->setToolTip(wal ? tr("Changes are read from the WAL: %1").arg(CaptureDialog::lagText(status))
                                    : status.lostAt.isEmpty() ? tr("Changes are noticed by watch triggers")
                                                              : tr("The WAL capture slot was lost at %1; back to triggers").arg(status.lostAt));
}

void ViewsPage::runAction(const QString &what, const QString &sql, const QVariantList &params) {
    m_status->setText(tr("Working…"));
    m_actionOutcome = what;
    session()->action(QString::fromLatin1(kActionTag), sql, params);
}

void ViewsPage::reload() {
    if (!session() || m_inFlight)
        return;   // one query at a time; a slow server never piles them up
    m_inFlight = true;
    session()->query(QString::fromLatin1(kProbeTag), QString::fromUtf8(kProbeSql));
}

void ViewsPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kRegistrationTag)) {
        openRegisterDialog(result);
        return;
    }
    if (tag == QLatin1String(kGroupsTag)) {
        openGroupsDialog(result);
        return;
    }
    if (tag == QLatin1String(kBlackoutsTag)) {
        openBlackoutDialog(result);
        return;
    }
    if (tag == QLatin1String(kCaptureTag)) {
        openCaptureDialog(result);
        return;
    }
    if (tag == QLatin1String(kCaptureStateTag)) {
        showCaptureState(result);
        return;
    }
    if (tag == QLatin1String(kActionTag)) {
        if (m_dialog && m_dialog->submitting())
            m_dialog->submitFinished(QString());
        m_lastAction = m_actionOutcome;
        m_status->setText(m_lastAction);
        reload();
        return;
    }
    if (tag == QLatin1String(kProbeTag)) {
        const bool installed = !result.rows.isEmpty() && result.rows[0].value(0).toString() == "t";
        m_autoMvInstalled = installed;
        session()->query(QString::fromLatin1(kRowsTag), QString::fromUtf8(installed ? kRowsSql : kPlainRowsSql));
        return;
    }
    if (tag != QLatin1String(kRowsTag))
        return;
    m_inFlight = false;
    m_model->setRows(result);
    if (m_autoMvInstalled)
        session()->query(QString::fromLatin1(kCaptureStateTag), QString::fromUtf8(kCaptureSql));
    if (!m_userSizedColumns) {
        m_autoSizing = true;
        m_table->resizeColumnsToContents();
        // Long texts (watches, why it waits, the last error) are elided with the whole text in
        // the tooltip, so every column fits a normal window (the last error was only reached
        // by scrolling right at 1600 px).
        for (int c = 0; c < ViewsModel::ColumnCount - 1; ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), kMaxColumnWidth));
        m_autoSizing = false;
    }
    QString text = tr("%n materialised view(s) · updated %1", nullptr, int(result.rows.size()))
                       .arg(QTime::currentTime().toString("HH:mm:ss"));
    if (result.rows.isEmpty())   // an empty list says what to do
        text += QStringLiteral(" — ") + tr("this database has no materialised view yet: create one (CREATE MATERIALIZED VIEW), "
                                           "then register it here; or try the local demo from the Overview tab.");
    if (!m_lastAction.isEmpty())
        text += QStringLiteral(" — ") + m_lastAction;
    m_status->setText(text);
}

void ViewsPage::onError(const QString &tag, const QString &message) {
    if (tag == QLatin1String(kActionTag) && m_dialog && m_dialog->submitting())
        m_dialog->submitFinished(message);
    if (tag == QLatin1String(kCaptureStateTag))
        return;   // pg_auto_mv not installed (or older): the button keeps its plain text
    if (tag == QLatin1String(kRegistrationTag) || tag == QLatin1String(kActionTag) || tag == QLatin1String(kGroupsTag)
        || tag == QLatin1String(kBlackoutsTag) || tag == QLatin1String(kCaptureTag)) {
        m_lastAction = tr("Failed: %1").arg(message.trimmed());
        m_status->setText(m_lastAction);
        return;
    }
    if (tag != QLatin1String(kProbeTag) && tag != QLatin1String(kRowsTag))
        return;
    m_inFlight = false;
    m_status->setText(tr("Could not read the views: %1").arg(message.trimmed()));
}

void ViewsPage::exportCsv() {
    if (const QString error = saveCsvAs(this, tr("Export views"), QStringLiteral("views.csv"), m_model->toCsv()); !error.isEmpty())
        m_status->setText(error);
}

void ViewsPage::sessionChanged() {
    m_inFlight = false;
    updateActions();
    if (!session())
        m_status->setText(tr("Not connected."));
}

} // namespace automv::ui
