#include "core/processor/Processor.h"

#include "core/Version.h"
#include "core/pg/PgError.h"
#include "core/platform/Platform.h"
#include "core/processor/Redact.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace automv::processor {
namespace {

using namespace std::chrono_literals;

// Reconnecting, and a worker's next attempt after its batch failed as a whole: 100 ms doubling
// up to 10 s, so a failure that persists costs a handful of attempts, not a busy loop.
Backoff retryBackoff() { return Backoff(100ms, 10s); }

// Server messages quote the values they reject (invalid input syntax for type integer:
// "123-45-6789"), and a value may come from a payload: the log gets them masked.
LogField errorField(const std::exception &error) { return {"error", redactMessage(error.what())}; }

// pg_relay's advisory-lock keys: (kLockKey, slot) registry slots 1-64; (kLockKey, 65) held by a
// processor while it sleeps, so notify() knows a wake-up hint is worth sending.
constexpr const char *kSleepLock = "select pg_try_advisory_lock(1885827686, 65)";
constexpr const char *kSleepUnlock = "select pg_advisory_unlock(1885827686, 65)";
// A batch: a row per event that did not succeed, then one counting all its events (outcome
// 'processed', attempt = how many). Successes are counted, not listed: a fast drain's batch
// holds a thousand of them.
constexpr const char *kProcessBatch =
    "select event_id, channel, outcome, attempt, error_code, error_message"
    "  from pgrelay.process_batch($1, $2, $3, $4, p_successes => false)";
// How long a batch (one transaction) should take at most; see BatchSizer.
constexpr std::chrono::milliseconds kBatchTarget{200};
// (kLockKey, 100 + slot): held by a stopping processor's coordinator before it cancels its
// batches; process_batch() then undoes the cancelled batch instead of failing the action.
constexpr const char *kStoppingLock = "select pg_advisory_lock(1885827686, 100 + $1::int)";

// Defaults that let a dead peer be noticed, a name per role in pg_stat_activity, and the
// session settings the processor needs whatever the role or database says. The user's conninfo,
// expanded after them, wins: an application_name there names every connection, an `options`
// there replaces ours. All are connection parameters, not SETs: process_batch() ends with
// RESET ALL, which returns a session to exactly these.
//   client_connection_check_interval (PostgreSQL 14+): the server looks every 5 s whether the
//     processor is still there while a statement runs, so the backend of a killed processor
//     stops its action and lets go of its locks instead of running on;
//   statement_timeout = 0: a role's or database's timeout would cancel whichever action a long
//     batch happens to be running when it fires (and, before process_batch caught it per event,
//     roll back the whole batch, every time);
//   synchronous_commit = off, the coordinator only: its poll locks a due row for an instant
//     (FOR UPDATE SKIP LOCKED, to skip events being processed), which gives the poll a
//     transaction id and its commit a WAL flush, a few ms on a durable server. Nothing is lost
//     by not waiting: WAL is flushed in order, so any later durable commit (a notify, a batch)
//     that could depend on the coordinator's writes (registration, heartbeat, a partition
//     switch) makes them durable first.
automv::pg::ConnectionParams connectionParams(const ProcessorOptions &options, const char *role) {
    const std::string settings = std::string("-c client_connection_check_interval=5000 -c statement_timeout=0"
                                             " -c client_min_messages=notice") +
                                 (std::string_view(role) == "coordinator" ? " -c synchronous_commit=off" : "");
    automv::pg::ConnectionParams params{{"connect_timeout", "10"},
                                        {"keepalives", "1"},
                                        {"keepalives_idle", "10"},
                                        {"keepalives_interval", "5"},
                                        {"keepalives_count", "3"},
                                        {"options", settings},
                                        {"fallback_application_name",
                                         std::string("pgrelay-processor ") + role}};
    if (!options.conninfo.empty() || !options.database.empty())
        params.emplace_back("dbname", options.conninfo);   // the first dbname: expanded
    if (!options.database.empty())
        params.emplace_back("dbname", options.database);   // a later one: a plain name, and it wins
    return params;
}

std::string hostName(const ProcessorOptions &options) {
    if (!options.hostName.empty())
        return options.hostName;
    return platform::hostName();
}

} // namespace

