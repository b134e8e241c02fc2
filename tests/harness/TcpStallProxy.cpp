#include "tests/harness/TcpStallProxy.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QEventLoop>

#include <future>
#include <stdexcept>
#include <thread>

namespace automv::test {
namespace {

// Lives on the proxy's thread; released() tells every pair to move what waited during a stall.
// Other threads call release() and stop() by name, queued: the call event then carries nothing
// the calling thread touches afterwards. (A functor passed to invokeMethod is shared with the
// calling thread, which drops its reference after the proxy's thread may have run it: the count
// lives in uninstrumented Qt, and ThreadSanitizer reported the free as a race — CI, 2026-12-07.)
class StallSwitch : public QObject {
    Q_OBJECT
public:
    Q_INVOKABLE void release() { emit released(); }
    Q_INVOKABLE void stop() { emit finish(); }
signals:
    void released();
    void finish();
};

// Moves what `from` has read to `to`, unless stalled or `to` is not connected yet.
void forward(QTcpSocket *from, QTcpSocket *to, const std::atomic<bool> &stalled) {
    if (!stalled && to->state() == QAbstractSocket::ConnectedState && from->bytesAvailable() > 0)
        to->write(from->readAll());
}

// One accepted connection and its own connection to the target; both go when either closes.
void pair(QTcpSocket *client, int targetPort, const std::shared_ptr<std::atomic<bool>> &stalled,
          StallSwitch *stallSwitch) {
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
    std::promise<std::pair<QObject *, int>> started;
    auto listening = started.get_future();
    auto stalled = m_stalled;
    m_thread = std::thread([&started, targetPort, stalled] {
        QEventLoop loop;
        QTcpServer server;
        StallSwitch stallSwitch;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            started.set_value({nullptr, 0});
            return;
        }
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, &stallSwitch, targetPort, stalled] {
            while (QTcpSocket *client = server.nextPendingConnection())
                pair(client, targetPort, stalled, &stallSwitch);
        });
        QObject::connect(&stallSwitch, &StallSwitch::finish, &loop, &QEventLoop::quit);
        started.set_value({&stallSwitch, server.serverPort()});
        loop.exec();
        // The pairs are the server's children (accepted sockets): they go with it.
    });
    const auto [stallSwitch, port] = listening.get();
    if (!stallSwitch) {
        m_thread.join();
        throw std::runtime_error("TcpStallProxy: cannot listen on 127.0.0.1");
    }
    m_switch = stallSwitch;
    m_port = port;
}

TcpStallProxy::~TcpStallProxy() {
    QMetaObject::invokeMethod(m_switch, "stop", Qt::QueuedConnection);
    m_thread.join();
}

void TcpStallProxy::setStalled(bool stalled) {
    m_stalled->store(stalled);
    if (!stalled)   // every pair, on the proxy's thread, moves what waited
        QMetaObject::invokeMethod(m_switch, "release", Qt::QueuedConnection);
}

} // namespace automv::test

#include "TcpStallProxy.moc"
