// The local demo end to end: a private cluster is created and started (as `postgres` when the
// tests run as root), the demo database gets both extensions from the bundled SQL and the demo
// schema, registered and chained; a second start reuses the cluster; stop() shuts it down.
#include "core/pg/PgConnection.h"
#include "ui/demo/LocalDemo.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using automv::ui::LocalDemo;

class TestLocalDemo : public QObject {
    Q_OBJECT
private slots:
    void startsLoadsAndStops() {
        QTemporaryDir dir;
        QString conninfo;
        {
            LocalDemo demo(dir.path());
            QSignalSpy ready(&demo, &LocalDemo::ready);
            QSignalSpy failed(&demo, &LocalDemo::failed);
            demo.start();
            QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, 120000);
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
            conninfo = ready.at(0).at(0).toString();
            auto conn = automv::pg::PgConnection::connect(conninfo.toStdString());
            QCOMPARE(std::string(conn.exec("select string_agg(mv_name, ',' order by id) from pgauto_mv.mv").value(0, 0)),
                     std::string("daily_revenue,weekly_revenue,month_to_date"));
            QCOMPARE(std::string(conn.exec("select count(*) from pgauto_mv.chain").value(0, 0)), std::string("2"));
            QCOMPARE(std::string(conn.exec("select count(*) from public.orders").value(0, 0)), std::string("5000"));
        }   // the destructor stops the cluster
        QVERIFY_THROWS_EXCEPTION(std::exception, automv::pg::PgConnection::connect(conninfo.toStdString()));

        LocalDemo again(dir.path());   // reuses the cluster and the loaded database
        QSignalSpy ready(&again, &LocalDemo::ready);
        QSignalSpy progress(&again, &LocalDemo::progress);
        again.start();
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() == 1, 120000);
        for (const auto &message : progress)
            QVERIFY(!message.value(0).toString().startsWith("Creating"));
        again.stop();
        QVERIFY(!again.isRunning());
    }

    // No server programs where the DBA pointed: a message that says where and what to do, and
    // nothing created.
    void missingServerProgramsAreExplained() {
        QTemporaryDir dir;
        QTemporaryDir emptyBin;
        qputenv("PG_BINDIR", emptyBin.path().toUtf8());
        LocalDemo demo(dir.path() + "/demo");
        QSignalSpy ready(&demo, &LocalDemo::ready);
        QSignalSpy failed(&demo, &LocalDemo::failed);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 30000);
        qunsetenv("PG_BINDIR");
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(emptyBin.path()) && message.contains("initdb"), qPrintable(message));
        QVERIFY(ready.isEmpty());
        QVERIFY(!demo.isRunning());
        QVERIFY(!QFileInfo::exists(dir.path() + "/demo/data"));
    }
};

QTEST_MAIN(TestLocalDemo)
#include "tst_localdemo.moc"
