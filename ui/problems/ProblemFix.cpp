#include "ui/problems/ProblemFix.h"

#include <QCoreApplication>

namespace automv::ui {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("automv::ui::ProblemFix", text); }
} // namespace

ProblemFix ProblemFix::forProblem(const QString &code, const QString &mv) {
    ProblemFix fix;
    if (code.startsWith(QLatin1String("trigger_"))) {   // missing, disabled or stale watch trigger
        fix.oneClick = true;
        fix.label = tr("Rebuild watch triggers (clean_mv)");
        fix.sql = QStringLiteral("select pgauto_mv.clean_mv()");
    } else if (code == QLatin1String("view_renamed") || code == QLatin1String("refresh_not_scheduled")
               || code == QLatin1String("watched_table_dropped") || code == QLatin1String("view_missing")) {
        fix.oneClick = true;
        fix.confirm = code == QLatin1String("view_missing") || code == QLatin1String("watched_table_dropped");
        fix.label = tr("Reconcile with the catalog (sync_mv)");
        fix.sql = QStringLiteral("select count(*) from pgauto_mv.sync_mv()");
    } else if ((code == QLatin1String("unpopulated") || code == QLatin1String("recent_failures")) && !mv.isEmpty()) {
        // The label is a quoted schema.name: the server parses it (to_regclass), never the console.
        fix.oneClick = true;
        fix.label = code == QLatin1String("unpopulated") ? tr("Refresh now") : tr("Refresh again now");
        fix.sql = QStringLiteral("select pgauto_mv.refresh_materialised_view_now(c.relname::text, n.nspname::text)"
                                 "  from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                                 " where c.oid = pg_catalog.to_regclass($1)");
        fix.params = {mv};
    } else {
        fix.label = tr("Run the suggested SQL by hand");
    }
    return fix;
}

} // namespace automv::ui
