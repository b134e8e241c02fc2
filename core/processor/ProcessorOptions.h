#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace automv::processor {

/// How a processor runs. Defaults match `pgrelay-processor` without options.
struct ProcessorOptions {
    /// libpq conninfo string or URI; empty uses the PG* environment and service files.
    std::string conninfo;
    /// A database to connect to instead of the conninfo's (ProcessorFleet: one server
    /// connection, each database pg_relay is installed in); empty: the conninfo's.
    std::string database;
    /// Worker connections (1-9); each claims and processes its own batches.
    int workers = 1;
    /// Time between polls while the queue is idle (10 ms to 1 hour).
    std::chrono::milliseconds pollInterval{1000};
    /// Events per claimed batch and transaction at most (1-1000); a worker asks for fewer while
    /// its batches take longer than 200 ms (BatchSizer).
    int batchSize = 1000;
    /// Drain the queue once and return instead of running until stopped.
    bool once = false;
    /// LISTEN for pg_relay's wake-up hint on an extra connection, so an idle processor starts
    /// within milliseconds of a new event; polling stays the guarantee.
    bool wakeupHint = true;
    /// Stream pg_auto_mv's WAL capture slot when the database is in WAL capture mode (a
    /// thread and, only then, a replication connection); see core/capture/WalCapture.h.
    bool walCapture = true;
    /// The coordinator and the hint listener give up on a statement after this long (a stalled
    /// network or a hung server), close the connection and reconnect. Workers are not limited
    /// (actions may be slow); TCP keepalives catch their dead connections.
    std::chrono::milliseconds serverTimeout{30000};
    /// After stop(): how long running actions may go on before they are cancelled (0 to 1 hour).
    std::chrono::milliseconds grace{30000};
    /// Heartbeat into pgrelay.processor this often.
    std::chrono::milliseconds heartbeatInterval{5000};
    /// Host name recorded in the registry (empty: gethostname()).
    std::string hostName;

    /// Empty when valid, else a one-line reason naming the option.
    std::optional<std::string> validate() const;
};

} // namespace automv::processor
