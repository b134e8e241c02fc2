#include "ui/views/Registration.h"

#include "ui/common/SqlText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QCoreApplication>
#include <QSet>

namespace automv::ui {

namespace {

QString number(double value) { return QString::number(value, 'g', 10); }

} // namespace

QString Registration::validate() const {
    const auto tr = [](const char *text) { return QCoreApplication::translate("automv::ui::Registration", text); };
    if (name.isEmpty() || schema.isEmpty())
        return tr("Choose a materialised view.");
    for (double value : {refreshLag, maxWait, cooldown, refreshTimeout})
        if (value < 0 || value > 86400)
            return tr("Timings are seconds from 0 to 86400.");
    if (lockTimeout < 0.01 || lockTimeout > 86400)
        return tr("The lock timeout is seconds from 0.01 to 86400.");
    if (priority < -1000 || priority > 1000)
        return tr("The priority is a whole number from -1000 to 1000.");
    QSet<QString> seen;
    for (const auto &watch : watches) {
        if (watch.table.trimmed().isEmpty())
            return tr("A watched table has no name.");
        if (seen.contains(watch.table))
            return tr("Table %1 is watched twice; give each table once.").arg(watch.table);
        seen.insert(watch.table);
        if (watch.operations.isEmpty())
            return tr("Tick at least one operation for %1 (or remove it).").arg(watch.table);
        if (watch.readColumnsOnly && !watch.operations.contains("UPDATE"))
            return tr("\"Only columns read (UPDATE)\" applies to UPDATE: tick UPDATE for %1.").arg(watch.table);
    }
    return {};
}

QString Registration::sql() const {
    return QStringLiteral(
               "select pgauto_mv.%1(p_mv_name => $1, p_mv_schema => $2,"
               " p_watch_tables => array(select pgauto_mv.mv_watch(w.v->>'table', w.v->>'operations', null,"
               " (w.v->>'narrow')::boolean) from jsonb_array_elements($3::jsonb) with ordinality as w(v, n) order by w.n),"
               " p_refresh_lag => $4::numeric, p_max_wait => $5::numeric, p_cooldown => $6::numeric,"
               " p_fire_on_replica => $7::boolean, p_lock_timeout => $8::numeric,"
               " p_refresh_timeout => $9::numeric, p_on_failure => $10, p_priority => $11::integer)")
        .arg(existing ? "alter_mv" : "register_mv");
}

QVariantList Registration::params() const {
    // The watches as one JSON parameter (no hand-made array literal).
    QJsonArray list;
    for (const auto &watch : watches)
        list.append(QJsonObject{{QStringLiteral("table"), watch.table},
                                {QStringLiteral("operations"), watch.operations.join(',')},
                                {QStringLiteral("narrow"), watch.readColumnsOnly}});
    return {name, schema, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)), number(refreshLag),
            number(maxWait), number(cooldown), fireOnReplica ? "true" : "false", number(lockTimeout),
            number(refreshTimeout), onFailure, QString::number(priority)};
}

QString Registration::previewSql() const {
    QStringList watchList;
    for (const auto &watch : watches)
        watchList << QStringLiteral("pgauto_mv.mv_watch(%1, %2%3)")
                         .arg(sqlLiteral(watch.table), sqlLiteral(watch.operations.join(',')),
                              watch.readColumnsOnly ? ", p_read_columns_only => true" : "");
    return QStringLiteral("select pgauto_mv.%1(\n    p_mv_name => %2,\n    p_mv_schema => %3,\n"
                          "    p_watch_tables => array[%4]::pgauto_mv.mv_watch[],\n"
                          "    p_refresh_lag => %5,\n    p_max_wait => %6,\n    p_cooldown => %7,\n"
                          "    p_fire_on_replica => %8,\n    p_lock_timeout => %9,\n"
                          "    p_refresh_timeout => %10,\n    p_on_failure => %11,\n    p_priority => %12);")
        .arg(existing ? "alter_mv" : "register_mv", sqlLiteral(name), sqlLiteral(schema),
             watchList.isEmpty() ? QString() : "\n        " + watchList.join(",\n        ") + "\n    ",
             number(refreshLag), number(maxWait), number(cooldown), fireOnReplica ? "true" : "false",
             number(lockTimeout), number(refreshTimeout), sqlLiteral(onFailure))
        .arg(priority);
}

} // namespace automv::ui
