#pragma once
// The platform layer: everything the engine needs from the operating system that the C++
// standard library does not give. POSIX (Linux, macOS) in PlatformPosix.cpp, Windows in
// PlatformWindows.cpp; nothing outside core/platform/ includes a POSIX or Windows header.

#include <chrono>
#include <string>

namespace automv::platform {

/// A socket as libpq's PQsocket() returns it (an int on every platform); -1 for none.
using Socket = int;

/// This process's id, as the registry and the logs record it.
int processId();

/// This machine's name ("" when the system will not say).
std::string hostName();

/// Whether this process runs with the superuser's identity (root on POSIX). PostgreSQL's server
/// programs refuse to run as root; on Windows they drop administrator rights themselves, so
/// this is false there.
bool runningAsSuperuser();

/// Waits until `socket` can be read (or is closed or broken), at most `timeout`: true when it
/// can, false when the time ran out.
bool waitReadable(Socket socket, std::chrono::milliseconds timeout);

} // namespace automv::platform
