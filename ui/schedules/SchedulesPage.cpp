#include "ui/schedules/SchedulesPage.h"

#include "ui/common/Humane.h"
#include "ui/session/DatabaseSession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
const QString kListTag = QStringLiteral("schedules.list");
const QString kZonesTag = QStringLiteral("schedules.zones");
const QString kPreviewTag = QStringLiteral("schedules.preview.");
const QString kActionTag = QStringLiteral("schedules.action");

const char *kListSql = R"(
select s.name, 'cron ' || s.cron as rule, s.timezone,
       (select string_agg(format('%I.%I', m.mv_schema, m.mv_name), ', ' order by m.mv_schema, m.mv_name)
          from pgauto_mv.schedule_mv sm join pgauto_mv.mv m on m.id = sm.mv_id where sm.schedule_name = s.name) as views,
       to_char(pg_catalog.timezone(s.timezone, r.next_run_at), 'Dy YYYY-MM-DD HH24:MI:SS') as next_run, s.every::text, s.cron,
       (select array_to_json(array_agg(format('%I.%I', m.mv_schema, m.mv_name) order by 1))::text from pgauto_mv.mv m) as all_views,
       extract(epoch from s.every)::float8 as every_s
  from pgauto_mv.schedule s left join pgrelay.schedule r on r.name = 'pgauto_mv:' || s.name
 order by s.name)";

// The next five runs as pg_relay will compute them (its own next_run()), shown in the
// schedule's time zone; nothing is written. The time zone is checked first.
const char *kPreviewSql = R"(
with recursive runs(n, at) as (
    select 1, pgrelay.next_run($1::interval, $2, $3, now(), now())
     where pg_catalog.timezone($3, now()) is not null
       and ($1::interval is null or $1::interval > interval '0')
    union all
    select n + 1, pgrelay.next_run($1::interval, $2, $3, now(), at) from runs where n < 5
)
select to_char(pg_catalog.timezone($3, at), 'Dy YYYY-MM-DD HH24:MI:SS') from runs order by n)";
} // namespace

