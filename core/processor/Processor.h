#pragma once

#include "core/pg/PgConnection.h"
#include "core/processor/Backoff.h"
#include "core/processor/ProcessorLog.h"
#include "core/processor/ProcessorOptions.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace automv::processor {

/// Counters since start; read at any time from any thread.
struct ProcessorStats {
    std::uint64_t succeeded = 0;
    std::uint64_t retried = 0;
    std::uint64_t failed = 0;
    std::uint64_t held = 0;
    std::uint64_t batches = 0;
    int slot = 0;         ///< registry slot 1-64, 0 while not registered
    bool standby = false; ///< the server is in recovery: idling until promotion
};

/// The pg_relay processor engine: one coordinator connection polls pgrelay.has_due_events(),
/// holds the registry slot and heartbeats; N worker connections each drain the queue with
/// pgrelay.process_batch() (one autocommit statement = one transaction per batch). Lost
/// connections are re-established, and a worker whose batch failed as a whole tries again,
/// with capped backoff; a standby idles until promoted. Server messages are logged redacted.
class Processor {
public:
    Processor(ProcessorOptions options, ProcessorLog &log);
    ~Processor();
    Processor(const Processor &) = delete;
    Processor &operator=(const Processor &) = delete;

    /// Runs until stop() (or, with options.once, until the queue is drained). Returns the exit
    /// code: 0 after a clean stop or drain, 1 when --once could not finish.
    int run();
    /// Asks run() to finish in-flight batches and return. Async-signal-safe.
    void stop() noexcept;
    bool stopRequested() const noexcept { return m_stopRequested.load(std::memory_order_relaxed); }
    ProcessorStats stats() const;

private:
    struct Tick {
        bool standby = false;
        bool due = false;
    };

    // What the coordinator knows of one worker (guarded by m_mutex).
    struct WorkerState {
        bool called = false;  ///< asked to drain in the current round
        /// A worker whose batch failed as a whole sits out the rounds until then (backoff).
        std::chrono::steady_clock::time_point restUntil{};
    };

    bool ensureCoordinator();
    Tick poll();
    /// One round: calls every worker that is not backing off and returns when they found the
    /// queue drained. False, without a round, when every worker is backing off.
    bool drainWithWorkers();
    /// How long until the first worker that is backing off may be called again.
    std::chrono::milliseconds untilAWorkerIsReady();
    void maintain();
    void heartbeat();
    void unregister();
    void workerLoop(int worker);
    /// Processes batches until one comes back short (nullopt). When a batch fails as a whole:
    /// how long this worker waits before its next attempt (from `afterFailure`).
    std::optional<std::chrono::milliseconds> drain(pg::PgConnection &connection, int worker,
                                                   Backoff &afterFailure);
    std::optional<pg::PgConnection> connectWithBackoff(const char *role, int worker);
    /// Sleeps up to `duration`; returns early (true) when a stop was requested.
    bool sleepUnlessStopped(std::chrono::milliseconds duration);
    /// Idles until the next poll is due, a wake-up hint arrives or stop() is called.
    void waitForWork();
    bool ensureListener();

    ProcessorOptions m_options;
    ProcessorLog &m_log;
    std::atomic<bool> m_stopRequested{false};
    std::optional<pg::PgConnection> m_coordinator;
    std::optional<pg::PgConnection> m_listener;  ///< LISTENs for the wake-up hint
    int m_wakePipe[2] = {-1, -1};                 ///< stop() writes here to end a wait
    std::atomic<int> m_slot{0};
    std::atomic<bool> m_standby{false};
    std::atomic<std::uint64_t> m_succeeded{0}, m_retried{0}, m_failed{0}, m_held{0}, m_batches{0};

    // Coordinator -> workers: who is called to drain, and how many are still busy.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<WorkerState> m_workerStates;  ///< index worker - 1; sized before workers start
    int m_busy = 0;
    bool m_shutdown = false;
    std::vector<std::thread> m_workers;
};

} // namespace automv::processor
