#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace automv::ui {

/// What register_mv() / alter_mv() is called with, as the register dialog edits it.
struct Registration {
    struct Watch {
        QString table;                 ///< 'schema.table' as SQL reads it (quoted where needed)
        QStringList operations;        ///< subset of INSERT, UPDATE, DELETE, TRUNCATE
        bool readColumnsOnly = false;  ///< UPDATE only of the columns the view reads
    };
    QString schema = QStringLiteral("public");
    QString name;
    QList<Watch> watches;
    double refreshLag = 0;
    double maxWait = 0;
    double cooldown = 2;
    double lockTimeout = 5;
    double refreshTimeout = 0;         ///< seconds; 0: none
    bool fireOnReplica = false;
    QString onFailure;                 ///< pg_relay channel its failures alert; empty: the database default
    int priority = 0;                  ///< -1000 … 1000: when more refreshes are due than may run, higher first
    bool existing = false;             ///< alter_mv (true) or register_mv (false)

    /// What is wrong, or an empty string.
    QString validate() const;
    /// The exact call, with every value as a parameter: sql() + params() run it safely.
    QString sql() const;
    QVariantList params() const;
    /// The same call with the values written in as SQL literals, for the preview tab.
    QString previewSql() const;
};

} // namespace automv::ui
