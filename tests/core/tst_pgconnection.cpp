// The libpq layer against the run's real server: connect, parameters, errors, quoting.
#include "core/pg/PgConnection.h"
#include "core/pg/PgError.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <memory>

using automv::pg::PgConnection;
using automv::pg::PgError;
using automv::test::ScratchDatabase;
using automv::test::TestCluster;

class TestPgConnection : public QObject {
    Q_OBJECT
private slots:
    void init() { m_db = std::make_unique<ScratchDatabase>(QTest::currentTestFunction()); }
    void cleanup() { m_db.reset(); }

    void connectsAndReadsServerVersionNum() {
        auto conn = m_db->connect();
        const auto result = conn.exec("select current_setting('server_version_num')::int");
        const int versionNum = std::stoi(std::string(result.value(0, 0)));
        QVERIFY2(versionNum >= 150000, "the suite supports PostgreSQL 15 and later");
        QCOMPARE(versionNum, conn.serverVersion());
        QCOMPARE(conn.database(), m_db->name());
    }

    void connectsThroughAConninfoString() {
        auto conn = PgConnection::connect(m_db->conninfo());
        QCOMPARE(std::string(conn.exec("select current_database()").value(0, 0)), m_db->name());
    }

    void parametersAreNeverSplicedIntoSql() {
        auto conn = m_db->connect();
        const std::string hostile = "x'); drop database postgres; --";
        const auto result = conn.exec("select $1::text, $2::text is null", {hostile, std::nullopt});
        QCOMPARE(std::string(result.value(0, 0)), hostile);
        QCOMPARE(std::string(result.value(0, 1)), std::string("t"));
    }

    void serverErrorCarriesSqlState() {
        auto conn = m_db->connect();
        try {
            conn.exec("select 1 / 0");
            QFAIL("division by zero must throw");
        } catch (const PgError &error) {
            QCOMPARE(error.sqlState(), std::string("22012"));
            QVERIFY(std::string(error.what()).find("division by zero") != std::string::npos);
        }
        // The connection stays usable after an error.
        QCOMPARE(std::string(conn.exec("select 1").value(0, 0)), std::string("1"));
    }

    void oddIdentifiersRoundTripThroughQuoting() {
        auto conn = m_db->connect();
        const std::string name = "Odd \"name\"; drop table x; -- ü select";
        conn.exec("create table " + conn.quoteIdentifier(name) + " (id int)");
        const auto result =
            conn.exec("select count(*) from pg_class where relname = $1", {name});
        QCOMPARE(std::string(result.value(0, 0)), std::string("1"));
    }

    // Each test's scratch database starts empty, whatever another one holds (this used to rely
    // on the previous test's table, so it depended on the order the tests ran in).
    void aScratchDatabaseStartsEmpty() {
        m_db->connect().exec("create table public.only_here (id int)");
        ScratchDatabase other(std::string(QTest::currentTestFunction()) + "_other");
        auto conn = other.connect();
        const auto result = conn.exec(
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            " where n.nspname = 'public'");
        QCOMPARE(std::string(result.value(0, 0)), std::string("0"));
    }

    void unreachableServerGivesClearError() {
        auto params = TestCluster::instance().params("postgres");
        for (auto &[key, value] : params)
            if (key == "host")
                value = "/nonexistent-socket-dir";
        try {
            PgConnection::connect(params);
            QFAIL("connecting to a missing socket must throw");
        } catch (const PgError &error) {
            QCOMPARE(error.sqlState(), std::string("08001"));
            QVERIFY(std::string(error.what()).find("could not connect") != std::string::npos);
        }
    }

private:
    std::unique_ptr<ScratchDatabase> m_db;
};

QTEST_APPLESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