Processor::Processor(ProcessorOptions options, ProcessorLog &log)
    : m_options(std::move(options))
    , m_log(log) {}

void Processor::stop() noexcept {
    if (m_stopRequested.exchange(true, std::memory_order_relaxed))
        m_cancelNow.store(true, std::memory_order_relaxed);  // the second request: no more grace
    poke();
}

void Processor::stopNow() noexcept {
    m_cancelNow.store(true, std::memory_order_relaxed);
    m_stopRequested.store(true, std::memory_order_relaxed);
    poke();
}

void Processor::poke() noexcept { m_waker.wake(); }

Processor::~Processor() {
    stopNow();
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
    }
    m_wake.notify_all();
    for (auto &thread : m_workers)
        if (thread.joinable())
            thread.join();
}

ProcessorStats Processor::stats() const {
    ProcessorStats s;
    s.succeeded = m_succeeded.load();
    s.retried = m_retried.load();
    s.failed = m_failed.load();
    s.held = m_held.load();
    s.batches = m_batches.load();
    s.polls = m_polls.load();
    s.slot = m_slot.load();
    s.standby = m_standby.load();
    return s;
}

bool Processor::sleepUnlessStopped(std::chrono::milliseconds duration) {
    const auto deadline = std::chrono::steady_clock::now() + duration;
    while (!stopRequested()) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline)
            return false;
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::min<std::chrono::steady_clock::duration>(deadline - now, 50ms));
    }
    return true;
}

std::optional<pg::PgConnection> Processor::connectWithBackoff(const char *role, int worker) {
    Backoff backoff = retryBackoff();
    while (!stopRequested()) {
        try {
            auto connection = pg::PgConnection::connect(connectionParams(m_options, role), true);
            if (std::string_view(role) != "worker")
                connection.setQueryTimeout(m_options.serverTimeout);
            return connection;
        } catch (const pg::PgError &error) {
            const auto delay = backoff.next();
            m_log.warning("cannot connect; retrying",
                          {{"role", role}, {"worker", std::to_string(worker)},
                           {"retry_in_ms", std::to_string(delay.count())}, errorField(error)});
            if (m_options.once || sleepUnlessStopped(delay))
                return std::nullopt;
        }
    }
    return std::nullopt;
}

bool Processor::ensureCoordinator() {
    if (!m_coordinator || !m_coordinator->isOpen()) {
        m_coordinator.reset();
        m_slot = 0;
        m_coordinator = connectWithBackoff("coordinator", 0);
        if (!m_coordinator)
            return false;
    }
    if (m_slot != 0)
        return true;
    try {
        // Registering writes, so on a standby it waits until promotion; polling goes on.
        if (m_coordinator->exec("select pg_is_in_recovery()").value(0, 0) == "t")
            return true;
        const auto result = m_coordinator->exec(
            "select pgrelay.register_processor($1, $2, $3, $4)",
            {hostName(m_options), std::to_string(platform::processId()), std::string(kVersion),
             std::to_string(m_options.workers)});
        m_slot = std::stoi(std::string(result.value(0, 0)));
        m_coordinator->exec("select pgrelay.repair_schedules()");
    } catch (const pg::PgError &error) {
        m_log.error("cannot register with pg_relay (is it installed, and may this role process?)",
                    {{"sqlstate", error.sqlState()}, errorField(error)});
        if (!m_coordinator->isOpen())
            m_coordinator.reset();
        return false;
    }
    m_log.info("registered", {{"slot", std::to_string(m_slot.load())},
                              {"workers", std::to_string(m_options.workers)},
                              {"database", m_coordinator->database()}});
    return true;
}

