#pragma once

#include "ui/connections/ConnectionProfile.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace automv::ui {

class DatabaseSession;

/// Creates or edits a connection profile: server, database, user, SSL and certificates,
/// service, application name, colour, and the password (kept only if "save in keychain" is
/// ticked — never in the profile). "Test connection" connects on a background thread and
/// shows the server's answer; OK refuses an invalid profile with a message.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(const ConnectionProfile &profile, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    ConnectionProfile profile() const;
    QString password() const;
    /// What an empty password field means (the placeholder text).
    void setPasswordHint(const QString &hint);
    bool savePassword() const;
    /// The last "Test connection" outcome shown to the user.
    QString testResult() const;

    void accept() override;

public slots:
    void testConnection();

private:
    void setBusy(bool busy);
    QWidget *fileField(QLineEdit *edit);

    QString m_id;
    QColor m_color;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_savePassword;
    QComboBox *m_sslMode;
    QLineEdit *m_sslCert;
    QLineEdit *m_sslKey;
    QLineEdit *m_sslRootCert;
    QLineEdit *m_service;
    QLineEdit *m_applicationName;
    QPushButton *m_colorButton;
    QPushButton *m_testButton;
    QLabel *m_message;
    std::unique_ptr<DatabaseSession> m_testSession;
};

} // namespace automv::ui
