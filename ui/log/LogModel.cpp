#include "ui/log/LogModel.h"

#include "ui/common/Humane.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace automv::ui {

namespace {
int slot(LogOrigin origin) { return origin == LogOrigin::Relay ? 0 : 1; }
} // namespace

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent) {}

void LogModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_cursor[0] = m_cursor[1] = Cursor{};
    endResetModel();
}

QList<LogModel::Row> LogModel::parse(LogOrigin origin, const QueryResult &result) {
    const auto &names = LogQuery::columns();
    QList<int> c;
    for (const QString &name : names)
        c << result.column(name);
    QList<Row> rows;
    rows.reserve(result.rows.size());
    for (const auto &r : result.rows) {
        Row row;
        row.origin = origin;
        row.id = r.value(c[1]).toLongLong();
        row.at = QDateTime::fromMSecsSinceEpoch(r.value(c[2]).toLongLong());
        row.subject = r.value(c[3]).toString();
        row.kind = r.value(c[4]).toString();
        row.outcome = r.value(c[5]).toString();
        row.source = r.value(c[6]).toString();
        row.mode = r.value(c[7]).toString();
        row.durationMs = r.value(c[8]).isNull() ? QVariant() : QVariant(r.value(c[8]).toDouble());
        row.attempt = r.value(c[9]).isNull() ? QVariant() : QVariant(r.value(c[9]).toInt());
        row.sqlstate = r.value(c[10]).toString();
        row.message = r.value(c[11]).toString();
        row.eventId = r.value(c[12]).isNull() ? QVariant() : QVariant(r.value(c[12]).toLongLong());
        rows << row;
    }
    return rows;
}

namespace {
/// Newest first; equal times keep a fixed order (origin, then id descending).
bool newerThan(const LogModel::Row &a, const LogModel::Row &b) {
    if (a.at != b.at)
        return a.at > b.at;
    if (a.origin != b.origin)
        return a.origin < b.origin;
    return a.id > b.id;
}
} // namespace

void LogModel::note(LogOrigin origin, const QList<Row> &rows) {
    Cursor &cursor = m_cursor[slot(origin)];
    for (const Row &row : rows) {
        cursor.lowest = cursor.lowest == 0 ? row.id : std::min(cursor.lowest, row.id);
        cursor.highest = std::max(cursor.highest, row.id);
    }
}

void LogModel::insertSorted(QList<Row> rows) {
    // The rows stay sorted newest first, so the view needs no sorting of its own and new rows
    // go in as a few contiguous runs (usually one: at the top for the tail, at the bottom for
    // a page back) instead of a reset.
    std::sort(rows.begin(), rows.end(), newerThan);
    qsizetype next = 0;
    while (next < rows.size()) {
        const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), rows[next], newerThan) - m_rows.begin();
        qsizetype end = next + 1;   // the run of new rows that all go before m_rows[at]
        while (end < rows.size() && (at == m_rows.size() || newerThan(rows[end], m_rows[at])))
            ++end;
        beginInsertRows({}, int(at), int(at + (end - next) - 1));
        m_rows.insert(at, end - next, Row{});
        std::copy(rows.begin() + next, rows.begin() + end, m_rows.begin() + at);
        endInsertRows();
        next = end;
    }
}

void LogModel::addOlder(LogOrigin origin, const QueryResult &result, int limit) {
    const QList<Row> rows = parse(origin, result);
    if (rows.size() < limit)
        m_cursor[slot(origin)].exhausted = true;
    if (rows.isEmpty())
        return;
    note(origin, rows);
    insertSorted(rows);
}

void LogModel::addNewer(LogOrigin origin, const QueryResult &result) {
    const QList<Row> rows = parse(origin, result);
    if (rows.isEmpty())
        return;
    note(origin, rows);
    insertSorted(rows);
    trim();
}

void LogModel::trim() {
    if (m_rows.size() <= maxRows())
        return;
    // Let go of the oldest rows, at the bottom; paging back reads them again if wanted.
    beginRemoveRows({}, maxRows(), int(m_rows.size() - 1));
    m_rows.resize(maxRows());
    endRemoveRows();
    for (LogOrigin origin : {LogOrigin::Relay, LogOrigin::Refresh}) {
        Cursor &cursor = m_cursor[slot(origin)];
        cursor.lowest = 0;
        cursor.exhausted = false;
        for (const Row &row : m_rows)
            if (row.origin == origin)
                cursor.lowest = cursor.lowest == 0 ? row.id : std::min(cursor.lowest, row.id);
    }
}

const LogModel::Cursor &LogModel::cursor(LogOrigin origin) const { return m_cursor[slot(origin)]; }

int LogModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int LogModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LogModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::UserRole) {   // sort keys: time (then id, so equal times keep their order)
        if (index.column() == At)
            return row.at.toMSecsSinceEpoch();
        if (index.column() == Duration)
            return row.durationMs;
        if (index.column() == EventId || index.column() == Attempt)
            return index.column() == EventId ? row.eventId : row.attempt;
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::ForegroundRole && index.column() == Outcome) {
        if (row.outcome == QLatin1String("failed"))
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (row.outcome == QLatin1String("retry") || row.outcome == QLatin1String("deferred"))
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case At: return row.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Log: return row.origin == LogOrigin::Relay ? tr("pg_relay") : tr("pg_auto_mv");
    case Subject: return row.subject;
    case Kind: return row.kind;
    case Outcome: return row.outcome;
    case Source: return row.source;
    case Mode: return row.mode;
    case Duration: return row.durationMs.isNull() ? QVariant() : QVariant(humaneDuration(row.durationMs.toDouble() / 1000));
    case Attempt: return row.attempt;
    case SqlState: return row.sqlstate;
    case Message: return row.message;
    case EventId: return row.eventId;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case At: return tr("Time");
    case Log: return tr("Log");
    case Subject: return tr("Channel / view");
    case Kind: return tr("Kind");
    case Outcome: return tr("Outcome");
    case Source: return tr("Source / schedule");
    case Mode: return tr("Mode");
    case Duration: return tr("Duration");
    case Attempt: return tr("Attempt");
    case SqlState: return tr("SQLSTATE");
    case Message: return tr("Message");
    case EventId: return tr("Event");
    }
    return {};
}

} // namespace automv::ui