Processor::Tick Processor::poll() {
    Tick tick;
    if (!m_coordinator)
        return tick;  // lost since the loop's ensureCoordinator(); the next round reconnects
    try {
        const auto result = m_coordinator->exec(
            "select pg_is_in_recovery(),"
            " case when pg_is_in_recovery() then false else pgrelay.has_due_events($1) end,"
            " case when pg_is_in_recovery() then null else ceil(pgrelay.next_due_in())::bigint end",
            {spareOnly() ? "true" : "false"});
        tick.standby = result.value(0, 0) == "t";
        tick.due = result.value(0, 1) == "t";
        if (!result.isNull(0, 2)) {
            // Measured by the server's clock, so a client clock that is off does not matter.
            const long long inMs = std::max(0LL, std::atoll(std::string(result.value(0, 2)).c_str()));
            tick.nextDue = std::chrono::steady_clock::now() + std::chrono::milliseconds(inMs);
        }
        m_nextDue = tick.nextDue;
        ++m_polls;
    } catch (const pg::PgError &error) {
        m_log.warning("poll failed", {{"sqlstate", error.sqlState()}, errorField(error)});
        if (!m_coordinator->isOpen())
            m_coordinator.reset();
    }
    if (tick.standby != m_standby.exchange(tick.standby))
        m_log.info(tick.standby ? "server is a standby: idling until promotion"
                                : "server accepts writes: processing");
    return tick;
}

void Processor::callWorkers() {
    {
        std::lock_guard lock(m_mutex);
        ++m_calls;
    }
    m_wake.notify_all();
}

void Processor::waitForRound() {
    std::uint64_t call = 0;
    {
        std::lock_guard lock(m_mutex);
        call = m_calls;
    }
    for (;;) {
        const auto slice = enforceDeadlines(50ms);
        std::unique_lock lock(m_mutex);
        const bool answered = m_shutdown || std::all_of(m_workerStates.begin(), m_workerStates.end(),
                                                         [&](const WorkerState &w) {
                                                             return w.exited || (w.answered == call && !w.busy);
                                                         });
        if (answered)
            return;
        m_wake.wait_for(lock, slice);
    }
}

bool Processor::spareOnly(int exceptWorker) {
    if (m_options.workers < 2)
        return false;
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    int free = 0;
    for (std::size_t i = 0; i < m_workerStates.size(); ++i) {
        const auto &w = m_workerStates[i];
        if (static_cast<int>(i) + 1 == exceptWorker || (!w.busy && !w.exited && w.restUntil <= now))
            ++free;
    }
    return free <= 1;
}

void Processor::setDeadline(int worker, std::chrono::steady_clock::time_point deadline) {
    {
        std::lock_guard lock(m_mutex);
        auto &state = m_workerStates[static_cast<std::size_t>(worker - 1)];
        state.deadline = deadline;
        state.deadlineCancelled = false;
    }
    if (deadline != std::chrono::steady_clock::time_point::max())
        poke();  // the coordinator waits until the earliest deadline
}

void Processor::onWorkerNotice(int worker, const std::string &sqlState, const std::string &message,
                               const std::string &detail) {
    if (sqlState == "PR020") {  // pg_relay: the running action's deadline, in ms from now
        long long ms = 0;
        try {
            ms = std::stoll(detail);
        } catch (const std::exception &) {
            return;
        }
        setDeadline(worker, std::chrono::steady_clock::now() + std::chrono::milliseconds(ms));
        return;
    }
    m_log.log(LogLevel::Debug, "server notice",
              {{"worker", std::to_string(worker)}, {"sqlstate", sqlState}, {"message", redactMessage(message)}});
}

