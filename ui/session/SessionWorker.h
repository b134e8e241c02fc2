#pragma once

#include "core/pg/PgCancel.h"
#include "core/pg/PgConnection.h"
#include "ui/session/QueryResult.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace automv::ui {

/// What DatabaseSession and its worker share about the statements the user started (actions):
/// which one runs now, and up to which one the user cancelled.
struct ActionLedger {
    std::mutex mutex;             ///< guards the numbers (held only briefly: the UI thread takes it)
    std::mutex sending;           ///< held while a cancel request is sent, so it hits only the action
    std::uint64_t issued = 0;     ///< the last action's number
    std::uint64_t cancelledUpTo = 0;
    std::uint64_t running = 0;    ///< the action running now; 0: none (maybe a page's poll)
};

/// Lives on a DatabaseSession's private thread and owns that thread's one libpq connection.
/// Every slot runs off the UI thread; results go back through queued signals only.
class SessionWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// Called on the worker's thread with a cancel handle each time a connection opens.
    using CancelSink = std::function<void(std::shared_ptr<pg::PgCancel>)>;
    void setCancelSink(CancelSink sink) { m_cancelSink = std::move(sink); }
    void setLedger(std::shared_ptr<ActionLedger> ledger) { m_ledger = std::move(ledger); }

public slots:
    void open(const QString &conninfo);
    void close();
    /// Runs one statement with its parameters ($1, $2, ...; a null QVariant is SQL NULL);
    /// `tag` comes back with the answer.
    void query(const QString &tag, const QString &sql, const QVariantList &params);

    /// A statement the user started (number `seq` in the ledger): skipped with a message when
    /// cancelled before it starts.
    void action(const QString &tag, const QString &sql, const QVariantList &params, quint64 seq);

    /// Runs a trusted multi-statement script (the bundled install scripts); an action too.
    void script(const QString &tag, const QString &sql, quint64 seq);

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

    /// Marks action `seq` running; false (and queryFailed) when it was cancelled before.
    bool startAction(const QString &tag, quint64 seq);
    void runScript(const QString &tag, const QString &sql);
    void endAction();

    std::optional<pg::PgConnection> m_connection;
    std::shared_ptr<ActionLedger> m_ledger;
    CancelSink m_cancelSink;
    QString m_conninfo;
    int m_backoffMs = 0;   ///< 0: not reconnecting
};

} // namespace automv::ui
