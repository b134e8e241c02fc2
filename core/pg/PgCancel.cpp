#include "core/pg/PgCancel.h"

namespace automv::pg {

PgCancel::PgCancel(const PgConnection &connection) : m_cancel(PQgetCancel(connection.raw())) {}

bool PgCancel::cancel(std::string *error) const {
    char buffer[256] = {};
    if (m_cancel && PQcancel(m_cancel.get(), buffer, sizeof buffer) == 1)
        return true;
    if (error)
        *error = m_cancel ? buffer : "no connection to cancel";
    return false;
}

} // namespace automv::pg
