#include "ui/connections/ConnectionsController.h"

#include "core/pg/ConnInfo.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/connections/MemoryPasswordStore.h"
#include "ui/connections/PasswordStore.h"
#include "ui/connections/ProfileStore.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

namespace automv::ui {

ConnectionsController::ConnectionsController(std::unique_ptr<QSettings> settings,
                                             std::unique_ptr<PasswordStore> keychain, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_profiles(std::make_unique<ProfileStore>(*m_settings)),
      m_keychain(std::move(keychain)),
      m_session(std::make_unique<MemoryPasswordStore>()) {}

ConnectionsController::~ConnectionsController() = default;

void ConnectionsController::attachMenu(QMenu *menu, QWidget *dialogParent) {
    m_menu = menu;
    m_dialogParent = dialogParent;
    rebuildMenu();
}

void ConnectionsController::rebuildMenu() {
    if (!m_menu)
        return;
    m_menu->clear();
    // clear() leaves the submenus (children of the menu): the Edit/Delete ones go too. Later,
    // as one of their own actions may be running this.
    for (QMenu *submenu : m_menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly)) {
        submenu->setObjectName(QString());
        submenu->deleteLater();
    }
    m_menu->addAction(tr("&New connection…"), this, [this] { newConnection(m_dialogParent); });
    const auto profiles = m_profiles->load();
    if (!profiles.isEmpty())
        m_menu->addSeparator();
    for (const auto &profile : profiles)
        m_menu->addAction(profile.name, this, [this, id = profile.id] { open(id); });
    if (profiles.isEmpty())
        return;
    m_menu->addSeparator();
    QMenu *edit = m_menu->addMenu(tr("&Edit connection"));
    edit->setObjectName(QStringLiteral("editConnectionMenu"));
    QMenu *remove = m_menu->addMenu(tr("&Delete connection"));
    remove->setObjectName(QStringLiteral("deleteConnectionMenu"));
    for (const auto &profile : profiles) {
        edit->addAction(profile.name + QStringLiteral("…"), this, [this, id = profile.id] { editConnection(id, m_dialogParent); });
        remove->addAction(profile.name + QStringLiteral("…"), this,
                          [this, id = profile.id] { deleteConnection(id, m_dialogParent); });
    }
}

ConnectionProfile ConnectionsController::find(const QString &profileId) const {
    for (const auto &candidate : m_profiles->load())
        if (candidate.id == profileId)
            return candidate;
    return {};
}

void ConnectionsController::storePassword(const QString &profileId, const QString &password, bool keep) {
    if (password.isEmpty())
        return;
    m_session->write(profileId, password, [](const auto &) {});
    if (!keep)
        return;
    QPointer<ConnectionsController> self(this);
    m_keychain->write(profileId, password, [self](const PasswordStore::Result &result) {
        if (self && !result.ok)
            emit self->notice(result.error);
    });
}

bool ConnectionsController::editConnection(const QString &profileId, QWidget *dialogParent) {
    const ConnectionProfile profile = find(profileId);
    if (profile.id.isEmpty())
        return false;
    ConnectionDialog dialog(profile, dialogParent);
    dialog.setWindowTitle(tr("Edit connection — %1").arg(profile.name));
    dialog.setPasswordHint(tr("empty: keep the saved password"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    ConnectionProfile changed = dialog.profile();
    changed.id = profile.id;   // the same entry, and the same keychain key
    m_profiles->save(changed);
    storePassword(changed.id, dialog.password(), dialog.savePassword());
    rebuildMenu();
    emit notice(tr("Connection %1 saved.").arg(changed.name));
    return true;
}

bool ConnectionsController::deleteConnection(const QString &profileId, QWidget *dialogParent, bool confirm) {
    const ConnectionProfile profile = find(profileId);
    if (profile.id.isEmpty())
        return false;
    if (confirm && QMessageBox::question(dialogParent, tr("Delete connection"),
                                         tr("Forget the connection %1 and its saved password? The database is not touched.")
                                             .arg(profile.name))
                       != QMessageBox::Yes)
        return false;
    m_profiles->remove(profile.id);
    m_session->remove(profile.id, [](const auto &) {});
    QPointer<ConnectionsController> self(this);
    m_keychain->remove(profile.id, [self](const PasswordStore::Result &result) {
        if (self && !result.ok && !result.unavailable && !result.error.isEmpty())
            emit self->notice(result.error);
    });
    rebuildMenu();
    emit notice(tr("Connection %1 deleted.").arg(profile.name));
    return true;
}

void ConnectionsController::newConnection(QWidget *dialogParent) {
    ConnectionDialog dialog(ConnectionProfile::create(QString()), dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectionProfile profile = dialog.profile();
    const QString password = dialog.password();
    m_profiles->save(profile);
    rebuildMenu();
    storePassword(profile.id, password, dialog.savePassword());
    openWith(profile, password);
}

void ConnectionsController::open(const QString &profileId) {
    const ConnectionProfile profile = find(profileId);
    if (profile.id.isEmpty())
        return;
    m_session->read(profile.id, [this, profile](const PasswordStore::Result &inMemory) {
        if (inMemory.ok) {
            openWith(profile, inMemory.password);
            return;
        }
        QPointer<ConnectionsController> self(this);
        m_keychain->read(profile.id, [self, profile](const PasswordStore::Result &stored) {
            if (!self)
                return;
            self->m_keychainAvailable = !stored.unavailable;
            if (stored.unavailable)
                emit self->notice(stored.error);
            // No password found: libpq still tries ~/.pgpass and PGPASSWORD.
            self->openWith(profile, stored.ok ? stored.password : QString());
        });
    });
}

bool ConnectionsController::retryWithPassword(QWidget *dialogParent, const QString &profileId,
                                              const QString &serverMessage, pg::PgError::Password password) {
    const ConnectionProfile profile = find(profileId);
    if (profile.id.isEmpty() || password == pg::PgError::Password::NotAsked)
        return false;
    const QString user = profile.user.isEmpty() ? tr("the default user") : profile.user;
    const QString reason = password == pg::PgError::Password::Missing
                               ? tr("The server asks for a password for %1 (connection \"%2\"), and none is saved.").arg(user, profile.name)
                               : tr("The server refused the password for %1 (connection \"%2\"):\n%3")
                                     .arg(user, profile.name, serverMessage);
    const QString why = m_keychainAvailable
                            ? tr("It will be kept for this session; tick \"Save the password in the system keychain\" in the connection dialog to keep it in the keychain.")
                            : tr("No keychain is available here, so it is kept for this session only and never written to disk.");
    bool ok = false;
    const QString typed = QInputDialog::getText(dialogParent, tr("Password"),
                                                tr("%1\n\nPassword:\n(%2)").arg(reason, why),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return false;
    m_session->write(profile.id, typed, [](const auto &) {});
    openWith(profile, typed);
    return true;
}

void ConnectionsController::openWith(const ConnectionProfile &profile, const QString &password) {
    auto params = profile.params(password);
    params.emplace_back("connect_timeout", "10");
    emit openRequested(QString::fromStdString(pg::toConninfo(params)), profile.name, profile.id, profile.color);
}

} // namespace automv::ui
