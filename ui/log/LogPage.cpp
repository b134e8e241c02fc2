#include "ui/log/LogPage.h"

#include "ui/common/Csv.h"
#include "ui/log/LogModel.h"
#include "ui/session/DatabaseSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr int kPage = 500;    // rows per page back
constexpr int kTail = 2000;   // rows per tail read (a burst is read over several ticks)
const QString kProbeTag = QStringLiteral("log.probe");
const QString kListsTag = QStringLiteral("log.lists");
const QString kFailedTag = QStringLiteral("log.failed");
const QString kRequeueTag = QStringLiteral("log.requeue");
const QString kBulkRequeueTag = QStringLiteral("log.requeue_matching");
const QString kDiscardTag = QStringLiteral("log.discard_matching");

QString originName(LogOrigin origin) { return origin == LogOrigin::Relay ? QStringLiteral("relay") : QStringLiteral("refresh"); }

void fillCombo(QComboBox *combo, const QString &anyText, const QStringList &values) {
    const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
    combo->clear();
    combo->addItem(anyText);
    combo->addItems(values);
    if (!current.isEmpty())
        combo->setCurrentText(current);
}

QString comboValue(const QComboBox *combo) { return combo->currentIndex() == 0 && combo->currentText() == combo->itemText(0) ? QString() : combo->currentText(); }
} // namespace

LogPage::LogPage(QWidget *parent)
    : SessionPage(2000, parent), m_model(new LogModel(this)), m_proxy(new QSortFilterProxyModel(this)), m_tabs(new QTabWidget),
      m_table(new QTableView), m_olderButton(new QPushButton(tr("Load &older"))), m_status(new QLabel(tr("Not connected."))) {
    setObjectName(QStringLiteral("logPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    // The model keeps rows newest first: no sorting until the user clicks a column header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // Scrolling to the end reads the page before it.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value > 0 && value == m_table->verticalScrollBar()->maximum())
            loadOlder();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &row = m_model->row(m_proxy->mapToSource(index).row());
        if (row.origin != LogOrigin::Relay || row.outcome != QLatin1String("failed"))
            return;
        m_tabs->setCurrentIndex(1);   // the failed event, with its payload and Requeue
        for (int r = 0; r < m_failed->rowCount(); ++r)
            if (m_failed->item(r, 0)->text().toLongLong() == row.eventId.toLongLong())
                m_failed->selectRow(r);
    });
    connect(m_olderButton, &QPushButton::clicked, this, &LogPage::loadOlder);

    auto *logTab = new QWidget;
    auto *logLayout = new QVBoxLayout(logTab);
    logLayout->addWidget(buildFilterBar());
    logLayout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_olderButton);
    logLayout->addLayout(bottom);
    m_tabs->addTab(logTab, tr("Audit log"));
    m_tabs->addTab(buildFailedTab(), tr("Failed events"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1)
            reloadFailed();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

QWidget *LogPage::buildFilterBar() {
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout;
    m_logs = new QComboBox;
    m_logs->setObjectName(QStringLiteral("logsFilter"));
    m_logs->addItems({tr("Both logs"), tr("pg_relay events"), tr("pg_auto_mv refreshes")});
    m_fromOn = new QCheckBox(tr("From"));
    m_toOn = new QCheckBox(tr("to"));
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600));
    m_to = new QDateTimeEdit(QDateTime::currentDateTime());
    for (auto *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setEnabled(false);
    }
    m_fromOn->setObjectName(QStringLiteral("fromOn"));
    m_toOn->setObjectName(QStringLiteral("toOn"));
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    // Ticked by the user: start from now (the last hour), not from when the console started
    // (the range never moved past the start-up hour). A filter being restored sets its own.
    connect(m_fromOn, &QCheckBox::clicked, this, [this](bool on) {
        if (on)
            m_from->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    });
    connect(m_toOn, &QCheckBox::clicked, this, [this](bool on) {
        if (on)
            m_to->setDateTime(QDateTime::currentDateTime());
    });
    m_channel = new QComboBox;
    m_view = new QComboBox;
    m_outcome = new QComboBox;
    m_source = new QComboBox;
    for (auto *combo : {m_channel, m_view}) {
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setMinimumContentsLength(10);
    }
    fillCombo(m_channel, tr("any channel"), {});
    fillCombo(m_view, tr("any view"), {});
    fillCombo(m_outcome, tr("any outcome"), {"succeeded", "failed", "retry", "held", "changed", "deferred"});
    fillCombo(m_source, tr("any source"), {"watch", "schedule", "chain", "manual", "sync", "bulk"});
    m_live = new QCheckBox(tr("&Live"));
    m_live->setChecked(true);
    m_live->setToolTip(tr("Read new rows every 2 seconds (only the rows newer than those shown)"));
    auto *apply = new QPushButton(tr("&Apply"));
    apply->setDefault(true);
    connect(apply, &QPushButton::clicked, this, &LogPage::applyFilter);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, &LogPage::exportCsv);
    // Two rows, so the page fits a small screen in every language: what and when, then which.
    for (QWidget *w : std::initializer_list<QWidget *>{m_logs, m_fromOn, m_from, m_toOn, m_to})
        row->addWidget(w);
    row->addStretch();
    row->addWidget(m_live);
    row->addWidget(exportButton);
    auto *second = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_channel, m_view, m_outcome, m_source})
        second->addWidget(w, 1);
    second->addWidget(apply);
    auto *rows = new QVBoxLayout;
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(row);
    rows->addLayout(second);
    bar->setLayout(rows);
    return bar;
}

