#include "core/pg/PgResult.h"

#include <cstdlib>

namespace automv::pg {

ExecStatusType PgResult::status() const noexcept {
    return m_result ? PQresultStatus(m_result.get()) : PGRES_FATAL_ERROR;
}

int PgResult::rows() const noexcept { return m_result ? PQntuples(m_result.get()) : 0; }

int PgResult::columns() const noexcept { return m_result ? PQnfields(m_result.get()) : 0; }

std::string_view PgResult::columnName(int col) const noexcept {
    const char *name = m_result ? PQfname(m_result.get(), col) : nullptr;
    return name ? std::string_view(name) : std::string_view();
}

int PgResult::column(const char *name) const noexcept {
    return m_result ? PQfnumber(m_result.get(), name) : -1;
}

bool PgResult::isNull(int row, int col) const noexcept {
    return !m_result || PQgetisnull(m_result.get(), row, col) != 0;
}

std::string_view PgResult::value(int row, int col) const noexcept {
    if (!m_result || row < 0 || row >= rows() || col < 0 || col >= columns())
        return {};
    return {PQgetvalue(m_result.get(), row, col),
            static_cast<size_t>(PQgetlength(m_result.get(), row, col))};
}

std::optional<std::string> PgResult::optionalValue(int row, int col) const {
    if (isNull(row, col))
        return std::nullopt;
    return std::string(value(row, col));
}

long long PgResult::affectedRows() const noexcept {
    if (!m_result)
        return 0;
    const char *tuples = PQcmdTuples(m_result.get());
    return (tuples && *tuples) ? std::atoll(tuples) : 0;
}

std::string PgResult::errorField(int fieldCode) const {
    if (!m_result)
        return {};
    const char *field = PQresultErrorField(m_result.get(), fieldCode);
    return field ? std::string(field) : std::string();
}

} // namespace automv::pg
