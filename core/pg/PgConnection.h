#pragma once

#include "core/pg/PgResult.h"

#include <libpq-fe.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace automv::pg {

/// libpq connection keywords and values (host, port, dbname, sslmode, service, ...). Keywords not
/// given fall back to the PG* environment, service files and .pgpass, as libpq does.
using ConnectionParams = std::vector<std::pair<std::string, std::string>>;

/// A query parameter: std::nullopt is SQL NULL. Values travel as text, never spliced into SQL.
using Param = std::optional<std::string>;

/// Owns one PGconn (RAII). Not thread-safe: one connection belongs to one thread.
class PgConnection {
public:
    /// Connects (blocking) or throws PgError with libpq's message. With expandDbname, a first
    /// "dbname" that is a conninfo string or URI is expanded (libpq's expand_dbname); without it
    /// a database name containing '=' stays a database name.
    static PgConnection connect(const ConnectionParams &params, bool expandDbname = false);
    /// Shorthand for a conninfo string or URI (empty: libpq defaults and PG* environment).
    static PgConnection connect(const std::string &conninfo);

    PgConnection(PgConnection &&) noexcept = default;
    PgConnection &operator=(PgConnection &&) noexcept = default;
    ~PgConnection() = default;

    bool isOpen() const noexcept;
    /// Server version as an integer, e.g. 150018.
    int serverVersion() const noexcept;
    std::string database() const;
    std::string user() const;
    /// The server's host as this client reached it: a name, an address, or the Unix socket's
    /// directory (PQhost); and its port (PQport).
    std::string host() const;
    std::string port() const;
    /// The server process serving this connection (PQbackendPID); 0 when closed.
    int backendPid() const noexcept { return m_conn ? PQbackendPID(m_conn.get()) : 0; }

    /// With a timeout, a statement that gets no answer in time (a stalled network, a hung
    /// server) closes the connection and throws PgError 08006; zero waits forever (default).
    void setQueryTimeout(std::chrono::milliseconds timeout) { m_queryTimeout = timeout; }

    /// Runs one statement with text parameters ($1, $2, ...); throws PgError on failure.
    PgResult exec(std::string_view sql, const std::vector<Param> &params = {});
    /// Runs a script of several statements separated by semicolons (simple query protocol, no
    /// parameters: only for trusted text such as the bundled install scripts); throws PgError.
    PgResult execScript(std::string_view sql);
    /// Like exec but a server error comes back as the failed result (the caller inspects
    /// status()) instead of an exception. It still throws PgError when the statement cannot
    /// be sent or no answer comes within the query timeout.
    PgResult tryExec(std::string_view sql, const std::vector<Param> &params = {});

    /// The connection's socket, for waiting on notifications; -1 when closed.
    int socket() const noexcept;
    /// Reads what the server sent (notifications). False when the connection is lost.
    bool consumeInput();
    /// Channels of the notifications received so far (PQnotifies), oldest first.
    std::vector<std::string> takeNotifications();

    /// Server notices and warnings (SQLSTATE, message, detail) go to `handler` instead of
    /// libpq's default, stderr. It runs on the thread that runs this connection's statements,
    /// as they arrive (a server sends a notice at once, while the statement goes on).
    using NoticeHandler =
        std::function<void(const std::string &sqlState, const std::string &message, const std::string &detail)>;
    void setNoticeHandler(NoticeHandler handler);

    /// Quotes an identifier for SQL text (PQescapeIdentifier); throws PgError on bad encoding.
    std::string quoteIdentifier(std::string_view identifier) const;

    PGconn *raw() const noexcept { return m_conn.get(); }

private:
    struct Deleter {
        void operator()(PGconn *c) const noexcept { PQfinish(c); }
    };
    explicit PgConnection(PGconn *conn) : m_conn(conn) {}
    PgResult execAsync(const std::string &sql, const std::vector<const char *> &values);
    std::unique_ptr<PGconn, Deleter> m_conn;
    std::chrono::milliseconds m_queryTimeout{0};
    std::unique_ptr<NoticeHandler> m_noticeHandler;  ///< stable address: libpq keeps a pointer
};

/// Throws PgError built from a failed result (SQLSTATE, message, detail, hint).
[[noreturn]] void throwResultError(const PgResult &result, PGconn *conn);

} // namespace automv::pg
