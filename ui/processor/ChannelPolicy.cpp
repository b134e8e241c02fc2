#include "ui/processor/ChannelPolicy.h"

#include "ui/common/SqlText.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace automv::ui {

namespace {

QString number(double value) { return QString::number(value, 'g', 10); }

QString tr(const char *text) { return QCoreApplication::translate("automv::ui::ChannelPolicy", text); }

/// text[] as one parameter: '{40,55P03}' (validated codes need no quoting).
QString arrayLiteral(const QStringList &codes) { return QLatin1Char('{') + codes.join(QLatin1Char(',')) + QLatin1Char('}'); }

} // namespace

QString ChannelPolicy::loadSql() {
    return QStringLiteral(
        "select max_attempts, array_to_string(retry_on, ','), coalesce(extract(epoch from retry_base), 0),"
        " retry_factor, extract(epoch from retry_cap), retry_jitter, coalesce(on_failure, ''), alert_payload"
        " from pgrelay.channel where name = $1");
}

ChannelPolicy ChannelPolicy::fromRow(const QString &channel, const QVariantList &row) {
    ChannelPolicy p;
    p.channel = channel;
    if (row.size() < 8)
        return p;
    p.maxAttempts = row[0].toInt();
    p.retryOn = row[1].toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    p.retryBase = row[2].toDouble();
    p.retryFactor = row[3].toDouble();
    p.retryCap = row[4].toDouble();
    p.retryJitter = row[5].toDouble();
    p.onFailure = row[6].toString();
    p.alertPayload = row[7].toString() == QLatin1String("t") || row[7].toString() == QLatin1String("true");
    return p;
}

QString ChannelPolicy::validate() const {
    if (channel.isEmpty())
        return tr("Choose a channel.");
    if (maxAttempts < 1 || maxAttempts > 1000)
        return tr("Runs in all are 1 (never retry) to 1000.");
    static const QRegularExpression code(QStringLiteral("^([0-9A-Z]{2}|[0-9A-Z]{5})$"));
    for (const auto &c : retryOn)
        if (!code.match(c).hasMatch())
            return tr("\"%1\" is not a SQLSTATE (five characters, e.g. 55P03) or a class of them (two, e.g. 40).").arg(c);
    if (retryBase < 0 || retryBase > 86400)
        return tr("The first delay is 0 (pg_relay's fixed steps) to 86400 seconds.");
    if (retryFactor < 1 || retryFactor > 10)
        return tr("The factor is 1 to 10.");
    if (retryCap <= 0 || retryCap > 7 * 86400)
        return tr("The longest delay is more than 0 and at most 7 days (604800 seconds).");
    if (retryJitter < 0 || retryJitter > 1)
        return tr("Jitter is a fraction from 0 to 1.");
    if (onFailure == channel)
        return tr("A channel cannot send its failure alerts to itself.");
    return {};
}

QString ChannelPolicy::sql() const {
    return QStringLiteral(
        "select pgrelay.alter_channel(p_name => $1, p_max_attempts => $2::integer, p_retry_on => $3::text[],"
        " p_retry_base => make_interval(secs => $4::float8), p_retry_factor => $5::numeric,"
        " p_retry_cap => make_interval(secs => $6::float8), p_retry_jitter => $7::numeric,"
        " p_on_failure => nullif($8, ''), p_no_on_failure => $8 = '', p_alert_payload => $9::boolean)");
}

QVariantList ChannelPolicy::params() const {
    return {channel, QString::number(maxAttempts), arrayLiteral(retryOn), number(retryBase), number(retryFactor),
            number(retryCap), number(retryJitter), onFailure, alertPayload ? "true" : "false"};
}

QString ChannelPolicy::previewSql() const {
    return QStringLiteral("select pgrelay.alter_channel(\n    p_name => %1,\n    p_max_attempts => %2,\n"
                          "    p_retry_on => %3,\n    p_retry_base => interval '%4 s',\n    p_retry_factor => %5,\n"
                          "    p_retry_cap => interval '%6 s',\n    p_retry_jitter => %7,\n    %8,\n"
                          "    p_alert_payload => %9);")
        .arg(sqlLiteral(channel), QString::number(maxAttempts), sqlLiteral(arrayLiteral(retryOn)), number(retryBase),
             number(retryFactor), number(retryCap), number(retryJitter),
             onFailure.isEmpty() ? QStringLiteral("p_no_on_failure => true")
                                 : QStringLiteral("p_on_failure => %1").arg(sqlLiteral(onFailure)),
             alertPayload ? "true" : "false");
}

} // namespace automv::ui
