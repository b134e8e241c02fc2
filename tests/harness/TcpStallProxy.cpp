#include "tests/harness/TcpStallProxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace automv::test {
namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Moves what is readable on `from` to `to`; false when either side is closed.
bool forward(int from, int to) {
    char buffer[16384];
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n <= 0)
        return false;
    for (ssize_t done = 0; done < n;) {
        const ssize_t w = ::write(to, buffer + done, static_cast<size_t>(n - done));
        if (w <= 0)
            return false;
        done += w;
    }
    return true;
}

} // namespace

TcpStallProxy::TcpStallProxy(int targetPort) : m_targetPort(targetPort) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listen, 16) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        throw std::runtime_error("TcpStallProxy: cannot listen on 127.0.0.1");
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
}

TcpStallProxy::~TcpStallProxy() {
    m_stop = true;
    m_thread.join();
    for (const auto &[client, server] : m_pairs) {
        ::close(client);
        ::close(server);
    }
    ::close(m_listen);
}

void TcpStallProxy::acceptOne() {
    const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0)
        return;
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in target = loopback(m_targetPort);  // targets are on 127.0.0.1
    if (server < 0 || ::connect(server, reinterpret_cast<sockaddr *>(&target), sizeof target) != 0) {
        ::close(client);
        if (server >= 0)
            ::close(server);
        return;
    }
    m_pairs.emplace_back(client, server);
}

void TcpStallProxy::run() {
    while (!m_stop) {
        std::vector<pollfd> fds{{m_listen, POLLIN, 0}};
        const bool stalled = m_stalled;
        if (!stalled)
            for (const auto &[client, server] : m_pairs) {
                fds.push_back({client, POLLIN, 0});
                fds.push_back({server, POLLIN, 0});
            }
        if (::poll(fds.data(), fds.size(), 50) <= 0)
            continue;
        if (fds[0].revents & POLLIN)
            acceptOne();
        if (stalled)
            continue;
        std::vector<std::pair<int, int>> alive;
        for (size_t i = 0; i < (fds.size() - 1) / 2; ++i) {
            const auto [client, server] = m_pairs[i];
            bool ok = true;
            if (fds[1 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR))
                ok = forward(client, server);
            if (ok && (fds[2 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR)))
                ok = forward(server, client);
            if (ok) {
                alive.emplace_back(client, server);
            } else {
                ::close(client);
                ::close(server);
            }
        }
        // Connections accepted during this round were appended after the polled ones.
        for (size_t i = (fds.size() - 1) / 2; i < m_pairs.size(); ++i)
            alive.push_back(m_pairs[i]);
        m_pairs = std::move(alive);
    }
}

} // namespace automv::test
