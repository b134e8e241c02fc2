#include "ui/common/Humane.h"

#include <QCoreApplication>
#include <QDateTime>

#include <QStringList>

#include <cmath>
#include <utility>

namespace automv::ui {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("automv::ui::Humane", text); }
} // namespace

QString humaneDuration(double seconds) {
    if (!(seconds > 0))
        return tr("%1 ms").arg(0);
    if (seconds < 1)
        return tr("%1 ms").arg(qRound(seconds * 1000));
    if (seconds < 10)
        return tr("%1 s").arg(QString::number(seconds, 'f', 1));
    const auto whole = static_cast<long long>(std::llround(seconds));
    if (whole < 60)
        return tr("%1 s").arg(whole);
    if (whole < 3600)
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    if (whole < 86400)
        return tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(whole / 86400).arg((whole % 86400) / 3600);
}

QString humaneInterval(double seconds) {
    auto rest = static_cast<long long>(std::llround(seconds));
    if (rest <= 0)
        return QStringLiteral("0 s");
    QStringList parts;
    for (const auto &[size, unit] : {std::pair{86400LL, "d"}, {3600LL, "h"}, {60LL, "min"}, {1LL, "s"}}) {
        if (rest >= size)
            parts << QStringLiteral("%1 %2").arg(rest / size).arg(QLatin1String(unit));
        rest %= size;
    }
    return parts.join(QLatin1Char(' '));
}

QString localTime(const QVariant &epochMs) {
    if (epochMs.isNull() || epochMs.toString().isEmpty())
        return {};
    bool ok = false;
    const qint64 ms = epochMs.toString().toLongLong(&ok);
    if (!ok)
        return epochMs.toString();   // not a number: shown as the server sent it
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace automv::ui
