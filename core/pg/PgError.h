#pragma once

#include <stdexcept>
#include <string>

namespace automv::pg {

/// The one error type of the core layer: a message plus the SQLSTATE when the server sent one.
class PgError : public std::runtime_error {
public:
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
    /// SQLSTATE class (first two characters), e.g. "40" for transaction rollback.
    std::string sqlStateClass() const { return m_sqlState.substr(0, 2); }

private:
    std::string m_sqlState;
    std::string m_detail;
    std::string m_hint;
};

} // namespace automv::pg
