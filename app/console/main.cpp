// automv-console: the desktop console. Thin on purpose: everything lives in ui/ and core/.
#include "core/Version.h"
#include "core/platform/TerminationRequests.h"
#include "ui/LanguageSettings.h"
#include "ui/ThemeSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMetaObject>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[]) {
    // --version needs no display (packaging checks, scripts): answer before Qt opens one.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("automv-console %s\n", automv::kVersion);
            return 0;
        }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pg_auto_mv"));
    QApplication::setApplicationName(QStringLiteral("automv-console"));
    QApplication::setApplicationVersion(QString::fromLatin1(automv::kVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/automv-console-256.png")));
    // SIGINT/SIGTERM (or Ctrl+C and a closed console on Windows): quit through the event loop,
    // so windows close and the local demo's cluster is shut down.
    const automv::platform::TerminationRequests quitRequests(
        [&app] { QMetaObject::invokeMethod(&app, &QApplication::quit, Qt::QueuedConnection); });

    automv::ui::LanguageSettings::install(app);   // the chosen language, else the system's
    automv::ui::ThemeSettings::apply(app);        // the chosen colours, else the system's

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Console for pg_auto_mv and pg_relay: keep PostgreSQL materialised views fresh."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("conninfo"),
        QApplication::translate("main", "libpq connection string or URI to open at start."),
        QStringLiteral("[conninfo]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start the local demo database and connect to it."));
    parser.addOption(demo);
    parser.process(app);

    automv::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openDatabase(parser.positionalArguments().constFirst());
    else if (parser.isSet(demo))
        window.startDemo();
    return QApplication::exec();
}
