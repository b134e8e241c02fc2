#pragma once

#include "ui/common/SubmittingDialog.h"

#include <QVariantList>

#include <functional>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace automv::ui {

/// pg_auto_mv's atomic refresh groups: pick a group (or a new one), tick its views, and save
/// (create_refresh_group / alter_refresh_group) or drop it (drop_refresh_group). The views of a
/// group refresh together in one transaction whenever one of them refreshes. A view already in
/// another group is listed but cannot be ticked (a view is in one group at most). With a
/// submitter, Save and Drop send the call and the dialog stays open until the server answers.
class RefreshGroupsDialog : public SubmittingDialog {
    Q_OBJECT
public:
    struct Group {
        QString name;
        QStringList views;   ///< 'schema.name'
    };
    /// `views`: every registered view, 'schema.name'. `focusView`: preselects its group, or a
    /// new group with it ticked.
    RefreshGroupsDialog(const QList<Group> &groups, const QStringList &views, const QString &focusView = {},
                        QWidget *parent = nullptr);

    bool isNewGroup() const;
    QString groupName() const;
    QStringList checkedViews() const;
    /// The call for what OK (save) or drop() does, with every value as a parameter.
    QString sql() const;
    QVariantList params() const;
    /// A line saying what the call did, for the page's status.
    QString doneText() const;
    /// Drops the chosen group (the Drop button asks first; this does not).
    void drop();

    using Submitter = std::function<void(const RefreshGroupsDialog &)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

protected:
    QString problem() const override;
    bool canSubmit() const override { return bool(m_submitter); }
    void submit() override;
    QString busyText() const override;

private:
    void showGroup();

    QList<Group> m_groups;
    QComboBox *m_group = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_views = nullptr;
    QPushButton *m_drop = nullptr;
    bool m_dropping = false;
    Submitter m_submitter;
};

} // namespace automv::ui
