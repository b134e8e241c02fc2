// Quoting of conninfo values: no server needed, every odd character covered.
#include "core/pg/ConnInfo.h"

#include <QTest>

using automv::pg::conninfoForLog;
using automv::pg::quoteConninfoValue;
using automv::pg::toConninfo;

class TestConnInfo : public QObject {
    Q_OBJECT
private slots:
    void plainValueIsSingleQuoted() { QCOMPARE(quoteConninfoValue("sales"), std::string("'sales'")); }

    void quotesAndBackslashesAreEscaped() {
        QCOMPARE(quoteConninfoValue(R"(o'brien\db)"), std::string(R"('o\'brien\\db')"));
    }

    void spacesAndEqualsStayInsideTheValue() {
        QCOMPARE(quoteConninfoValue("a b=c"), std::string("'a b=c'"));
    }

    void emptyValuesAreLeftOut() {
        QCOMPARE(toConninfo({{"host", "h"}, {"password", ""}, {"dbname", "d b"}}),
                 std::string("host='h' dbname='d b'"));
    }

    // What a processor serving several databases writes into its log lines.
    void aConninfoForTheLogNeverHoldsItsPassword() {
        QCOMPARE(conninfoForLog("host=db dbname=sales"), std::string("host=db dbname=sales"));   // as given
        const std::string kv = conninfoForLog("host=db dbname=sales password=s3cret");
        QVERIFY2(kv.find("s3cret") == std::string::npos && kv.find("dbname='sales'") != std::string::npos, kv.c_str());
        const std::string uri = conninfoForLog("postgresql://app:s3cret@db:5433/sales");
        QVERIFY2(uri.find("s3cret") == std::string::npos && uri.find("port='5433'") != std::string::npos, uri.c_str());
        QCOMPARE(conninfoForLog("host='unterminated"), std::string("(unparsable connection string)"));
    }
};

QTEST_APPLESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
