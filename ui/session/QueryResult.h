#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace automv::ui {

/// A query's rows as text, copied off the worker thread (a NULL is a null QVariant).
struct QueryResult {
    QStringList columns;
    QList<QList<QVariant>> rows;

    int column(const QString &name) const { return static_cast<int>(columns.indexOf(name)); }
};

} // namespace automv::ui

Q_DECLARE_METATYPE(automv::ui::QueryResult)
