#pragma once
// Requests to end the program from outside: SIGINT and SIGTERM on POSIX; Ctrl+C, Ctrl+Break and
// the console's close, logoff and shutdown events on Windows.

#include <functional>

namespace automv::platform {

/// While an object lives, each request calls `onRequest` on a thread of the platform layer's
/// own (never inside a signal handler, so it may lock, log and post events). One object at a
/// time. On Windows a close, logoff or shutdown event ends the process as soon as its handler
/// returns, so the handler waits (up to the few seconds Windows allows) until this object is
/// destroyed: destroy it once the program has finished cleaning up.
class TerminationRequests {
public:
    explicit TerminationRequests(std::function<void()> onRequest);
    ~TerminationRequests();
    TerminationRequests(const TerminationRequests &) = delete;
    TerminationRequests &operator=(const TerminationRequests &) = delete;
};

} // namespace automv::platform