SchedulesPage::SchedulesPage(QWidget *parent)
    : SessionPage(0, parent), m_table(new QTableWidget(0, 5)), m_name(new QLineEdit), m_useEvery(new QRadioButton(tr("&Every"))),
      m_useCron(new QRadioButton(tr("C&ron"))), m_every(new QLineEdit), m_cron(new QLineEdit), m_timezone(new QComboBox),
      m_preview(new QListWidget), m_previewError(new QLabel), m_view(new QComboBox), m_status(new QLabel(tr("Not connected."))),
      m_previewDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("schedulesPage"));
    m_table->setHorizontalHeaderLabels({tr("Schedule"), tr("Rule"), tr("Time zone"), tr("Views"), tr("Next run (its time zone)")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0 || !m_table->item(row, 0))
            return;
        edit(m_table->item(row, 0)->text(), m_table->item(row, 0)->data(Qt::UserRole).toString(),
             m_table->item(row, 0)->data(Qt::UserRole + 1).toString(), m_table->item(row, 2)->text());
    });

    m_name->setPlaceholderText(tr("nightly"));
    connect(m_name, &QLineEdit::textChanged, this, &SchedulesPage::selectEditorsRow);
    m_every->setPlaceholderText(QStringLiteral("15 minutes"));   // PostgreSQL interval syntax: not translated
    m_cron->setPlaceholderText(tr("0 */5 * * * *  (seconds first when 6 fields)"));
    m_timezone->setEditable(true);
    m_timezone->addItem(QStringLiteral("UTC"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_useEvery);
    group->addButton(m_useCron);
    m_useEvery->setChecked(true);
    m_previewError->setObjectName(QStringLiteral("previewError"));
    m_previewError->setWordWrap(true);
    m_previewError->setStyleSheet(QStringLiteral("color: #c01c28"));
    m_preview->setMaximumHeight(110);
    // Preview as the rule is typed, a moment after the last key.
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(300);
    connect(m_previewDelay, &QTimer::timeout, this, &SchedulesPage::updatePreview);
    for (QLineEdit *edit : {m_every, m_cron})
        connect(edit, &QLineEdit::textChanged, m_previewDelay, qOverload<>(&QTimer::start));
    connect(m_timezone, &QComboBox::currentTextChanged, m_previewDelay, qOverload<>(&QTimer::start));
    connect(group, &QButtonGroup::buttonToggled, m_previewDelay, qOverload<>(&QTimer::start));

    auto *rule = new QFormLayout;
    rule->addRow(tr("&Name:"), m_name);
    auto *every = new QHBoxLayout;
    every->addWidget(m_useEvery);
    every->addWidget(m_every, 1);
    auto *cron = new QHBoxLayout;
    cron->addWidget(m_useCron);
    cron->addWidget(m_cron, 1);
    rule->addRow(tr("Runs:"), every);
    rule->addRow(QString(), cron);
    rule->addRow(tr("&Time zone:"), m_timezone);
    rule->addRow(tr("Next five runs:"), m_preview);
    rule->addRow(QString(), m_previewError);
    auto *saveButton = new QPushButton(tr("&Save schedule"));
    connect(saveButton, &QPushButton::clicked, this, &SchedulesPage::save);
    auto *dropButton = m_drop = new QPushButton(tr("&Drop schedule…"));
    dropButton->setObjectName(QStringLiteral("drop"));
    connect(dropButton, &QPushButton::clicked, this, &SchedulesPage::dropSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(dropButton);
    buttons->addStretch();
    rule->addRow(buttons);
    auto *editor = new QGroupBox(tr("Schedule"));
    editor->setLayout(rule);

    auto *attachButton = m_attach = new QPushButton(tr("&Attach"));
    attachButton->setObjectName(QStringLiteral("attach"));
    connect(attachButton, &QPushButton::clicked, this, [this] { attach(m_view->currentText()); });
    auto *detachButton = m_detach = new QPushButton(tr("De&tach"));
    detachButton->setObjectName(QStringLiteral("detach"));
    connect(detachButton, &QPushButton::clicked, this, [this] { detach(m_view->currentText()); });
    connect(m_view, &QComboBox::currentTextChanged, this, &SchedulesPage::updateActions);
    auto *views = new QHBoxLayout;
    views->addWidget(new QLabel(tr("View:")));
    views->addWidget(m_view, 1);
    views->addWidget(attachButton);
    views->addWidget(detachButton);
    auto *viewBox = new QGroupBox(tr("Views refreshed by the selected schedule"));
    viewBox->setLayout(views);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(editor, 1);
    bottom->addWidget(viewBox, 1, Qt::AlignTop);
    layout->addLayout(bottom);
    layout->addWidget(m_status);
    updateActions();
}

void SchedulesPage::edit(const QString &name, const QString &every, const QString &cron, const QString &timezone) {
    m_name->setText(name);
    m_every->setText(every);
    m_cron->setText(cron);
    (cron.isEmpty() ? m_useEvery : m_useCron)->setChecked(true);
    m_timezone->setCurrentText(timezone.isEmpty() ? QStringLiteral("UTC") : timezone);
    updatePreview();
}

QVariantList SchedulesPage::ruleParams() const {
    const bool cron = m_useCron->isChecked();
    return {cron ? QVariant() : QVariant(m_every->text().trimmed()), cron ? QVariant(m_cron->text().trimmed()) : QVariant(),
            m_timezone->currentText().trimmed()};
}

void SchedulesPage::updatePreview() {
    m_previewDelay->stop();
    m_preview->clear();
    const QVariantList params = ruleParams();
    if (!session() || (params[0].toString().isEmpty() && params[1].toString().isEmpty())) {
        m_previewError->setText(tr("Enter an interval or a cron rule."));
        return;
    }
    m_previewError->clear();
    session()->query(kPreviewTag + QString::number(++m_previewGeneration), QString::fromUtf8(kPreviewSql), params);
}

QStringList SchedulesPage::preview() const {
    QStringList out;
    for (int i = 0; i < m_preview->count(); ++i)
        out << m_preview->item(i)->text();
    return out;
}

QString SchedulesPage::previewError() const { return m_previewError->text(); }

QStringList SchedulesPage::scheduleNames() const {
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out << m_table->item(r, 0)->text();
    return out;
}

QString SchedulesPage::statusText() const { return m_status->text(); }

// What the user sees is what an action acts on: the editor's schedule. Picking a row fills the
// editor; saving selects the saved row. (The list's current row used to win: after saving one
// schedule the list kept another selected, and Drop asked about that one.)
QString SchedulesPage::selectedName() const { return m_name->text().trimmed(); }

void SchedulesPage::selectEditorsRow() {
    const QSignalBlocker quiet(m_table);
    m_table->setCurrentCell(-1, -1);   // no stale row: only the editor's schedule is selected
    m_table->clearSelection();
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == selectedName())
            m_table->selectRow(r);
    updateActions();
}

// Drop, Attach and Detach need a saved schedule in the editor (and a view); they are disabled
// otherwise, with a tooltip that says what is missing (they used to act on nothing).
void SchedulesPage::updateActions() {
    const bool saved = !selectedName().isEmpty() && scheduleNames().contains(selectedName());
    const bool view = !m_view->currentText().isEmpty();
    const QString why = !saved ? tr("Pick a schedule in the list (or save the one in the editor) first.")
                               : tr("Pick a registered view first.");
    m_drop->setEnabled(saved);
    m_drop->setToolTip(saved ? tr("Drop schedule %1").arg(selectedName()) : why);
    for (QPushButton *button : {m_attach, m_detach}) {
        button->setEnabled(saved && view);
        button->setToolTip(saved && view ? QString() : why);
    }
}

