#pragma once

#include "ui/common/SessionPage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTimer;

namespace automv::ui {

class DatabaseSession;
struct QueryResult;

/// pg_auto_mv's named schedules: every one with its rule, time zone, views and next run; an
/// editor for a schedule (an interval, or cron with optional seconds, in a time zone) that
/// previews its next five runs as the server computes them before anything is saved; attach
/// and detach views.
class SchedulesPage : public SessionPage {
    Q_OBJECT
public:
    explicit SchedulesPage(QWidget *parent = nullptr);

    /// Fills the editor: an interval ("15 minutes") or a cron rule, in a time zone.
    void edit(const QString &name, const QString &every, const QString &cron, const QString &timezone);
    QStringList preview() const;
    QString previewError() const;
    QStringList scheduleNames() const;
    QString statusText() const;
    /// The schedule the editor shows: Drop, Attach and Detach act on it, and the list selects it.
    QString selectedName() const;

public slots:
    void reload() override;
    /// Asks the server for the next five runs of the rule in the editor.
    void updatePreview();
    /// Creates (or replaces) the schedule in the editor.
    void save();
    void dropSelected();
    void attach(const QString &view);
    void detach(const QString &view);

private:
    void sessionChanged() override;
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    QVariantList ruleParams() const;
    /// Selects the list's row of the editor's schedule, or none.
    void selectEditorsRow();
    void updateActions();
    void run(const QString &what, const QString &sql, const QVariantList &params);

    QTableWidget *m_table;
    QLineEdit *m_name;
    QRadioButton *m_useEvery, *m_useCron;
    QLineEdit *m_every, *m_cron;
    QComboBox *m_timezone;
    QListWidget *m_preview;
    QLabel *m_previewError;
    QComboBox *m_view;
    QPushButton *m_drop = nullptr, *m_attach = nullptr, *m_detach = nullptr;
    QLabel *m_status;
    QTimer *m_previewDelay;
    int m_previewGeneration = 0;
    QString m_outcome;
};

} // namespace automv::ui
