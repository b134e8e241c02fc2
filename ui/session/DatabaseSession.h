#pragma once

#include "core/pg/PgCancel.h"
#include "ui/session/QueryResult.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>
#include <mutex>

namespace automv::ui {

class SessionWorker;
struct ActionLedger;

/// One database session for the UI: a private thread that owns one connection. The UI calls
/// open() and reacts to the signals; it never waits on the network.
class DatabaseSession : public QObject {
    Q_OBJECT
public:
    explicit DatabaseSession(QObject *parent = nullptr);
    ~DatabaseSession() override;

    /// Starts connecting in the background; answered by connected() or connectionFailed().
    void open(const QString &conninfo);
    /// Runs one statement in the background (with the session's rights: it may write);
    /// answered by queryFinished/queryFailed carrying the same tag.
    void query(const QString &tag, const QString &sql, const QVariantList &params = {});

    /// Runs a statement the user started (a click, not a page's poll): answered like query(),
    /// and what cancelAction() cancels.
    void action(const QString &tag, const QString &sql, const QVariantList &params = {});

    /// Cancels the statement running now, if any (PQcancel, sent from a short-lived thread so
    /// the UI never waits on the network); it then fails with "canceling statement due to user
    /// request" and the connection stays usable. For closing a database; the user's Cancel is
    /// cancelAction().
    void cancel();
    enum class CancelOutcome { Nothing, Sent, Skipped };
    /// Cancels what the user started and not a page's poll: the action running now (Sent), or
    /// those still queued, which then fail with "Cancelled before it started" (Skipped).
    CancelOutcome cancelAction();
    /// Ends the session's thread without waiting (after the statement in flight, which
    /// cancel() shortens); finished() follows. Nothing is run after this.
    void shutdown();
    bool isFinished() const { return m_finished; }
    /// Runs a trusted multi-statement script in the background (an action, answered like query()).
    void runScript(const QString &tag, const QString &sql);

signals:
    void scriptRequested(const QString &tag, const QString &sql, quint64 seq);
    void actionRequested(const QString &tag, const QString &sql, const QVariantList &params, quint64 seq);
    void queryFinished(const QString &tag, const automv::ui::QueryResult &result);
    void queryFailed(const QString &tag, const QString &message);
    void queryRequested(const QString &tag, const QString &sql, const QVariantList &params);
    void connected(const QString &description, int serverVersion);
    /// `message` carries the server's DETAIL, HINT and SQLSTATE on lines of their own (as
    /// queryFailed's); `password` is a pg::PgError::Password: did the server ask for a password.
    void connectionFailed(const QString &message, int password);
    /// An open connection broke; the session reconnects by itself (capped backoff).
    void connectionLost(const QString &message);
    void reconnected(const QString &description);
    /// The session's thread has ended (after shutdown()).
    void finished();

    // Internal: hands the request to the worker's thread.
    void openRequested(const QString &conninfo);

private:
    QThread m_thread;
    std::mutex m_cancelMutex;
    std::shared_ptr<pg::PgCancel> m_cancel;
    std::shared_ptr<ActionLedger> m_ledger;
    bool m_finished = false;   ///< the thread's finished() has reached the UI thread
    SessionWorker *m_worker = nullptr;
};

} // namespace automv::ui
