#pragma once

#include "ui/session/QueryResult.h"

#include <QAbstractTableModel>

namespace automv::ui {

/// Every materialised view of the database, registered with pg_auto_mv or not: one row each,
/// from the Views page's status query. Replacing the rows keeps the model's identity, so views
/// and selections survive a refresh.
class ViewsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { View, State, Unrefreshed, LastRefresh, Duration, Mode, Watches, Schedules, Group, Problems, NextDue, WhyWaiting, LastError,
                  ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    /// Columns the status query returns, in this order.
    static const QStringList &queryColumns();
    void setRows(const QueryResult &result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// What a cell shows: humane durations, local times.
    static QVariant display(int column, const QVariant &value);
    /// CSV of what the model holds (header + rows), for export.
    QString toCsv() const;
    /// The view's schema and name exactly as stored (for API calls), and whether it is registered.
    QString schemaOf(int row) const;
    QString nameOf(int row) const;
    bool isRegistered(int row) const;
    /// Registered and paused (pause_mv).
    bool isPaused(int row) const;

private:
    QList<QList<QVariant>> m_rows;
};

} // namespace automv::ui