QWidget *LogPage::buildFailedTab() {
    auto *tab = new QWidget;
    m_failed = new QTableWidget(0, 6);
    m_failed->setObjectName(QStringLiteral("failedEvents"));
    m_failed->setHorizontalHeaderLabels({tr("Event"), tr("Channel"), tr("Failed at"), tr("Attempts"), tr("SQLSTATE"), tr("Message")});
    m_failed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_failed->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_failed->setSelectionMode(QAbstractItemView::SingleSelection);
    m_failed->verticalHeader()->hide();
    m_failed->horizontalHeader()->setStretchLastSection(true);
    m_failedDetail = new QPlainTextEdit;
    m_failedDetail->setReadOnly(true);
    m_failedDetail->setPlaceholderText(tr("Select a failed event to see its payload and error."));
    connect(m_failed, &QTableWidget::currentCellChanged, this, [this](int row) { showFailedRow(row); });
    auto *requeueButton = new QPushButton(tr("&Requeue"));
    requeueButton->setToolTip(tr("Put the selected event back in the queue to run now (pgrelay.requeue_failed)"));
    connect(requeueButton, &QPushButton::clicked, this, [this] {
        if (const int row = m_failed->currentRow(); row >= 0)
            requeue(m_failed->item(row, 0)->text().toLongLong());
    });
    auto *reloadButton = new QPushButton(tr("Re&load"));
    connect(reloadButton, &QPushButton::clicked, this, &LogPage::reloadFailed);
    m_failedChannel = new QLineEdit;
    m_failedChannel->setObjectName(QStringLiteral("failedChannel"));
    m_failedChannel->setPlaceholderText(tr("any channel"));
    m_failedState = new QLineEdit;
    m_failedState->setObjectName(QStringLiteral("failedSqlstate"));
    m_failedState->setPlaceholderText(tr("any SQLSTATE (a code, or a class such as 40)"));
    auto *requeueMatchingButton = new QPushButton(tr("Requeue &matching"));
    requeueMatchingButton->setToolTip(tr("Every failed event of this channel and SQLSTATE back in the queue (pgrelay.requeue_failed_events)"));
    connect(requeueMatchingButton, &QPushButton::clicked, this, &LogPage::requeueMatching);
    auto *discardMatchingButton = new QPushButton(tr("&Discard matching"));
    discardMatchingButton->setToolTip(tr("Delete every failed event of this channel and SQLSTATE, payload and all (pgrelay.discard_failed_events); needs a channel or a SQLSTATE"));
    connect(discardMatchingButton, &QPushButton::clicked, this, &LogPage::discardMatching);
    auto *match = new QHBoxLayout;
    match->addWidget(new QLabel(tr("Failed events of channel:")));
    match->addWidget(m_failedChannel, 1);
    match->addWidget(new QLabel(tr("SQLSTATE:")));
    match->addWidget(m_failedState, 1);
    match->addWidget(requeueMatchingButton);
    match->addWidget(discardMatchingButton);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_failed);
    splitter->addWidget(m_failedDetail);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(requeueButton);
    buttons->addWidget(reloadButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addLayout(match);
    return tab;
}

