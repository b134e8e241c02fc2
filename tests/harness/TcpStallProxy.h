#pragma once

#include <atomic>
#include <memory>
#include <thread>

class QObject;

namespace automv::test {

/// A TCP forwarder on 127.0.0.1 that can stall: while stalled it accepts and keeps every
/// connection but moves no byte in either direction, as a network that silently drops packets
/// looks to both ends. For resilience tests only. Qt Network on a thread of its own, so it is
/// portable and needs no event loop of the test's.
class TcpStallProxy {
public:
    /// Forwards to 127.0.0.1:targetPort.
    explicit TcpStallProxy(int targetPort);
    ~TcpStallProxy();
    TcpStallProxy(const TcpStallProxy &) = delete;
    TcpStallProxy &operator=(const TcpStallProxy &) = delete;

    int port() const { return m_port; }
    /// Stalled: bytes wait in the proxy. Unstalled: what waited moves on, and so does the rest.
    void setStalled(bool stalled);

private:
    std::thread m_thread;          ///< runs the proxy's Qt event loop
    QObject *m_switch = nullptr;   ///< tells the pairs on m_thread that a stall ended
    int m_port = 0;
    std::shared_ptr<std::atomic<bool>> m_stalled = std::make_shared<std::atomic<bool>>(false);
};

} // namespace automv::test
