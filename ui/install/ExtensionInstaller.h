#pragma once

#include "ui/session/QueryResult.h"

#include <QList>
#include <QString>

namespace automv::ui {

/// What is installed of pg_relay and pg_auto_mv, and how to install the rest: CREATE EXTENSION
/// when the server has the extension files, the SQL bundled with the console otherwise (as on
/// managed services). Pure logic; the Install page runs it through a DatabaseSession.
class ExtensionInstaller {
public:
    struct Status {
        QString name;
        QString installed;     ///< version installed, empty when not installed
        bool asExtension = false;
        QString available;     ///< version the server offers for CREATE EXTENSION, or empty
        QString bundled;       ///< version bundled with the console
    };
    struct Step {
        QString name;
        QString description;   ///< for the user
        QString sql;           ///< exactly what runs
    };

    /// The status query (one row per extension, in install order).
    static QString statusSql();
    static QList<Status> parseStatus(const QueryResult &result);
    /// The plain install script bundled with the console, without psql meta-commands.
    static QString bundledScript(const QString &name);
    static QString bundledVersion(const QString &name);
    /// The steps to install what is missing and to update extensions the server offers in a
    /// newer version, in dependency order (pg_relay first).
    static QList<Step> plan(const QList<Status> &status, bool preferBundled = false);
    /// Why an installed component cannot be brought to the bundled version from here (or empty).
    static QString upgradeNote(const Status &status);
    /// Dotted version comparison ("1.10" is newer than "1.9"); false when either is empty.
    static bool isNewer(const QString &candidate, const QString &than);
};

} // namespace automv::ui
