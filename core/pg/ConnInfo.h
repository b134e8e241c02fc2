#pragma once

#include "core/pg/PgConnection.h"

#include <string>
#include <string_view>

namespace automv::pg {

/// Quotes one value for a libpq keyword/value conninfo string: single quotes around it, with
/// backslash and single quote escaped. Safe for any text, including spaces and quotes.
std::string quoteConninfoValue(std::string_view value);

/// Builds "key='value' key='value'" from parameters (empty values are left out).
std::string toConninfo(const ConnectionParams &params);

} // namespace automv::pg
