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

    /// Fills `menu` with "New connection…" and one entry per saved profile (kept up to date).
    void attachMenu(QMenu *menu, QWidget *dialogParent);
    /// Shows the dialog for a new profile; saves it and opens it when accepted.
    void newConnection(QWidget *dialogParent);
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

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<PasswordStore> m_keychain;
    std::unique_ptr<MemoryPasswordStore> m_session;
    QMenu *m_menu = nullptr;
    bool m_keychainAvailable = true;
    QWidget *m_dialogParent = nullptr;
};

} // namespace automv::ui
