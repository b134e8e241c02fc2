// The console's main window, offscreen, against the run's real server.
#include "tests/harness/TestCluster.h"
#include "ui/MainWindow.h"
#include "ui/processor/EmbeddedProcessor.h"
#include "ui/processor/ProcessorPage.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using automv::test::ScratchDatabase;
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
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QVERIFY(navigation->count() >= 1);
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Overview"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("Not connected"));
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
        QVERIFY(overview->text().contains(QStringLiteral("nonexistent-socket-dir")));
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
        auto *processorPage = window.findChild<automv::ui::ProcessorPage *>();
        QVERIFY(processorPage && processorPage->processor()->isRunning());
        qunsetenv("AUTOMV_DEMO_DIR");
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
