#pragma once

#include "core/pg/PgError.h"

#include <QString>

namespace automv::ui {

/// What the console shows for a server error: the message, then the server's DETAIL and HINT
/// (the extensions say what to do in their hints) and the SQLSTATE, one per line, e.g.
///   channel "x" does not exist
///   Hint: create it with pgrelay.create_channel()
///   SQLSTATE PR001
QString errorText(const pg::PgError &error);

} // namespace automv::ui
