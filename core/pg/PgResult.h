#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace automv::pg {

/// Owns one PGresult (RAII). Rows and columns are 0-based; values are text-format.
class PgResult {
public:
    PgResult() = default;
    explicit PgResult(PGresult *result) : m_result(result) {}

    bool isNull() const noexcept { return m_result == nullptr; }
    ExecStatusType status() const noexcept;
    int rows() const noexcept;
    int columns() const noexcept;
    /// The name of a result column ("" when out of range).
    std::string_view columnName(int col) const noexcept;
    /// Column index by name, or -1.
    int column(const char *name) const noexcept;
    bool isNull(int row, int col) const noexcept;
    std::string_view value(int row, int col) const noexcept;
    std::optional<std::string> optionalValue(int row, int col) const;
    /// Rows affected by INSERT/UPDATE/DELETE etc. (0 when the command reports none).
    long long affectedRows() const noexcept;
    /// Error field (PG_DIAG_*) or empty.
    std::string errorField(int fieldCode) const;

    PGresult *raw() const noexcept { return m_result.get(); }

private:
    struct Deleter {
        void operator()(PGresult *r) const noexcept { PQclear(r); }
    };
    std::unique_ptr<PGresult, Deleter> m_result;
};

} // namespace automv::pg
