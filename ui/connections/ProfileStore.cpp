#include "ui/connections/ProfileStore.h"

namespace automv::ui {

namespace {
constexpr auto kGroup = "connections";
}

ProfileStore::ProfileStore(QSettings &settings) : m_settings(settings) {}

QList<ConnectionProfile> ProfileStore::load() const {
    QList<ConnectionProfile> profiles;
    m_settings.beginGroup(kGroup);
    for (const QString &id : m_settings.childGroups()) {
        m_settings.beginGroup(id);
        ConnectionProfile p;
        p.id = id;
        p.name = m_settings.value("name").toString();
        p.host = m_settings.value("host").toString();
        p.port = m_settings.value("port", 0).toInt();
        p.database = m_settings.value("database").toString();
        p.user = m_settings.value("user").toString();
        p.sslMode = m_settings.value("sslmode").toString();
        p.sslCert = m_settings.value("sslcert").toString();
        p.sslKey = m_settings.value("sslkey").toString();
        p.sslRootCert = m_settings.value("sslrootcert").toString();
        p.service = m_settings.value("service").toString();
        p.applicationName = m_settings.value("application_name", p.applicationName).toString();
        p.color = QColor(m_settings.value("color").toString());
        m_settings.endGroup();
        profiles.append(p);
    }
    m_settings.endGroup();
    std::sort(profiles.begin(), profiles.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return profiles;
}

void ProfileStore::save(const ConnectionProfile &p) {
    m_settings.beginGroup(kGroup);
    m_settings.remove(p.id);
    m_settings.beginGroup(p.id);
    m_settings.setValue("name", p.name);
    m_settings.setValue("host", p.host);
    m_settings.setValue("port", p.port);
    m_settings.setValue("database", p.database);
    m_settings.setValue("user", p.user);
    m_settings.setValue("sslmode", p.sslMode);
    m_settings.setValue("sslcert", p.sslCert);
    m_settings.setValue("sslkey", p.sslKey);
    m_settings.setValue("sslrootcert", p.sslRootCert);
    m_settings.setValue("service", p.service);
    m_settings.setValue("application_name", p.applicationName);
    m_settings.setValue("color", p.color.isValid() ? p.color.name() : QString());
    m_settings.endGroup();
    m_settings.endGroup();
    m_settings.sync();
}

void ProfileStore::remove(const QString &id) {
    m_settings.beginGroup(kGroup);
    m_settings.remove(id);
    m_settings.endGroup();
    m_settings.sync();
}

} // namespace automv::ui
