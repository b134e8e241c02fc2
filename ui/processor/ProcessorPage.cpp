#include "ui/processor/ProcessorPage.h"

#include "ui/common/Humane.h"

#include "ui/processor/ChannelPolicyDialog.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/RelaySchedulesPanel.h"
#include "ui/session/DatabaseSession.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr auto kRegistryTag = "processor.registry";
const char *kRegistrySql =
    "select slot, host, pid, version, workers, (extract(epoch from started_at) * 1000)::bigint,"
    " (extract(epoch from heartbeat_at) * 1000)::bigint,"
    " alive, events_succeeded, events_failed,"
    " (select count(*) from pgrelay.queue q where not q.held and q.run_at <= now()) as due,"
    " (select count(*) from pgrelay.queue q) as queued"
    " from pgrelay.processor_status order by slot";
// Each channel with its limits and what waits for it.
constexpr auto kChannelsTag = "processor.channels";
const char *kChannelsSql =
    "select c.name, case when c.active then 'yes' else 'no' end, c.run_as,"
    " case when c.solo then 'yes' else '' end, coalesce(c.timeout::text, ''), coalesce(c.max_parallel::text, ''),"
    " c.priority,"
    " (select count(*) from pgrelay.queue q where q.channel = c.name and not q.held and q.run_at <= now()),"
    " (select count(*) from pgrelay.queue q where q.channel = c.name),"
    " c.max_attempts, array_to_string(c.retry_on, ', '), coalesce(c.on_failure, '')"
    " from pgrelay.channel c order by c.priority desc, c.name";
constexpr auto kPolicyTag = "processor.channel.policy";
constexpr auto kAlterTag = "processor.channel.alter";
} // namespace

ProcessorPage::ProcessorPage(QWidget *parent)
    : QWidget(parent), m_processor(new EmbeddedProcessor(this)), m_workers(new QSpinBox),
      m_poll(new QDoubleSpinBox), m_startStop(new QPushButton(tr("&Start"))), m_counters(new QLabel),
      m_registry(new QTableWidget), m_channels(new QTableWidget),
      m_editChannel(new QPushButton(tr("&Retries and alerts…"))), m_schedules(new RelaySchedulesPanel),
      m_queue(new QLabel), m_log(new QPlainTextEdit), m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("processorPage"));
    m_workers->setRange(1, 9);
    m_workers->setValue(2);
    m_poll->setRange(0.01, 60);
    m_poll->setDecimals(2);
    m_poll->setValue(1.0);
    m_poll->setSuffix(tr(" s"));
    m_startStop->setEnabled(false);
    connect(m_startStop, &QPushButton::clicked, this, &ProcessorPage::startOrStop);
    m_counters->setText(tr("Not running."));
    m_registry->setColumnCount(10);
    m_registry->setHorizontalHeaderLabels({tr("Slot"), tr("Host"), tr("PID"), tr("Version"), tr("Workers"),
                                           tr("Started"), tr("Heartbeat"), tr("Alive"), tr("Succeeded"),
                                           tr("Failed")});
    m_registry->verticalHeader()->hide();
    m_registry->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_channels->setObjectName(QStringLiteral("channels"));
    m_channels->setColumnCount(12);
    m_channels->setHorizontalHeaderLabels({tr("Channel"), tr("Active"), tr("Runs as"), tr("Solo"), tr("Timeout"),
                                           tr("Max parallel"), tr("Priority"), tr("Due"), tr("Queued"),
                                           tr("Runs"), tr("Retry on"), tr("Alerts to")});
    m_channels->horizontalHeaderItem(9)->setToolTip(tr("Runs of an event in all, its retries included"));
    m_channels->horizontalHeaderItem(10)->setToolTip(tr("SQLSTATEs (classes or codes) that are retried"));
    m_channels->horizontalHeaderItem(11)->setToolTip(tr("The channel told of each event that fails for good"));
    m_channels->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_channels->setSelectionMode(QAbstractItemView::SingleSelection);
    m_editChannel->setObjectName(QStringLiteral("editChannel"));
    m_editChannel->setEnabled(false);
    m_editChannel->setToolTip(tr("Retry policy and failure alerts of the selected channel"));
    connect(m_editChannel, &QPushButton::clicked, this, &ProcessorPage::editSelectedChannel);
    connect(m_channels, &QTableWidget::itemSelectionChanged, this,
            [this] { m_editChannel->setEnabled(m_session && !m_channels->selectedItems().isEmpty()); });
    connect(m_channels, &QTableWidget::cellDoubleClicked, this, &ProcessorPage::editSelectedChannel);
    m_channels->horizontalHeaderItem(4)->setToolTip(
        tr("An action running longer is cancelled and fails with SQLSTATE 57014 (pgrelay.alter_channel(p_timeout => …))"));
    m_channels->horizontalHeaderItem(5)->setToolTip(
        tr("At most this many events of the channel run at once, across all processors; never on a processor's last free worker"));
    m_channels->horizontalHeaderItem(6)->setToolTip(tr("Due events of a higher priority are claimed first"));
    m_channels->verticalHeader()->hide();
    m_channels->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);

    auto *form = new QFormLayout;
    form->addRow(tr("&Workers:"), m_workers);
    form->addRow(tr("&Poll interval:"), m_poll);
    auto *top = new QHBoxLayout;
    top->addLayout(form);
    top->addWidget(m_startStop, 0, Qt::AlignTop);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_counters);
    layout->addWidget(m_queue);
    layout->addWidget(new QLabel(tr("Processors attached to this database:")));
    layout->addWidget(m_registry, 1);
    auto *channelsHeader = new QHBoxLayout;
    channelsHeader->addWidget(new QLabel(tr("Channels, their limits and their events:")));
    channelsHeader->addStretch();
    channelsHeader->addWidget(m_editChannel);
    layout->addLayout(channelsHeader);
    layout->addWidget(m_channels, 1);
    layout->addWidget(m_schedules, 1);
    layout->addWidget(new QLabel(tr("Log:")));
    layout->addWidget(m_log, 1);

    connect(m_processor, &EmbeddedProcessor::started, this, [this] {
        m_startStop->setText(tr("&Stop"));
        m_workers->setEnabled(false);
        m_poll->setEnabled(false);
        m_lastDone = 0;
    });
    connect(m_processor, &EmbeddedProcessor::stopped, this, [this](int code) {
        m_startStop->setText(tr("&Start"));
        m_startStop->setEnabled(!m_conninfo.isEmpty());
        m_workers->setEnabled(true);
        m_poll->setEnabled(true);
        m_counters->setText(code == 0 ? tr("Stopped.") : tr("Stopped with exit code %1.").arg(code));
    });
    connect(m_processor, &EmbeddedProcessor::logLine, this,
            [this](int, const QString &line) { m_log->appendPlainText(line); });
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ProcessorPage::tick);
    m_timer->start();
}

