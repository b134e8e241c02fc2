#pragma once

#include "ui/common/SubmittingDialog.h"

#include <QVariantList>

#include <functional>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimeEdit;

namespace automv::ui {

/// pg_auto_mv's blackout windows (no automatic refresh inside one): lists them, adds one for the
/// selected view or for every view (add_blackout), removes one (drop_blackout, after asking).
/// The server checks the days and the time zone; with a submitter the dialog stays open until it
/// answers and shows a refusal, every field kept.
class BlackoutDialog : public SubmittingDialog {
    Q_OBJECT
public:
    struct Window {
        int id = 0;
        QString text;   ///< "Mon-Fri 08:00–18:00 Europe/London"
        QString view;   ///< 'schema.name', or empty: every view
    };
    /// `schema`/`name`: the view a new window may be for; empty: only windows for every view.
    BlackoutDialog(const QList<Window> &windows, const QString &schema, const QString &name, QWidget *parent = nullptr);

    /// The call for what OK (add) or removeSelected() does, every value a parameter.
    QString sql() const;
    QVariantList params() const;
    QString doneText() const;
    /// Removes the selected window (the Remove button asks first; this does not).
    void removeSelected();

    using Submitter = std::function<void(const BlackoutDialog &)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

protected:
    QString problem() const override;
    bool canSubmit() const override { return bool(m_submitter); }
    void submit() override;
    QString busyText() const override;

private:
    bool forOneView() const;
    const Window *selected() const;

    QList<Window> m_windows;
    QString m_schema, m_name;
    QListWidget *m_list = nullptr;
    QLineEdit *m_days = nullptr;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
    QComboBox *m_timezone = nullptr;
    QComboBox *m_scope = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_removing = false;
    Submitter m_submitter;
};

} // namespace automv::ui
