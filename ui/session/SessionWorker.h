#pragma once

#include "core/pg/PgCancel.h"
#include "core/pg/PgConnection.h"
#include "ui/session/QueryResult.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace automv::ui {

/// Lives on a DatabaseSession's private thread and owns that thread's one libpq connection.
/// Every slot runs off the UI thread; results go back through queued signals only.
class SessionWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// Called on the worker's thread with a cancel handle each time a connection opens.
    using CancelSink = std::function<void(std::shared_ptr<pg::PgCancel>)>;
    void setCancelSink(CancelSink sink) { m_cancelSink = std::move(sink); }

public slots:
    void open(const QString &conninfo);
    void close();
    /// Runs one statement with its parameters ($1, $2, ...; a null QVariant is SQL NULL);
    /// `tag` comes back with the answer.
    void query(const QString &tag, const QString &sql, const QVariantList &params);

    /// Runs a trusted multi-statement script (the bundled install scripts).
    void script(const QString &tag, const QString &sql);

signals:
    void queryFinished(const QString &tag, const automv::ui::QueryResult &result);
    void queryFailed(const QString &tag, const QString &message);
    void opened(const QString &description, int serverVersion);
    /// `password`: a pg::PgError::Password (did the server ask for one).
    void openFailed(const QString &message, int password);
    void closed();
    /// The connection broke (server restart, terminated backend, network): reconnecting with
    /// a capped backoff (0.5 s doubling to 30 s) until reconnected().
    void connectionLost(const QString &message);
    void reconnected(const QString &description);

private:
    /// After a failed statement: was it the connection? Then start reconnecting.
    void checkConnection(const QString &message);
    void reconnect();
    bool connectAndDescribe(QString *description, QString *error, int *password = nullptr);

    std::optional<pg::PgConnection> m_connection;
    CancelSink m_cancelSink;
    QString m_conninfo;
    int m_backoffMs = 0;   ///< 0: not reconnecting
};

} // namespace automv::ui
