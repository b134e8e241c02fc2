// automv-console: the desktop console. Thin on purpose: everything lives in ui/ and core/.
#include "core/Version.h"
#include "ui/LanguageSettings.h"
#include "ui/ThemeSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

int g_quitPipe[2] = {-1, -1};

// SIGINT / SIGTERM: quit through the event loop, so windows close and the local demo's
// cluster is shut down (only write() here: it is async-signal-safe).
void requestQuit(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_quitPipe[1], &byte, 1);
}

} // namespace

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
    if (::pipe(g_quitPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_quitPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QApplication::quit);
        std::signal(SIGINT, requestQuit);
        std::signal(SIGTERM, requestQuit);
    }

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
