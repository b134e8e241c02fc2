#include "core/capture/WalCapture.h"

#include "core/capture/PgOutputDecoder.h"
#include "core/pg/PgError.h"
#include "core/processor/Backoff.h"
#include "core/processor/Redact.h"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

namespace automv::capture {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char *kInstalled = "select to_regprocedure('pgauto_mv.capture_claim()') is not null";
constexpr const char *kClaim = "select slot_name, captured_lsn, may_stream from pgauto_mv.capture_claim()";
constexpr const char *kStillWal = "select pgauto_mv.capture_streaming()";
constexpr const char *kApply =
    "select pgauto_mv.capture_apply($1::bigint[], $2::bigint[], $3::boolean[], $4::oid[], $5::text[], $6::pg_lsn,"
    " $7::bigint[], $8::integer[], $9::pg_lsn)";
// Apply what came at least this often, and at once past this many changes.
constexpr auto kApplyEvery = 100ms;
constexpr std::size_t kApplyAt = 10000;
constexpr auto kStatusEvery = 10s;   // well inside wal_sender_timeout (60 s by default)
constexpr auto kModeEvery = 1s;
constexpr auto kKeepaliveEvery = 1s;   // confirm a keepalive's position at most this often
// Once a caught-up stream has data again, let more gather before reading: read as it arrives,
// every message (three per one-row transaction) wakes this thread, tens of thousands of times a
// second under load (bench/write_path_pgbench.sh, 1 view, 2 cores: writers ~0.89 -> ~0.96 of
// unwatched in a same-run A/B). Not longer: the walsender sends each message on its own and a
// Unix socket's buffer counts ~1 kB per send, so at 20 ms the walsender blocked and fell behind.
constexpr auto kGather = 5ms;
// Microseconds from the Unix epoch to PostgreSQL's (2000-01-01).
constexpr std::int64_t kPostgresEpochMicros = 946684800LL * 1000000;

processor::LogField errorField(const std::exception &error) {
    return {"error", processor::redactMessage(error.what())};
}

// Postgres array literals of the grouped changes' columns (see groupChanges).
struct Arrays {
    std::string xids = "{", micros = "{", replicated = "{", relids = "{", ops = "{", firstMicros = "{", counts = "{";
    void add(const CapturedGroupEntry &e) {
        // Appended piece by piece: MinGW's GCC 12 warns (-Werror=restrict) on `"," + std::string`.
        if (xids.size() > 1)
            for (auto *s : {&xids, &micros, &replicated, &relids, &ops, &firstMicros, &counts})
                s->push_back(',');
        xids.append(std::to_string(e.lastXid));
        micros.append(std::to_string(e.lastMicros));
        replicated.push_back(e.replicated ? 't' : 'f');
        relids.append(std::to_string(e.relid));
        ops.append(e.op);
        firstMicros.append(std::to_string(e.firstMicros));
        counts.append(std::to_string(e.transactions));
    }
    void close() {
        for (auto *s : {&xids, &micros, &replicated, &relids, &ops, &firstMicros, &counts})
            *s += "}";
    }
};

// A standby status update: written, flushed and applied up to `lsn`.
void sendStatus(PGconn *conn, std::uint64_t lsn) {
    unsigned char message[34];
    message[0] = 'r';
    writeUint64(message + 1, lsn);
    writeUint64(message + 9, lsn);
    writeUint64(message + 17, lsn);
    const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count() - kPostgresEpochMicros;
    writeUint64(message + 25, static_cast<std::uint64_t>(now));
    message[33] = 0;
    if (PQputCopyData(conn, reinterpret_cast<const char *>(message), sizeof message) != 1 || PQflush(conn) != 0)
        throw std::runtime_error(std::string("cannot send the capture position: ") + PQerrorMessage(conn));
}

struct ResultGuard {
    PGresult *result;
    ~ResultGuard() { PQclear(result); }
};

} // namespace

WalCapture::WalCapture(pg::ConnectionParams control, pg::ConnectionParams replication, processor::ProcessorLog &log,
                       std::chrono::milliseconds serverTimeout)
    : m_controlParams(std::move(control)), m_replicationParams(std::move(replication)), m_log(log),
      m_serverTimeout(serverTimeout) {}

void WalCapture::stop() noexcept {
    m_stop = true;
    m_waker.wake();
}

pg::PgConnection &WalCapture::control() {
    if (!m_control || !m_control->isOpen()) {
        m_control.reset();
        m_control = pg::PgConnection::connect(m_controlParams, true);
        m_control->setQueryTimeout(m_serverTimeout);
    }
    return *m_control;
}

void WalCapture::run() {
    processor::Backoff afterError(1s, 30s);
    bool toldNoRight = false;
    while (!stopped()) {
        try {
            if (control().exec(kInstalled).value(0, 0) != "t") {
                m_control.reset();   // pg_auto_mv is not installed here: look again now and then
                m_waker.sleep(30s);
                continue;
            }
            const auto claim = control().exec(kClaim);
            if (claim.rows() == 0) {   // not in WAL mode, or someone streams the slot already
                m_waker.sleep(1s);
                continue;
            }
            if (claim.value(0, 2) != "t") {
                if (!toldNoRight)
                    m_log.info("WAL capture: this login has no REPLICATION attribute, so the capture event reads "
                               "the slot over SQL instead (slower on a busy server)");
                toldNoRight = true;
                m_waker.sleep(30s);
                continue;
            }
            stream(std::string(claim.value(0, 0)), parseLsn(std::string(claim.value(0, 1))));
            afterError.reset();
        } catch (const std::exception &error) {
            const auto delay = afterError.next();
            m_log.warning("WAL capture: streaming stopped; retrying", {{"retry_in_ms", std::to_string(delay.count())},
                                                                      errorField(error)});
            m_control.reset();
            m_waker.sleep(delay);
        }
    }
}

