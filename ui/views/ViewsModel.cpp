#include "ui/views/ViewsModel.h"

#include "ui/common/Humane.h"
#include "ui/common/StatePalette.h"

#include "ui/common/Csv.h"

#include <QBrush>
#include <QColor>

namespace automv::ui {

const QStringList &ViewsModel::queryColumns() {
    static const QStringList columns{"mv", "state", "unrefreshed_s", "last_refresh_at", "last_duration_ms", "last_mode",
                                     "watches", "schedules", "refresh_group", "problems", "next_due", "why_waiting", "last_error",
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
    if (role == Qt::DisplayRole)
        return display(index.column(), value);
    if (role == Qt::ToolTipRole && (index.column() == LastError || index.column() == WhyWaiting || index.column() == Watches))
        return value;   // long texts: elided in the cell, whole here
    if (role == Qt::ToolTipRole && index.column() == Unrefreshed && !value.isNull())
        return tr("Changes made %1 ago are not in the view yet.").arg(humaneDuration(value.toDouble()));
    if (role == Qt::UserRole) {   // sort key: numbers as numbers
        switch (index.column()) {
        case Unrefreshed: case LastRefresh: case Duration: case Problems: case NextDue:
            return value.isNull() ? QVariant(-1.0) : QVariant(value.toDouble());
        default: return value;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Problems && value.toInt() > 0)
        return QBrush(QColor("#c0392b"));
    if (role == Qt::ForegroundRole && index.column() == State)
        return QBrush(stateText(stateOf(value.toString())));
    if (role == Qt::DecorationRole && index.column() == State)
        return stateFill(stateOf(value.toString()));   // a swatch beside the state's name
    return {};
}

QVariant ViewsModel::display(int column, const QVariant &value) {
    if (value.isNull())
        return value;
    switch (column) {
    case Unrefreshed: return humaneDuration(value.toDouble());
    case Duration: return humaneDuration(value.toDouble() / 1000);
    case LastRefresh: case NextDue: return localTime(value);
    default: return value;
    }
}

QVariant ViewsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case View: return tr("View");
    case State: return tr("State");
    case LastRefresh: return tr("Last refresh");
    case Unrefreshed: return tr("Unrefreshed for");
    case Duration: return tr("Duration");
    case Mode: return tr("Mode");
    case Watches: return tr("Watches");
    case Schedules: return tr("Schedules");
    case Group: return tr("Refresh group");
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

bool ViewsModel::isPaused(int row) const { return m_rows.value(row).value(State).toString() == QLatin1String("paused"); }

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
            cells << field(display(c, row.value(c)).toString());
        lines << cells.join(',');
    }
    return lines.join('\n') + '\n';
}

} // namespace automv::ui