LogFilter LogPage::filter() const {
    LogFilter f;
    f.relay = m_logs->currentIndex() != 2;
    f.refresh = m_logs->currentIndex() != 1;
    if (m_fromOn->isChecked())
        f.from = m_from->dateTime();
    if (m_toOn->isChecked())
        f.to = m_to->dateTime();
    f.channel = comboValue(m_channel);
    f.view = comboValue(m_view);
    f.outcome = comboValue(m_outcome);
    f.source = comboValue(m_source);
    return f;
}

void LogPage::setFilter(const LogFilter &f) {
    m_logs->setCurrentIndex(f.relay && f.refresh ? 0 : f.relay ? 1 : 2);
    m_fromOn->setChecked(f.from.isValid());
    if (f.from.isValid())
        m_from->setDateTime(f.from);
    m_toOn->setChecked(f.to.isValid());
    if (f.to.isValid())
        m_to->setDateTime(f.to);
    auto set = [](QComboBox *combo, const QString &value) {
        if (value.isEmpty())
            combo->setCurrentIndex(0);
        else if (const int i = combo->findText(value); i >= 0)
            combo->setCurrentIndex(i);
        else
            combo->setEditText(value);
    };
    set(m_channel, f.channel);
    set(m_view, f.view);
    set(m_outcome, f.outcome);
    set(m_source, f.source);
}

void LogPage::applyFilter() {
    m_filter = filter();
    ++m_generation;
    m_inFlight = 0;
    m_lastError.clear();
    m_model->clear();
    if (!session() || !m_probed)
        return;
    for (LogOrigin origin : {LogOrigin::Relay, LogOrigin::Refresh})
        if (m_filter.includes(origin) && (origin == LogOrigin::Relay ? m_installedRelay : m_installedRefresh))
            run(QStringLiteral("page"), origin, LogQuery::newest(origin, m_filter, kPage));
    updateStatus();
}

void LogPage::loadOlder() {
    if (!session() || m_inFlight > 0)
        return;
    for (LogOrigin origin : {LogOrigin::Relay, LogOrigin::Refresh}) {
        const auto &cursor = m_model->cursor(origin);
        if (!m_filter.includes(origin) || cursor.exhausted || cursor.lowest == 0
            || !(origin == LogOrigin::Relay ? m_installedRelay : m_installedRefresh))
            continue;
        run(QStringLiteral("page"), origin, LogQuery::before(origin, m_filter, cursor.lowest, kPage));
    }
}

void LogPage::tail() {
    if (!session() || !m_probed || m_inFlight > 0 || !m_live->isChecked())
        return;
    for (LogOrigin origin : {LogOrigin::Relay, LogOrigin::Refresh})
        if (m_filter.includes(origin) && (origin == LogOrigin::Relay ? m_installedRelay : m_installedRefresh))
            run(QStringLiteral("tail"), origin, LogQuery::after(origin, m_filter, m_model->cursor(origin).highest, kTail));
}

void LogPage::run(const QString &kind, LogOrigin origin, const LogStatement &statement) {
    ++m_inFlight;
    session()->query(QStringLiteral("log.%1.%2.%3").arg(kind, originName(origin)).arg(m_generation), statement.sql,
                     statement.params);
}

void LogPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == kProbeTag) {
        m_probed = true;
        m_installedRelay = result.rows.value(0).value(0).toString() == QLatin1String("t");
        m_installedRefresh = result.rows.value(0).value(1).toString() == QLatin1String("t");
        QStringList lists;
        lists << (m_installedRelay ? QStringLiteral("(select array_agg(name order by name) from pgrelay.channel)")
                                   : QStringLiteral("null::text[]"));
        lists << (m_installedRefresh ? QStringLiteral("(select array_agg(format('%I.%I', mv_schema, mv_name) order by 1) from pgauto_mv.mv)")
                                     : QStringLiteral("null::text[]"));
        session()->query(kListsTag, QStringLiteral("select array_to_json(%1)::text, array_to_json(%2)::text").arg(lists[0], lists[1]));
        applyFilter();
        return;
    }
    if (tag == kListsTag) {
        auto names = [](const QVariant &json) {
            QStringList out;
            for (const auto &value : QJsonDocument::fromJson(json.toString().toUtf8()).array())
                out << value.toString();
            return out;
        };
        fillCombo(m_channel, tr("any channel"), names(result.rows.value(0).value(0)));
        fillCombo(m_view, tr("any view"), names(result.rows.value(0).value(1)));
        return;
    }
    if (tag == kFailedTag) {
        m_failed->setRowCount(0);
        m_failed->setRowCount(int(result.rows.size()));
        for (int r = 0; r < result.rows.size(); ++r) {
            for (int c = 0; c < 6; ++c)
                m_failed->setItem(r, c, new QTableWidgetItem(result.rows[r].value(c).toString()));
            m_failed->item(r, 0)->setData(Qt::UserRole, result.rows[r].value(6));   // the payload, for the details
        }
        m_failed->resizeColumnsToContents();
        return;
    }
    if (tag == kBulkRequeueTag || tag == kDiscardTag) {
        const QString n = result.rows.value(0).value(0).toString();
        m_lastError.clear();
        m_status->setText(tag == kDiscardTag ? tr("%1 failed event(s) discarded.").arg(n)
                                             : tr("%1 failed event(s) back in the queue.").arg(n));
        reloadFailed();
        return;
    }
    if (tag == kRequeueTag) {
        m_status->setText(tr("Event %1 is back in the queue as event %2.")
                              .arg(m_failedDetail->property("eventId").toString(), result.rows.value(0).value(0).toString()));
        reloadFailed();
        return;
    }
    const QStringList parts = tag.split('.');
    if (parts.size() != 4 || parts[0] != QLatin1String("log"))
        return;
    if (parts[3].toInt() != m_generation)
        return;   // an answer to a filter no longer shown
    --m_inFlight;
    const LogOrigin origin = parts[2] == QLatin1String("relay") ? LogOrigin::Relay : LogOrigin::Refresh;
    const bool firstPages = m_model->rowCount() < 2 * kPage;   // the newest page of each log
    if (parts[1] == QLatin1String("page"))
        m_model->addOlder(origin, result, kPage);
    else
        m_model->addNewer(origin, result);
    if (firstPages && parts[1] == QLatin1String("page"))
        m_table->resizeColumnsToContents();
    updateStatus();
}

void LogPage::onError(const QString &tag, const QString &message) {
    if (!tag.startsWith(QLatin1String("log.")))
        return;
    const QStringList parts = tag.split('.');
    if (parts.size() == 4 && parts[3].toInt() == m_generation)
        --m_inFlight;
    if (tag == kBulkRequeueTag || tag == kDiscardTag) {
        m_lastError.clear();
        m_status->setText(tr("The server refused this; nothing was changed:\n%1").arg(message.trimmed()));
        return;
    }
    m_lastError = tag == kRequeueTag ? tr("Could not requeue: %1").arg(message.trimmed())
                                     : tr("Could not read the log: %1").arg(message.trimmed());
    updateStatus();
}

void LogPage::updateStatus() {
    QString text = tr("%Ln row(s) loaded", nullptr, m_model->rowCount());
    const bool more = (m_filter.includes(LogOrigin::Relay) && m_installedRelay && !m_model->cursor(LogOrigin::Relay).exhausted)
                      || (m_filter.includes(LogOrigin::Refresh) && m_installedRefresh
                          && !m_model->cursor(LogOrigin::Refresh).exhausted);
    text += more ? tr(" · scroll down for older") : tr(" · all loaded");
    if (m_live->isChecked() && polling())
        text += tr(" · live");
    if (!m_installedRelay && !m_installedRefresh && m_probed)
        text = tr("Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page.");
    if (!m_lastError.isEmpty())
        text += QStringLiteral(" — ") + m_lastError;
    m_olderButton->setEnabled(more);
    m_status->setText(text);
}

