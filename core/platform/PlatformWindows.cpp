// The platform layer on Windows.
#ifdef _WIN32

#include "core/platform/Platform.h"
#include "core/platform/TerminationRequests.h"
#include "core/platform/Waker.h"

#include <winsock2.h>
#include <windows.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace automv::platform {

namespace {

DWORD milliseconds(std::chrono::milliseconds timeout) {
    return static_cast<DWORD>(std::clamp<long long>(timeout.count(), 0, 0x7fffffff));
}

} // namespace

int processId() { return static_cast<int>(::GetCurrentProcessId()); }

std::string hostName() {
    char buffer[256] = {};
    DWORD size = sizeof buffer;
    return ::GetComputerNameExA(ComputerNameDnsHostname, buffer, &size) ? std::string(buffer, size) : std::string();
}

bool runningAsSuperuser() { return false; }

bool waitReadable(Socket socket, std::chrono::milliseconds timeout) {
    WSAPOLLFD fd{};
    fd.fd = static_cast<SOCKET>(socket);
    fd.events = POLLRDNORM;
    return ::WSAPoll(&fd, 1, static_cast<INT>(milliseconds(timeout))) > 0;
}

// ---- Waker: an auto-reset event, and the socket's own event while waiting ----

Waker::Waker()
    : m_event(::CreateEventW(nullptr, FALSE, FALSE, nullptr)) {
    if (!m_event)
        throw std::runtime_error("cannot create an event for wake-ups");
}

Waker::~Waker() { ::CloseHandle(static_cast<HANDLE>(m_event)); }

void Waker::wake() noexcept { ::SetEvent(static_cast<HANDLE>(m_event)); }

bool Waker::wait(Socket socket, std::chrono::milliseconds timeout) {
    HANDLE handles[2] = {static_cast<HANDLE>(m_event), nullptr};
    DWORD count = 1;
    WSAEVENT socketEvent = WSA_INVALID_EVENT;
    if (socket >= 0) {
        // FD_READ is recorded at once when data is already waiting, so nothing is missed.
        socketEvent = ::WSACreateEvent();
        if (socketEvent != WSA_INVALID_EVENT &&
            ::WSAEventSelect(static_cast<SOCKET>(socket), socketEvent, FD_READ | FD_CLOSE) == 0) {
            handles[1] = socketEvent;
            count = 2;
        }
    }
    const DWORD result = ::WaitForMultipleObjects(count, handles, FALSE, milliseconds(timeout));
    if (socketEvent != WSA_INVALID_EVENT) {
        if (count == 2)
            ::WSAEventSelect(static_cast<SOCKET>(socket), nullptr, 0);  // libpq keeps it non-blocking
        ::WSACloseEvent(socketEvent);
    }
    return count == 2 && result == WAIT_OBJECT_0 + 1;
}

// ---- TerminationRequests: the console control handler ----

namespace {

std::mutex g_mutex;
std::function<void()> g_onRequest;   // empty while no TerminationRequests object lives
bool g_active = false;
HANDLE g_finished = nullptr;         // set when the TerminationRequests object is destroyed

// False when no TerminationRequests object lives: then Windows's default handler ends the process.
bool request() {
    std::lock_guard lock(g_mutex);
    if (!g_onRequest)
        return false;
    g_onRequest();
    return true;
}

BOOL WINAPI onConsoleControl(DWORD type) {
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        return request() ? TRUE : FALSE;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        // The process ends when this returns: let the program finish first (Windows allows
        // about 5 s for a close event before it ends the process anyway).
        if (!request())
            return FALSE;
        ::WaitForSingleObject(g_finished, 10000);
        return TRUE;
    default:
        return FALSE;
    }
}

} // namespace

TerminationRequests::TerminationRequests(std::function<void()> onRequest) {
    std::lock_guard lock(g_mutex);
    if (g_active)
        throw std::logic_error("only one TerminationRequests at a time");
    g_active = true;
    g_onRequest = std::move(onRequest);
    if (!g_finished) {
        g_finished = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
        ::SetConsoleCtrlHandler(onConsoleControl, TRUE);   // stays: it does nothing while inactive
    }
    ::ResetEvent(g_finished);
}

TerminationRequests::~TerminationRequests() {
    {
        std::lock_guard lock(g_mutex);
        g_onRequest = nullptr;
        g_active = false;
    }
    ::SetEvent(g_finished);   // a waiting close handler returns, and Windows ends the process
}

} // namespace automv::platform

#endif
