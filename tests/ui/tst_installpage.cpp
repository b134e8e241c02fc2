// Installing pg_relay and pg_auto_mv from the console, offscreen, against the harness's server:
// as extensions where the server has the files, from the bundled SQL otherwise; the preview
// shows what runs; afterwards both are installed and work.
#include "ui/install/ExtensionInstaller.h"
#include "ui/install/InstallPage.h"
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"

#include <QSignalSpy>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::test::scalar;
using automv::ui::DatabaseSession;
using automv::ui::ExtensionInstaller;
using automv::ui::InstallPage;

class TestInstallPage : public QObject {
    Q_OBJECT
private slots:
    void bundledScriptsAreInTheConsole() {
        QVERIFY(ExtensionInstaller::bundledScript("pg_relay").contains("create schema pgrelay"));
        QVERIFY(!ExtensionInstaller::bundledScript("pg_auto_mv").contains("\\set"));
        QCOMPARE(ExtensionInstaller::bundledVersion("pg_auto_mv"), QString("1.0"));
    }

    void installsAsExtensionsWhereTheServerHasThem() { installAndCheck(false); }
    void installsFromTheBundledSqlOtherwise() { installAndCheck(true); }

    void aPlainPgRelayMakesPgAutoMvPlainToo() {
        QList<ExtensionInstaller::Status> status{{"pg_relay", "1.0", false, "1.0", "1.0"},
                                                 {"pg_auto_mv", "", false, "1.0", "1.0"}};
        const auto plan = ExtensionInstaller::plan(status);
        QCOMPARE(plan.size(), 1);
        QVERIFY(plan[0].sql.contains("create schema pgauto_mv"));
    }

    // An extension the server offers in a newer version is updated in place; what cannot be
    // upgraded from here is said, not attempted.
    void upgradesArePlannedOrExplained() {
        QList<ExtensionInstaller::Status> status{{"pg_relay", "1.0", true, "1.2", "1.2"},
                                                 {"pg_auto_mv", "1.0", true, "1.0", "1.0"}};
        auto plan = ExtensionInstaller::plan(status);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan[0].sql, QString("alter extension pg_relay update to '1.2';"));
        QVERIFY(ExtensionInstaller::upgradeNote(status[1]).isEmpty());   // up to date

        // What the server reports is quoted, never pasted: a version with a quote in it stays a
        // literal (it was pasted between quotes, so the rest ran as SQL).
        const QList<ExtensionInstaller::Status> hostile{{"pg_relay", "1.0", true, "9.9'; drop table t; --", "1.2"}};
        plan = ExtensionInstaller::plan(hostile);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan[0].sql, QString("alter extension pg_relay update to '9.9''; drop table t; --';"));

        const ExtensionInstaller::Status plainOld{"pg_relay", "1.0", false, "", "1.10"};
        QVERIFY(ExtensionInstaller::plan({plainOld}).isEmpty());
        QVERIFY2(ExtensionInstaller::upgradeNote(plainOld).contains("no upgrade script"),
                 qPrintable(ExtensionInstaller::upgradeNote(plainOld)));
        const ExtensionInstaller::Status fromTheFuture{"pg_relay", "2.0", true, "2.0", "1.0"};
        QVERIFY(ExtensionInstaller::plan({fromTheFuture}).isEmpty());
        QVERIFY(ExtensionInstaller::upgradeNote(fromTheFuture).contains("newer than this console"));
        QVERIFY(ExtensionInstaller::isNewer("1.10", "1.9"));
        QVERIFY(!ExtensionInstaller::isNewer("1.0", "1.0"));
        QVERIFY(!ExtensionInstaller::isNewer("", "1.0"));
    }

private:
    void installAndCheck(bool bundled) {
        ScratchDatabase db(bundled ? "install_bundled" : "install_ext");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        session.open(QString::fromStdString(db.conninfo()));
        QVERIFY(connected.wait(10000));
        InstallPage page;
        page.setPreferBundled(bundled);
        page.setSession(&session);
        QTRY_COMPARE_WITH_TIMEOUT(page.status().size(), qsizetype(2), 10000);
        QVERIFY(page.status()[0].installed.isEmpty());
        QCOMPARE(page.status()[0].available, QString("1.0"));   // the harness put the files in place
        if (bundled)
            QVERIFY(page.previewText().contains("create schema pgrelay"));
        else
            QVERIFY2(page.previewText().contains("create extension pg_relay;\n"), qPrintable(page.previewText().left(300)));
        QSignalSpy installed(&page, &InstallPage::installed);
        page.install();
        QVERIFY2(installed.wait(30000), qPrintable(page.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(page.status().size() == 2 && page.status()[1].installed == "1.0", 10000);
        QCOMPARE(page.status()[0].asExtension, !bundled);
        QCOMPARE(page.previewText(), QString("-- Both extensions are installed and up to date; nothing to do."));
        auto conn = db.connect();
        QCOMPARE(scalar(conn, "select count(*) from pg_extension where extname in ('pg_relay', 'pg_auto_mv')"),
                 std::string(bundled ? "0" : "2"));
        QCOMPARE(scalar(conn, "select pgauto_mv.version() || ' ' || pgrelay.version()"), std::string("1.0 1.0"));
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.installpage
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty() && !bundled) {
            page.resize(900, 420);
            QVERIFY(page.grab().save(dir + "/install-page.png"));
        }
    }
};

QTEST_MAIN(TestInstallPage)
#include "tst_installpage.moc"
