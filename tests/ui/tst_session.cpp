// A DatabaseSession against the harness's server: queries run on its worker thread; when the
// server terminates its backend the session says the connection was lost, reconnects by
// itself, and queries work again without a restart.
#include "ui/session/DatabaseSession.h"
#include "tests/harness/TestCluster.h"
#include "core/pg/ConnInfo.h"

#include <QCoreApplication>

#include <QSignalSpy>
#include <QTest>

using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::QueryResult;

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void reconnectsAfterTheBackendIsTerminated() {
        ScratchDatabase db("session_reconnect");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        QSignalSpy finished(&session, &DatabaseSession::queryFinished);
        QSignalSpy failed(&session, &DatabaseSession::queryFailed);
        QSignalSpy lost(&session, &DatabaseSession::connectionLost);
        QSignalSpy reconnected(&session, &DatabaseSession::reconnected);
        session.open(QString::fromStdString(db.conninfo()));
        QVERIFY(connected.wait(10000));

        session.query("pid", "select pg_backend_pid()");
        QVERIFY(finished.wait(10000));
        const QString pid = finished.takeFirst().at(1).value<QueryResult>().rows.value(0).value(0).toString();
        auto admin = db.connect();
        admin.exec("select pg_terminate_backend($1::int)", {pid.toStdString()});

        session.query("after", "select 1");
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 10000);
        QCOMPARE(failed.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 15000);

        session.query("again", "select $1::int + 1", {41});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toString(), QString("again"));
        QCOMPARE(finished.last().at(1).value<QueryResult>().rows.value(0).value(0).toString(), QString("42"));
    }

    // A server error reaches the pages with its DETAIL, HINT and SQLSTATE (they were dropped:
    // the extensions' hints say what to do), and so does a pg_relay refusal.
    void errorsCarryDetailHintAndSqlstate() {
        ScratchDatabase db("session_errors");
        db.connect().exec("create extension pg_relay");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        QSignalSpy failed(&session, &DatabaseSession::queryFailed);
        session.open(QString::fromStdString(db.conninfo()));
        QVERIFY(connected.wait(10000));
        session.query("raise", "do $$ begin raise exception 'the what' using detail = 'the which', "
                               "hint = 'the what to do', errcode = '22023'; end $$");
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.last().at(0).toString(), QString("raise"));
        QCOMPARE(failed.last().at(1).toString(),
                 QString("the what\nDetail: the which\nHint: the what to do\nSQLSTATE 22023"));
        session.query("relay", "select pgrelay.notify($1)", {QString("no.such.channel")});
        QVERIFY(failed.wait(10000));
        const QString relay = failed.last().at(1).toString();
        QVERIFY2(relay.contains("no.such.channel") && relay.contains("\nHint: ") && relay.contains("\nSQLSTATE "),
                 qPrintable(relay));
    }

    // A login without pg_read_all_settings connects over the Unix socket, and the description
    // names the socket's directory (it used to fail: the connect query read
    // unix_socket_directories, a setting only such roles may read).
    void aNonSuperuserConnectsOverTheUnixSocket() {
        ScratchDatabase db("session_nonsuper");
        const std::string role = "t_console_login_" + std::to_string(QCoreApplication::applicationPid());
        auto admin = db.connect();
        admin.exec("create role " + admin.quoteIdentifier(role) + " login");
        struct DropRole {
            automv::pg::PgConnection &conn;
            std::string role;
            ~DropRole() {
                try { conn.exec("drop role if exists " + conn.quoteIdentifier(role)); } catch (...) {}
            }
        } dropRole{admin, role};
        auto params = automv::test::TestCluster::instance().params(db.name());
        std::string socketDir;
        for (auto &[key, value] : params) {
            if (key == "user")
                value = role;
            if (key == "host")
                socketDir = value;
        }
        QVERIFY2(!socketDir.empty() && socketDir.front() == '/', "the harness connects over a Unix socket");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        QSignalSpy failed(&session, &DatabaseSession::connectionFailed);
        session.open(QString::fromStdString(automv::pg::toConninfo(params)));
        QTRY_VERIFY_WITH_TIMEOUT(connected.size() + failed.size() > 0, 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        const QString description = connected.first().at(0).toString();
        QVERIFY2(description.startsWith(QString::fromStdString(role + "@" + socketDir + ":")), qPrintable(description));
    }

    // The user's Cancel (Ctrl+.) stops what the user started and never a page's poll: with a
    // poll running it sends nothing and the poll ends normally; an action running is cancelled;
    // an action still queued behind a poll is skipped. (It cancelled whatever ran, usually a
    // page's poll, and the user's statement carried on.)
    void cancelStopsTheUsersActionNotAPoll() {
        ScratchDatabase db("session_cancel_action");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        QSignalSpy finished(&session, &DatabaseSession::queryFinished);
        QSignalSpy failed(&session, &DatabaseSession::queryFailed);
        session.open(QString::fromStdString(db.conninfo()));
        QVERIFY(connected.wait(10000));
        auto admin = db.connect();
        const auto sleeping = [&] {
            return std::string(admin.exec("select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                                          " and datname = current_database()").value(0, 0)) == "1";
        };
        const auto tagsOf = [](const QSignalSpy &spy) {
            QStringList tags;
            for (const auto &args : spy)
                tags << args.at(0).toString();
            return tags;
        };

        session.query("poll", "select pg_sleep(1)");
        session.action("queued", "create table public.never (id int)");
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
        QCOMPARE(session.cancelAction(), DatabaseSession::CancelOutcome::Skipped);
        QTRY_VERIFY_WITH_TIMEOUT(tagsOf(finished).contains("poll") && tagsOf(failed).contains("queued"), 10000);
        QVERIFY2(failed.last().at(1).toString().startsWith("Cancelled before it started"), qPrintable(failed.last().at(1).toString()));
        QCOMPARE(std::string(admin.exec("select to_regclass('public.never') is null").value(0, 0)), std::string("t"));

        session.query("poll2", "select pg_sleep(1)");
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
        QCOMPARE(session.cancelAction(), DatabaseSession::CancelOutcome::Nothing);
        QTRY_VERIFY_WITH_TIMEOUT(tagsOf(finished).contains("poll2"), 10000);   // not cancelled

        session.action("mine", "select pg_sleep(60)");
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
        QCOMPARE(session.cancelAction(), DatabaseSession::CancelOutcome::Sent);
        QTRY_VERIFY_WITH_TIMEOUT(tagsOf(failed).contains("mine"), 5000);   // not 60 s
        QVERIFY2(failed.last().at(1).toString().contains("canceling statement due to user request"),
                 qPrintable(failed.last().at(1).toString()));
        session.action("after", "select 8");   // a later action is not affected
        QTRY_VERIFY_WITH_TIMEOUT(tagsOf(finished).contains("after"), 10000);
    }

    void aRunningStatementCanBeCancelled() {
        ScratchDatabase db("session_cancel");
        DatabaseSession session;
        QSignalSpy connected(&session, &DatabaseSession::connected);
        QSignalSpy finished(&session, &DatabaseSession::queryFinished);
        QSignalSpy failed(&session, &DatabaseSession::queryFailed);
        QSignalSpy lost(&session, &DatabaseSession::connectionLost);
        session.open(QString::fromStdString(db.conninfo()));
        QVERIFY(connected.wait(10000));
        session.query("slow", "select pg_sleep(60)");
        auto admin = db.connect();
        QTRY_COMPARE_WITH_TIMEOUT(std::string(admin.exec("select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                                                         " and datname = current_database()").value(0, 0)),
                                  std::string("1"), 10000);
        session.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);   // not 60 s
        QVERIFY2(failed.at(0).at(1).toString().contains("canceling statement due to user request"),
                 qPrintable(failed.at(0).at(1).toString()));
        session.query("next", "select 7");
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).value<QueryResult>().rows.value(0).value(0).toString(), QString("7"));
        QCOMPARE(lost.size(), 0);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
