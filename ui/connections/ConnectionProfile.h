#pragma once

#include "core/pg/PgConnection.h"

#include <QColor>
#include <QString>

namespace automv::ui {

/// One saved connection, as a DBA fills it in. Holds no password: passwords live only in a
/// PasswordStore (the OS keychain), libpq's .pgpass, or memory for one session.
struct ConnectionProfile {
    QString id;               ///< stable key (a UUID), also the keychain entry's name
    QString name;             ///< what the DBA calls it ("prod reporting")
    QString host;             ///< host name, IP, or a unix socket directory
    int port = 0;             ///< 0: libpq's default (the service's, PGPORT, else 5432)
    QString database;
    QString user;
    QString sslMode;          ///< libpq sslmode; empty: libpq's default (prefer)
    QString sslCert;
    QString sslKey;
    QString sslRootCert;
    QString service;          ///< pg_service.conf entry; libpq fills in what it defines
    QString applicationName = QStringLiteral("automv-console");
    QColor color;             ///< marks the connection's tabs and status bar (e.g. red = prod)

    /// A new profile with a fresh id.
    static ConnectionProfile create(const QString &name);

    /// libpq parameters for this profile; `password` is added only when not empty (otherwise
    /// libpq reads .pgpass / PGPASSWORD as usual). Empty fields are left out, so a service
    /// entry and the environment apply.
    pg::ConnectionParams params(const QString &password = {}) const;

    /// What is wrong with the profile, or an empty string when it can be used.
    QString validate() const;

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace automv::ui
