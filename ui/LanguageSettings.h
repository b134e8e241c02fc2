#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace automv::ui {

/// The console's language: the system's by default, or one the user chose (kept in QSettings,
/// applied at start, since every window is built in one language).
class LanguageSettings {
public:
    /// Language codes with a translation compiled into the console ("en", "de", "fr").
    static QStringList available();
    /// The chosen code, or empty for "follow the system".
    static QString chosen();
    static void setChosen(const QString &code);
    /// The locale the console runs in: the chosen language, else the system's.
    static QLocale locale();
    /// Loads Qt's own and the console's translations for locale() into the application.
    static void install(QCoreApplication &app);
};

} // namespace automv::ui