void WalCapture::stream(const std::string &slot, std::uint64_t from) {
    auto replication = pg::PgConnection::connect(m_replicationParams, true);
    PGconn *conn = replication.raw();
    const std::string command = "START_REPLICATION SLOT " + replication.quoteIdentifier(slot) + " LOGICAL " +
                                lsnText(from) + " (proto_version '1', publication_names '\"pgauto_mv_capture\"')";
    {
        ResultGuard started{PQexec(conn, command.c_str())};
        if (PQresultStatus(started.result) != PGRES_COPY_BOTH)
            throw std::runtime_error(std::string("START_REPLICATION failed: ") + PQresultErrorMessage(started.result));
    }
    m_log.info("WAL capture: streaming", {{"slot", slot}, {"from", lsnText(from)}});

    PgOutputDecoder decoder;
    std::uint64_t confirmed = from;   // the server may let go of what lies before this
    std::uint64_t applied = from;     // the position this stream's next batch follows
    bool superseded = false;          // the capture event captured past `applied`: start again
    std::uint64_t safe = from;        // a keepalive's position, safe to confirm once nothing waits
    auto lastApply = Clock::now(), lastStatus = Clock::now(), lastModeCheck = Clock::now();
    bool statusWanted = false;
    bool replyRequested = false;

    const auto apply = [&] {
        std::uint64_t end = 0;
        const auto changes = decoder.take(end);
        if (!changes.empty()) {
            // Grouped first: one entry per kind of transaction, not per change. Row by row,
            // capture_apply() took ~40 us a change with five views (1,100 one-row transactions
            // in 46 ms), ~15 % of one core at 11,000 writes a second.
            Arrays arrays;
            for (const auto &entry : groupChanges(changes))
                arrays.add(entry);
            arrays.close();
            const auto result = control().exec(kApply, {arrays.xids, arrays.micros, arrays.replicated, arrays.relids,
                                                        arrays.ops, lsnText(end), arrays.firstMicros, arrays.counts,
                                                        lsnText(applied)});
            if (result.value(0, 0) == "-1") {   // nothing applied (see capture_apply's p_after)
                superseded = true;
                return;
            }
            applied = std::max(applied, end);
        }
        if (end > confirmed) {
            confirmed = end;
            statusWanted = true;
        }
        lastApply = Clock::now();
    };

    bool keepGoing = true;
    while (keepGoing && !stopped()) {
        char *buffer = nullptr;
        const int size = PQgetCopyData(conn, &buffer, 1);
        if (size > 0) {
            const auto *data = reinterpret_cast<const unsigned char *>(buffer);
            try {
                if (data[0] == 'w' && size >= 25) {
                    decoder.feed(data + 25, static_cast<std::size_t>(size) - 25);
                } else if (data[0] == 'k' && size >= 18) {
                    safe = std::max(safe, readUint64(data + 1));
                    replyRequested = replyRequested || data[17] != 0;
                }
            } catch (...) {
                PQfreemem(buffer);
                throw;
            }
            PQfreemem(buffer);
        } else if (size == -1) {
            ResultGuard ended{PQgetResult(conn)};
            throw std::runtime_error(std::string("the server ended the stream: ") + PQresultErrorMessage(ended.result));
        } else if (size < 0) {
            throw std::runtime_error(std::string("reading the stream failed: ") + PQerrorMessage(conn));
        }

        const auto now = Clock::now();
        if (decoder.committedChanges() >= kApplyAt || (decoder.hasCommitted() && now - lastApply >= kApplyEvery))
            apply();
        if (superseded)
            break;   // confirm nothing more: what the batch held past that capture is read again
        // Nothing received waits to be applied: the keepalive's position is covered. Confirmed
        // once a second, not on every keepalive: the server sends one whenever the WAL moved
        // past what was confirmed, so answering each at once is a round trip per WAL flush.
        if (!decoder.inTransaction() && !decoder.hasCommitted() && safe > confirmed
            && (replyRequested || now - lastStatus >= kKeepaliveEvery)) {
            confirmed = safe;
            statusWanted = true;
        }
        if (statusWanted || replyRequested || now - lastStatus >= kStatusEvery) {
            sendStatus(conn, confirmed);
            lastStatus = now;
            statusWanted = replyRequested = false;
        }
        if (now - lastModeCheck >= kModeEvery) {
            keepGoing = control().exec(kStillWal).value(0, 0) == "t";   // set_capture('triggers') waits for us
            lastModeCheck = now;
        }
        if (size == 0) {
            // Caught up with the stream (nothing to read right now): wait for it, then let more
            // gather. Behind (the socket holds more), read on at once.
            const int fd = PQsocket(conn);
            if (!m_waker.wait(fd, 0ms) && !stopped()
                && m_waker.wait(fd, decoder.hasCommitted() ? kApplyEvery : 1s) && !stopped())
                m_waker.sleep(kGather);
            if (!PQconsumeInput(conn))
                throw std::runtime_error(std::string("reading the stream failed: ") + PQerrorMessage(conn));
        }
    }
    if (superseded) {   // the slot is let go as it is: the next claim starts past that capture
        m_log.info("WAL capture: the capture event read the slot as this stream began; starting again",
                   {{"slot", slot}, {"from", lsnText(from)}});
        return;
    }
    // Stopping, or the mode changed: hand over what is complete, then let the slot go.
    apply();
    sendStatus(conn, confirmed);
    m_log.info("WAL capture: stream closed", {{"slot", slot}, {"confirmed", lsnText(confirmed)}});
}

} // namespace automv::capture
