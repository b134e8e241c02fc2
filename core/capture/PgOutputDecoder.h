#pragma once
// Reads what pg_auto_mv's WAL capture needs from a pgoutput stream (protocol version 1, not
// streamed in progress): which relations each committed transaction inserted into, updated,
// deleted from or truncated, when it committed, whether logical replication applied it (an
// origin), and where its commit record ends. Row data is skipped unread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace automv::capture {

/// One change of a committed transaction, in commit order.
struct CapturedChange {
    std::uint32_t xid = 0;
    std::int64_t commitMicros = 0;  ///< commit time, microseconds since 2000-01-01 UTC
    bool replicated = false;        ///< applied by logical replication (the transaction has an origin)
    std::uint32_t relid = 0;
    const char *op = "";            ///< INSERT, UPDATE, DELETE or TRUNCATE
};

/// Transactions that changed the same relations with the same operations (in the order of
/// their first change) and share an origin, as one group: what capture_apply() needs of them is
/// how many there were, their first and last commit time and the last one's xid. One entry per
/// distinct (relation, operation) of a group, in that order; all entries of a group carry its
/// figures. A busy table's thousand one-row transactions become one entry, not a thousand.
struct CapturedGroupEntry {
    std::uint32_t lastXid = 0;          ///< the group's last transaction (commit order)
    std::int64_t firstMicros = 0;       ///< its first transaction's commit time
    std::int64_t lastMicros = 0;        ///< its last transaction's commit time
    std::uint32_t transactions = 0;
    bool replicated = false;
    std::uint32_t relid = 0;
    const char *op = "";
};
/// Groups committed changes (in commit order, as take() returns them).
std::vector<CapturedGroupEntry> groupChanges(const std::vector<CapturedChange> &changes);

class PgOutputDecoder {
public:
    /// One pgoutput message (the payload of an XLogData message). Throws std::runtime_error
    /// when it is cut short or out of order (a change outside a transaction).
    void feed(const unsigned char *data, std::size_t size);
    /// Between a transaction's Begin and its Commit.
    bool inTransaction() const noexcept { return m_inTransaction; }
    /// Changes of the transactions committed since the last take, and the end LSN of the last
    /// of them (0 when none committed).
    std::vector<CapturedChange> take(std::uint64_t &endLsn);
    /// Changes waiting to be taken (committed transactions only).
    std::size_t committedChanges() const noexcept { return m_committed.size(); }
    /// A transaction committed since the last take (perhaps with no change to capture).
    bool hasCommitted() const noexcept { return m_committedAny; }

private:
    std::vector<CapturedChange> m_committed;
    std::vector<CapturedChange> m_current;  ///< the open transaction's
    bool m_inTransaction = false;
    std::uint32_t m_xid = 0;
    std::int64_t m_commitMicros = 0;
    bool m_replicated = false;
    std::uint64_t m_endLsn = 0;
    bool m_committedAny = false;  ///< a transaction committed since the last take
};

/// Big-endian integers as the replication protocol sends them.
std::uint64_t readUint64(const unsigned char *p) noexcept;
std::uint32_t readUint32(const unsigned char *p) noexcept;
void writeUint64(unsigned char *p, std::uint64_t value) noexcept;
/// An LSN as PostgreSQL writes it ("16/B374D848"), and back (0 for a malformed one).
std::string lsnText(std::uint64_t lsn);
std::uint64_t parseLsn(const std::string &text) noexcept;

} // namespace automv::capture
