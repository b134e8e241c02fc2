#include "ui/log/LogModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <numeric>

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

void LogModel::note(LogOrigin origin, const QList<Row> &rows) {
    Cursor &cursor = m_cursor[slot(origin)];
    for (const Row &row : rows) {
        cursor.lowest = cursor.lowest == 0 ? row.id : std::min(cursor.lowest, row.id);
        cursor.highest = std::max(cursor.highest, row.id);
    }
}

void LogModel::addOlder(LogOrigin origin, const QueryResult &result, int limit) {
    const QList<Row> rows = parse(origin, result);
    if (rows.size() < limit)
        m_cursor[slot(origin)].exhausted = true;
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
    note(origin, rows);
}

void LogModel::addNewer(LogOrigin origin, const QueryResult &result) {
    const QList<Row> rows = parse(origin, result);
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
    note(origin, rows);
    trim();
}

void LogModel::trim() {
    if (m_rows.size() <= maxRows())
        return;
    // Let go of the oldest rows (by time); paging back reads them again if wanted.
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    const auto excess = m_rows.size() - maxRows();
    std::nth_element(order.begin(), order.begin() + excess, order.end(),
                     [this](int a, int b) { return m_rows[a].at < m_rows[b].at; });
    QList<bool> drop(m_rows.size(), false);
    for (qsizetype i = 0; i < excess; ++i)
        drop[order[i]] = true;
    beginResetModel();
    QList<Row> kept;
    kept.reserve(maxRows());
    m_cursor[0] = m_cursor[1] = Cursor{};
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (!drop[i])
            kept << m_rows[i];
    m_rows = kept;
    for (const Row &row : m_rows)
        note(row.origin, {row});
    endResetModel();
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
    case Duration: return row.durationMs.isNull() ? QVariant() : QVariant(QString::number(row.durationMs.toDouble(), 'f', 1));
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
    case Duration: return tr("Duration (ms)");
    case Attempt: return tr("Attempt");
    case SqlState: return tr("SQLSTATE");
    case Message: return tr("Message");
    case EventId: return tr("Event");
    }
    return {};
}

} // namespace automv::ui
