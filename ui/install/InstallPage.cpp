#include "ui/install/InstallPage.h"

#include "ui/session/DatabaseSession.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr auto kStatusTag = "install.status";
constexpr auto kStepTag = "install.step";
} // namespace

InstallPage::InstallPage(QWidget *parent)
    : SessionPage(0, parent), m_table(new QTableWidget(0, 5)), m_preview(new QPlainTextEdit),
      m_preferBundled(new QCheckBox(tr("Use the SQL bundled with the console even where the server has the extension files"))),
      m_installButton(new QPushButton(tr("&Install…"))), m_message(new QLabel) {
    setObjectName(QStringLiteral("installPage"));
    m_table->setHorizontalHeaderLabels({tr("Extension"), tr("Installed"), tr("As"), tr("Server offers"), tr("Bundled")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(110);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_installButton->setEnabled(false);
    m_message->setWordWrap(true);
    connect(m_preferBundled, &QCheckBox::toggled, this, &InstallPage::showPlan);
    connect(m_installButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Install"), tr("Run the SQL shown on this database?")) == QMessageBox::Yes)
            install();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_preferBundled);
    layout->addWidget(new QLabel(tr("What will run:")));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_installButton, 0, Qt::AlignLeft);
    layout->addWidget(m_message);
}

void InstallPage::sessionChanged() {
    reload();   // what is installed is read at once, shown or not
}

QString InstallPage::previewText() const { return m_preview->toPlainText(); }
QString InstallPage::statusText() const { return m_message->text(); }
void InstallPage::setPreferBundled(bool bundled) { m_preferBundled->setChecked(bundled); }

void InstallPage::reload() {
    if (session())
        session()->query(QString::fromLatin1(kStatusTag), ExtensionInstaller::statusSql());
}

void InstallPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kStatusTag)) {
        m_status = ExtensionInstaller::parseStatus(result);
        m_table->setRowCount(int(m_status.size()));
        for (int r = 0; r < m_status.size(); ++r) {
            const auto &s = m_status[r];
            const QStringList cells{s.name, s.installed.isEmpty() ? tr("not installed") : s.installed,
                                    s.installed.isEmpty() ? QString() : (s.asExtension ? tr("extension") : tr("plain SQL")),
                                    s.available.isEmpty() ? tr("—") : s.available, s.bundled};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        }
        showPlan();
        return;
    }
    if (tag == QLatin1String(kStepTag)) {
        m_message->setText(tr("%1 installed.").arg(m_plan.value(m_nextStep).name));
        ++m_nextStep;
        runNextStep();
    }
}

void InstallPage::onError(const QString &tag, const QString &message) {
    if (tag == QLatin1String(kStepTag)) {
        m_message->setText(tr("Installing %1 failed, nothing of it was kept: %2")
                               .arg(m_plan.value(m_nextStep).name, message.trimmed()));
        m_nextStep = -1;
        reload();
    } else if (tag == QLatin1String(kStatusTag)) {
        m_message->setText(tr("Cannot read what is installed: %1").arg(message.trimmed()));
    }
}

void InstallPage::showPlan() {
    m_plan = ExtensionInstaller::plan(m_status, m_preferBundled->isChecked());
    QStringList text;
    for (const auto &step : m_plan)
        text << QStringLiteral("-- %1\n%2").arg(step.description, step.sql.left(20000));
    for (const auto &s : m_status)
        if (const QString note = ExtensionInstaller::upgradeNote(s); !note.isEmpty())
            text << QStringLiteral("-- ") + note;
    m_preview->setPlainText(m_plan.isEmpty() && text.isEmpty() ? tr("-- Both extensions are installed and up to date; nothing to do.")
                                                               : text.join("\n\n"));
    m_installButton->setEnabled(!m_plan.isEmpty() && m_nextStep < 0);
}

void InstallPage::install() {
    if (!session() || m_plan.isEmpty())
        return;
    m_installButton->setEnabled(false);
    m_nextStep = 0;
    runNextStep();
}

void InstallPage::runNextStep() {
    if (m_nextStep >= m_plan.size()) {
        m_nextStep = -1;
        m_message->setText(tr("Installed."));
        reload();
        emit installed();
        return;
    }
    m_message->setText(tr("Installing %1…").arg(m_plan[m_nextStep].name));
    session()->runScript(QString::fromLatin1(kStepTag), m_plan[m_nextStep].sql);
}

} // namespace automv::ui
