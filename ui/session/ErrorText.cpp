#include "ui/session/ErrorText.h"

#include <QCoreApplication>

namespace automv::ui {

QString errorText(const pg::PgError &error) {
    QString text = QString::fromStdString(error.what());
    if (!error.detail().empty())
        text += QLatin1Char('\n')
                + QCoreApplication::translate("ErrorText", "Detail: %1").arg(QString::fromStdString(error.detail()));
    if (!error.hint().empty())
        text += QLatin1Char('\n')
                + QCoreApplication::translate("ErrorText", "Hint: %1").arg(QString::fromStdString(error.hint()));
    if (!error.sqlState().empty() && error.sqlState() != "08001")   // 08001: set by libpq's side, not the server
        text += QLatin1Char('\n') + QCoreApplication::translate("ErrorText", "SQLSTATE %1").arg(QString::fromStdString(error.sqlState()));
    return text;
}

} // namespace automv::ui
