#pragma once

#include "ui/problems/ProblemFix.h"

#include <QWidget>

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
/// the rest. Polls only while visible.
class ProblemsPage : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsPage(QWidget *parent = nullptr);

    /// The session to read from (not owned); nullptr when disconnected.
    void setSession(DatabaseSession *session);
    ProblemsModel *model() const { return m_model; }
    QString statusText() const;
    /// Selects the first problem with this code (for tests and links from other pages).
    bool selectProblem(const QString &code);
    /// The fix offered for the selected problem.
    ProblemFix selectedFix() const;

public slots:
    void reload();
    /// Runs the selected problem's one-click fix (asking first when it forgets something).
    void fixSelected(bool confirm = true);

signals:
    /// After every reload: how many problems there are now.
    void problemsCounted(int count);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onResult(const QString &tag, const QueryResult &result);
    void onError(const QString &tag, const QString &message);
    void showSelected();

    DatabaseSession *m_session = nullptr;
    ProblemsModel *m_model;
    QTreeView *m_tree;
    QLabel *m_summary;
    QLabel *m_detail;
    QPlainTextEdit *m_sql;
    QPushButton *m_fixButton;
    QPushButton *m_copyButton;
    QLabel *m_status;
    QTimer *m_timer;
    bool m_inFlight = false;
    QString m_lastAction;   ///< outcome of the last fix, shown until the next one
    QString m_fixing;       ///< what the fix in flight says when it succeeds
};

} // namespace automv::ui
