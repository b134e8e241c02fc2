#include "ui/connections/ConnectionsController.h"

#include "core/pg/ConnInfo.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/connections/MemoryPasswordStore.h"
#include "ui/connections/PasswordStore.h"
#include "ui/connections/ProfileStore.h"

#include <QInputDialog>
#include <QMenu>
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
    m_menu->addAction(tr("&New connection…"), this, [this] { newConnection(m_dialogParent); });
    const auto profiles = m_profiles->load();
    if (!profiles.isEmpty())
        m_menu->addSeparator();
    for (const auto &profile : profiles)
        m_menu->addAction(profile.name, this, [this, id = profile.id] { open(id); });
}

void ConnectionsController::newConnection(QWidget *dialogParent) {
    ConnectionDialog dialog(ConnectionProfile::create(QString()), dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectionProfile profile = dialog.profile();
    const QString password = dialog.password();
    m_profiles->save(profile);
    rebuildMenu();
    if (!password.isEmpty()) {
        m_session->write(profile.id, password, [](const auto &) {});
        if (dialog.savePassword()) {
            QPointer<ConnectionsController> self(this);
            m_keychain->write(profile.id, password, [self](const PasswordStore::Result &result) {
                if (self && !result.ok)
                    emit self->notice(result.error);
            });
        }
    }
    openWith(profile, password);
}

void ConnectionsController::open(const QString &profileId) {
    ConnectionProfile profile;
    for (const auto &candidate : m_profiles->load())
        if (candidate.id == profileId)
            profile = candidate;
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
    ConnectionProfile profile;
    for (const auto &candidate : m_profiles->load())
        if (candidate.id == profileId)
            profile = candidate;
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