std::chrono::milliseconds Processor::enforceDeadlines(std::chrono::milliseconds cap) {
    struct Due {
        int worker;
        int backendPid;
        std::shared_ptr<pg::PgCancel> cancel;
    };
    std::vector<Due> due;
    auto next = std::chrono::steady_clock::time_point::max();
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < m_workerStates.size(); ++i) {
            auto &w = m_workerStates[i];
            if (!w.busy || w.deadlineCancelled || w.deadline == std::chrono::steady_clock::time_point::max())
                continue;
            if (w.deadline <= now) {
                w.deadlineCancelled = true;
                if (w.cancel)
                    due.push_back({static_cast<int>(i) + 1, w.backendPid, w.cancel});
            } else {
                next = std::min(next, w.deadline);
            }
        }
    }
    for (const auto &[worker, backendPid, cancel] : due) {
        m_log.warning("action ran past its timeout; cancelling it", {{"worker", std::to_string(worker)}});
        // pg_cancel_backend() sends the backend one SIGINT. A cancel request (PQcancel) makes
        // the postmaster signal the backend and its process group, two SIGINTs: under load the
        // second came after the action had failed and cancelled process_batch's own bookkeeping,
        // undoing the whole batch (seen: 3 times in 15 runs beside a CPU hog).
        if (m_coordinator && m_coordinator->isOpen() && backendPid > 0) {
            try {
                m_coordinator->exec("select pg_cancel_backend($1)", {std::to_string(backendPid)});
                continue;
            } catch (const pg::PgError &error) {
                m_log.warning("pg_cancel_backend failed; sending a cancel request",
                              {{"worker", std::to_string(worker)}, errorField(error)});
            }
        }
        std::string error;
        if (!cancel->cancel(&error))
            m_log.warning("cancel request failed", {{"worker", std::to_string(worker)}, {"error", redactMessage(error)}});
    }
    if (next == std::chrono::steady_clock::time_point::max())
        return cap;
    return std::clamp(std::chrono::ceil<std::chrono::milliseconds>(next - now), std::chrono::milliseconds(1), cap);
}

bool Processor::anyWorkerIdle() {
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    return std::any_of(m_workerStates.begin(), m_workerStates.end(),
                       [&](const WorkerState &w) { return !w.busy && !w.exited && w.restUntil <= now; });
}

void Processor::maintain() {
    try {
        const auto result = m_coordinator->exec("select pgrelay.maintain()");
        const std::string done(result.value(0, 0));
        if (done != "idle" && done != "busy")
            m_log.log(LogLevel::Debug, "queue maintenance", {{"did", done}});
    } catch (const pg::PgError &error) {
        m_log.warning("queue maintenance failed", {{"sqlstate", error.sqlState()}, errorField(error)});
        if (!m_coordinator->isOpen())
            m_coordinator.reset();
    }
}

void Processor::heartbeat() {
    try {
        m_coordinator->exec("select pgrelay.heartbeat_processor($1, $2, $3, $4)",
                            {std::to_string(m_slot.load()), std::to_string(m_succeeded.load()),
                             std::to_string(m_retried.load()), std::to_string(m_failed.load())});
    } catch (const pg::PgError &error) {
        m_log.warning("heartbeat failed", {{"sqlstate", error.sqlState()}, errorField(error)});
        if (!m_coordinator->isOpen())
            m_coordinator.reset();
    }
}

void Processor::unregister() {
    if (!m_coordinator || !m_coordinator->isOpen() || m_slot == 0)
        return;
    try {
        heartbeat();
        if (m_coordinator)
            m_coordinator->exec("select pgrelay.unregister_processor($1)",
                                {std::to_string(m_slot.load())});
    } catch (const pg::PgError &) {
        // The slot's advisory lock goes with the session anyway.
    }
}

