#pragma once

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
    /// The last profile opened was refused for want of a (right) password: ask for one, keep it
    /// for this session only (or in the keychain when there is one), and open again. False when
    /// the last open was not a profile's or the user cancelled.
    bool retryWithPassword(QWidget *dialogParent, const QString &serverMessage);
    /// The same for a given profile (several databases can be opening at once).
    bool retryWithPassword(QWidget *dialogParent, const QString &profileId, const QString &serverMessage);
    /// Does this connection error mean "a password is needed or was wrong"?
    static bool isPasswordError(const QString &serverMessage);

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
    QString m_lastProfileId;
    bool m_keychainAvailable = true;
    QWidget *m_dialogParent = nullptr;
};

} // namespace automv::ui
