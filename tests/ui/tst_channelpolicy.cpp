// Retry policy and failure alerts from the console (issue 17), against the harness's server,
// offscreen: the processor page's "Retries and alerts…" opens the selected channel's policy as
// the server has it; what the dialog sets is what alter_channel stores; bad input is refused
// with a message and nothing runs; the server's refusal (an alert loop) is shown and every edit
// kept.
#include "ui/processor/ChannelPolicyDialog.h"
#include "ui/processor/ProcessorPage.h"
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <memory>

using automv::test::ScratchDatabase;
using automv::test::scalar;
using automv::ui::ChannelPolicyDialog;
using automv::ui::DatabaseSession;
using automv::ui::ProcessorPage;

class TestChannelPolicy : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction());
        auto conn = m_db->connect();
        conn.exec("create extension pg_relay");
        conn.exec("select pgrelay.create_channel('ops.alerts', 'select 1')");
        conn.exec("select pgrelay.create_channel('billing.charge', 'select 1', p_on_failure => 'ops.alerts')");
        m_session = std::make_unique<DatabaseSession>();
        m_session->open(QString::fromStdString(m_db->conninfo()));
        m_page = std::make_unique<ProcessorPage>();
        m_page->show();
        m_page->setConnection(QString::fromStdString(m_db->conninfo()), m_session.get());
    }
    void cleanup() {
        m_page.reset();
        m_session.reset();
        m_db.reset();
    }

    void editsRetryPolicyAndAlerts() {
        ChannelPolicyDialog *dialog = open("billing.charge");
        QVERIFY(dialog);
        // It shows what the server has.
        QCOMPARE(dialog->findChild<QSpinBox *>("maxAttempts")->value(), 4);
        QCOMPARE(dialog->findChild<QLineEdit *>("retryOn")->text(), QString("40"));
        QCOMPARE(dialog->findChild<QComboBox *>("onFailure")->currentData().toString(), QString("ops.alerts"));
        dialog->findChild<QSpinBox *>("maxAttempts")->setValue(10);
        dialog->findChild<QLineEdit *>("retryOn")->setText("40, 55p03");
        dialog->findChild<QDoubleSpinBox *>("retryBase")->setValue(1);
        dialog->findChild<QDoubleSpinBox *>("retryCap")->setValue(300);
        dialog->findChild<QDoubleSpinBox *>("retryJitter")->setValue(0.2);
        dialog->findChild<QCheckBox *>("alertPayload")->setChecked(true);
        QVERIFY2(dialog->previewText().contains("p_retry_on => '{40,55P03}'"), qPrintable(dialog->previewText()));
        // For the docs: AUTOMV_SCREENSHOT_DIR=docs/screenshots ctest -R ui.channelpolicy
        if (const QString dir = qEnvironmentVariable("AUTOMV_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + "/channel-policy-dialog.png"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->policyDialog(), 10000);   // closed on the server's yes
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select concat_ws(' ', max_attempts, retry_on, extract(epoch from retry_base),"
                              " retry_factor, extract(epoch from retry_cap), retry_jitter, on_failure, alert_payload)"
                              " from pgrelay.channel where name = 'billing.charge'"),
                 std::string("10 {40,55P03} 1.000000 2 300.000000 0.2 ops.alerts t"));
        // And the table shows it.
        QTRY_VERIFY_WITH_TIMEOUT(cell("billing.charge", 9) == "10", 5000);
        QCOMPARE(cell("billing.charge", 10), QString("40, 55P03"));
        QCOMPARE(cell("billing.charge", 11), QString("ops.alerts"));

        // Alerts off again.
        dialog = open("billing.charge");
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>("onFailure")->setCurrentIndex(0);
        QVERIFY(dialog->previewText().contains("p_no_on_failure => true"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->policyDialog(), 10000);
        QCOMPARE(scalar(conn, "select coalesce(on_failure, '-') from pgrelay.channel where name = 'billing.charge'"),
                 std::string("-"));
    }

    void badInputIsRefusedAndNothingRuns() {
        ChannelPolicyDialog *dialog = open("billing.charge");
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>("retryOn")->setText("40, deadlock");
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->message(),
                 QString("\"DEADLOCK\" is not a SQLSTATE (five characters, e.g. 55P03) or a class of them (two, e.g. 40)."));
        dialog->findChild<QLineEdit *>("retryOn")->setText("40");
        dialog->findChild<QSpinBox *>("maxAttempts")->setValue(0);
        dialog->accept();
        QCOMPARE(dialog->message(), QString("Runs in all are 1 (never retry) to 1000."));
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select max_attempts from pgrelay.channel where name = 'billing.charge'"), std::string("4"));
    }

    void theServersRefusalIsShownAndEditsKept() {
        // ops.alerts may not alert billing.charge: billing.charge alerts ops.alerts already.
        ChannelPolicyDialog *dialog = open("ops.alerts");
        QVERIFY(dialog);
        auto *target = dialog->findChild<QComboBox *>("onFailure");
        target->setCurrentIndex(target->findData("billing.charge"));
        dialog->findChild<QSpinBox *>("maxAttempts")->setValue(7);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().startsWith("The server refused this; nothing was changed:"), 10000);
        QVERIFY2(dialog->message().contains("they would come back to it"), qPrintable(dialog->message()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QSpinBox *>("maxAttempts")->value(), 7);
        auto conn = m_db->connect();
        QCOMPARE(scalar(conn, "select max_attempts || coalesce(on_failure, '-') from pgrelay.channel where name = 'ops.alerts'"),
                 std::string("4-"));
        dialog->reject();
    }

private:
    QString cell(const QString &channel, int column) const {
        auto *table = m_page->channelsTable();
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0) && table->item(r, 0)->text() == channel && table->item(r, column))
                return table->item(r, column)->text();
        return {};
    }
    /// Selects the channel's row and presses "Retries and alerts…"; the dialog, once open.
    ChannelPolicyDialog *open(const QString &channel) {
        auto *table = m_page->channelsTable();
        if (!QTest::qWaitFor([&] { return !cell(channel, 0).isEmpty(); }, 10000))
            return nullptr;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == channel)
                table->selectRow(r);
        auto *button = m_page->findChild<QPushButton *>("editChannel");
        if (!button || !button->isEnabled())
            return nullptr;
        button->click();
        if (!QTest::qWaitFor([&] { return m_page->policyDialog() != nullptr; }, 10000))
            return nullptr;
        return m_page->policyDialog();
    }

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<DatabaseSession> m_session;
    std::unique_ptr<ProcessorPage> m_page;
};

QTEST_MAIN(TestChannelPolicy)
#include "tst_channelpolicy.moc"
