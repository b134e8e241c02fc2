#pragma once

#include "ui/common/SubmittingDialog.h"
#include "ui/processor/ChannelPolicy.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace automv::ui {

/// Edit a pg_relay channel's retry policy (runs in all, which SQLSTATEs retry, the backoff) and
/// its failure alerts (which channel hears of events that fail for good, with or without their
/// payload), with a preview of the exact alter_channel call. OK refuses invalid input with a
/// message; with a submitter it sends the call and stays open until the server answers: it
/// closes on success and shows the server's refusal (every edit kept) otherwise.
class ChannelPolicyDialog : public SubmittingDialog {
    Q_OBJECT
public:
    /// `alertChannels`: the channels that may receive alerts (offered in the list).
    ChannelPolicyDialog(const ChannelPolicy &initial, const QStringList &alertChannels, QWidget *parent = nullptr);

    ChannelPolicy policy() const;
    QString previewText() const;

    using Submitter = std::function<void(const ChannelPolicy &)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

protected:
    QString problem() const override { return policy().validate(); }
    bool canSubmit() const override { return bool(m_submitter); }
    void submit() override { m_submitter(policy()); }

private:
    void updatePreview();

    ChannelPolicy m_initial;
    QSpinBox *m_maxAttempts = nullptr;
    QLineEdit *m_retryOn = nullptr;
    QDoubleSpinBox *m_base = nullptr;
    QDoubleSpinBox *m_factor = nullptr;
    QDoubleSpinBox *m_cap = nullptr;
    QDoubleSpinBox *m_jitter = nullptr;
    QComboBox *m_onFailure = nullptr;
    QCheckBox *m_alertPayload = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    Submitter m_submitter;
};

} // namespace automv::ui
