#include "ui/views/BlackoutDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace automv::ui {

BlackoutDialog::BlackoutDialog(const QList<Window> &windows, const QString &schema, const QString &name, QWidget *parent)
    : SubmittingDialog(parent), m_windows(windows), m_schema(schema), m_name(name) {
    setWindowTitle(tr("Blackout windows"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("windows"));
    for (const Window &window : windows)
        m_list->addItem(window.view.isEmpty() ? tr("%1 — every view").arg(window.text)
                                              : tr("%1 — %2").arg(window.text, window.view));
    m_remove = new QPushButton(tr("&Remove…"));
    m_remove->setObjectName(QStringLiteral("removeWindow"));
    m_remove->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (selected() && QMessageBox::question(this, tr("Remove blackout window"),
                                                tr("Remove the window %1? Refreshes it held back run when due.")
                                                    .arg(m_list->currentItem()->text()))
                              == QMessageBox::Yes)
            removeSelected();
    });

    m_days = new QLineEdit;
    m_days->setObjectName(QStringLiteral("days"));
    m_days->setPlaceholderText(tr("Mon-Fri, Sat,Sun, daily, weekdays, weekends"));
    m_from = new QTimeEdit(QTime(8, 0));
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to = new QTimeEdit(QTime(18, 0));
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setToolTip(tr("An end before the start ends the next day (22:00–06:00)."));
    m_timezone = new QComboBox;
    m_timezone->setObjectName(QStringLiteral("timezone"));
    m_timezone->setEditable(true);   // the server knows the zones; it refuses one it does not
    m_timezone->addItem(QStringLiteral("UTC"));
    if (const QString local = QString::fromUtf8(QTimeZone::systemTimeZoneId()); !local.isEmpty() && local != "UTC")
        m_timezone->addItem(local);
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("scope"));
    if (!name.isEmpty())
        m_scope->addItem(tr("Only %1.%2").arg(schema, name));
    m_scope->addItem(tr("Every view (pg_auto_mv's installing role only)"));

    auto *about = new QLabel(tr("No automatic refresh runs inside a window: a change made in one refreshes when it closes, "
                                "and max_wait counts from there. A manual refresh still runs."));
    about->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Days:"), m_days);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("Time &zone:"), m_timezone);
    form->addRow(tr("&Holds:"), m_scope);

    auto *message = new QLabel;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add window"));
    setUpSubmission(message, buttons);

    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addWidget(m_remove, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(listRow, 1);
    layout->addWidget(new QLabel(tr("New window:")));
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    resize(560, 440);
}

bool BlackoutDialog::forOneView() const { return !m_name.isEmpty() && m_scope->currentIndex() == 0; }

const BlackoutDialog::Window *BlackoutDialog::selected() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < m_windows.size() ? &m_windows[row] : nullptr;
}

QString BlackoutDialog::problem() const {
    if (m_removing)
        return selected() ? QString() : tr("Select a window to remove.");
    if (m_days->text().trimmed().isEmpty())
        return tr("Give the days, e.g. Mon-Fri, Sat,Sun or daily.");
    if (m_from->time() == m_to->time())
        return tr("A window cannot start and end at the same time.");
    if (m_timezone->currentText().trimmed().isEmpty())
        return tr("Give a time zone, e.g. UTC or Europe/London.");
    return {};
}

QString BlackoutDialog::sql() const {
    if (m_removing)
        return QStringLiteral("select pgauto_mv.drop_blackout($1::integer)");
    return QStringLiteral("select pgauto_mv.add_blackout($1, $2::time, $3::time, $4, $5, $6)");
}

QVariantList BlackoutDialog::params() const {
    if (m_removing)
        return {QString::number(selected() ? selected()->id : 0)};
    return {m_days->text().trimmed(), m_from->time().toString(QStringLiteral("HH:mm")),
            m_to->time().toString(QStringLiteral("HH:mm")), m_timezone->currentText().trimmed(),
            forOneView() ? QVariant(m_name) : QVariant(), forOneView() ? QVariant(m_schema) : QVariant(QStringLiteral("public"))};
}

QString BlackoutDialog::doneText() const {
    if (m_removing)
        return tr("Blackout window %1 removed.").arg(m_list->currentItem() ? m_list->currentItem()->text() : QString());
    return tr("Blackout window %1 %2–%3 %4 added for %5.")
        .arg(m_days->text().trimmed(), m_from->time().toString(QStringLiteral("HH:mm")), m_to->time().toString(QStringLiteral("HH:mm")),
             m_timezone->currentText().trimmed(), forOneView() ? m_schema + '.' + m_name : tr("every view"));
}

void BlackoutDialog::removeSelected() {
    m_removing = true;
    accept();   // with a submitter: sends the removal (submit())
    if (!submitting())
        m_removing = false;   // refused here (nothing selected): the next OK adds again
}

void BlackoutDialog::submit() {
    m_submitter(*this);   // takes the call and what to say when it is done
    m_removing = false;
}

QString BlackoutDialog::busyText() const { return m_removing ? tr("Removing…") : tr("Adding…"); }

} // namespace automv::ui
