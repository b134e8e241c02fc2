#pragma once

#include "core/capture/WalCapture.h"
#include "core/pg/PgCancel.h"
#include "core/pg/PgConnection.h"
#include "core/platform/Waker.h"
#include "core/processor/Backoff.h"
#include "core/processor/BatchSizer.h"
#include "core/processor/ProcessorLog.h"
#include "core/processor/ProcessorOptions.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
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
    std::uint64_t polls = 0;   ///< the coordinator's answered polls
    int slot = 0;         ///< registry slot 1-64, 0 while not registered
    bool standby = false; ///< the server is in recovery: idling until promotion
};

/// The pg_relay processor engine. One coordinator connection polls pgrelay.has_due_events(),
/// holds the registry slot, heartbeats, maintains the queue and listens for the wake-up hint;
/// it calls the workers when events are due and never waits for an action. N worker
/// connections each drain the queue on their own with pgrelay.process_batch() (one autocommit
/// statement = one transaction per batch): a long action occupies one worker and nothing else.
/// Lost connections are re-established, and a worker whose batch failed as a whole tries again,
/// with capped backoff; a standby idles until promoted. Server messages are logged redacted.
///
/// Stopping: stop() ends claiming; running batches may finish within options.grace, then they
/// are cancelled. A cancelled batch is undone as a whole (process_batch sees the processor's
/// "stopping" lock), so its events stay queued and run again, none is failed by the stop.
class Processor {
public:
    Processor(ProcessorOptions options, ProcessorLog &log);
    ~Processor();
    Processor(const Processor &) = delete;
    Processor &operator=(const Processor &) = delete;

    /// Runs until stop() (or, with options.once, until the queue is drained). Returns the exit
    /// code: 0 after a clean stop or drain, 1 when --once could not finish.
    int run();
    /// Asks run() to stop claiming and return once running batches finished, or were cancelled
    /// after the grace period. A second call cancels them at once. Async-signal-safe.
    void stop() noexcept;
    /// Like stop() twice: running batches are cancelled now. Async-signal-safe.
    void stopNow() noexcept;
    bool stopRequested() const noexcept { return m_stopRequested.load(std::memory_order_relaxed); }
    ProcessorStats stats() const;

private:
    struct Tick {
        bool standby = false;
        bool due = false;
        /// When the earliest event not yet due comes due (max(): none is queued).
        std::chrono::steady_clock::time_point nextDue = std::chrono::steady_clock::time_point::max();
    };

    // What the coordinator knows of one worker (guarded by m_mutex).
    struct WorkerState {
        std::uint64_t answered = 0;  ///< the last call (m_calls) this worker answered
        bool busy = false;           ///< draining
        bool exited = false;
        /// A worker whose batch failed as a whole answers no call until then (backoff).
        std::chrono::steady_clock::time_point restUntil{};
        std::shared_ptr<pg::PgCancel> cancel;  ///< for the worker's current connection
        int backendPid = 0;                     ///< its server process
        /// The running action's deadline (channel timeout; pgrelay.set_action_timeout's notice).
        std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
        bool deadlineCancelled = false;
    };

    bool ensureCoordinator();
    /// `cap`, or less: the time left until the earliest future event comes due (latest poll).
    std::chrono::milliseconds untilNextDue(std::chrono::milliseconds cap) const;
    Tick poll();
    /// Wakes every worker that is idle and not backing off; busy ones drain again after.
    void callWorkers();
    /// --once: waits until every worker answered the latest call and is idle again (a worker
    /// backing off answers once its backoff is over).
    void waitForRound();
    bool anyWorkerIdle();
    /// True when an event would go to this processor's last free worker (its others are busy).
    bool spareOnly(int exceptWorker = 0);
    /// Cancels every action past its deadline (coordinator thread); returns the time until the
    /// next deadline (capped at `cap`).
    std::chrono::milliseconds enforceDeadlines(std::chrono::milliseconds cap);
    void onWorkerNotice(int worker, const std::string &sqlState, const std::string &message,
                        const std::string &detail);
    void setDeadline(int worker, std::chrono::steady_clock::time_point deadline);
    void maintain();
    void heartbeat();
    void unregister();
    /// After the loop: lets running batches finish within the grace period, then cancels them.
    void finishWorkers();
    void cancelRunningBatches();
    void workerLoop(int worker);
    /// Processes batches until one comes back short (nullopt), each as large as `sizer` says.
    /// When a batch fails as a whole: how long this worker waits before its next attempt (from
    /// `afterFailure`).
    std::optional<std::chrono::milliseconds> drain(pg::PgConnection &connection, int worker,
                                                   Backoff &afterFailure, BatchSizer &sizer);
    std::optional<pg::PgConnection> connectWithBackoff(const char *role, int worker);
    /// Sleeps up to `duration`; returns early (true) when a stop was requested.
    bool sleepUnlessStopped(std::chrono::milliseconds duration);
    /// Idles until the next poll is due, a wake-up hint arrives, a worker finished its drain or
    /// stop() is called.
    void waitForWork();
    void poke() noexcept;
    bool ensureListener();

    ProcessorOptions m_options;
    ProcessorLog &m_log;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_cancelNow{false};
    std::optional<pg::PgConnection> m_coordinator;
    std::optional<pg::PgConnection> m_listener;  ///< LISTENs for the wake-up hint
    std::unique_ptr<capture::WalCapture> m_capture;  ///< streams pg_auto_mv's WAL capture slot
    std::thread m_captureThread;
    platform::Waker m_waker;                      ///< stop() and idle workers wake the coordinator
    std::atomic<int> m_slot{0};
    std::atomic<bool> m_standby{false};
    /// From the latest poll: when the earliest future event comes due (coordinator thread only).
    std::chrono::steady_clock::time_point m_nextDue = std::chrono::steady_clock::time_point::max();
    std::atomic<std::uint64_t> m_succeeded{0}, m_retried{0}, m_failed{0}, m_held{0}, m_batches{0}, m_polls{0};

    // Coordinator -> workers: calls to drain; workers -> coordinator: their state.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<WorkerState> m_workerStates;  ///< index worker - 1; sized before workers start
    std::uint64_t m_calls = 0;
    bool m_shutdown = false;
    std::vector<std::thread> m_workers;
};

} // namespace automv::processor
