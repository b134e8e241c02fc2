#include "ui/ThemeSettings.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace automv::ui {

namespace {

const QString kKey = QStringLiteral("ui/theme");

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6e, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

QStringList ThemeSettings::available() { return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}; }

QString ThemeSettings::chosen() {
    const QString theme = QSettings().value(kKey).toString();
    return available().contains(theme) ? theme : QStringLiteral("system");
}

void ThemeSettings::setChosen(const QString &theme) {
    QSettings settings;
    if (theme.isEmpty() || theme == QLatin1String("system") || !available().contains(theme))
        settings.remove(kKey);
    else
        settings.setValue(kKey, theme);
}

void ThemeSettings::apply(QApplication &app) {
    static const QString systemStyle = app.style()->name();   // the platform's, before any change
    const QString theme = chosen();
    if (theme == QLatin1String("system")) {
        app.setStyle(QStyleFactory::create(systemStyle));
        app.setPalette(app.style()->standardPalette());
        return;
    }
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(theme == QLatin1String("dark") ? darkPalette() : app.style()->standardPalette());
}

} // namespace automv::ui
