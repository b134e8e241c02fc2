#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace automv::ui {

/// Which log a row comes from: pg_relay's audit log (one row per processing attempt) or
/// pg_auto_mv's refresh log (watch-trigger firings and refresh attempts).
enum class LogOrigin { Relay, Refresh };

/// What the Log page shows. Empty fields do not filter. A channel filter selects pg_relay rows
/// only; a view or source filter selects refresh-log rows only; outcome and time range apply
/// to both.
struct LogFilter {
    bool relay = true;
    bool refresh = true;
    QDateTime from;      ///< inclusive; invalid: no lower bound
    QDateTime to;        ///< exclusive; invalid: no upper bound
    QString channel;
    QString view;        ///< as the refresh log names it (schema.name, quoted where needed)
    QString outcome;
    QString source;      ///< watch, schedule, chain, manual, sync, bulk

    bool includes(LogOrigin origin) const;
    bool operator==(const LogFilter &) const = default;
};

/// One statement for the session: SQL with every value a parameter.
struct LogStatement {
    QString sql;
    QVariantList params;
};

/// Keyset paging over the logs by id (the primary key): the newest page, the page before a
/// known id (scrolling back) and the rows after one (live tail). Never OFFSET, never a reload
/// of rows the page already has. Every statement returns columns().
class LogQuery {
public:
    /// origin, id, at (milliseconds since the epoch), subject, kind, outcome, source, mode,
    /// duration_ms, attempt, sqlstate, message, event_id.
    static const QStringList &columns();
    static LogStatement newest(LogOrigin origin, const LogFilter &filter, int limit);
    static LogStatement before(LogOrigin origin, const LogFilter &filter, qint64 id, int limit);
    static LogStatement after(LogOrigin origin, const LogFilter &filter, qint64 id, int limit);

private:
    enum class Cursor { None, Before, After };
    static LogStatement build(LogOrigin origin, const LogFilter &filter, Cursor cursor, qint64 id, int limit);
};

} // namespace automv::ui