ProcessorPage::~ProcessorPage() = default;

void ProcessorPage::setConnection(const QString &conninfo, DatabaseSession *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_conninfo = conninfo;
    m_session = session;
    m_inFlight = false;
    m_startStop->setEnabled(!conninfo.isEmpty() || m_processor->isRunning());
    m_schedules->setSession(session);
    if (m_session) {
        connect(m_session, &DatabaseSession::queryFinished, this, &ProcessorPage::onResult);
        connect(m_session, &DatabaseSession::queryFailed, this, [this](const QString &tag, const QString &message) {
            if (tag == QLatin1String(kAlterTag) && m_policyDialog) {
                m_policyDialog->submitFinished(message);
                return;
            }
            if (tag == QLatin1String(kPolicyTag)) {
                m_channels->setToolTip(tr("Cannot read the channel's retry policy: %1").arg(message.trimmed()));
                return;
            }
            if (tag == QLatin1String(kChannelsTag)) {
                m_channels->setRowCount(0);
                m_channels->setToolTip(tr("Cannot read pg_relay's channels: %1").arg(message.trimmed()));
                return;
            }
            if (tag != QLatin1String(kRegistryTag))
                return;
            m_inFlight = false;
            m_registry->setRowCount(0);
            m_registry->setToolTip(tr("Cannot read pg_relay's processor registry: %1").arg(message.trimmed()));
        });
    }
    tick();
}

void ProcessorPage::startOrStop() {
    if (m_processor->isRunning()) {
        m_startStop->setEnabled(false);   // until stopped(): in-flight events finish first
        m_counters->setText(tr("Stopping: running actions may finish for 30 s, then they are cancelled (their events stay queued)…"));
        m_processor->stop();
        return;
    }
    QString error;
    if (!m_processor->start(m_conninfo, m_workers->value(), m_poll->value(), &error))
        m_counters->setText(tr("Cannot start: %1").arg(error));
}

