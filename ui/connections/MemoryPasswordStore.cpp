#include "ui/connections/MemoryPasswordStore.h"

#include <QCoreApplication>

namespace automv::ui {

void MemoryPasswordStore::read(const QString &key, Callback done) {
    Result result;
    const auto it = m_passwords.constFind(key);
    result.ok = it != m_passwords.constEnd();
    if (result.ok)
        result.password = *it;
    else
        result.error = QCoreApplication::translate("PasswordStore", "No password is stored for this connection.");
    done(result);
}

void MemoryPasswordStore::write(const QString &key, const QString &password, Callback done) {
    m_passwords.insert(key, password);
    done(Result{true, false, {}, {}});
}

void MemoryPasswordStore::remove(const QString &key, Callback done) {
    m_passwords.remove(key);
    done(Result{true, false, {}, {}});
}

} // namespace automv::ui