int Processor::run() {
    if (const auto problem = m_options.validate()) {
        m_log.error(*problem);
        return 2;
    }
    m_workerStates.assign(static_cast<std::size_t>(m_options.workers), WorkerState{});
    for (int worker = 1; worker <= m_options.workers; ++worker)
        m_workers.emplace_back([this, worker] { workerLoop(worker); });
    if (m_options.walCapture && !m_options.once) {
        auto replication = connectionParams(m_options, "wal capture");
        replication.emplace_back("replication", "database");
        m_capture = std::make_unique<capture::WalCapture>(connectionParams(m_options, "wal capture"), std::move(replication),
                                                          m_log, m_options.serverTimeout);
        m_captureThread = std::thread([this] { m_capture->run(); });
    }

    int exitCode = 0;
    Backoff reconnect = retryBackoff();
    auto nextHeartbeat = std::chrono::steady_clock::now();
    auto nextMaintenance = std::chrono::steady_clock::now();
    while (!stopRequested()) {
        enforceDeadlines(m_options.pollInterval);
        if (!ensureCoordinator()) {
            if (m_options.once) {
                exitCode = 1;
                break;
            }
            sleepUnlessStopped(reconnect.next());
            continue;
        }
        reconnect.reset();
        const Tick tick = poll();
        if (!m_coordinator)
            continue;
        if (tick.due)
            callWorkers();
        const auto now = std::chrono::steady_clock::now();
        if (now >= nextMaintenance && !tick.standby) {
            maintain();
            nextMaintenance = now + (tick.due ? 1s : 5s);
        }
        if (m_coordinator && m_slot != 0 && now >= nextHeartbeat) {
            heartbeat();
            nextHeartbeat = now + m_options.heartbeatInterval;
        }
        if (m_options.once) {
            // Drained when a poll finds nothing claimable after every worker finished.
            // A round in which no batch completed (each failed as a whole) ends the run too.
            if (!tick.due)
                break;
            const auto batchesBefore = m_batches.load();
            waitForRound();
            if (m_batches.load() == batchesBefore)
                break;
            continue;
        }
        waitForWork();
    }

    if (m_capture) {   // it confirms what it has handed over, then lets the slot go
        m_capture->stop();
        m_captureThread.join();
        m_capture.reset();
    }
    finishWorkers();
    unregister();
    const auto s = stats();
    m_log.info("stopped", {{"succeeded", std::to_string(s.succeeded)},
                           {"retried", std::to_string(s.retried)},
                           {"failed", std::to_string(s.failed)}});
    return exitCode;
}

void Processor::finishWorkers() {
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;  // idle workers leave; busy ones claim nothing more
    }
    m_wake.notify_all();
    auto allExited = [this] {
        return std::all_of(m_workerStates.begin(), m_workerStates.end(), [](const WorkerState &w) { return w.exited; });
    };
    const auto graceEnds = std::chrono::steady_clock::now() + m_options.grace;
    {
        std::unique_lock lock(m_mutex);
        bool announced = false;
        while (!allExited() && !m_cancelNow.load() && std::chrono::steady_clock::now() < graceEnds) {
            if (!announced) {
                m_log.info("stopping: waiting for running batches",
                           {{"grace_ms", std::to_string(m_options.grace.count())}});
                announced = true;
            }
            lock.unlock();
            enforceDeadlines(50ms);  // a channel's timeout still applies during the grace
            lock.lock();
            m_wake.wait_for(lock, 50ms);
        }
    }
    bool running = false;
    {
        std::lock_guard lock(m_mutex);
        running = !allExited();
    }
    if (running)
        cancelRunningBatches();
    for (auto &thread : m_workers)
        thread.join();
    m_workers.clear();
}

void Processor::cancelRunningBatches() {
    // First tell process_batch that this is a stop, so it undoes the batch rather than failing
    // the cancelled action; without the coordinator the cancel still ends the wait.
    bool marked = false;
    if (m_coordinator && m_coordinator->isOpen() && m_slot != 0) {
        try {
            m_coordinator->exec(kStoppingLock, {std::to_string(m_slot.load())});
            marked = true;
        } catch (const pg::PgError &error) {
            m_log.warning("cannot mark this processor as stopping", {errorField(error)});
        }
    }
    std::vector<std::shared_ptr<pg::PgCancel>> running;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &w : m_workerStates)
            if (w.busy && w.cancel)
                running.push_back(w.cancel);
    }
    m_log.warning(marked ? "cancelling running batches; their events stay queued"
                         : "cancelling running batches; the running actions fail (57014)",
                  {{"batches", std::to_string(running.size())}});
    for (const auto &cancel : running) {
        std::string error;
        if (!cancel->cancel(&error))
            m_log.warning("cancel request failed", {{"error", redactMessage(error)}});
    }
}

