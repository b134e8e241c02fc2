// The connection dialog, offscreen: "Test connection" reaches the harness's server on a
// background thread; a wrong port is reported; invalid input is refused and nothing is saved.
#include "ui/connections/ConnectionDialog.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

using automv::test::TestCluster;
using automv::ui::ConnectionDialog;
using automv::ui::ConnectionProfile;

namespace {

ConnectionProfile harnessProfile() {
    const auto &cluster = TestCluster::instance();
    auto profile = ConnectionProfile::create("harness");
    profile.host = QString::fromStdString(cluster.host());
    profile.port = cluster.port();
    profile.user = QString::fromStdString(cluster.user());
    profile.database = "postgres";
    profile.sslMode = "disable";
    return profile;
}

} // namespace

class TestConnectionDialog : public QObject {
    Q_OBJECT
private slots:
    void showsTheProfileItWasGiven() {
        auto profile = harnessProfile();
        profile.color = QColor("#2e86c1");
        profile.service = "svc";
        ConnectionDialog dialog(profile);
        QCOMPARE(dialog.profile(), profile);
    }

    void testConnectionReachesTheServer() {
        ConnectionDialog dialog(harnessProfile());
        dialog.show();
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult().startsWith("Connected: "), 10000);
        QVERIFY2(dialog.testResult().contains("PostgreSQL 15"), qPrintable(dialog.testResult()));
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.connectiondialog
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + "/connection-dialog.png"));
    }

    void aWrongPortIsReported() {
        auto profile = harnessProfile();
        profile.port = TestCluster::instance().port() == 65535 ? 65534 : TestCluster::instance().port() + 1;
        ConnectionDialog dialog(profile);
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult().startsWith("Could not connect: "), 15000);
    }

    void invalidInputIsRefused() {
        auto profile = harnessProfile();
        profile.name.clear();
        ConnectionDialog dialog(profile);
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.testResult(), QString("Give the connection a name."));
        dialog.testConnection();   // refused too, before any network work
        QCOMPARE(dialog.testResult(), QString("Give the connection a name."));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
