#pragma once

#include "ui/views/Registration.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace automv::ui {

/// Register a materialised view with pg_auto_mv, or edit its registration: timing in seconds
/// with the SPEC's defaults, watched tables with per-operation checkboxes (suggested from the
/// view's real dependencies), UPDATE narrowed to the columns the view reads, fire_on_replica,
/// and a preview of the exact register_mv / alter_mv call. OK refuses invalid input.
class RegisterDialog : public QDialog {
    Q_OBJECT
public:
    /// `suggestedTables`: the base tables the view reads ('schema.table'); offered as watches.
    RegisterDialog(const Registration &initial, const QStringList &suggestedTables, QWidget *parent = nullptr);

    Registration registration() const;
    QString message() const;
    QString previewText() const;

    void accept() override;

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
    QTableWidget *m_watches = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace automv::ui