bool Processor::ensureListener() {
    if (m_listener && m_listener->isOpen())
        return true;
    m_listener.reset();
    try {
        auto connection = pg::PgConnection::connect(connectionParams(m_options, "listener"), true);
        connection.setQueryTimeout(m_options.serverTimeout);
        connection.exec("listen pgrelay_wakeup");
        m_listener = std::move(connection);
        return true;
    } catch (const pg::PgError &error) {
        m_log.warning("no wake-up hint connection; polling only",
                      {{"sqlstate", error.sqlState()}, errorField(error)});
        return false;
    }
}

std::chrono::milliseconds Processor::untilNextDue(std::chrono::milliseconds cap) const {
    if (m_nextDue == std::chrono::steady_clock::time_point::max())
        return cap;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(m_nextDue - std::chrono::steady_clock::now());
    return std::clamp(left, std::chrono::milliseconds(0), cap);
}

void Processor::waitForWork() {
    // Until the next poll, the earliest deadline of a running action, or the time the earliest
    // future event comes due (a scheduled run starts on time, not up to a poll interval late).
    auto wait = untilNextDue(enforceDeadlines(m_options.pollInterval));
    // The hint is only worth its cost to notify() while a worker could take new work.
    if (!m_options.wakeupHint || m_standby || !anyWorkerIdle() || !ensureListener()) {
        m_waker.sleep(wait);
        return;
    }
    auto dropListener = [this](const std::string &error) {
        m_log.warning("wake-up hint connection lost; polling continues",
                      {{"error", redactMessage(error)}});
        m_listener.reset();
    };
    bool asleep = false;
    try {
        asleep = m_listener->exec(kSleepLock).value(0, 0) == "t";
        m_listener->takeNotifications();  // hints from before this wait are stale
    } catch (const pg::PgError &error) {
        dropListener(error.what());
        m_waker.sleep(wait);
        return;
    }
    // Announced as asleep: look once more, so an event committed just before is not missed.
    if (poll().due)
        callWorkers();
    wait = untilNextDue(wait);
    // A hint may already sit in libpq's buffer, read along with the lock's answer: the socket
    // would not show it, and the wait would last the whole poll interval (measured: p99 896 ms
    // commit-to-action at a 1 s poll). PQnotifies parses what is buffered.
    const bool hinted = !m_listener->takeNotifications().empty();
    if (hinted)
        callWorkers();
    if (!hinted && m_coordinator && !stopRequested() && m_waker.wait(m_listener->socket(), wait)) {
        if (!m_listener->consumeInput()) {
            dropListener("the connection closed");
            return;
        }
        m_listener->takeNotifications();
    }
    if (asleep && m_listener) {
        try {
            m_listener->exec(kSleepUnlock);
        } catch (const pg::PgError &error) {
            dropListener(error.what());  // the session, and with it the lock, is gone
        }
    }
}

