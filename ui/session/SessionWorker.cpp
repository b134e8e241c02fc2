#include "ui/session/SessionWorker.h"

#include "core/pg/PgError.h"

namespace automv::ui {

void SessionWorker::open(const QString &conninfo) {
    m_connection.reset();
    try {
        auto connection = pg::PgConnection::connect(conninfo.toStdString());
        const auto result = connection.exec(
            "select current_setting('server_version'), current_database(), current_user,"
            " coalesce(inet_server_addr()::text, current_setting('unix_socket_directories')),"
            " current_setting('port')");
        const QString description =
            tr("%1@%2:%3/%4 — PostgreSQL %5")
                .arg(QString::fromStdString(std::string(result.value(0, 2))),
                     QString::fromStdString(std::string(result.value(0, 3))),
                     QString::fromStdString(std::string(result.value(0, 4))),
                     QString::fromStdString(std::string(result.value(0, 1))),
                     QString::fromStdString(std::string(result.value(0, 0))));
        const int version = connection.serverVersion();
        m_connection = std::move(connection);
        emit opened(description, version);
    } catch (const pg::PgError &error) {
        emit openFailed(QString::fromStdString(error.what()));
    }
}

void SessionWorker::close() {
    m_connection.reset();
    emit closed();
}

} // namespace automv::ui
