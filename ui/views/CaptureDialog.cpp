#include "ui/views/CaptureDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace automv::ui {

CaptureDialog::CaptureDialog(const Status &status, QWidget *parent) : SubmittingDialog(parent), m_status(status) {
    setWindowTitle(tr("Change capture"));
    m_triggers = new QRadioButton(tr("&Triggers — each write to a watched table also writes a small request (the default; works everywhere)"));
    m_triggers->setObjectName(QStringLiteral("modeTriggers"));
    m_wal = new QRadioButton(tr("&WAL — writers run nothing; the processor reads the changes from a logical replication slot"));
    m_wal->setObjectName(QStringLiteral("modeWal"));
    setChosenMode(status.mode);

    auto *state = new QFormLayout;
    auto *mode = new QLabel(status.mode == QLatin1String("wal") ? tr("WAL (slot %1)").arg(status.slot) : tr("Triggers"));
    mode->setObjectName(QStringLiteral("currentMode"));
    state->addRow(tr("Now:"), mode);
    auto *lag = new QLabel(lagText(status));
    lag->setObjectName(QStringLiteral("lag"));
    state->addRow(tr("Capture lag:"), lag);
    state->addRow(tr("Watched tables:"),
                  new QLabel(tr("%1 read from the WAL, %2 with triggers").arg(status.walTables).arg(status.triggerTables)));
    if (!status.lostAt.isEmpty()) {
        auto *lost = new QLabel(tr("The slot was lost at %1 (%2): every view it watched was refreshed and capture went back to "
                                   "triggers. Raise max_slot_wal_keep_size, then choose WAL again.")
                                    .arg(status.lostAt, status.lostReason));
        lost->setObjectName(QStringLiteral("lost"));
        lost->setWordWrap(true);
        state->addRow(tr("Lost:"), lost);
    }

    auto *about = new QLabel(tr("WAL capture needs wal_level = logical and the REPLICATION attribute for pg_auto_mv's role. "
                                "A slot keeps WAL until it is read: set max_slot_wal_keep_size so a processor that is down "
                                "cannot fill the disk. Tables without a primary key keep their triggers. Switching never "
                                "loses a change; only pg_auto_mv's installing role may switch."));
    about->setWordWrap(true);
    auto *message = new QLabel;
    message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Switch"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CaptureDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CaptureDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(state);
    layout->addWidget(m_triggers);
    layout->addWidget(m_wal);
    layout->addWidget(about);
    layout->addWidget(message);
    layout->addWidget(buttons);
    setUpSubmission(message, buttons);
    resize(640, sizeHint().height());
}

QString CaptureDialog::chosenMode() const { return m_wal->isChecked() ? QStringLiteral("wal") : QStringLiteral("triggers"); }

void CaptureDialog::setChosenMode(const QString &mode) {
    (mode == QLatin1String("wal") ? m_wal : m_triggers)->setChecked(true);
}

QString CaptureDialog::doneText() const {
    return chosenMode() == QLatin1String("wal") ? tr("Changes are now read from the WAL.")
                                                 : tr("Changes are now captured by triggers.");
}

QString CaptureDialog::lagText(const Status &status) {
    if (status.lagBytes < 0)
        return tr("no slot");
    QString text = tr("%1 behind").arg(QLocale().formattedDataSize(qint64(status.lagBytes)));
    if (status.streaming)
        text += tr(", a processor streams it");
    else
        text += tr(", last read %1 s ago (no processor streams it)").arg(status.secondsSinceRun, 0, 'f', 1);
    if (!status.walStatus.isEmpty() && status.walStatus != QLatin1String("reserved"))
        text += tr(" (slot WAL: %1)").arg(status.walStatus);
    return text;
}

QString CaptureDialog::problem() const {
    if (chosenMode() == m_status.mode && (m_status.mode == QLatin1String("triggers") || !m_status.slot.isEmpty()))
        return chosenMode() == QLatin1String("wal") ? tr("Changes are read from the WAL already.")
                                                     : tr("Changes are captured by triggers already.");
    return {};
}

void CaptureDialog::submit() { m_submitter(*this); }

QString CaptureDialog::busyText() const { return tr("Switching… (this waits for transactions in progress)"); }

} // namespace automv::ui