void Processor::workerLoop(int worker) {
    auto &state = m_workerStates[static_cast<std::size_t>(worker - 1)];
    std::optional<pg::PgConnection> connection;
    Backoff afterFailure = retryBackoff();
    BatchSizer sizer(m_options.batchSize, kBatchTarget);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            for (;;) {
                if (m_shutdown || stopRequested()) {
                    state.exited = true;
                    state.cancel.reset();
                    m_wake.notify_all();
                    return;
                }
                if (state.answered != m_calls) {
                    if (std::chrono::steady_clock::now() >= state.restUntil)
                        break;
                    m_wake.wait_until(lock, state.restUntil);
                } else {
                    m_wake.wait(lock);
                }
            }
            state.answered = m_calls;
            state.busy = true;
        }
        std::optional<std::chrono::milliseconds> rest;
        if (!connection || !connection->isOpen()) {
            connection = connectWithBackoff("worker", worker);
            if (connection)
                connection->setNoticeHandler([this, worker](const std::string &sqlState, const std::string &message,
                                                            const std::string &detail) {
                    onWorkerNotice(worker, sqlState, message, detail);
                });
            std::lock_guard lock(m_mutex);
            state.cancel = connection ? std::make_shared<pg::PgCancel>(*connection) : nullptr;
            state.backendPid = connection ? connection->backendPid() : 0;
        }
        if (connection)
            rest = drain(*connection, worker, afterFailure, sizer);
        {
            std::lock_guard lock(m_mutex);
            state.busy = false;
            if (rest)
                state.restUntil = std::chrono::steady_clock::now() + *rest;
        }
        m_wake.notify_all();
        poke();  // the coordinator may listen for hints again, or end a --once round
    }
}

std::optional<std::chrono::milliseconds> Processor::drain(pg::PgConnection &connection, int worker,
                                                          Backoff &afterFailure, BatchSizer &sizer) {
    const auto noDeadline = std::chrono::steady_clock::time_point::max();
    while (!stopRequested()) {
        const int limit = sizer.next();
        const std::vector<pg::Param> params{std::to_string(limit), std::to_string(m_slot.load()),
                                            std::to_string(worker), spareOnly(worker) ? "true" : "false"};
        pg::PgResult result;
        const auto started = std::chrono::steady_clock::now();
        try {
            // One autocommit statement: the batch's actions, log rows and removals commit together.
            result = connection.exec(kProcessBatch, params);
            setDeadline(worker, noDeadline);
        } catch (const pg::PgError &error) {
            setDeadline(worker, noDeadline);
            if (stopRequested() && error.sqlState() == "57014") {
                m_log.info("batch cancelled by the stop; its events stay queued",
                           {{"worker", std::to_string(worker)}});
                return std::nullopt;
            }
            // Whatever broke it (a lost connection, a revoked privilege, a failing write of
            // pg_relay's own bookkeeping) may well break the next attempt too: back off. A
            // worker whose connection is gone reconnects when it is called again.
            const auto rest = afterFailure.next();
            m_log.warning("batch failed; its events stay queued",
                          {{"worker", std::to_string(worker)}, {"sqlstate", error.sqlState()},
                           errorField(error), {"retry_in_ms", std::to_string(rest.count())}});
            return rest;
        }
        ++m_batches;
        // The last row counts the batch's events; the others are the events that did not succeed.
        int reported = result.rows();
        int processed = 0;
        if (reported > 0 && result.value(reported - 1, 2) == "processed")
            processed = std::atoi(std::string(result.value(--reported, 3)).c_str());
        sizer.record(processed, std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::steady_clock::now() - started));
        if (processed > 0)
            afterFailure.reset();  // an empty batch shows nothing: its events may be locked
        m_succeeded += static_cast<std::uint64_t>(std::max(processed - reported, 0));
        for (int row = 0; row < reported; ++row) {
            const auto outcome = result.value(row, 2);
            (outcome == "retry" ? m_retried : outcome == "failed" ? m_failed : m_held)++;
            if (outcome == "held")
                continue;
            // The server masks it already; masking twice changes nothing.
            m_log.log(outcome == "failed" ? LogLevel::Error : LogLevel::Warning,
                      outcome == "failed" ? "event failed" : "event will be retried",
                      {{"event_id", std::string(result.value(row, 0))},
                       {"channel", std::string(result.value(row, 1))},
                       {"attempt", std::string(result.value(row, 3))},
                       {"sqlstate", std::string(result.value(row, 4))},
                       {"error", redactMessage(result.value(row, 5))},
                       {"worker", std::to_string(worker)}});
        }
        if (processed < limit)
            return std::nullopt;
    }
    return std::nullopt;
}

} // namespace automv::processor
