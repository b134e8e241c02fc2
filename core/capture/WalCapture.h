#pragma once
// pg_auto_mv's WAL capture, streamed (sql/pg_auto_mv/src/33_capture.sql): when a database is in
// WAL capture mode and no one reads its slot, a processor streams the slot over a logical
// replication connection (START_REPLICATION ... LOGICAL, pgoutput) and hands each committed
// transaction's relations to pgauto_mv.capture_apply(), which queues the requests the watch
// triggers would have made. The server decodes each WAL record once; the SQL capture event
// (pg_logical_slot_peek_binary_changes) decodes again from the slot's restart point on every
// run, which cannot keep up with a busy server. The position goes back to the server
// (standby status update) only after capture_apply() committed: a crash reads a transaction
// twice, never loses one. One reader per slot (the server allows one); the others wait.
// Needs the REPLICATION attribute for the processor's login; without it the SQL capture event
// reads the slot instead (slower, same result).

#include "core/pg/PgConnection.h"
#include "core/platform/Waker.h"
#include "core/processor/ProcessorLog.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace automv::capture {

class WalCapture {
public:
    /// `control`: an ordinary connection's parameters; `replication`: the same with
    /// replication=database.
    WalCapture(pg::ConnectionParams control, pg::ConnectionParams replication, processor::ProcessorLog &log,
               std::chrono::milliseconds serverTimeout);
    /// Runs until stop(): waits for a slot to stream, streams it, and starts over after an error.
    void run();
    /// Ends run() within ~100 ms; what was received and committed is confirmed first.
    void stop() noexcept;

private:
    bool stopped() const noexcept { return m_stop.load(std::memory_order_relaxed); }
    void stream(const std::string &slot, std::uint64_t from);
    pg::PgConnection &control();

    pg::ConnectionParams m_controlParams;
    pg::ConnectionParams m_replicationParams;
    processor::ProcessorLog &m_log;
    std::chrono::milliseconds m_serverTimeout;
    std::atomic<bool> m_stop{false};
    platform::Waker m_waker;
    std::optional<pg::PgConnection> m_control;
};

} // namespace automv::capture
