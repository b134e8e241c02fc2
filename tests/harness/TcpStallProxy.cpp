#include "tests/harness/TcpStallProxy.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace automv::test {
namespace {

// Lives on the proxy's thread; released() tells every pair to move what waited during a stall.
// The test's thread never touches it: the proxy's own timer sees the atomics change and emits.
// (Queued calls from the test's thread — a functor, then a Q_INVOKABLE by name — allocate an
// event on one thread and free it on the other, ordered by a mutex inside uninstrumented
// libQt6Core: ThreadSanitizer reported each as a data race, CI 2026-12-07 and 2026-12-08.)
class StallSwitch : public QObject {
    Q_OBJECT
signals:
    void released();
};

// Moves what `from` has read to `to`, unless stalled or `to` is not connected yet.
void forward(QTcpSocket *from, QTcpSocket *to, const std::atomic<bool> &stalled) {
    if (!stalled && to->state() == QAbstractSocket::ConnectedState && from->bytesAvailable() > 0)
        to->write(from->readAll());
}

// One accepted connection and its own connection to the target; both go when either closes.
void pair(QTcpSocket *client, int targetPort, const std::atomic<bool> *stalled, StallSwitch *stallSwitch) {
    auto *upstream = new QTcpSocket(client);
    QObject::connect(client, &QTcpSocket::readyRead, upstream, [=] { forward(client, upstream, *stalled); });
    QObject::connect(upstream, &QTcpSocket::readyRead, client, [=] { forward(upstream, client, *stalled); });
    QObject::connect(upstream, &QTcpSocket::connected, client, [=] { forward(client, upstream, *stalled); });
    QObject::connect(stallSwitch, &StallSwitch::released, client, [=] {
        forward(client, upstream, *stalled);
        forward(upstream, client, *stalled);
    });
    auto close = [client] {
        client->abort();
        client->deleteLater();   // upstream is its child
    };
    QObject::connect(client, &QTcpSocket::disconnected, client, close);
    QObject::connect(upstream, &QTcpSocket::disconnected, client, close);
    QObject::connect(upstream, &QTcpSocket::errorOccurred, client, close);
    upstream->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(targetPort));
}

} // namespace

TcpStallProxy::TcpStallProxy(int targetPort) {
    // A std::thread running a Qt event loop (not a QThread): its start and join are what
    // ThreadSanitizer sees, so the sanitizer builds of the resilience tests stay clean.
    std::promise<int> started;
    auto listening = started.get_future();
    m_thread = std::thread([&started, targetPort, shared = m_shared] {
        QEventLoop loop;
        QTcpServer server;
        StallSwitch stallSwitch;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            started.set_value(0);
            return;
        }
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, &stallSwitch, targetPort, shared] {
            while (QTcpSocket *client = server.nextPendingConnection())
                pair(client, targetPort, &shared->stalled, &stallSwitch);
        });
        // The test's requests, looked at every 10 ms: a stall ended (every pair moves what
        // waited), or the proxy is going.
        QTimer watch;
        unsigned seen = 0;
        QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
            if (shared->stop) {
                loop.quit();
                return;
            }
            if (const unsigned now = shared->releases; now != seen) {
                seen = now;
                emit stallSwitch.released();
            }
        });
        watch.start(std::chrono::milliseconds(10));
        started.set_value(static_cast<int>(server.serverPort()));
        loop.exec();
        // The pairs are the server's children (accepted sockets): they go with it.
    });
    m_port = listening.get();
    if (m_port == 0) {
        m_thread.join();
        throw std::runtime_error("TcpStallProxy: cannot listen on 127.0.0.1");
    }
}

TcpStallProxy::~TcpStallProxy() {
    m_shared->stop = true;
    m_thread.join();
}

void TcpStallProxy::setStalled(bool stalled) {
    m_shared->stalled = stalled;
    if (!stalled)   // every pair, on the proxy's thread, moves what waited
        ++m_shared->releases;
}

} // namespace automv::test

#include "TcpStallProxy.moc"
