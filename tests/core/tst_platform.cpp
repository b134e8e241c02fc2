// The platform layer (core/platform): wake-ups, socket waits and termination requests, on the
// system the suite runs on.
#include "core/platform/Platform.h"
#include "core/platform/TerminationRequests.h"
#include "core/platform/Waker.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

using automv::platform::TerminationRequests;
using automv::platform::Waker;
using namespace std::chrono_literals;

class TestPlatform : public QObject {
    Q_OBJECT
private slots:
    void identityIsKnown() {
        QVERIFY(automv::platform::processId() > 0);
        QCOMPARE(automv::platform::processId(), static_cast<int>(QCoreApplication::applicationPid()));
        QVERIFY(!automv::platform::hostName().empty());
    }

    void aWakeFromAnotherThreadEndsTheWaitAtOnce() {
        Waker waker;
        QElapsedTimer timer;
        timer.start();
        std::thread other([&] {
            std::this_thread::sleep_for(100ms);
            waker.wake();
        });
        QVERIFY(!waker.wait(-1, 20s));   // woken, not by a socket
        other.join();
        QVERIFY2(timer.elapsed() < 10000, std::to_string(timer.elapsed()).c_str());
    }

    void wakesBeforeAWaitAreUsedUpByIt() {
        Waker waker;
        waker.wake();
        waker.wake();
        QElapsedTimer timer;
        timer.start();
        waker.sleep(20s);                 // returns at once: woken before
        QVERIFY(timer.elapsed() < 10000);
        timer.restart();
        waker.sleep(200ms);               // nothing pending now: waits its time
        QVERIFY(timer.elapsed() >= 150);
    }

    void aReadableSocketEndsTheWaitAndSaysSo() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(server.waitForNewConnection(5000));
        QTcpSocket *accepted = server.nextPendingConnection();
        const auto socket = static_cast<automv::platform::Socket>(accepted->socketDescriptor());

        Waker waker;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!waker.wait(socket, 200ms));            // nothing to read: times out
        QVERIFY(timer.elapsed() >= 150);
        QVERIFY(!automv::platform::waitReadable(socket, 100ms));

        client.write("x");
        QVERIFY(client.waitForBytesWritten(5000));
        QVERIFY(automv::platform::waitReadable(socket, 5s));
        timer.restart();
        QVERIFY(waker.wait(socket, 20s));               // data waiting: readable at once
        QVERIFY(timer.elapsed() < 10000);
    }

    void terminationRequestsReachTheCallbackOnAThread() {
        std::atomic<int> requests{0};
        std::atomic<bool> onMainThread{false};
        const auto mainThread = std::this_thread::get_id();
        {
            TerminationRequests handler([&] {
                onMainThread = std::this_thread::get_id() == mainThread;
                ++requests;
            });
            std::raise(SIGTERM);
            QTRY_COMPARE_WITH_TIMEOUT(requests.load(), 1, 5000);
            std::raise(SIGINT);   // a second request (the processor cancels at once then)
            QTRY_COMPARE_WITH_TIMEOUT(requests.load(), 2, 5000);
            QVERIFY_THROWS_EXCEPTION(std::logic_error, TerminationRequests([] {}));
        }
        QVERIFY(!onMainThread.load());
        // Gone: a new one can take its place.
        TerminationRequests again([&] { ++requests; });
        std::raise(SIGTERM);
        QTRY_COMPARE_WITH_TIMEOUT(requests.load(), 3, 5000);
    }
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
