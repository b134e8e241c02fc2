#include "ui/processor/ChannelPolicyDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace automv::ui {

namespace {

/// Wide ranges on purpose: a typed out-of-range value reaches validate() and gets a message
/// instead of being clamped silently.
QDoubleSpinBox *seconds(const QString &name, double value, int decimals = 1) {
    auto *box = new QDoubleSpinBox;
    box->setObjectName(name);
    box->setRange(-1e7, 1e7);
    box->setDecimals(decimals);
    box->setValue(value);
    return box;
}

} // namespace

ChannelPolicyDialog::ChannelPolicyDialog(const ChannelPolicy &initial, const QStringList &alertChannels, QWidget *parent)
    : SubmittingDialog(parent), m_initial(initial) {
    setWindowTitle(tr("Retries and failure alerts: %1").arg(initial.channel));
    m_maxAttempts = new QSpinBox;
    m_maxAttempts->setObjectName(QStringLiteral("maxAttempts"));
    m_maxAttempts->setRange(-100000, 100000);
    m_maxAttempts->setValue(initial.maxAttempts);
    m_retryOn = new QLineEdit(initial.retryOn.join(QStringLiteral(", ")));
    m_retryOn->setObjectName(QStringLiteral("retryOn"));
    m_retryOn->setPlaceholderText(tr("none: never retry"));
    m_retryOn->setToolTip(tr("SQLSTATE classes (40: serialization failures and deadlocks) or codes (55P03: lock not available), separated by commas"));
    m_base = seconds(QStringLiteral("retryBase"), initial.retryBase);
    m_base->setSuffix(tr(" s"));
    m_base->setSpecialValueText(tr("3 s, 5 s, 10 s (pg_relay's fixed steps)"));
    m_base->setMinimum(0);   // 0 is the special value; below it there is nothing to type
    m_factor = seconds(QStringLiteral("retryFactor"), initial.retryFactor, 2);
    m_cap = seconds(QStringLiteral("retryCap"), initial.retryCap);
    m_cap->setSuffix(tr(" s"));
    m_jitter = seconds(QStringLiteral("retryJitter"), initial.retryJitter, 2);
    m_onFailure = new QComboBox;
    m_onFailure->setObjectName(QStringLiteral("onFailure"));
    m_onFailure->addItem(tr("(none)"), QString());
    for (const auto &name : alertChannels)
        if (name != initial.channel)
            m_onFailure->addItem(name, name);
    if (!initial.onFailure.isEmpty()) {
        if (m_onFailure->findData(initial.onFailure) < 0)
            m_onFailure->addItem(initial.onFailure, initial.onFailure);
        m_onFailure->setCurrentIndex(m_onFailure->findData(initial.onFailure));
    }
    m_alertPayload = new QCheckBox(tr("Include the failed event's payload"));
    m_alertPayload->setObjectName(QStringLiteral("alertPayload"));
    m_alertPayload->setChecked(initial.alertPayload);
    m_alertPayload->setToolTip(tr("Off: the alert carries the event's id, channel, SQLSTATE, message (values redacted), attempts and time only"));

    auto *retries = new QGroupBox(tr("Retries"));
    auto *retryForm = new QFormLayout(retries);
    retryForm->addRow(tr("&Runs in all:"), m_maxAttempts);
    retryForm->addRow(tr("Retry on &SQLSTATEs:"), m_retryOn);
    retryForm->addRow(tr("&First delay:"), m_base);
    retryForm->addRow(tr("Each delay &times:"), m_factor);
    retryForm->addRow(tr("&Longest delay:"), m_cap);
    retryForm->addRow(tr("&Jitter (fraction taken off at random):"), m_jitter);
    auto *alerts = new QGroupBox(tr("Failure alerts"));
    auto *alertForm = new QFormLayout(alerts);
    alertForm->addRow(tr("&Alert channel:"), m_onFailure);
    alertForm->addRow(QString(), m_alertPayload);

    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *message = new QLabel;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    setUpSubmission(message, buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(retries);
    layout->addWidget(alerts);
    layout->addWidget(new QLabel(tr("What OK runs:")));
    layout->addWidget(m_preview, 1);
    layout->addWidget(message);
    layout->addWidget(buttons);

    for (auto *box : {m_base, m_factor, m_cap, m_jitter})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ChannelPolicyDialog::updatePreview);
    connect(m_maxAttempts, &QSpinBox::valueChanged, this, &ChannelPolicyDialog::updatePreview);
    connect(m_retryOn, &QLineEdit::textChanged, this, &ChannelPolicyDialog::updatePreview);
    connect(m_onFailure, &QComboBox::currentIndexChanged, this, &ChannelPolicyDialog::updatePreview);
    connect(m_alertPayload, &QCheckBox::toggled, this, &ChannelPolicyDialog::updatePreview);
    updatePreview();
    resize(560, 620);
}

ChannelPolicy ChannelPolicyDialog::policy() const {
    ChannelPolicy p = m_initial;
    p.maxAttempts = m_maxAttempts->value();
    p.retryOn.clear();
    for (const auto &part : m_retryOn->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString code = part.trimmed().toUpper(); !code.isEmpty())
            p.retryOn << code;
    p.retryBase = m_base->value();
    p.retryFactor = m_factor->value();
    p.retryCap = m_cap->value();
    p.retryJitter = m_jitter->value();
    p.onFailure = m_onFailure->currentData().toString();
    p.alertPayload = m_alertPayload->isChecked();
    return p;
}

QString ChannelPolicyDialog::previewText() const { return m_preview->toPlainText(); }

void ChannelPolicyDialog::updatePreview() {
    m_alertPayload->setEnabled(m_onFailure->currentIndex() > 0);
    m_preview->setPlainText(policy().previewSql());
}


} // namespace automv::ui
