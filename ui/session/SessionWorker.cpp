#include "ui/session/SessionWorker.h"

#include "core/pg/PgError.h"
#include "ui/session/ErrorText.h"

#include <QTimer>

#include <algorithm>

namespace automv::ui {

bool SessionWorker::connectAndDescribe(QString *description, QString *error, int *password) {
    m_connection.reset();
    try {
        auto connection = pg::PgConnection::connect(m_conninfo.toStdString());
        // Where the server was reached comes from libpq, not from the server's settings:
        // unix_socket_directories is readable only with pg_read_all_settings, and asking for it
        // made every other login fail to connect over the socket.
        const auto result = connection.exec(
            "select current_setting('server_version'), current_database(), current_user");
        *description = tr("%1@%2:%3/%4 — PostgreSQL %5")
                           .arg(QString::fromStdString(std::string(result.value(0, 2))),
                                QString::fromStdString(connection.host()),
                                QString::fromStdString(connection.port()),
                                QString::fromStdString(std::string(result.value(0, 1))),
                                QString::fromStdString(std::string(result.value(0, 0))));
        m_connection = std::move(connection);
        if (m_cancelSink)
            m_cancelSink(std::make_shared<pg::PgCancel>(*m_connection));
        return true;
    } catch (const pg::PgError &e) {
        *error = errorText(e);
        if (password)
            *password = int(e.password());
        return false;
    }
}

void SessionWorker::open(const QString &conninfo) {
    m_conninfo = conninfo;
    m_backoffMs = 0;
    QString description, error;
    int password = 0;
    if (connectAndDescribe(&description, &error, &password))
        emit opened(description, m_connection->serverVersion());
    else
        emit openFailed(error, password);
}

void SessionWorker::checkConnection(const QString &message) {
    if (m_backoffMs > 0 || (m_connection && m_connection->isOpen()))
        return;   // already reconnecting, or only the statement failed
    m_connection.reset();
    m_backoffMs = 500;
    emit connectionLost(message);
    QTimer::singleShot(m_backoffMs, this, &SessionWorker::reconnect);
}

void SessionWorker::reconnect() {
    if (m_backoffMs == 0)
        return;
    QString description, error;
    if (connectAndDescribe(&description, &error)) {
        m_backoffMs = 0;
        emit reconnected(description);
        return;
    }
    m_backoffMs = std::min(m_backoffMs * 2, 30000);
    QTimer::singleShot(m_backoffMs, this, &SessionWorker::reconnect);
}

void SessionWorker::query(const QString &tag, const QString &sql, const QVariantList &params) {
    if (!m_connection || !m_connection->isOpen()) {
        emit queryFailed(tag, m_backoffMs > 0 ? tr("The connection was lost; reconnecting.") : tr("Not connected."));
        return;
    }
    try {
        std::vector<pg::Param> values;
        values.reserve(size_t(params.size()));
        for (const QVariant &param : params)
            values.push_back(param.isNull() ? pg::Param() : pg::Param(param.toString().toStdString()));
        const auto result = m_connection->exec(sql.toStdString(), values);
        QueryResult out;
        for (int c = 0; c < result.columns(); ++c)
            out.columns << QString::fromStdString(std::string(result.columnName(c)));
        out.rows.reserve(result.rows());
        for (int r = 0; r < result.rows(); ++r) {
            QList<QVariant> row;
            row.reserve(result.columns());
            for (int c = 0; c < result.columns(); ++c)
                row << (result.isNull(r, c) ? QVariant() : QVariant(QString::fromUtf8(result.value(r, c).data(),
                                                                                    qsizetype(result.value(r, c).size()))));
            out.rows << row;
        }
        emit queryFinished(tag, out);
    } catch (const pg::PgError &error) {
        emit queryFailed(tag, errorText(error));
        checkConnection(QString::fromStdString(error.what()));
    }
}

bool SessionWorker::startAction(const QString &tag, quint64 seq) {
    if (!m_ledger)
        return true;
    const std::lock_guard lock(m_ledger->mutex);
    if (seq <= m_ledger->cancelledUpTo) {
        emit queryFailed(tag, tr("Cancelled before it started; nothing was changed."));
        return false;
    }
    m_ledger->running = seq;
    return true;
}

void SessionWorker::endAction() {
    if (!m_ledger)
        return;
    const std::lock_guard sending(m_ledger->sending);   // waits for a cancel being sent to this action
    const std::lock_guard lock(m_ledger->mutex);
    m_ledger->running = 0;
}

void SessionWorker::action(const QString &tag, const QString &sql, const QVariantList &params, quint64 seq) {
    if (!startAction(tag, seq))
        return;
    query(tag, sql, params);
    endAction();
}

void SessionWorker::script(const QString &tag, const QString &sql, quint64 seq) {
    if (!startAction(tag, seq))
        return;
    runScript(tag, sql);
    endAction();
}

void SessionWorker::runScript(const QString &tag, const QString &sql) {
    if (!m_connection || !m_connection->isOpen()) {
        emit queryFailed(tag, m_backoffMs > 0 ? tr("The connection was lost; reconnecting.") : tr("Not connected."));
        return;
    }
    try {
        m_connection->execScript(sql.toStdString());
        emit queryFinished(tag, QueryResult{});
    } catch (const pg::PgError &error) {
        m_connection->tryExec("rollback");   // a script's own BEGIN may have left a failed transaction open
        emit queryFailed(tag, errorText(error));
        checkConnection(QString::fromStdString(error.what()));
    }
}

void SessionWorker::close() {
    m_backoffMs = 0;   // stops reconnecting
    m_connection.reset();
    emit closed();
}

} // namespace automv::ui