void SchedulesPage::reload() {
    if (session())
        session()->query(kListTag, QString::fromUtf8(kListSql));
}

void SchedulesPage::save() {
    if (!session())
        return;
    const QVariantList rule = ruleParams();
    run(tr("Schedule %1 saved.").arg(m_name->text().trimmed()),
        QStringLiteral("select pgauto_mv.create_schedule($1, $2::interval, $3, $4)"),
        {m_name->text().trimmed(), rule[0], rule[1], rule[2]});
}

void SchedulesPage::dropSelected() {
    const QString name = selectedName();
    if (name.isEmpty() || QMessageBox::question(this, tr("Drop schedule"),
                                                tr("Drop schedule %1? Its views keep refreshing on their watches.").arg(name))
                              != QMessageBox::Yes)
        return;
    run(tr("Schedule %1 dropped.").arg(name), QStringLiteral("select pgauto_mv.drop_schedule($1)"), {name});
}

void SchedulesPage::attach(const QString &view) {
    run(tr("%1 attached to %2.").arg(view, selectedName()), QStringLiteral("select pgauto_mv.attach_schedule($1, $2)"),
        {view, selectedName()});
}

void SchedulesPage::detach(const QString &view) {
    run(tr("%1 detached from %2.").arg(view, selectedName()), QStringLiteral("select pgauto_mv.detach_schedule($1, $2)"),
        {view, selectedName()});
}

void SchedulesPage::run(const QString &what, const QString &sql, const QVariantList &params) {
    if (!session())
        return;
    m_outcome = what;
    m_status->setText(tr("Working…"));
    session()->action(kActionTag, sql, params);
}

void SchedulesPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == kZonesTag) {
        const QString current = m_timezone->currentText();
        m_timezone->clear();
        for (const auto &row : result.rows)
            m_timezone->addItem(row.value(0).toString());
        m_timezone->setCurrentText(current);
    } else if (tag == kListTag) {
        m_table->setRowCount(int(result.rows.size()));
        for (int r = 0; r < result.rows.size(); ++r) {
            const auto &row = result.rows[r];
            for (int c = 0; c < 5; ++c)
                m_table->setItem(r, c, new QTableWidgetItem(row.value(c).toString()));
            const QString every = row.value(8).isNull() ? QString() : humaneInterval(row.value(8).toDouble());
            if (!every.isEmpty())
                m_table->item(r, 1)->setText(tr("every %1").arg(every));
            m_table->item(r, 0)->setData(Qt::UserRole, every);              // the interval, for the editor
            m_table->item(r, 0)->setData(Qt::UserRole + 1, row.value(6));   // the cron rule
        }
        m_table->resizeColumnsToContents();
        const QString view = m_view->currentText();
        m_view->clear();
        if (!result.rows.isEmpty())
            for (const auto &v : QJsonDocument::fromJson(result.rows[0].value(7).toString().toUtf8()).array())
                m_view->addItem(v.toString());
        m_view->setCurrentText(view);
        selectEditorsRow();
        if (m_status->text() == tr("Not connected."))
            m_status->setText(tr("%n schedule(s).", nullptr, int(result.rows.size())));
    } else if (tag.startsWith(kPreviewTag)) {
        if (tag != kPreviewTag + QString::number(m_previewGeneration))
            return;   // a rule typed since
        m_preview->clear();
        for (const auto &row : result.rows)
            m_preview->addItem(row.value(0).toString());
        m_previewError->setText(result.rows.isEmpty() ? tr("The interval must be longer than zero.") : QString());
    } else if (tag == kActionTag) {
        m_status->setText(m_outcome);
        reload();
    }
}

void SchedulesPage::onError(const QString &tag, const QString &message) {
    if (tag.startsWith(kPreviewTag)) {
        if (tag == kPreviewTag + QString::number(m_previewGeneration))
            m_previewError->setText(message.trimmed());
    } else if (tag == kActionTag) {
        m_status->setText(tr("Not saved, nothing changed: %1").arg(message.trimmed()));
    } else if (tag == kListTag) {
        m_status->setText(tr("Cannot list the schedules (is pg_auto_mv installed?): %1").arg(message.trimmed()));
    }
}

void SchedulesPage::sessionChanged() {
    if (!session()) {
        m_status->setText(tr("Not connected."));
        return;
    }
    session()->query(kZonesTag, QStringLiteral("select name from pg_catalog.pg_timezone_names order by name"));
}

} // namespace automv::ui
