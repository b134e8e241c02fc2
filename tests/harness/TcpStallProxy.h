#pragma once

#include <atomic>
#include <thread>
#include <utility>
#include <vector>

namespace automv::test {

/// A TCP forwarder on 127.0.0.1 that can stall: while stalled it accepts and keeps every
/// connection but moves no byte in either direction, as a network that silently drops packets
/// looks to both ends. For resilience tests only.
class TcpStallProxy {
public:
    /// Forwards to 127.0.0.1:targetPort.
    explicit TcpStallProxy(int targetPort);
    ~TcpStallProxy();
    TcpStallProxy(const TcpStallProxy &) = delete;
    TcpStallProxy &operator=(const TcpStallProxy &) = delete;

    int port() const { return m_port; }
    void setStalled(bool stalled) { m_stalled = stalled; }

private:
    void run();
    void acceptOne();

    int m_targetPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stalled{false};
    std::atomic<bool> m_stop{false};
    std::vector<std::pair<int, int>> m_pairs;  ///< (client, server) sockets
    std::thread m_thread;
};

} // namespace automv::test
