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

/// A conninfo string or URI fit for a log line: as given when it holds no password, else
/// rebuilt from its parameters without the password (or "(unparsable connection string)").
std::string conninfoForLog(const std::string &conninfo);

} // namespace automv::pg
