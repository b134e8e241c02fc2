#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace automv::ui {

/// The console's colours: the system's (default), light or dark. Kept in QSettings and applied
/// at once to the whole application (Fusion style with a light or dark palette; "system" gives
/// back the platform's style and palette). Charts and the graph follow the palette.
class ThemeSettings {
public:
    /// "system", "light", "dark".
    static QStringList available();
    /// The chosen theme ("system" when none was chosen).
    static QString chosen();
    static void setChosen(const QString &theme);
    /// Applies the chosen theme to the application (call at start and after setChosen()).
    static void apply(QApplication &app);
};

} // namespace automv::ui
