#include "ui/session/DatabaseSession.h"

#include "ui/session/SessionWorker.h"

#include <thread>

namespace automv::ui {

DatabaseSession::DatabaseSession(QObject *parent) : QObject(parent), m_worker(new SessionWorker) {
    m_thread.setObjectName(QStringLiteral("DatabaseSession"));
    m_worker->setCancelSink([this](std::shared_ptr<pg::PgCancel> handle) {
        const std::lock_guard lock(m_cancelMutex);
        m_cancel = std::move(handle);
    });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &DatabaseSession::openRequested, m_worker, &SessionWorker::open);
    connect(m_worker, &SessionWorker::opened, this, &DatabaseSession::connected);
    connect(m_worker, &SessionWorker::openFailed, this, &DatabaseSession::connectionFailed);
    connect(m_worker, &SessionWorker::connectionLost, this, &DatabaseSession::connectionLost);
    connect(m_worker, &SessionWorker::reconnected, this, &DatabaseSession::reconnected);
    qRegisterMetaType<QueryResult>();
    connect(this, &DatabaseSession::queryRequested, m_worker, &SessionWorker::query);
    connect(this, &DatabaseSession::scriptRequested, m_worker, &SessionWorker::script);
    connect(m_worker, &SessionWorker::queryFinished, this, &DatabaseSession::queryFinished);
    connect(m_worker, &SessionWorker::queryFailed, this, &DatabaseSession::queryFailed);
    m_thread.start();
}

DatabaseSession::~DatabaseSession() {
    m_thread.quit();
    m_thread.wait();
}

void DatabaseSession::open(const QString &conninfo) { emit openRequested(conninfo); }

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

} // namespace automv::ui

namespace automv::ui {
void DatabaseSession::runScript(const QString &tag, const QString &sql) { emit scriptRequested(tag, sql); }
} // namespace automv::ui
