#pragma once

#include "ui/common/SubmittingDialog.h"
#include "ui/views/Registration.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QSpinBox;
class QPlainTextEdit;
class QTableWidget;

namespace automv::ui {

/// Register a materialised view with pg_auto_mv, or edit its registration: timing in seconds
/// with the SPEC's defaults, watched tables with per-operation checkboxes (suggested from the
/// view's real dependencies), UPDATE narrowed to the columns the view reads, fire_on_replica,
/// and a preview of the exact register_mv / alter_mv call. OK refuses invalid input. With a
/// submitter, OK sends the call and the dialog stays open until the server answers: it closes
/// on success and shows the server's refusal (every edit kept) otherwise.
class RegisterDialog : public SubmittingDialog {
    Q_OBJECT
public:
    /// `suggestedTables`: the base tables the view reads ('schema.table'); offered as watches.
    /// `alertChannels`: the pg_relay channels failure alerts may go to (pgauto_mv.alert_channels()).
    RegisterDialog(const Registration &initial, const QStringList &suggestedTables,
                   const QStringList &alertChannels = {}, QWidget *parent = nullptr);

    Registration registration() const;
    /// The blackout windows that hold this view (its own and those for all views), as text;
    /// shown on the timing tab (pgauto_mv.add_blackout() / drop_blackout() change them).
    void setBlackouts(const QStringList &windows);
    QString previewText() const;

    /// Sends a valid registration to the server; the owner answers with submitFinished().
    using Submitter = std::function<void(const Registration &)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

protected:
    QString problem() const override { return registration().validate(); }
    bool canSubmit() const override { return bool(m_submitter); }
    void submit() override { m_submitter(registration()); }
    QString busyText() const override;

private:
    void addWatchRow(const Registration::Watch &watch);
    void updatePreview();

    Registration m_initial;
    QDoubleSpinBox *m_lag = nullptr;
    QDoubleSpinBox *m_maxWait = nullptr;
    QDoubleSpinBox *m_cooldown = nullptr;
    QDoubleSpinBox *m_lockTimeout = nullptr;
    QDoubleSpinBox *m_refreshTimeout = nullptr;
    QCheckBox *m_fireOnReplica = nullptr;
    QComboBox *m_onFailure = nullptr;
    QSpinBox *m_priority = nullptr;
    QLabel *m_blackouts = nullptr;
    QTableWidget *m_watches = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    Submitter m_submitter;
};

} // namespace automv::ui
