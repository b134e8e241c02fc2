#include "ui/session/DatabaseSession.h"

#include "ui/session/SessionWorker.h"

#include <algorithm>
#include <thread>

namespace automv::ui {

DatabaseSession::DatabaseSession(QObject *parent)
    : QObject(parent), m_ledger(std::make_shared<ActionLedger>()), m_worker(new SessionWorker) {
    m_worker->setLedger(m_ledger);
    m_thread.setObjectName(QStringLiteral("DatabaseSession"));
    m_worker->setCancelSink([this](std::shared_ptr<pg::PgCancel> handle) {
        const std::lock_guard lock(m_cancelMutex);
        m_cancel = std::move(handle);
    });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued to this (UI) thread; QThread::isFinished() may still be false when it arrives.
    connect(&m_thread, &QThread::finished, this, [this] {
        m_finished = true;
        emit finished();
    }, Qt::QueuedConnection);
    connect(this, &DatabaseSession::openRequested, m_worker, &SessionWorker::open);
    connect(m_worker, &SessionWorker::opened, this, &DatabaseSession::connected);
    connect(m_worker, &SessionWorker::openFailed, this, &DatabaseSession::connectionFailed);
    connect(m_worker, &SessionWorker::connectionLost, this, &DatabaseSession::connectionLost);
    connect(m_worker, &SessionWorker::reconnected, this, &DatabaseSession::reconnected);
    qRegisterMetaType<QueryResult>();
    connect(this, &DatabaseSession::queryRequested, m_worker, &SessionWorker::query);
    connect(this, &DatabaseSession::scriptRequested, m_worker, &SessionWorker::script);
    connect(this, &DatabaseSession::actionRequested, m_worker, &SessionWorker::action);
    connect(m_worker, &SessionWorker::queryFinished, this, &DatabaseSession::queryFinished);
    connect(m_worker, &SessionWorker::queryFailed, this, &DatabaseSession::queryFailed);
    m_thread.start();
}

DatabaseSession::~DatabaseSession() {
    m_thread.quit();
    m_thread.wait();
}

void DatabaseSession::open(const QString &conninfo) { emit openRequested(conninfo); }

void DatabaseSession::shutdown() { m_thread.quit(); }

void DatabaseSession::cancel() {
    std::shared_ptr<pg::PgCancel> handle;
    {
        const std::lock_guard lock(m_cancelMutex);
        handle = m_cancel;
    }
    if (handle)
        std::thread([handle] { handle->cancel(); }).detach();
}

void DatabaseSession::query(const QString &tag, const QString &sql, const QVariantList &params) {
    emit queryRequested(tag, sql, params);
}

void DatabaseSession::action(const QString &tag, const QString &sql, const QVariantList &params) {
    quint64 seq = 0;
    {
        const std::lock_guard lock(m_ledger->mutex);
        seq = ++m_ledger->issued;
    }
    emit actionRequested(tag, sql, params, seq);
}

DatabaseSession::CancelOutcome DatabaseSession::cancelAction() {
    std::shared_ptr<pg::PgCancel> handle;
    {
        const std::lock_guard lock(m_cancelMutex);
        handle = m_cancel;
    }
    std::uint64_t running = 0;
    bool queued = false;
    {
        const std::lock_guard lock(m_ledger->mutex);
        queued = m_ledger->issued > std::max(m_ledger->cancelledUpTo, m_ledger->running);
        running = m_ledger->running;
        m_ledger->cancelledUpTo = m_ledger->issued;
    }
    if (running != 0 && handle) {
        // From a short-lived thread, holding the ledger so the worker cannot move on to a
        // page's poll before the request is sent: the cancel hits this action or nothing.
        std::thread([handle, ledger = m_ledger, running] {
            const std::lock_guard sending(ledger->sending);
            {
                const std::lock_guard lock(ledger->mutex);
                if (ledger->running != running)
                    return;   // it ended meanwhile: nothing to cancel
            }
            handle->cancel();
        }).detach();
        return CancelOutcome::Sent;
    }
    return queued ? CancelOutcome::Skipped : CancelOutcome::Nothing;
}

} // namespace automv::ui

namespace automv::ui {
void DatabaseSession::runScript(const QString &tag, const QString &sql) {
    quint64 seq = 0;
    {
        const std::lock_guard lock(m_ledger->mutex);
        seq = ++m_ledger->issued;
    }
    emit scriptRequested(tag, sql, seq);
}
} // namespace automv::ui
