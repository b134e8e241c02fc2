#pragma once

#include "ui/connections/PasswordStore.h"

#include <QHash>

namespace automv::ui {

/// Passwords in memory only: for tests, and for "remember for this session" when no keychain
/// is available. Nothing is ever written anywhere.
class MemoryPasswordStore final : public PasswordStore {
public:
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &password, Callback done) override;
    void remove(const QString &key, Callback done) override;

private:
    QHash<QString, QString> m_passwords;
};

} // namespace automv::ui
