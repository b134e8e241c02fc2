#include "ui/connections/KeychainPasswordStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace automv::ui {

namespace {

constexpr auto kService = "automv-console";

PasswordStore::Result resultOf(const QKeychain::Job &job) {
    PasswordStore::Result result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.ok = true;
        break;
    case QKeychain::EntryNotFound:
        result.error = QCoreApplication::translate("PasswordStore", "No password is stored for this connection.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.error = QCoreApplication::translate("PasswordStore", "The keychain refused access: %1").arg(job.errorString());
        break;
    default:   // NoBackendAvailable, NotImplemented, OtherError (no D-Bus session), ...
        result.unavailable = true;
        result.error = QCoreApplication::translate(
            "PasswordStore", "No keychain is available here (%1); the password will be asked for each session and never saved.")
                           .arg(job.errorString());
        break;
    }
    return result;
}

template <typename JobType> JobType *newJob() {
    auto *job = new JobType(QString::fromLatin1(kService));
    job->setAutoDelete(true);
    return job;
}

} // namespace

void KeychainPasswordStore::read(const QString &key, Callback done) {
    auto *job = newJob<QKeychain::ReadPasswordJob>();
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *finished) {
        auto result = resultOf(*finished);
        if (result.ok)
            result.password = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        done(result);
    });
    job->start();
}

void KeychainPasswordStore::write(const QString &key, const QString &password, Callback done) {
    auto *job = newJob<QKeychain::WritePasswordJob>();
    job->setKey(key);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished,
                     [done = std::move(done)](QKeychain::Job *finished) { done(resultOf(*finished)); });
    job->start();
}

void KeychainPasswordStore::remove(const QString &key, Callback done) {
    auto *job = newJob<QKeychain::DeletePasswordJob>();
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished,
                     [done = std::move(done)](QKeychain::Job *finished) { done(resultOf(*finished)); });
    job->start();
}

} // namespace automv::ui