QString LogPage::statusText() const { return m_status->text(); }

void LogPage::reloadFailed() {
    if (!session() || !m_installedRelay)
        return;
    session()->query(kFailedTag, QStringLiteral("select id, channel, failed_at, attempts, sqlstate, message, payload::text"
                                                "  from pgrelay.failed order by failed_at desc, id desc limit 1000"));
}

QList<qint64> LogPage::failedEvents() const {
    QList<qint64> ids;
    for (int r = 0; r < m_failed->rowCount(); ++r)
        ids << m_failed->item(r, 0)->text().toLongLong();
    return ids;
}

void LogPage::showFailedRow(int row) {
    if (row < 0 || !m_failed->item(row, 0)) {
        m_failedDetail->clear();
        return;
    }
    m_failedDetail->setProperty("eventId", m_failed->item(row, 0)->text());
    m_failedDetail->setPlainText(tr("Event %1 on channel %2 failed after %n attempt(s): %3 %4\n\nPayload:\n%5", nullptr,
                                    m_failed->item(row, 3)->text().toInt())
                                     .arg(m_failed->item(row, 0)->text(), m_failed->item(row, 1)->text(),
                                          m_failed->item(row, 4)->text(), m_failed->item(row, 5)->text(),
                                          m_failed->item(row, 0)->data(Qt::UserRole).toString()));
}

void LogPage::requeue(qint64 eventId) {
    if (!session())
        return;
    m_failedDetail->setProperty("eventId", QString::number(eventId));
    session()->action(kRequeueTag, QStringLiteral("select pgrelay.requeue_failed($1)"), {eventId});
}

void LogPage::setFailedMatch(const QString &channel, const QString &sqlstate) {
    m_failedChannel->setText(channel);
    m_failedState->setText(sqlstate);
}

void LogPage::requeueMatching() {
    if (!session())
        return;
    const QString channel = m_failedChannel->text().trimmed(), state = m_failedState->text().trimmed().toUpper();
    // Requeueing changes nothing for good: with no filter it takes every one (p_all).
    session()->action(kBulkRequeueTag,
                      QStringLiteral("select pgrelay.requeue_failed_events(p_channel => nullif($1, ''),"
                                     " p_sqlstate => nullif($2, ''), p_all => $1 = '' and $2 = '')"),
                      {channel, state});
}

void LogPage::discardMatching() {
    if (!session())
        return;
    const QString channel = m_failedChannel->text().trimmed(), state = m_failedState->text().trimmed().toUpper();
    if (channel.isEmpty() && state.isEmpty()) {
        m_status->setText(tr("Discard deletes failed events with their payload for good: give a channel or a SQLSTATE first."));
        return;   // nothing runs
    }
    session()->action(kDiscardTag,
                      QStringLiteral("select pgrelay.discard_failed_events(p_channel => nullif($1, ''),"
                                     " p_sqlstate => nullif($2, ''))"),
                      {channel, state});
}

QString LogPage::csv() const { return csvFromModel(*m_proxy); }

void LogPage::exportCsv() {
    if (const QString error = saveCsvAs(this, tr("Export log"), QStringLiteral("log.csv"), csv()); !error.isEmpty())
        m_status->setText(error);
}

void LogPage::sessionChanged() {
    m_probed = false;
    m_inFlight = 0;
    ++m_generation;
    m_model->clear();
    if (!session())
        m_status->setText(tr("Not connected."));
}

void LogPage::shown() {
    if (!m_probed)
        session()->query(kProbeTag, QStringLiteral("select to_regclass('pgrelay.log') is not null,"
                                                   " to_regclass('pgauto_mv.refresh_log') is not null"));
    else
        tail();
}

} // namespace automv::ui
