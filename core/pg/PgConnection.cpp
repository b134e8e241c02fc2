#include "core/pg/PgConnection.h"

#include "core/pg/PgError.h"
#include "core/platform/Platform.h"

#include <string>

namespace automv::pg {
namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

PgConnection PgConnection::connect(const ConnectionParams &params, bool expandDbname) {
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    keywords.reserve(params.size() + 1);
    values.reserve(params.size() + 1);
    for (const auto &[key, value] : params) {
        keywords.push_back(key.c_str());
        values.push_back(value.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    PgConnection connection(PQconnectdbParams(keywords.data(), values.data(), expandDbname ? 1 : 0));
    if (!connection.m_conn)
        throw PgError("out of memory while connecting to PostgreSQL");
    if (PQstatus(connection.raw()) != CONNECTION_OK) {
        PgError error("could not connect to PostgreSQL: " + trimmed(PQerrorMessage(connection.raw())), "08001");
        if (PQconnectionNeedsPassword(connection.raw()))
            error.withPassword(PgError::Password::Missing);
        else if (PQconnectionUsedPassword(connection.raw()))
            error.withPassword(PgError::Password::Refused);
        throw error;
    }
    return connection;
}

PgConnection PgConnection::connect(const std::string &conninfo) {
    if (conninfo.empty())
        return connect(ConnectionParams{});
    return connect(ConnectionParams{{"dbname", conninfo}}, true);
}

void PgConnection::setNoticeHandler(NoticeHandler handler) {
    if (!m_conn)
        return;
    m_noticeHandler = std::make_unique<NoticeHandler>(std::move(handler));
    PQsetNoticeReceiver(
        m_conn.get(),
        [](void *arg, const PGresult *result) {
            auto field = [result](int code) {
                const char *value = PQresultErrorField(result, code);
                return std::string(value ? value : "");
            };
            (*static_cast<NoticeHandler *>(arg))(field(PG_DIAG_SQLSTATE), field(PG_DIAG_MESSAGE_PRIMARY),
                                                  field(PG_DIAG_MESSAGE_DETAIL));
        },
        m_noticeHandler.get());
}

std::string PgConnection::host() const {
    const char *h = m_conn ? PQhost(m_conn.get()) : nullptr;
    return h ? h : "";
}

std::string PgConnection::port() const {
    const char *p = m_conn ? PQport(m_conn.get()) : nullptr;
    return p ? p : "";
}

bool PgConnection::isOpen() const noexcept {
    return m_conn && PQstatus(m_conn.get()) == CONNECTION_OK;
}

int PgConnection::serverVersion() const noexcept {
    return m_conn ? PQserverVersion(m_conn.get()) : 0;
}

std::string PgConnection::database() const {
    const char *db = m_conn ? PQdb(m_conn.get()) : nullptr;
    return db ? db : "";
}

std::string PgConnection::user() const {
    const char *u = m_conn ? PQuser(m_conn.get()) : nullptr;
    return u ? u : "";
}

PgResult PgConnection::tryExec(std::string_view sql, const std::vector<Param> &params) {
    const std::string text(sql);
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const auto &param : params)
        values.push_back(param ? param->c_str() : nullptr);
    if (m_queryTimeout.count() > 0)
        return execAsync(text, values);
    return PgResult(PQexecParams(m_conn.get(), text.c_str(), static_cast<int>(values.size()),
                                 nullptr, values.data(), nullptr, nullptr, 0));
}

// Sends the statement and waits for its result on the socket, up to the query timeout.
PgResult PgConnection::execAsync(const std::string &sql, const std::vector<const char *> &values) {
    PGconn *conn = m_conn.get();
    if (!conn || !PQsendQueryParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0))
        return PgResult(conn ? PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR) : nullptr);
    const auto deadline = std::chrono::steady_clock::now() + m_queryTimeout;
    PgResult kept;
    for (;;) {
        while (PQisBusy(conn)) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !platform::waitReadable(PQsocket(conn), left)) {
                m_conn.reset();  // no answer: this connection cannot be trusted any more
                throw PgError("no answer from the server within " +
                                  std::to_string(m_queryTimeout.count()) +
                                  " ms; the connection was closed",
                              "08006");
            }
            if (!PQconsumeInput(conn))
                break;  // PQgetResult reports the broken connection
        }
        PGresult *next = PQgetResult(conn);
        if (!next)
            break;
        // Keep an error if there was one, else the last result.
        if (kept.isNull() || PQresultStatus(next) == PGRES_FATAL_ERROR ||
            kept.status() != PGRES_FATAL_ERROR)
            kept = PgResult(next);
        else
            PQclear(next);
    }
    return kept.isNull() ? PgResult(PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR)) : std::move(kept);
}

PgResult PgConnection::exec(std::string_view sql, const std::vector<Param> &params) {
    PgResult result = tryExec(sql, params);
    const ExecStatusType status = result.status();
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throwResultError(result, m_conn.get());
    return result;
}

PgResult PgConnection::execScript(std::string_view sql) {
    const std::string text(sql);
    PgResult result(PQexec(m_conn.get(), text.c_str()));
    const ExecStatusType status = result.status();
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throwResultError(result, m_conn.get());
    return result;
}

int PgConnection::socket() const noexcept { return m_conn ? PQsocket(m_conn.get()) : -1; }

bool PgConnection::consumeInput() {
    return m_conn && PQconsumeInput(m_conn.get()) == 1 && PQstatus(m_conn.get()) == CONNECTION_OK;
}

std::vector<std::string> PgConnection::takeNotifications() {
    std::vector<std::string> channels;
    while (PGnotify *notify = m_conn ? PQnotifies(m_conn.get()) : nullptr) {
        channels.emplace_back(notify->relname);
        PQfreemem(notify);
    }
    return channels;
}

std::string PgConnection::quoteIdentifier(std::string_view identifier) const {
    char *quoted = PQescapeIdentifier(m_conn.get(), identifier.data(), identifier.size());
    if (!quoted)
        throw PgError("cannot quote identifier: " + trimmed(PQerrorMessage(m_conn.get())),
                      "22021");
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
}

void throwResultError(const PgResult &result, PGconn *conn) {
    std::string message = result.errorField(PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty())
        message = trimmed(result.isNull() ? PQerrorMessage(conn)
                                          : PQresultErrorMessage(result.raw()));
    if (message.empty())
        message = "query failed";
    throw PgError(message, result.errorField(PG_DIAG_SQLSTATE),
                  result.errorField(PG_DIAG_MESSAGE_DETAIL),
                  result.errorField(PG_DIAG_MESSAGE_HINT));
}

} // namespace automv::pg
