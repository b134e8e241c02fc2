#include "ui/log/LogQuery.h"

namespace automv::ui {

bool LogFilter::includes(LogOrigin origin) const {
    if (origin == LogOrigin::Relay)
        return relay && view.isEmpty() && source.isEmpty();
    return refresh && channel.isEmpty();
}

const QStringList &LogQuery::columns() {
    static const QStringList names{"origin", "id", "at", "subject", "kind", "outcome", "source", "mode",
                                   "duration_ms", "attempt", "sqlstate", "message", "event_id"};
    return names;
}

LogStatement LogQuery::newest(LogOrigin origin, const LogFilter &filter, int limit) {
    return build(origin, filter, Cursor::None, 0, limit);
}

LogStatement LogQuery::before(LogOrigin origin, const LogFilter &filter, qint64 id, int limit) {
    return build(origin, filter, Cursor::Before, id, limit);
}

LogStatement LogQuery::after(LogOrigin origin, const LogFilter &filter, qint64 id, int limit) {
    return build(origin, filter, Cursor::After, id, limit);
}

LogStatement LogQuery::build(LogOrigin origin, const LogFilter &filter, Cursor cursor, qint64 id, int limit) {
    const bool relay = origin == LogOrigin::Relay;
    LogStatement statement;
    QStringList where;
    auto param = [&statement](const QVariant &value, const char *type) {
        statement.params << value;
        return QStringLiteral("$%1::%2").arg(statement.params.size()).arg(QLatin1String(type));
    };
    auto iso = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); };
    const QString at = relay ? QStringLiteral("l.started_at") : QStringLiteral("l.at");
    if (cursor == Cursor::Before)
        where << QStringLiteral("l.id < ") + param(id, "bigint");
    else if (cursor == Cursor::After)
        where << QStringLiteral("l.id > ") + param(id, "bigint");
    if (filter.from.isValid())
        where << at + QStringLiteral(" >= ") + param(iso(filter.from), "timestamptz");
    if (filter.to.isValid())
        where << at + QStringLiteral(" < ") + param(iso(filter.to), "timestamptz");
    if (!filter.outcome.isEmpty())
        where << QStringLiteral("l.outcome = ") + param(filter.outcome, "text");
    if (relay && !filter.channel.isEmpty())
        where << QStringLiteral("l.channel = ") + param(filter.channel, "text");
    if (!relay && !filter.view.isEmpty())
        // By the registry's id, so the (mv_id, id) index answers and a renamed view keeps its
        // history; a view no longer registered is found by the name the log recorded.
        where << QStringLiteral("l.mv_id = coalesce((select m.id from pgauto_mv.mv m where format('%I.%I', m.mv_schema, m.mv_name) = %1),"
                                " (select r.mv_id from pgauto_mv.refresh_log r where r.mv = %1 order by r.id desc limit 1))")
                     .arg(param(filter.view, "text"));
    if (!relay && !filter.source.isEmpty())
        where << QStringLiteral("l.source = ") + param(filter.source, "text");

    statement.sql =
        relay ? QStringLiteral("select 'relay' as origin, l.id, (extract(epoch from l.started_at) * 1000)::bigint as at, l.channel as subject, 'event' as kind,"
                               " l.outcome, l.schedule_name as source, null::text as mode, l.duration_ms, l.attempt,"
                               " l.sqlstate, l.message, l.event_id from pgrelay.log l")
              : QStringLiteral("select 'refresh' as origin, l.id, (extract(epoch from l.at) * 1000)::bigint as at, l.mv as subject, l.kind, l.outcome, l.source,"
                               " l.mode, l.duration_ms, null::integer as attempt, l.sqlstate, l.detail as message,"
                               " l.event_id from pgauto_mv.refresh_log l");
    if (!where.isEmpty())
        statement.sql += QStringLiteral(" where ") + where.join(QStringLiteral(" and "));
    // The tail reads forwards from what it has; pages read backwards from the oldest it has.
    statement.sql += cursor == Cursor::After ? QStringLiteral(" order by l.id") : QStringLiteral(" order by l.id desc");
    statement.sql += QStringLiteral(" limit ") + param(limit, "integer");
    return statement;
}

} // namespace automv::ui
