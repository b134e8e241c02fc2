#pragma once

#include <QString>

namespace automv::ui {

/// For the few statements the console must write out as text (previews, install scripts run
/// as a script): an identifier quoted when it is not a plain lower-case name, and a string
/// literal. Everything else is sent as parameters.
QString sqlIdentifier(const QString &name);
QString sqlLiteral(const QString &text);

} // namespace automv::ui
