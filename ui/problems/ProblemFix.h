#pragma once

#include <QString>
#include <QVariantList>

namespace automv::ui {

/// What the console can do about one problem from pgauto_mv.get_mv_problems(): a one-click fix
/// where it is safe (clean_mv, sync_mv, refresh now), or only the SQL to read and run by hand
/// (a unique index to create, a grant, starting a processor).
struct ProblemFix {
    bool oneClick = false;
    bool confirm = false;   ///< ask first: the fix forgets something (a dropped view's registration)
    QString label;          ///< the button's text ("Rebuild watch triggers")
    QString sql;            ///< what the button runs (parameters below); empty when not one-click
    QVariantList params;

    /// The fix for a problem `code` reported for `mv` (a quoted schema.name, or empty).
    static ProblemFix forProblem(const QString &code, const QString &mv);
};

} // namespace automv::ui
