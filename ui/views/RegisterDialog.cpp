#include "ui/views/RegisterDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace automv::ui {

namespace {

const QStringList kOperations{"INSERT", "UPDATE", "DELETE", "TRUNCATE"};
constexpr int kReadColumnsColumn = 5;

QDoubleSpinBox *seconds(double value, double minimum, const QString &tip) {
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, 86400);
    box->setDecimals(2);
    box->setSuffix(QObject::tr(" s"));
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

} // namespace

RegisterDialog::RegisterDialog(const Registration &initial, const QStringList &suggestedTables,
                               const QStringList &alertChannels, QWidget *parent)
    : SubmittingDialog(parent), m_initial(initial) {
    setWindowTitle(initial.existing ? tr("Edit registration — %1.%2").arg(initial.schema, initial.name)
                                    : tr("Register %1.%2").arg(initial.schema, initial.name));
    // Ranges below the valid ones: a typed negative stays as typed and OK says what is wrong
    // (a minimum of 0 silently turned "-5" into 0).
    m_lag = seconds(initial.refreshLag, -86400, tr("Refresh this long after the most recent change (debounce)."));
    m_maxWait = seconds(initial.maxWait, -86400, tr("Refresh at the latest this long after the first unrefreshed change; 0: no maximum."));
    m_cooldown = seconds(initial.cooldown, -86400, tr("At least this long between two refreshes' completions."));
    m_lockTimeout = seconds(initial.lockTimeout, -86400, tr("How long a refresh waits for its lock before it retries later."));
    m_refreshTimeout = seconds(initial.refreshTimeout, 0,
                               tr("A refresh running longer is cancelled and logged as failed (57014); 0: no limit."));
    m_refreshTimeout->setSpecialValueText(tr("none"));
    m_fireOnReplica = new QCheckBox(tr("Also refresh on changes applied by logical replication (fire_on_replica)"));
    m_fireOnReplica->setChecked(initial.fireOnReplica);
    m_lag->setObjectName(QStringLiteral("refreshLag"));
    m_maxWait->setObjectName(QStringLiteral("maxWait"));
    m_cooldown->setObjectName(QStringLiteral("cooldown"));
    m_lockTimeout->setObjectName(QStringLiteral("lockTimeout"));
    m_refreshTimeout->setObjectName(QStringLiteral("refreshTimeout"));
    m_fireOnReplica->setObjectName(QStringLiteral("fireOnReplica"));
    // Where a refresh that fails for good is reported: a pg_relay channel whose action gets the
    // view, SQLSTATE, message and failures in a row as jsonb.
    m_onFailure = new QComboBox;
    m_onFailure->setObjectName(QStringLiteral("onFailure"));
    m_onFailure->addItem(tr("(the database's default)"), QString());
    for (const QString &channel : alertChannels)
        m_onFailure->addItem(channel, channel);
    if (!initial.onFailure.isEmpty() && m_onFailure->findData(initial.onFailure) < 0)   // dropped since
        m_onFailure->addItem(tr("%1 (no longer exists)").arg(initial.onFailure), initial.onFailure);
    m_onFailure->setCurrentIndex(std::max(0, m_onFailure->findData(initial.onFailure)));
    m_onFailure->setToolTip(tr("A refresh that fails for good (not a retried class-40 error) notifies this pg_relay "
                               "channel with the view, SQLSTATE, message and failures in a row."));

    // Ranges wider than the valid ones, as for the timings: OK says what is wrong.
    m_priority = new QSpinBox;
    m_priority->setObjectName(QStringLiteral("priority"));
    m_priority->setRange(-9999, 9999);
    m_priority->setValue(initial.priority);
    m_priority->setToolTip(tr("When more refreshes are due than may run at once (setting max_parallel_refreshes), "
                              "the higher priority starts first; -1000 to 1000, default 0."));

    auto *timing = new QWidget;
    auto *form = new QFormLayout(timing);
    form->addRow(tr("Refresh &lag:"), m_lag);
    form->addRow(tr("&Max wait:"), m_maxWait);
    form->addRow(tr("&Cooldown:"), m_cooldown);
    form->addRow(tr("Lock &timeout:"), m_lockTimeout);
    form->addRow(tr("&Refresh timeout:"), m_refreshTimeout);
    form->addRow(QString(), m_fireOnReplica);
    form->addRow(tr("On &failure, notify:"), m_onFailure);
    form->addRow(tr("&Priority:"), m_priority);
    m_blackouts = new QLabel;
    m_blackouts->setObjectName(QStringLiteral("blackouts"));
    m_blackouts->setWordWrap(true);
    m_blackouts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Blackout windows:"), m_blackouts);
    setBlackouts({});

    m_watches = new QTableWidget(0, 6);
    m_watches->setHorizontalHeaderLabels({tr("Table"), "INSERT", "UPDATE", "DELETE", "TRUNCATE",
                                          tr("Only columns read (UPDATE)")});
    m_watches->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_watches->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_watches->horizontalHeaderItem(kReadColumnsColumn)
        ->setToolTip(tr("Only UPDATEs of the columns the view reads request a refresh (from pg_depend)"));
    m_watches->verticalHeader()->hide();
    m_watches->setObjectName(QStringLiteral("watches"));
    for (const auto &watch : initial.watches)
        addWatchRow(watch);
    if (!initial.existing)
        for (const QString &table : suggestedTables) {
            bool present = false;
            for (const auto &watch : initial.watches)
                present = present || watch.table == table;
            if (!present)
                addWatchRow({table, kOperations, false});
        }
    auto *addButton = new QPushButton(tr("&Add table…"));
    connect(addButton, &QPushButton::clicked, this, [this] {
        const QString table = QInputDialog::getText(this, tr("Watch a table"), tr("Table (schema.table):"));
        if (!table.trimmed().isEmpty())
            addWatchRow({table.trimmed(), kOperations, false});
    });
    auto *removeButton = new QPushButton(tr("&Remove"));
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_watches->currentRow() >= 0)
            m_watches->removeRow(m_watches->currentRow());
        updatePreview();
    });
    auto *watchPage = new QWidget;
    auto *watchLayout = new QVBoxLayout(watchPage);
    watchLayout->addWidget(new QLabel(tr("Changes to these tables request a refresh. Suggested from the view's dependencies; "
                                         "none: refresh only by schedule, chain or on demand.")));
    watchLayout->addWidget(m_watches);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(addButton);
    rowButtons->addWidget(removeButton);
    rowButtons->addStretch();
    watchLayout->addLayout(rowButtons);

    m_preview = new QPlainTextEdit;
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *tabs = new QTabWidget;
    tabs->addTab(timing, tr("&Timing"));
    tabs->addTab(watchPage, tr("&Watched tables"));
    tabs->addTab(m_preview, tr("SQL &preview"));

    auto *message = new QLabel;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(initial.existing ? tr("Apply") : tr("Register"));
    setUpSubmission(message, buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(message);
    layout->addWidget(buttons);

    for (auto *box : {m_lag, m_maxWait, m_cooldown, m_lockTimeout, m_refreshTimeout})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RegisterDialog::updatePreview);
    connect(m_fireOnReplica, &QCheckBox::toggled, this, &RegisterDialog::updatePreview);
    connect(m_onFailure, &QComboBox::currentIndexChanged, this, &RegisterDialog::updatePreview);
    connect(m_priority, &QSpinBox::valueChanged, this, &RegisterDialog::updatePreview);
    connect(m_watches, &QTableWidget::itemChanged, this, &RegisterDialog::updatePreview);
    updatePreview();
    resize(760, 460);
}

