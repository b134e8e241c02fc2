#include "ui/install/ExtensionInstaller.h"

#include "ui/common/SqlText.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QVersionNumber>

namespace automv::ui {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("automv::ui::ExtensionInstaller", text); }

} // namespace

QString ExtensionInstaller::statusSql() {
    // A plain install has no pg_extension row: its version() function says the version.
    return QStringLiteral(R"(
select e.name,
       coalesce(x.extversion,
                (select substring(p.prosrc from '''([^'']+)''') from pg_proc p
                  where p.oid = to_regprocedure(e.schema || '.version()'))) as installed,
       x.extversion is not null as as_extension,
       a.default_version as available
  from (values (1, 'pg_relay', 'pgrelay'), (2, 'pg_auto_mv', 'pgauto_mv')) e(ord, name, schema)
  left join pg_extension x on x.extname = e.name
  left join pg_available_extensions a on a.name = e.name
 order by e.ord)");
}

QList<ExtensionInstaller::Status> ExtensionInstaller::parseStatus(const QueryResult &result) {
    QList<Status> out;
    for (const auto &row : result.rows) {
        Status s;
        s.name = row.value(0).toString();
        s.installed = row.value(1).toString();
        s.asExtension = row.value(2).toString() == QLatin1String("t");
        s.available = row.value(3).toString();
        s.bundled = bundledVersion(s.name);
        out << s;
    }
    return out;
}

QString ExtensionInstaller::bundledScript(const QString &name) {
    QFile file(QStringLiteral(":/sql/%1_install.sql").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList kept;
    for (const QString &line : QString::fromUtf8(file.readAll()).split('\n'))
        if (!line.startsWith('\\'))   // psql meta-commands (\set ON_ERROR_STOP on)
            kept << line;
    return kept.join('\n');
}

QString ExtensionInstaller::bundledVersion(const QString &name) {
    QFile file(QStringLiteral(":/sql/%1_install.sql").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto match = QRegularExpression(QStringLiteral("^-- \\S+ (\\S+):")).match(QString::fromUtf8(file.readLine()));
    return match.hasMatch() ? match.captured(1) : QString();
}

QList<ExtensionInstaller::Step> ExtensionInstaller::plan(const QList<Status> &status, bool preferBundled) {
    QList<Step> steps;
    bool plain = preferBundled;   // once pg_relay is plain SQL, pg_auto_mv cannot be an extension
    for (const auto &s : status) {
        if (!s.installed.isEmpty()) {
            plain = plain || !s.asExtension;
            // An extension the server offers in a newer version: ALTER EXTENSION … UPDATE runs
            // the server's upgrade scripts. (A plain install is upgraded by the bundled script of
            // a newer console; see upgradeNote().)
            if (s.asExtension && isNewer(s.available, s.installed))
                steps << Step{s.name, tr("ALTER EXTENSION %1 UPDATE from version %2 to %3").arg(s.name, s.installed, s.available),
                              QStringLiteral("alter extension %1 update to %2;").arg(sqlIdentifier(s.name), sqlLiteral(s.available))};
            continue;
        }
        plain = plain || s.available.isEmpty();
        if (!plain)
            steps << Step{s.name, tr("CREATE EXTENSION %1 (version %2, from the server's extension files)").arg(s.name, s.available),
                          QStringLiteral("create extension %1;").arg(sqlIdentifier(s.name))};
        else
            steps << Step{s.name, tr("%1 %2 from the SQL bundled with the console (plain install, no superuser needed)")
                                      .arg(s.name, s.bundled),
                          bundledScript(s.name)};
    }
    return steps;
}

QString ExtensionInstaller::upgradeNote(const Status &s) {
    if (s.installed.isEmpty())
        return {};
    if (isNewer(s.installed, s.bundled))
        return tr("%1 %2 in this database is newer than this console knows (%3): use a newer console.")
            .arg(s.name, s.installed, s.bundled);
    if (!s.asExtension && isNewer(s.bundled, s.installed))
        return tr("%1 %2 is installed from plain SQL; this console bundles %3 but no upgrade script from %2. "
                  "Uninstall and install again, or install the extension files on the server.")
            .arg(s.name, s.installed, s.bundled);
    if (s.asExtension && isNewer(s.bundled, s.available))
        return tr("The server's extension files offer %1 %2; this console bundles %3. Install the newer "
                  "extension package on the server to upgrade.")
            .arg(s.name, s.available.isEmpty() ? s.installed : s.available, s.bundled);
    return {};
}

bool ExtensionInstaller::isNewer(const QString &candidate, const QString &than) {
    if (candidate.isEmpty() || than.isEmpty())
        return false;
    return QVersionNumber::compare(QVersionNumber::fromString(candidate), QVersionNumber::fromString(than)) > 0;
}

} // namespace automv::ui
