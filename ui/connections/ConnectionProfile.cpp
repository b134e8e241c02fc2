#include "ui/connections/ConnectionProfile.h"

#include <QCoreApplication>
#include <QUuid>

namespace automv::ui {

ConnectionProfile ConnectionProfile::create(const QString &name) {
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = name;
    return profile;
}

pg::ConnectionParams ConnectionProfile::params(const QString &password) const {
    pg::ConnectionParams out;
    auto add = [&out](const char *key, const QString &value) {
        if (!value.isEmpty())
            out.emplace_back(key, value.toStdString());
    };
    add("service", service);
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("password", password);
    add("sslmode", sslMode);
    add("sslcert", sslCert);
    add("sslkey", sslKey);
    add("sslrootcert", sslRootCert);
    add("application_name", applicationName);
    return out;
}

QString ConnectionProfile::validate() const {
    const auto tr = [](const char *text) { return QCoreApplication::translate("automv::ui::ConnectionProfile", text); };
    if (name.trimmed().isEmpty())
        return tr("Give the connection a name.");
    if (service.isEmpty() && host.isEmpty())
        return tr("Enter a host (or a unix socket directory), or a service name from pg_service.conf.");
    if (port < 0 || port > 65535)
        return tr("The port must be between 1 and 65535 (or left at the default).");
    static const QStringList modes{QString(), "disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
    if (!modes.contains(sslMode))
        return tr("SSL mode must be one of disable, allow, prefer, require, verify-ca, verify-full.");
    return {};
}

} // namespace automv::ui
