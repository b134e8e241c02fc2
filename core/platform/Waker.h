#pragma once
// A wake-up for a thread that waits for a socket or a time: another thread (or, on POSIX, a
// signal handler) calls wake(), and the waiting thread's wait() returns at once.

#include "core/platform/Platform.h"

#include <chrono>
#include <cstdint>

namespace automv::platform {

class Waker {
public:
    Waker();
    ~Waker();
    Waker(const Waker &) = delete;
    Waker &operator=(const Waker &) = delete;

    /// Ends the current or the next wait(). Never blocks; async-signal-safe on POSIX.
    void wake() noexcept;

    /// Waits until wake() is called, `socket` (when not -1) can be read, or `timeout` passes;
    /// wake-ups that came before are used up. True only when the socket can be read.
    bool wait(Socket socket, std::chrono::milliseconds timeout);

    /// wait() without a socket.
    void sleep(std::chrono::milliseconds timeout) { wait(-1, timeout); }

private:
#ifdef _WIN32
    void *m_event = nullptr;          ///< an auto-reset event (HANDLE)
#else
    int m_pipe[2] = {-1, -1};         ///< a non-blocking self-pipe
#endif
};

} // namespace automv::platform
