#pragma once

#include "ui/problems/ProblemFix.h"

#include "ui/common/SessionPage.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace automv::ui {

class DatabaseSession;
class ProblemsModel;
struct QueryResult;

/// pgauto_mv.get_mv_problems(), grouped by severity, each with what is wrong and the suggested
/// fix: a button where the fix is safe (clean_mv, sync_mv, refresh now), the SQL to copy for
/// the rest. Lists while visible; counts (problemsCounted) while hidden too.
class ProblemsPage : public SessionPage {
    Q_OBJECT
public:
    explicit ProblemsPage(QWidget *parent = nullptr);

    ProblemsModel *model() const { return m_model; }
    QString statusText() const;
    /// Selects the first problem with this code (for tests and links from other pages).
    bool selectProblem(const QString &code);
    /// The fix offered for the selected problem.
    ProblemFix selectedFix() const;

public slots:
    void reload() override;
    /// Runs the selected problem's one-click fix (asking first when it forgets something).
    void fixSelected(bool confirm = true);

signals:
    /// After every reload, also while the page is hidden (every few seconds): how many
    /// problems there are now, and how many of them are errors.
    void problemsCounted(int count, int errors);

private:
    void sessionChanged() override;
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    void showSelected();

    QTimer *m_background;   ///< reloads while hidden, for the count
    ProblemsModel *m_model;
    QTreeView *m_tree;
    QLabel *m_summary;
    QLabel *m_detail;
    QPlainTextEdit *m_sql;
    QPushButton *m_fixButton;
    QPushButton *m_copyButton;
    QLabel *m_status;
    bool m_inFlight = false;
    QString m_lastAction;   ///< outcome of the last fix, shown until the next one
    QString m_fixing;       ///< what the fix in flight says when it succeeds
};

} // namespace automv::ui
