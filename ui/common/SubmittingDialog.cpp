#include "ui/common/SubmittingDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace automv::ui {

namespace {
const QString kErrorStyle = QStringLiteral("color: #c0392b");
}

void SubmittingDialog::setUpSubmission(QLabel *message, QDialogButtonBox *buttons) {
    m_message = message;
    m_message->setWordWrap(true);
    m_message->setStyleSheet(kErrorStyle);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &SubmittingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SubmittingDialog::reject);
}

QString SubmittingDialog::message() const { return m_message ? m_message->text() : QString(); }

QString SubmittingDialog::busyText() const { return tr("Applying…"); }

void SubmittingDialog::accept() {
    if (m_submitting)
        return;   // one call at a time
    const QString wrong = problem();
    if (!wrong.isEmpty()) {
        m_message->setStyleSheet(kErrorStyle);
        m_message->setText(wrong);
        return;   // nothing runs
    }
    if (!canSubmit()) {
        QDialog::accept();
        return;
    }
    m_submitting = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setStyleSheet(QString());
    m_message->setText(busyText());
    submit();
}

void SubmittingDialog::submitFinished(const QString &error) {
    if (!m_submitting)
        return;
    m_submitting = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (error.isEmpty()) {
        m_message->clear();
        QDialog::accept();
        return;
    }
    m_message->setStyleSheet(kErrorStyle);
    m_message->setText(tr("The server refused this; nothing was changed:\n%1").arg(error.trimmed()));
}

} // namespace automv::ui
