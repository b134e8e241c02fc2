#pragma once

#include <QString>

#include <functional>

namespace automv::ui {

/// Where passwords live. Asynchronous, because the OS keychain may ask the user to unlock it;
/// every call ends with exactly one callback, on the thread that made it.
class PasswordStore {
public:
    struct Result {
        bool ok = false;          ///< the operation succeeded (for read: a password was found)
        bool unavailable = false; ///< no keychain here: ask for the password each session
        QString password;         ///< read only
        QString error;            ///< what went wrong, for the user
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~PasswordStore() = default;
    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &password, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
};

} // namespace automv::ui
