#pragma once

#include "ui/connections/PasswordStore.h"

namespace automv::ui {

/// Passwords in the OS keychain through QtKeychain (Keychain on macOS, Credential Manager on
/// Windows, Secret Service / KWallet on Linux), under the service name "automv-console".
/// Without a keychain (no D-Bus session, no Secret Service) jobs fail fast; that is reported
/// as `unavailable`, so the console asks for the password each session instead.
class KeychainPasswordStore final : public PasswordStore {
public:
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &password, Callback done) override;
    void remove(const QString &key, Callback done) override;
};

} // namespace automv::ui
