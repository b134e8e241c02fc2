#pragma once

#include "core/pg/PgError.h"
#include "ui/connections/ConnectionProfile.h"

#include <QColor>
#include <QObject>

#include <memory>

class QMenu;
class QSettings;
class QWidget;

namespace automv::ui {

class MemoryPasswordStore;
class PasswordStore;
class ProfileStore;

/// The console's saved connections: the dialog to add one, a menu to open one, passwords
/// through the keychain (or this session's memory when there is none). Emits
/// openRequested() with a libpq conninfo; the window decides where it opens.
class ConnectionsController : public QObject {
    Q_OBJECT
public:
    ConnectionsController(std::unique_ptr<QSettings> settings, std::unique_ptr<PasswordStore> keychain,
                          QObject *parent = nullptr);
    ~ConnectionsController() override;

    /// Fills `menu` with "New connection…", one entry per saved profile, and "Edit connection"
    /// and "Delete connection" submenus (kept up to date).
    void attachMenu(QMenu *menu, QWidget *dialogParent);
    /// Shows the dialog for a new profile; saves it and opens it when accepted.
    void newConnection(QWidget *dialogParent);
    /// Edits a saved profile in the connection dialog (an empty password field keeps the saved
    /// password); saves it when accepted. False when there is no such profile or the user cancelled.
    bool editConnection(const QString &profileId, QWidget *dialogParent);
    /// Forgets a saved profile and its password (keychain and this session), after asking when
    /// `confirm`. False when there is no such profile or the user said no.
    bool deleteConnection(const QString &profileId, QWidget *dialogParent, bool confirm = true);
    /// Opens a saved profile, with its password from the keychain or this session's memory.
    void open(const QString &profileId);
    /// A profile's connection failed because the server asked for a password (`password`, from
    /// libpq, never from the message's wording) and none was given or the one given was refused:
    /// ask for one, saying which and why (the server's message), keep it for this session only,
    /// and open again. False when it was not a password matter or the user cancelled.
    bool retryWithPassword(QWidget *dialogParent, const QString &profileId, const QString &serverMessage,
                           pg::PgError::Password password);

signals:
    void openRequested(const QString &conninfo, const QString &profileName, const QString &profileId,
                       const QColor &color);
    /// Something the user should know that is not an error (e.g. "no keychain here").
    void notice(const QString &message);

private:
    void rebuildMenu();
    void openWith(const ConnectionProfile &profile, const QString &password);
    /// Keeps a typed password for this session, and in the keychain when `keep`.
    void storePassword(const QString &profileId, const QString &password, bool keep);
    ConnectionProfile find(const QString &profileId) const;

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<PasswordStore> m_keychain;
    std::unique_ptr<MemoryPasswordStore> m_session;
    QMenu *m_menu = nullptr;
    bool m_keychainAvailable = true;
    QWidget *m_dialogParent = nullptr;
};

} // namespace automv::ui
