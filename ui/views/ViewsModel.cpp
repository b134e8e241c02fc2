#include "ui/views/ViewsModel.h"

#include "ui/common/StatePalette.h"

#include "ui/common/Csv.h"

#include <QBrush>
#include <QColor>

namespace automv::ui {

const QStringList &ViewsModel::queryColumns() {
    static const QStringList columns{"mv", "state", "last_refresh_at", "last_duration_ms", "last_mode",
                                     "watches", "schedules", "problems", "next_due", "why_waiting", "last_error",
                                     "schema_name", "view_name", "upstreams"};   // the last three are not shown
    return columns;
}

void ViewsModel::setRows(const QueryResult &result) {
    QList<QList<QVariant>> rows;
    rows.reserve(result.rows.size());
    QList<int> map;
    for (const QString &name : queryColumns())
        map << result.column(name);
    const auto upstreams = queryColumns().indexOf(QStringLiteral("upstreams"));
    for (const auto &source : result.rows) {
        QList<QVariant> row;
        for (int c : map)
            row << (c >= 0 ? source.value(c) : QVariant());
        // A chained view also waits for its upstreams: "public.orders, after public.daily".
        if (const QString after = row.value(upstreams).toString(); !after.isEmpty()) {
            const QString watches = row.value(Watches).toString();
            row[Watches] = (watches.isEmpty() ? QString() : watches + QStringLiteral(", ")) + tr("after %1").arg(after);
        }
        rows << row;
    }
    if (rows.size() == m_rows.size()) {   // same views: update in place, keep selection
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ViewsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ViewsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ViewsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QVariant value = m_rows[index.row()].value(index.column());
    if (role == Qt::DisplayRole) {
        if (index.column() == Duration && !value.isNull())
            return QString::number(value.toDouble(), 'f', 1);
        if ((index.column() == LastRefresh || index.column() == NextDue) && !value.isNull())
            return value.toString().left(19);   // the session's time zone, to the second
        return value;
    }
    if (role == Qt::UserRole)   // sort key: raw text / numbers
        return index.column() == Duration || index.column() == Problems ? QVariant(value.toDouble()) : value;
    if (role == Qt::ForegroundRole && index.column() == Problems && value.toInt() > 0)
        return QBrush(QColor("#c0392b"));
    if (role == Qt::ForegroundRole && index.column() == State)
        return QBrush(stateText(stateOf(value.toString())));
    if (role == Qt::DecorationRole && index.column() == State)
        return stateFill(stateOf(value.toString()));   // a swatch beside the state's name
    return {};
}

QVariant ViewsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case View: return tr("View");
    case State: return tr("State");
    case LastRefresh: return tr("Last refresh");
    case Duration: return tr("Duration (ms)");
    case Mode: return tr("Mode");
    case Watches: return tr("Watches");
    case Schedules: return tr("Schedules");
    case Problems: return tr("Problems");
    case NextDue: return tr("Next due");
    case WhyWaiting: return tr("Waiting for");
    case LastError: return tr("Last error");
    default: return {};
    }
}

QString ViewsModel::schemaOf(int row) const { return m_rows.value(row).value(ColumnCount).toString(); }
QString ViewsModel::nameOf(int row) const { return m_rows.value(row).value(ColumnCount + 1).toString(); }
bool ViewsModel::isRegistered(int row) const {
    return !m_rows.value(row).value(State).toString().startsWith(QLatin1String("not registered"));
}

QString ViewsModel::toCsv() const {
    const auto field = csvField;
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << field(headerData(c, Qt::Horizontal).toString());
    lines << header.join(',');
    for (const auto &row : m_rows) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << field(row.value(c).toString());
        lines << cells.join(',');
    }
    return lines.join('\n') + '\n';
}

} // namespace automv::ui
