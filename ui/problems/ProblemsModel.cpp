#include "ui/problems/ProblemsModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace automv::ui {

namespace {
const QStringList &severities() {
    static const QStringList order{QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("info")};
    return order;
}
// Internal ids: 0 marks a group row; a child row stores its group's index + 1.
constexpr quintptr kGroupRow = 0;
} // namespace

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractItemModel(parent) {}

void ProblemsModel::setProblems(const QueryResult &result) {
    const int severity = result.column(QStringLiteral("severity")), mv = result.column(QStringLiteral("mv")),
              code = result.column(QStringLiteral("code")), detail = result.column(QStringLiteral("detail")),
              fix = result.column(QStringLiteral("fix"));
    QList<Group> groups;
    for (const QString &s : severities())
        groups.append(Group{s, {}});
    for (const auto &row : result.rows) {
        Problem p{row.value(severity).toString(), row.value(mv).toString(), row.value(code).toString(),
                  row.value(detail).toString(), row.value(fix).toString()};
        qsizetype g = severities().indexOf(p.severity);
        if (g < 0) {   // a severity this console does not know yet: its own group, last
            groups.append(Group{p.severity, {}});
            g = groups.size() - 1;
        }
        groups[g].problems.append(p);
    }
    groups.removeIf([](const Group &group) { return group.problems.isEmpty(); });
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

const ProblemsModel::Problem *ProblemsModel::problemAt(const QModelIndex &index) const {
    if (!index.isValid() || index.internalId() == kGroupRow)
        return nullptr;
    const auto &group = m_groups.at(int(index.internalId() - 1));
    return index.row() < group.problems.size() ? &group.problems.at(index.row()) : nullptr;
}

int ProblemsModel::problemCount() const {
    int n = 0;
    for (const auto &group : m_groups)
        n += int(group.problems.size());
    return n;
}

int ProblemsModel::count(const QString &severity) const {
    for (const auto &group : m_groups)
        if (group.severity == severity)
            return int(group.problems.size());
    return 0;
}

QModelIndex ProblemsModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || row >= m_groups.at(parent.row()).problems.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ProblemsModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int ProblemsModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kGroupRow || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant ProblemsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupRow) {
        const auto &group = m_groups.at(index.row());
        if (role == Qt::DisplayRole && index.column() == View) {
            const int n = int(group.problems.size());
            if (group.severity == QLatin1String("error"))
                return tr("Errors (%1)").arg(n);
            if (group.severity == QLatin1String("warning"))
                return tr("Warnings (%1)").arg(n);
            if (group.severity == QLatin1String("info"))
                return tr("Information (%1)").arg(n);
            return QStringLiteral("%1 (%2)").arg(group.severity).arg(n);
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ForegroundRole && index.column() == View) {
            if (group.severity == QLatin1String("error"))
                return QBrush(QColor(0xc0, 0x1c, 0x28));
            if (group.severity == QLatin1String("warning"))
                return QBrush(QColor(0xb3, 0x6b, 0x00));
        }
        return {};
    }
    const Problem *p = problemAt(index);
    if (!p || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case View: return p->mv.isEmpty() ? tr("(database)") : p->mv;
    case Code: return p->code;
    case Detail: return p->detail;
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case View: return tr("View");
    case Code: return tr("Problem");
    case Detail: return tr("What is wrong");
    }
    return {};
}

} // namespace automv::ui
