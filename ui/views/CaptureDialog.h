#pragma once

#include "ui/common/SubmittingDialog.h"

#include <QVariantList>

#include <functional>

class QLabel;
class QRadioButton;

namespace automv::ui {

/// pg_auto_mv's change capture: watch triggers or the WAL (CALL pgauto_mv.set_capture). Shows
/// the mode, the slot, how far the capture is behind and how many watched tables each way
/// covers; switching is for pg_auto_mv's installing role (the server refuses anyone else and
/// a server without wal_level = logical, and the dialog shows why).
class CaptureDialog : public SubmittingDialog {
    Q_OBJECT
public:
    /// One row of pgauto_mv.capture_status(), by column name.
    struct Status {
        QString mode;          ///< triggers or wal
        QString slot;          ///< empty: none
        QString walStatus;     ///< reserved, extended, unreserved, lost
        double lagBytes = -1;  ///< < 0: no slot
        double secondsSinceRun = -1;
        bool streaming = false;  ///< a processor streams the slot
        int walTables = 0;
        int triggerTables = 0;
        QString lostAt, lostReason;
    };
    explicit CaptureDialog(const Status &status, QWidget *parent = nullptr);

    /// The mode chosen.
    QString chosenMode() const;
    void setChosenMode(const QString &mode);
    QString sql() const { return QStringLiteral("call pgauto_mv.set_capture($1)"); }
    QVariantList params() const { return {chosenMode()}; }
    QString doneText() const;

    using Submitter = std::function<void(const CaptureDialog &)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    /// "12.3 kB behind, read 0.2 s ago" (or what there is to say without a slot).
    static QString lagText(const Status &status);

protected:
    QString problem() const override;
    bool canSubmit() const override { return bool(m_submitter); }
    void submit() override;
    QString busyText() const override;

private:
    Status m_status;
    QRadioButton *m_triggers = nullptr;
    QRadioButton *m_wal = nullptr;
    Submitter m_submitter;
};

} // namespace automv::ui
