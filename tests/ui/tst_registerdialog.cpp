// The register / edit dialog against the harness's server, offscreen: what the dialog builds
// registers (and alters) the view for real, with every value as a parameter; bad input is
// refused with a message and nothing runs; the SQL preview shows the exact call.
#include "ui/session/DatabaseSession.h"
#include "ui/views/RegisterDialog.h"
#include "tests/harness/TestCluster.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::test::scalar;
using automv::ui::DatabaseSession;
using automv::ui::RegisterDialog;
using automv::ui::Registration;

namespace {


/// Runs the dialog's call through a background session, as the Views page does.
QString run(DatabaseSession &session, const Registration &registration) {
    QSignalSpy finished(&session, &DatabaseSession::queryFinished);
    QSignalSpy failed(&session, &DatabaseSession::queryFailed);
    session.query("register", registration.sql(), registration.params());
    if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 10000))
        return "timeout";
    return failed.isEmpty() ? QString() : failed.at(0).at(1).toString();
}

} // namespace

class TestRegisterDialog : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction());
        auto conn = m_db->connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.orders (id int primary key, amount numeric, note text)");
        conn.exec("create materialized view public.\"it's daily\" as select sum(amount) as total from public.orders");
        m_session = std::make_unique<DatabaseSession>();
        QSignalSpy connected(m_session.get(), &DatabaseSession::connected);
        m_session->open(QString::fromStdString(m_db->conninfo()));
        QVERIFY(connected.wait(10000));
    }
    void cleanup() {
        m_session.reset();
        m_db.reset();
    }

    void registersWhatTheDialogShows() {
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"});
        dialog.findChild<QDoubleSpinBox *>("refreshLag")->setValue(1.5);
        dialog.findChild<QDoubleSpinBox *>("maxWait")->setValue(30);
        auto *watches = dialog.findChild<QTableWidget *>("watches");
        QCOMPARE(watches->rowCount(), 1);   // suggested from the view's dependencies
        watches->item(0, 3)->setCheckState(Qt::Unchecked);   // DELETE
        watches->item(0, 5)->setCheckState(Qt::Checked);     // UPDATE: only columns read
        QVERIFY2(dialog.previewText().contains("p_mv_name => 'it''s daily'"), qPrintable(dialog.previewText()));
        QVERIFY(dialog.previewText().contains("pgauto_mv.mv_watch('public.orders', 'INSERT,UPDATE,TRUNCATE', p_read_columns_only => true)"));
        QVERIFY(dialog.previewText().contains("p_refresh_lag => 1.5"));
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.registerdialog
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            auto *tabs = dialog.findChild<QTabWidget *>();
            tabs->setCurrentIndex(1);
            QVERIFY(dialog.grab().save(dir + "/register-dialog-watches.png"));
            tabs->setCurrentIndex(2);
            QVERIFY(dialog.grab().save(dir + "/register-dialog-preview.png"));
        }
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QCOMPARE(run(*m_session, dialog.registration()), QString());
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select refresh_lag || ' ' || max_wait || ' ' || cooldown from pgauto_mv.mv"), std::string("1.5 30 2"));
        QCOMPARE(scalar(conn, "select operations::text || ' ' || update_columns::text from pgauto_mv.watch"),
                 std::string("{INSERT,UPDATE,TRUNCATE} {amount}"));
    }

    void editsAnExistingRegistration() {
        auto conn = m_db->connect();
        conn.exec("select pgauto_mv.register_mv('it''s daily', p_watch_tables => array[pgauto_mv.mv_watch('public.orders')])");
        Registration initial;
        initial.name = "it's daily";
        initial.existing = true;
        initial.watches = {{"public.orders", {"INSERT", "UPDATE", "DELETE", "TRUNCATE"}, false}};
        RegisterDialog dialog(initial, {"public.orders"});
        QCOMPARE(dialog.findChild<QTableWidget *>("watches")->rowCount(), 1);
        dialog.findChild<QDoubleSpinBox *>("cooldown")->setValue(10);
        QVERIFY(dialog.previewText().startsWith("select pgauto_mv.alter_mv("));
        dialog.accept();
        QCOMPARE(run(*m_session, dialog.registration()), QString());
        QCOMPARE(scalar(conn, "select cooldown from pgauto_mv.mv"), std::string("10"));
    }

    // Failure alerts: the channels offered, the chosen one registered; a channel dropped since is
    // shown as such; "the database's default" clears the view's own.
    void failureAlertsGoToTheChosenChannel() {
        auto conn = m_db->connect();
        conn.exec("select pgrelay.create_channel('ops.alerts', 'select 1')");
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"}, {"ops.alerts", "ops.other"});
        auto *alerts = dialog.findChild<QComboBox *>("onFailure");
        QVERIFY(alerts);
        QCOMPARE(alerts->count(), 3);
        QCOMPARE(alerts->currentData().toString(), QString());   // the database's default
        QVERIFY2(dialog.previewText().contains("p_on_failure => ''"), qPrintable(dialog.previewText()));
        alerts->setCurrentIndex(alerts->findData("ops.alerts"));
        QVERIFY2(dialog.previewText().contains("p_on_failure => 'ops.alerts'"), qPrintable(dialog.previewText()));
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            QVERIFY(dialog.grab().save(dir + "/register-dialog-timing.png"));
        }
        dialog.accept();
        QCOMPARE(run(*m_session, dialog.registration()), QString());
        QCOMPARE(scalar(conn, "select on_failure from pgauto_mv.mv"), std::string("ops.alerts"));

        // Edited after the channel was dropped: said so; back to the default clears it.
        conn.exec("select pgrelay.drop_channel('ops.alerts')");
        initial.existing = true;
        initial.onFailure = "ops.alerts";
        initial.watches = {{"public.orders", {"INSERT"}, false}};
        RegisterDialog edit(initial, {}, {"ops.other"});
        auto *editAlerts = edit.findChild<QComboBox *>("onFailure");
        QVERIFY2(editAlerts->currentText().contains("no longer exists"), qPrintable(editAlerts->currentText()));
        QVERIFY(run(*m_session, edit.registration()).contains("does not exist"));   // the server refuses it too
        editAlerts->setCurrentIndex(0);
        QCOMPARE(run(*m_session, edit.registration()), QString());
        QCOMPARE(scalar(conn, "select coalesce(on_failure, '(default)') from pgauto_mv.mv"), std::string("(default)"));
    }

    // Refresh priority (issue 18): registered as chosen, shown again when edited; one out of
    // range is refused before anything runs.
    void aPriorityIsRegisteredAndOutOfRangeRefused() {
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"});
        auto *priority = dialog.findChild<QSpinBox *>("priority");
        QVERIFY(priority);
        QCOMPARE(priority->value(), 0);
        priority->setValue(5000);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.message(), QString("The priority is a whole number from -1000 to 1000."));
        priority->setValue(7);
        QVERIFY2(dialog.previewText().contains("p_priority => 7"), qPrintable(dialog.previewText()));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(run(*m_session, dialog.registration()), QString());
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select priority from pgauto_mv.mv"), std::string("7"));
        initial.existing = true;
        initial.priority = 7;
        RegisterDialog edit(initial, {});
        QCOMPARE(edit.findChild<QSpinBox *>("priority")->value(), 7);
    }

    void blackoutWindowsAreListed() {
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"});
        auto *windows = dialog.findChild<QLabel *>("blackouts");
        QVERIFY(windows && windows->text().startsWith("none"));
        dialog.setBlackouts({"Mon-Fri 08:00–18:00 Europe/London", "daily 02:00–03:00 UTC (all views)"});
        QCOMPARE(windows->text(), QString("Mon-Fri 08:00–18:00 Europe/London\ndaily 02:00–03:00 UTC (all views)"));
    }

    void badInputIsRefusedAndNothingRuns() {
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"});
        dialog.show();
        auto *watches = dialog.findChild<QTableWidget *>("watches");
        for (int c = 1; c <= 4; ++c)
            watches->item(0, c)->setCheckState(Qt::Unchecked);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.message(), QString("Tick at least one operation for public.orders (or remove it)."));
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select count(*) from pgauto_mv.mv"), std::string("0"));
    }

    // A typed negative lag is refused with a message, not turned into 0 (the spin box's minimum
    // of 0 did that silently).
    void aTypedNegativeTimingIsRefusedNotClamped() {
        Registration initial;
        initial.name = "it's daily";
        RegisterDialog dialog(initial, {"public.orders"});
        dialog.show();
        auto *lag = dialog.findChild<QDoubleSpinBox *>("refreshLag");
        lag->selectAll();
        QTest::keyClicks(lag, "-5");
        lag->interpretText();
        QCOMPARE(lag->value(), -5.0);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.message(), QString("Timings are seconds from 0 to 86400."));
    }

    // Watches go to the server as one JSON parameter: a table name with quotes, commas, braces
    // and a backslash arrives as written (they were packed into a hand-made array literal).
    void oddTableNamesReachTheServerIntact() {
        auto conn = m_db->connect();
        conn.exec("create table public.\"we\"\"ird, {x}\\y\" (id int primary key)");
        Registration registration;
        registration.name = "it's daily";
        registration.watches = {{"public.\"we\"\"ird, {x}\\y\"", {"INSERT", "DELETE"}, false}};
        QCOMPARE(run(*m_session, registration), QString());
        QCOMPARE(scalar(conn, "select table_name || ' ' || operations::text from pgauto_mv.watch"),
                 std::string("we\"ird, {x}\\y {INSERT,DELETE}"));
    }

    void serverErrorsComeBackAsMessages() {
        Registration registration;
        registration.name = "it's daily";
        registration.watches = {{"public.nope", {"INSERT"}, false}};
        QCOMPARE(run(*m_session, registration).section(QLatin1Char('\n'), 0, 0), QString("pg_auto_mv: watch table public.nope does not exist"));
        QVERIFY(run(*m_session, registration).contains("\nHint: Unquoted names are folded to lower case"));
    }

private:
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<DatabaseSession> m_session;
};

QTEST_MAIN(TestRegisterDialog)
#include "tst_registerdialog.moc"
