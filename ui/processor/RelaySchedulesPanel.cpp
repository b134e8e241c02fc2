#include "ui/processor/RelaySchedulesPanel.h"

#include "ui/common/Humane.h"
#include "ui/session/DatabaseSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr auto kListTag = "relay.schedules";
constexpr auto kActionTag = "relay.schedules.action";
const char *kListSql =
    "select s.name, s.channel, coalesce('every ' || s.every::text, s.cron), s.timezone,"
    " (extract(epoch from s.next_run_at) * 1000)::bigint, (extract(epoch from s.last_run_at) * 1000)::bigint,"
    " s.paused"
    " from pgrelay.schedule s"
    " where s.channel not like 'pgrelay.%' and s.channel not like 'pgauto\\_mv.%'"
    " order by s.name";
} // namespace

RelaySchedulesPanel::RelaySchedulesPanel(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget), m_pause(new QPushButton(tr("&Pause"))),
      m_resume(new QPushButton(tr("Res&ume"))), m_status(new QLabel) {
    m_table->setObjectName(QStringLiteral("relaySchedules"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Schedule"), tr("Channel"), tr("Rule"), tr("Time zone"), tr("Next run"),
                                        tr("Last run"), tr("State")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pause->setObjectName(QStringLiteral("pauseSchedule"));
    m_pause->setToolTip(tr("Its pending run leaves the queue; nothing runs until resumed"));
    m_resume->setObjectName(QStringLiteral("resumeSchedule"));
    m_resume->setToolTip(tr("Runs at its next occurrence after now; runs missed while paused are not made up"));
    m_status->setObjectName(QStringLiteral("relaySchedulesStatus"));
    m_status->setWordWrap(true);
    connect(m_pause, &QPushButton::clicked, this, &RelaySchedulesPanel::pauseSelected);
    connect(m_resume, &QPushButton::clicked, this, &RelaySchedulesPanel::resumeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RelaySchedulesPanel::updateActions);

    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Scheduled jobs (pgrelay.schedule):")));
    header->addStretch();
    header->addWidget(m_pause);
    header->addWidget(m_resume);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    updateActions();
}

void RelaySchedulesPanel::setSession(DatabaseSession *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &DatabaseSession::queryFinished, this, &RelaySchedulesPanel::onResult);
        connect(m_session, &DatabaseSession::queryFailed, this, &RelaySchedulesPanel::onError);
    }
    updateActions();
}

QString RelaySchedulesPanel::statusText() const { return m_status->text(); }

void RelaySchedulesPanel::reload() {
    if (m_session)
        m_session->query(QString::fromLatin1(kListTag), QString::fromUtf8(kListSql));
}

QString RelaySchedulesPanel::selectedName() const {
    const auto selected = m_table->selectedItems();
    if (selected.isEmpty())
        return {};
    const auto *item = m_table->item(selected.first()->row(), 0);
    return item ? item->text() : QString();
}

void RelaySchedulesPanel::updateActions() {
    const auto selected = m_table->selectedItems();
    const auto *state = selected.isEmpty() ? nullptr : m_table->item(selected.first()->row(), 6);
    const bool paused = state && state->data(Qt::UserRole).toBool();
    m_pause->setEnabled(m_session && state && !paused);
    m_resume->setEnabled(m_session && state && paused);
}

void RelaySchedulesPanel::pauseSelected() {
    const QString name = selectedName();
    if (!name.isEmpty())
        run(QStringLiteral("select pgrelay.pause_schedule($1)"), tr("Schedule %1 paused.").arg(name));
}

void RelaySchedulesPanel::resumeSelected() {
    const QString name = selectedName();
    if (!name.isEmpty())
        run(QStringLiteral("select pgrelay.resume_schedule($1)"), tr("Schedule %1 resumed.").arg(name));
}

void RelaySchedulesPanel::run(const QString &sql, const QString &doneText) {
    m_doneText = doneText;
    m_pause->setEnabled(false);
    m_resume->setEnabled(false);
    m_session->query(QString::fromLatin1(kActionTag), sql, {selectedName()});
}

void RelaySchedulesPanel::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kActionTag)) {
        m_status->setText(m_doneText);
        reload();
        return;
    }
    if (tag != QLatin1String(kListTag))
        return;
    const QString keep = selectedName();
    m_table->setRowCount(int(result.rows.size()));
    for (int r = 0; r < result.rows.size(); ++r) {
        const auto &row = result.rows[r];
        const bool paused = row.value(6).toString() == QLatin1String("t");
        const QStringList cells = {row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                                   row.value(3).toString(), paused ? QStringLiteral("—") : localTime(row.value(4)),
                                   localTime(row.value(5)), paused ? tr("paused") : tr("active")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        m_table->item(r, 6)->setData(Qt::UserRole, paused);
        if (cells[0] == keep)
            m_table->selectRow(r);
    }
    m_table->resizeColumnsToContents();
    updateActions();
}

void RelaySchedulesPanel::onError(const QString &tag, const QString &message) {
    if (tag == QLatin1String(kActionTag)) {
        m_status->setText(tr("The server refused this; nothing was changed:\n%1").arg(message.trimmed()));
        updateActions();
    } else if (tag == QLatin1String(kListTag)) {
        m_table->setRowCount(0);
        m_status->setText(tr("Cannot read pg_relay's schedules: %1").arg(message.trimmed()));
    }
}

} // namespace automv::ui