QString ProcessorPage::countersText() const { return m_counters->text(); }
int ProcessorPage::attachedProcessors() const { return m_registry->rowCount(); }
QString ProcessorPage::queueText() const { return m_queue->text(); }
QTableWidget *ProcessorPage::channelsTable() const { return m_channels; }
ChannelPolicyDialog *ProcessorPage::policyDialog() const { return m_policyDialog.data(); }

void ProcessorPage::tick() {
    if (m_processor->isRunning()) {
        const auto s = m_processor->stats();
        const quint64 done = s.succeeded + s.failed;
        const quint64 rate = m_lastDone == 0 && done > 0 ? done : done - m_lastDone;
        m_lastDone = done;
        m_counters->setText(tr("Running%1 · slot %2 · %3 succeeded · %4 retried · %5 failed · %6 events/s")
                                .arg(s.standby ? tr(" (standby: idle until promoted)") : QString())
                                .arg(s.slot).arg(s.succeeded).arg(s.retried).arg(s.failed).arg(rate));
    }
    if (m_session && isVisible() && !m_inFlight) {
        m_inFlight = true;
        m_session->query(QString::fromLatin1(kRegistryTag), QString::fromUtf8(kRegistrySql));
        m_session->query(QString::fromLatin1(kChannelsTag), QString::fromUtf8(kChannelsSql));
        m_schedules->reload();
    }
}

void ProcessorPage::editSelectedChannel() {
    const auto selected = m_channels->selectedItems();
    if (!m_session || selected.isEmpty() || m_policyDialog)
        return;
    const QTableWidgetItem *name = m_channels->item(selected.first()->row(), 0);
    if (!name)
        return;
    m_policyChannel = name->text();
    m_session->query(QString::fromLatin1(kPolicyTag), ChannelPolicy::loadSql(), {m_policyChannel});
}

void ProcessorPage::openPolicyDialog(const QueryResult &result) {
    QStringList alertChannels;
    for (int r = 0; r < m_channels->rowCount(); ++r)
        if (const auto *item = m_channels->item(r, 0);
            item && !item->text().startsWith(QLatin1String("pgrelay.")) && !item->text().startsWith(QLatin1String("pgauto_mv.")))
            alertChannels << item->text();
    auto *dialog = new ChannelPolicyDialog(ChannelPolicy::fromRow(m_policyChannel, result.rows.value(0)), alertChannels, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmitter([this](const ChannelPolicy &policy) {
        m_session->query(QString::fromLatin1(kAlterTag), policy.sql(), policy.params());
    });
    m_policyDialog = dialog;
    dialog->open();
}

void ProcessorPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kPolicyTag)) {
        if (!result.rows.isEmpty() && !m_policyDialog)
            openPolicyDialog(result);
        return;
    }
    if (tag == QLatin1String(kAlterTag)) {
        if (m_policyDialog)
            m_policyDialog->submitFinished(QString());
        m_inFlight = false;
        tick();   // the table shows the new policy at once
        return;
    }
    if (tag == QLatin1String(kChannelsTag)) {
        m_channels->setToolTip(QString());
        m_channels->setRowCount(int(result.rows.size()));
        for (int r = 0; r < result.rows.size(); ++r)
            for (int c = 0; c < result.rows[r].size() && c < m_channels->columnCount(); ++c) {
                QString text = result.rows[r][c].toString();
                if (c == 1)
                    text = text == QLatin1String("yes") ? tr("yes") : tr("no");
                else if (c == 3 && !text.isEmpty())
                    text = tr("yes");
                m_channels->setItem(r, c, new QTableWidgetItem(text));
            }
        m_channels->resizeColumnsToContents();
        return;
    }
    if (tag != QLatin1String(kRegistryTag))
        return;
    m_inFlight = false;
    const auto &first = result.rows.value(0);
    m_queue->setText(result.rows.isEmpty() ? tr("Queue: no processor attached")
                                           : tr("Queue: %1 due now, %2 in all (scheduled and retries included)")
                                                 .arg(first.value(10).toString(), first.value(11).toString()));
    m_registry->setRowCount(int(result.rows.size()));
    for (int r = 0; r < result.rows.size(); ++r)
        for (int c = 0; c < result.rows[r].size() && c < m_registry->columnCount(); ++c) {
            QString text = result.rows[r][c].toString();
            if (c == 7)   // alive
                text = text == QLatin1String("t") ? tr("yes") : tr("no");
            else if (c == 5 || c == 6)   // started, last heartbeat: local time
                text = localTime(result.rows[r][c]);
            m_registry->setItem(r, c, new QTableWidgetItem(text));
        }
    m_registry->resizeColumnsToContents();
}

} // namespace automv::ui
