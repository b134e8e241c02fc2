#pragma once

#include <stdexcept>
#include <string>

namespace automv::pg {

/// The one error type of the core layer: a message plus the SQLSTATE when the server sent one.
class PgError : public std::runtime_error {
public:
    /// For a failed connection: did the server ask for a password (libpq's
    /// PQconnectionNeedsPassword / PQconnectionUsedPassword, never the message's wording)?
    enum class Password {
        NotAsked,   ///< not a password matter (or not a connection error)
        Missing,    ///< the server asked for one and none was given (no .pgpass entry either)
        Refused,    ///< one was sent and the connection still failed (a wrong password, usually)
    };

    explicit PgError(const std::string &message, std::string sqlState = {},
                     std::string detail = {}, std::string hint = {})
        : std::runtime_error(message)
        , m_sqlState(std::move(sqlState))
        , m_detail(std::move(detail))
        , m_hint(std::move(hint)) {}

    /// Five-character SQLSTATE, or empty for client-side failures (no connection, bad input).
    const std::string &sqlState() const noexcept { return m_sqlState; }
    const std::string &detail() const noexcept { return m_detail; }
    const std::string &hint() const noexcept { return m_hint; }
    Password password() const noexcept { return m_password; }
    PgError &withPassword(Password password) {
        m_password = password;
        return *this;
    }
    /// SQLSTATE class (first two characters), e.g. "40" for transaction rollback.
    std::string sqlStateClass() const { return m_sqlState.substr(0, 2); }

private:
    std::string m_sqlState;
    std::string m_detail;
    std::string m_hint;
    Password m_password = Password::NotAsked;
};

} // namespace automv::pg
