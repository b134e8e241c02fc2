#pragma once

#include <atomic>
#include <memory>
#include <thread>

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
    /// What the test's thread tells the proxy's: plain atomics, read by a timer on the proxy's
    /// thread. No Qt call crosses threads — a posted event's allocation and free are synchronised
    /// inside uninstrumented Qt, which ThreadSanitizer reports as a race (see the .cpp).
    struct Shared {
        std::atomic<bool> stalled{false};
        std::atomic<unsigned> releases{0};   ///< bumped when a stall ends
        std::atomic<bool> stop{false};
    };
    std::thread m_thread;   ///< runs the proxy's Qt event loop
    int m_port = 0;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
};

} // namespace automv::test
