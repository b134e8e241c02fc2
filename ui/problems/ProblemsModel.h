#pragma once

#include "ui/session/QueryResult.h"

#include <QAbstractItemModel>

namespace automv::ui {

/// get_mv_problems() grouped by severity: errors, then warnings, then information, each group a
/// top-level row with its count and the problems beneath it.
class ProblemsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { View, Code, Detail, ColumnCount };   ///< the fix is shown below the list
    struct Problem {
        QString severity, mv, code, detail, fix;
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    /// Replaces the problems with a get_mv_problems() result (severity, mv, code, detail, fix).
    void setProblems(const QueryResult &result);
    /// The problem at `index` (a child row), or nullptr for a group row.
    const Problem *problemAt(const QModelIndex &index) const;
    int problemCount() const;
    /// How many problems of a severity ("error", "warning", "info").
    int count(const QString &severity) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group {
        QString severity;
        QList<Problem> problems;
    };
    QList<Group> m_groups;   ///< non-empty groups, most severe first
};

} // namespace automv::ui