void RegisterDialog::addWatchRow(const Registration::Watch &watch) {
    const QSignalBlocker blocker(m_watches);
    const int row = m_watches->rowCount();
    m_watches->insertRow(row);
    m_watches->setItem(row, 0, new QTableWidgetItem(watch.table));
    for (int c = 0; c < kOperations.size(); ++c) {
        auto *item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(watch.operations.contains(kOperations[c]) ? Qt::Checked : Qt::Unchecked);
        m_watches->setItem(row, c + 1, item);
    }
    auto *narrow = new QTableWidgetItem;
    narrow->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
    narrow->setCheckState(watch.readColumnsOnly ? Qt::Checked : Qt::Unchecked);
    m_watches->setItem(row, kReadColumnsColumn, narrow);
    updatePreview();
}

Registration RegisterDialog::registration() const {
    Registration r = m_initial;
    r.refreshLag = m_lag->value();
    r.maxWait = m_maxWait->value();
    r.cooldown = m_cooldown->value();
    r.lockTimeout = m_lockTimeout->value();
    r.refreshTimeout = m_refreshTimeout->value();
    r.fireOnReplica = m_fireOnReplica->isChecked();
    r.onFailure = m_onFailure->currentData().toString();
    r.priority = m_priority->value();
    r.watches.clear();
    for (int row = 0; row < m_watches->rowCount(); ++row) {
        Registration::Watch watch;
        watch.table = m_watches->item(row, 0) ? m_watches->item(row, 0)->text().trimmed() : QString();
        for (int c = 0; c < kOperations.size(); ++c)
            if (m_watches->item(row, c + 1) && m_watches->item(row, c + 1)->checkState() == Qt::Checked)
                watch.operations << kOperations[c];
        watch.readColumnsOnly = m_watches->item(row, kReadColumnsColumn)
                                && m_watches->item(row, kReadColumnsColumn)->checkState() == Qt::Checked;
        r.watches << watch;
    }
    return r;
}

QString RegisterDialog::previewText() const { return m_preview->toPlainText(); }

void RegisterDialog::setBlackouts(const QStringList &windows) {
    m_blackouts->setText(windows.isEmpty()
                             ? tr("none — no automatic refresh is held back (pgauto_mv.add_blackout() adds a window)")
                             : windows.join(QLatin1Char('\n')));
}

void RegisterDialog::updatePreview() {
    if (m_preview)   // rows added while the dialog is being built come before the preview exists
        m_preview->setPlainText(registration().previewSql());
}

QString RegisterDialog::busyText() const { return m_initial.existing ? tr("Applying…") : tr("Registering…"); }

} // namespace automv::ui
