#include "ui/LanguageSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace automv::ui {

namespace {
const QString kKey = QStringLiteral("ui/language");
}

QStringList LanguageSettings::available() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}; }

QString LanguageSettings::chosen() {
    const QString code = QSettings().value(kKey).toString();
    return available().contains(code) ? code : QString();
}

void LanguageSettings::setChosen(const QString &code) {
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, code);
}

QLocale LanguageSettings::locale() {
    const QString code = chosen();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

void LanguageSettings::install(QCoreApplication &app) {
    const QLocale locale = LanguageSettings::locale();
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("automv"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

} // namespace automv::ui
