#include "ui/common/SqlText.h"

#include <QRegularExpression>

namespace automv::ui {

QString sqlIdentifier(const QString &name) {
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString sqlLiteral(const QString &text) {
    // standard_conforming_strings is on (the default since 9.1; the installer's scripts need it):
    // a quote is doubled, nothing else is special. A NUL cannot be in a PostgreSQL string.
    return QLatin1Char('\'') + QString(text).remove(QChar(0)).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

} // namespace automv::ui
