// The console's main window, offscreen, against the run's real server.
#include "tests/harness/TestCluster.h"
#include "ui/LanguageSettings.h"
#include "ui/MainWindow.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/graph/GraphPage.h"
#include "ui/graph/GraphScene.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/session/DatabaseSession.h"
#include "ui/views/ViewsModel.h"
#include "ui/views/ViewsPage.h"
#include "ui/workspace/DatabaseWorkspace.h"
#include "ui/ThemeSettings.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QStackedWidget>
#include <QTranslator>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>

#include <memory>
#include <QStatusBar>
#include <QSignalSpy>
#include <QPointer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseWorkspace;
using automv::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // Never read or write the user's real settings.
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("pg_auto_mv-tests"));
    }

    void opensWithNavigationAndOverview() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("pg_auto_mv console"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("databaseTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Overview"));
        QVERIFY(!window.currentWorkspace());
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("Not connected"));
        if (const QString shots = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1200, 760);
            QVERIFY(window.grab().save(shots + "/welcome.png"));
        }
    }

    void showsServerVersionOnceConnected() {
        ScratchDatabase db("mainwindow");
        const QString expected = QStringLiteral("PostgreSQL %1")
            .arg(QString::fromStdString(std::string(
                db.connect().exec("select current_setting('server_version')").value(0, 0))));
        MainWindow window;
        window.show();
        window.openDatabase(QString::fromStdString(db.conninfo()));
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(expected), 15000);
        QVERIFY(status->text().contains(QString::fromStdString(db.name())));
    }

    void failedConnectionIsReportedNotHung() {
        MainWindow window;
        window.show();
        window.openDatabase(QStringLiteral("host=/nonexistent-socket-dir dbname=nowhere"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        auto *overview = window.findChild<QLabel *>(QStringLiteral("overviewText"));
        // The event loop keeps running while the worker thread connects.
        QCOMPARE(status->text(), QStringLiteral("Connecting…"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Connection failed"), 15000);
        QVERIFY(overview->text().contains(QStringLiteral("Could not connect")));
        QVERIFY(window.workspaces().isEmpty());   // a database that never connected gets no tab
        QVERIFY(overview->text().contains(QStringLiteral("nonexistent-socket-dir")));
    }

    // Two databases at once, each in its own tab with its own session and pages; the status bar
    // follows the current tab; the same database again brings its tab forward; closing one
    // leaves the other working.
    void severalDatabasesOpenAtOnce() {
        ScratchDatabase first("mainwindow_a");
        ScratchDatabase second("mainwindow_b");
        first.connect().exec("create materialized view only_in_a as select 1 as x");
        second.connect().exec("create materialized view only_in_b as select 2 as y");
        MainWindow window;
        window.show();
        auto *a = window.openDatabase(QString::fromStdString(first.conninfo()), {QStringLiteral("first"), {}, QColor(Qt::red)});
        auto *b = window.openDatabase(QString::fromStdString(second.conninfo()));
        QVERIFY(a != b && a->session() != b->session());
        QCOMPARE(window.workspaces().size(), 2);
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QCOMPARE(window.currentWorkspace(), b);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QString::fromStdString(second.name())), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(a->state() == DatabaseWorkspace::State::Connected, 15000);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("databaseTabs"));
        QCOMPARE(tabs->tabText(tabs->indexOf(a)), QStringLiteral("first"));
        QVERIFY(tabs->tabText(tabs->indexOf(b)).contains(QString::fromStdString(second.name())));
        QVERIFY(!tabs->tabIcon(tabs->indexOf(a)).isNull());   // the profile's colour marks its tab

        // Each tab lists its own database's views.
        b->viewsPage()->reload();
        a->viewsPage()->reload();
        auto viewNames = [](DatabaseWorkspace *w) {
            QStringList names;
            for (int row = 0; row < w->viewsPage()->model()->rowCount(); ++row)
                names << w->viewsPage()->model()->index(row, automv::ui::ViewsModel::View).data().toString();
            return names.join(',');
        };
        QTRY_VERIFY_WITH_TIMEOUT(viewNames(a).contains(QStringLiteral("only_in_a")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(viewNames(b).contains(QStringLiteral("only_in_b")), 15000);
        QVERIFY(!viewNames(a).contains(QStringLiteral("only_in_b")));

        tabs->setCurrentWidget(a);
        QVERIFY(status->text().contains(QString::fromStdString(first.name())));
        QCOMPARE(window.openDatabase(QString::fromStdString(second.conninfo())), b);   // no second tab
        QCOMPARE(window.currentWorkspace(), b);
        QCOMPARE(window.workspaces().size(), 2);

        // Page shortcuts: Ctrl+3 is Schedules, Ctrl+1 Views; each navigation entry has an icon.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentWorkspace(), b);
        b->viewsPage()->setFocus();
        QTest::keyClick(b->viewsPage(), Qt::Key_3, Qt::ControlModifier);
        auto *navigation = b->findChild<QListWidget *>(QStringLiteral("workspaceNavigation"));
        QCOMPARE(navigation->currentRow(), int(DatabaseWorkspace::Schedules));
        QTest::keyClick(navigation, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), int(DatabaseWorkspace::Views));
        for (int row = 0; row < navigation->count(); ++row)
            QVERIFY(!navigation->item(row)->icon().isNull());

        window.closeWorkspace(b);
        QCOMPARE(window.workspaces().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QString::fromStdString(first.name())), 5000);
        first.connect().exec("create materialized view added_later as select 3 as z");
        a->viewsPage()->reload();   // the remaining tab's session still works
        QTRY_VERIFY_WITH_TIMEOUT(viewNames(a).contains(QStringLiteral("added_later")), 15000);
        tabs->setCurrentIndex(0);
        QCOMPARE(status->text(), QStringLiteral("1 database(s) open"));
    }

    // The compiled-in German translation reaches the window and its pages (the .ts contexts are
    // the namespaced class names tr() looks up), and the language can be chosen in Settings.
    // Closing never waits on the UI thread: closing a database's tab returns at once (its
    // embedded processor, busy with a 30 s action, is stopped in the background and the action
    // cancelled; the workspace goes when closed() says all of it stopped), and closing the window
    // with a database open waits for that, then closes itself. (Both joined on the UI thread.)
    void closingRunsInTheBackground() {
        ScratchDatabase db("mainwindow_close");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('slow', 'select pg_sleep(30)')");
        auto window = std::make_unique<MainWindow>();
        window->show();
        auto *workspace = window->openDatabase(QString::fromStdString(db.conninfo()));
        QTRY_VERIFY_WITH_TIMEOUT(workspace->state() == DatabaseWorkspace::State::Connected, 15000);
        workspace->startProcessor();
        conn.exec("select pgrelay.notify('slow')");
        const auto sleeping = [&] {
            return std::string(conn.exec("select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                                         " and datname = current_database()").value(0, 0));
        };
        QTRY_COMPARE_WITH_TIMEOUT(sleeping(), std::string("1"), 15000);
        QPointer<DatabaseWorkspace> closing(workspace);
        QSignalSpy closed(workspace, &DatabaseWorkspace::closed);
        window->closeWorkspace(workspace);
        QVERIFY(window->workspaces().isEmpty());   // the tab is gone at once …
        QVERIFY(closing && closing->isClosing());   // … the database closes in the background
        QVERIFY(closing->processorPage()->processor()->isRunning());   // not joined on this thread
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 15000);
        QTRY_VERIFY(!closing);   // deleted once closed
        QTRY_COMPARE_WITH_TIMEOUT(sleeping(), std::string("0"), 10000);   // the action was cancelled

        // Closing the window with a database open: it waits (visible), then closes itself.
        auto *second = window->openDatabase(QString::fromStdString(db.conninfo()));
        QTRY_VERIFY_WITH_TIMEOUT(second->state() == DatabaseWorkspace::State::Connected, 15000);
        second->startProcessor();
        QTRY_VERIFY_WITH_TIMEOUT(second->processorPage()->processor()->isRunning(), 10000);
        window->close();
        QVERIFY(window->isVisible());
        QVERIFY2(window->statusBar()->currentMessage().startsWith("Closing"), qPrintable(window->statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 15000);
    }

    // Settings → Theme: dark applies at once to the whole application, and "follow the system"
    // gives the platform's colours back. (There was no theme choice.)
    void theThemeCanBeChosenAndAppliesAtOnce() {
        MainWindow window;
        const QColor before = qApp->palette().color(QPalette::Window);
        auto *themes = window.findChild<QMenu *>(QStringLiteral("themeMenu"));
        QVERIFY(themes);
        auto pick = [themes](const QString &theme) {
            for (QAction *action : themes->actions())
                if (action->data().toString() == theme)
                    action->trigger();
        };
        pick("dark");
        QCOMPARE(automv::ui::ThemeSettings::chosen(), QStringLiteral("dark"));
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(qApp->palette().color(QPalette::WindowText).lightness() > 200);
        pick("light");
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() > 180);
        pick("system");
        QCOMPARE(automv::ui::ThemeSettings::chosen(), QStringLiteral("system"));
        QCOMPARE(qApp->palette().color(QPalette::Window), before);
    }

    void translationsApplyAndTheLanguageCanBeChosen() {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/automv_de.qm")));
        QCoreApplication::installTranslator(&german);
        {
            MainWindow window;
            const QString file = german.translate("automv::ui::MainWindow", "&File");
            QVERIFY2(!file.isEmpty() && file != QStringLiteral("&File"), qPrintable(file));
            QCOMPARE(window.menuBar()->actions().first()->text(), file);
            automv::ui::ViewsPage page;
            const QString filter = german.translate("automv::ui::ViewsPage", "Filter views (name, state, table…)");
            QVERIFY(!filter.isEmpty());
            QCOMPARE(page.findChild<QLineEdit *>()->placeholderText(), filter);
        }
        QCoreApplication::removeTranslator(&german);

        MainWindow window;
        auto *languages = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(languages);
        QAction *french = nullptr;
        for (QAction *action : languages->actions())
            if (action->data().toString() == QStringLiteral("fr"))
                french = action;
        QVERIFY(french);
        QCOMPARE(french->text(), QStringLiteral("français"));   // each language in its own words
        french->trigger();
        QCOMPARE(automv::ui::LanguageSettings::chosen(), QStringLiteral("fr"));
        QCOMPARE(automv::ui::LanguageSettings::locale().language(), QLocale::French);
        languages->actions().first()->trigger();   // back to the system's
        QVERIFY(automv::ui::LanguageSettings::chosen().isEmpty());
    }

    // In every language the window fits a 1280-pixel-wide screen: no page asks for more.
    void everyPageFitsASmallScreenInEveryLanguage() {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}) {
            QTranslator translator;
            QVERIFY(translator.load(QStringLiteral(":/i18n/automv_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&translator);
            {
                MainWindow window;
                auto *workspace = window.openDatabase(QStringLiteral("host=/nonexistent-socket-dir dbname=x"));
                auto *pages = workspace->findChild<QStackedWidget *>(QStringLiteral("workspacePages"));
                QVERIFY(pages);
                for (int i = 0; i < pages->count(); ++i)
                    QVERIFY2(pages->widget(i)->minimumSizeHint().width() <= 1000,
                             qPrintable(QStringLiteral("%1: page %2 (%3) needs %4 px")
                                            .arg(language, QString::number(i), pages->widget(i)->objectName())
                                            .arg(pages->widget(i)->minimumSizeHint().width())));
                QVERIFY2(window.minimumSizeHint().width() <= 1280,
                         qPrintable(QStringLiteral("%1: the window needs %2 px").arg(language).arg(window.minimumSizeHint().width())));
            }
            QCoreApplication::removeTranslator(&translator);
        }
    }

    // "Start local demo" end to end in the window: connected, processor running, overview says so.
    void theLocalDemoConnectsAndRunsItsProcessor() {
        QTemporaryDir dir;
        qputenv("AUTOMV_DEMO_DIR", dir.path().toUtf8());
        MainWindow window;
        window.show();
        window.startDemo();
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Connected: automv@")), 120000);
        auto *overview = window.findChild<QLabel *>(QStringLiteral("overviewText"));
        QVERIFY2(overview->text().contains(QStringLiteral("local demo")), qPrintable(overview->text()));
        auto *demo = window.currentWorkspace();
        QVERIFY(demo && demo->processorPage()->processor()->isRunning());

        // The load generator writes orders; within seconds the processor refreshes daily_revenue.
        auto *load = window.findChild<QPushButton *>(QStringLiteral("loadButton"));
        QVERIFY(load && !load->isHidden());   // on the overview tab, shown once the demo runs
        load->setChecked(true);
        auto *model = demo->viewsPage()->model();
        auto lastRefreshOf = [model](const QString &view) {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, automv::ui::ViewsModel::View).data().toString() == view)
                    return model->index(row, automv::ui::ViewsModel::LastRefresh).data().toString();
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!lastRefreshOf(QStringLiteral("public.daily_revenue")).isEmpty(), 30000);
        load->setChecked(false);
        if (const QString shots = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(!lastRefreshOf(QStringLiteral("public.weekly_revenue")).isEmpty(), 30000);
            QVERIFY(window.grab().save(shots + "/demo-views.png"));
            demo->showPage(DatabaseWorkspace::Graph);
            QTRY_VERIFY_WITH_TIMEOUT(demo->graphPage()->scene()->dependencyGraph().nodes().size() >= 4, 15000);
            demo->graphPage()->find(QStringLiteral("weekly"));
            QCoreApplication::processEvents();
            QVERIFY(window.grab().save(shots + "/graph-demo.png"));
        }

        // Closing the demo's tab stops its processor; the load generator lets go of the session.
        window.closeWorkspace(demo);
        QTRY_VERIFY(window.workspaces().isEmpty());
        // The demo can be opened again (its button stayed disabled once it had started).
        auto *again = window.findChild<QPushButton *>(QStringLiteral("demoButton"));
        QTRY_VERIFY(again->isEnabled());
        QVERIFY2(overview->text().contains(QStringLiteral("closed")), qPrintable(overview->text()));
        again->click();
        QTRY_COMPARE_WITH_TIMEOUT(window.workspaces().size(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.workspaces().first()->state() == DatabaseWorkspace::State::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.workspaces().first()->processorPage()->processor()->isRunning(), 30000);
        window.closeWorkspace(window.workspaces().first());
        QTRY_VERIFY(window.workspaces().isEmpty());
        qunsetenv("AUTOMV_DEMO_DIR");
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
