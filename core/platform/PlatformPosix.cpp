// The platform layer on POSIX systems (Linux, macOS).
#ifndef _WIN32

#include "core/platform/Platform.h"
#include "core/platform/TerminationRequests.h"
#include "core/platform/Waker.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <limits>
#include <poll.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace automv::platform {

namespace {

// A pipe whose ends do not leak into child processes; the write end never blocks.
bool openPipe(int fds[2], bool nonBlockingRead) {
    if (::pipe(fds) != 0)
        return false;
    for (const int fd : {fds[0], fds[1]})
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK);
    if (nonBlockingRead)
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    return true;
}

// poll()'s timeout: milliseconds as an int, never negative (a negative one waits forever).
int pollTimeout(std::chrono::milliseconds timeout) {
    return static_cast<int>(std::clamp<long long>(timeout.count(), 0, std::numeric_limits<int>::max()));
}

void closePipe(int fds[2]) {
    for (int i = 0; i < 2; ++i)
        if (fds[i] >= 0) {
            ::close(fds[i]);
            fds[i] = -1;
        }
}

} // namespace

int processId() { return static_cast<int>(::getpid()); }

std::string hostName() {
    char buffer[256] = {};
    return ::gethostname(buffer, sizeof buffer - 1) == 0 ? std::string(buffer) : std::string();
}

bool runningAsSuperuser() { return ::geteuid() == 0; }

bool waitReadable(Socket socket, std::chrono::milliseconds timeout) {
    pollfd fd{socket, POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&fd, 1, pollTimeout(timeout));
    } while (ready < 0 && errno == EINTR);
    return ready > 0;
}

// ---- Waker: a self-pipe ----

Waker::Waker() {
    if (!openPipe(m_pipe, true))
        throw std::runtime_error("cannot create a pipe for wake-ups");
}

Waker::~Waker() { closePipe(m_pipe); }

void Waker::wake() noexcept {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(m_pipe[1], &byte, 1);  // full pipe: already woken
}

bool Waker::wait(Socket socket, std::chrono::milliseconds timeout) {
    pollfd fds[2] = {{m_pipe[0], POLLIN, 0}, {socket, POLLIN, 0}};
    const nfds_t count = socket >= 0 ? 2 : 1;
    const int ready = ::poll(fds, count, pollTimeout(timeout));
    char drained[64];
    while (::read(m_pipe[0], drained, sizeof drained) > 0) {
    }
    return ready > 0 && count == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR));
}

// ---- TerminationRequests: SIGINT and SIGTERM through a pipe to a thread ----

namespace {

int g_signalPipe[2] = {-1, -1};
struct sigaction g_previous[2];
constexpr int kSignals[2] = {SIGINT, SIGTERM};
std::thread g_signalThread;

extern "C" void onTerminationSignal(int) {
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
    errno = saved;
}

} // namespace

TerminationRequests::TerminationRequests(std::function<void()> onRequest) {
    if (g_signalPipe[0] >= 0)
        throw std::logic_error("only one TerminationRequests at a time");
    if (!openPipe(g_signalPipe, false))
        throw std::runtime_error("cannot create a pipe for signals");
    g_signalThread = std::thread([readEnd = g_signalPipe[0], onRequest = std::move(onRequest)] {
        for (;;) {
            char byte = 0;
            const auto n = ::read(readEnd, &byte, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0 || byte == 0)
                return;   // the object is going away
            onRequest();
        }
    });
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; ++i)
        ::sigaction(kSignals[i], &action, &g_previous[i]);
}

TerminationRequests::~TerminationRequests() {
    for (int i = 0; i < 2; ++i)
        ::sigaction(kSignals[i], &g_previous[i], nullptr);
    const char stop = 0;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &stop, 1);
    if (g_signalThread.joinable())
        g_signalThread.join();
    closePipe(g_signalPipe);
}

} // namespace automv::platform

#endif
