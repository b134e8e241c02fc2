#pragma once

#include "ui/common/SessionPage.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace automv::ui {

class SubmittingDialog;

class DatabaseSession;
class ViewsModel;
struct QueryResult;

/// The Views page: every materialised view of the connected database with its pg_auto_mv
/// state, last refresh, mode, watches, next due time and why it waits. Polls a cheap status
/// query every 2 s, and only while the page is visible; sort, filter, CSV export.
class ViewsPage : public SessionPage {
    Q_OBJECT
public:
    explicit ViewsPage(QWidget *parent = nullptr);
    ~ViewsPage() override;

    ViewsModel *model() const { return m_model; }
    QString statusText() const;
    void setFilterText(const QString &text);
    int visibleRows() const;
    /// The model row of the selected view, or -1.
    int selectedRow() const;
    void selectRow(int modelRow);

public slots:
    void reload() override;
    void exportCsv();
    /// Loads the view's dependencies (and registration) and opens the register / edit dialog.
    void registerOrEdit(int modelRow);
    /// The same for a view named by schema and name (from the graph, say).
    void editView(const QString &schema, const QString &name);
    void refreshNow(int modelRow);
    /// Pauses a registered view's automatic refreshes, or resumes them (pause_mv / resume_mv).
    void pauseOrResume(int modelRow);
    /// Asks for confirmation (unless `confirm` is false), then unregisters the view.
    void unregister(int modelRow, bool confirm = true);
    /// Loads the refresh groups and opens their editor (the selected view's group first).
    void editRefreshGroups();
    /// Loads the blackout windows and opens their editor (new windows for the selected view).
    void editBlackouts();
    /// Change capture: the mode, the slot's lag, and a switch (CaptureDialog).
    void editCapture();

private:
    void sessionChanged() override;
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    void openRegisterDialog(const QueryResult &result);
    void openGroupsDialog(const QueryResult &result);
    void openBlackoutDialog(const QueryResult &result);
    void openCaptureDialog(const QueryResult &result);
    void showCaptureState(const QueryResult &result);
    void runAction(const QString &what, const QString &sql, const QVariantList &params);
    void updateActions();

    ViewsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_status;
    QPushButton *m_registerButton = nullptr, *m_refreshButton = nullptr, *m_unregisterButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_captureButton = nullptr;
    bool m_inFlight = false;
    bool m_autoMvInstalled = false;   ///< the last probe found pg_auto_mv
    bool m_autoSizing = false;
    bool m_userSizedColumns = false;
    QString m_pendingSchema, m_pendingName;   ///< the view whose registration is being loaded
    bool m_pendingRegistered = false;
    QString m_lastAction;     ///< outcome of the last action, kept beside the counts
    QString m_actionOutcome;  ///< what the action in flight reports when it succeeds
    SubmittingDialog *m_dialog = nullptr;   ///< open (modal) while registering, editing or grouping
    QString m_groupsFocus;                  ///< the view whose group the groups editor shows first
    QString m_blackoutSchema, m_blackoutName;   ///< the view new blackout windows may be for
};

} // namespace automv::ui
