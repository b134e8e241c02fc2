#pragma once

#include "core/processor/Processor.h"
#include "core/processor/ProcessorLog.h"
#include "core/processor/ProcessorOptions.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace automv::processor {

/// How a fleet finds its databases.
struct FleetOptions {
    /// Every processor's options; `base.conninfo` is the server connection with allDatabases.
    ProcessorOptions base;
    /// One processor per connection string (each its own database), when not allDatabases.
    std::vector<std::string> conninfos;
    /// Find every database of base.conninfo's server where pg_relay is installed, and look
    /// again every `rediscover`: new ones get a processor, ones gone (dropped, or pg_relay
    /// removed) lose theirs.
    bool allDatabases = false;
    std::chrono::milliseconds rediscover{60000};
};

/// One process serving several databases (pg_cron's schedule_in_database): a Processor per
/// database on a thread of its own — its own slot, heartbeats, workers and log lines (each with
/// database=…). Stopping stops them all; with `once`, run() returns when each has drained.
class ProcessorFleet {
public:
    ProcessorFleet(FleetOptions options, LogFormat format, std::FILE *out = stderr);
    ~ProcessorFleet();
    ProcessorFleet(const ProcessorFleet &) = delete;
    ProcessorFleet &operator=(const ProcessorFleet &) = delete;

    /// Runs until stop() (or, with `once`, until every database is drained). 0: clean; 1: a
    /// processor could not start (with `once`), or the server could not be listed at first.
    int run();
    /// Safe in a signal handler: the processors stop as stop() would stop each (a second call
    /// cancels their running actions at once).
    void stop() noexcept;
    /// The databases with a running processor now (their names, or conninfos).
    std::vector<std::string> databases() const;

private:
    struct Member {
        std::unique_ptr<ProcessorLog> log;
        std::unique_ptr<Processor> processor;
        std::thread thread;
        std::atomic<bool> done{false};
        int exitCode = 0;
    };

    /// The databases pg_relay is installed in on the server, or nothing if it cannot be listed.
    std::optional<std::vector<std::string>> discover();
    void start(const std::string &key, ProcessorOptions options);
    void stopMember(const std::string &key);
    /// Joins members that returned; their exit codes go into m_worstExit.
    void reap();
    bool waitForStop(std::chrono::milliseconds timeout);

    FleetOptions m_options;
    LogFormat m_format;
    std::FILE *m_out;
    ProcessorLog m_log;   ///< the fleet's own lines (discovery)
    mutable std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Member>> m_members;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancelNow{false};
    platform::Waker m_waker;   ///< stop() and members that returned wake the fleet's loop
    int m_worstExit = 0;
};

} // namespace automv::processor
