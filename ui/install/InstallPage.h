#pragma once

#include "ui/install/ExtensionInstaller.h"

#include "ui/common/SessionPage.h"

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace automv::ui {

class DatabaseSession;

/// Installs pg_relay and pg_auto_mv on the connected database: installed vs available vs
/// bundled versions, the SQL that will run (previewed before anything runs), then installs.
class InstallPage : public SessionPage {
    Q_OBJECT
public:
    explicit InstallPage(QWidget *parent = nullptr);

    const QList<ExtensionInstaller::Status> &status() const { return m_status; }
    QString previewText() const;
    QString statusText() const;
    void setPreferBundled(bool bundled);

public slots:
    void reload() override;
    /// Runs the previewed plan (the button asks for confirmation first).
    void install();

signals:
    void installed();

private:
    void onResult(const QString &tag, const QueryResult &result) override;
    void sessionChanged() override;
    void onError(const QString &tag, const QString &message) override;
    void showPlan();
    void runNextStep();

    QList<ExtensionInstaller::Status> m_status;
    QList<ExtensionInstaller::Step> m_plan;
    int m_nextStep = -1;
    QTableWidget *m_table;
    QPlainTextEdit *m_preview;
    QCheckBox *m_preferBundled;
    QPushButton *m_installButton;
    QLabel *m_message;
};

} // namespace automv::ui
