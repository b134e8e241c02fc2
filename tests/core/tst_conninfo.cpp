// Quoting of conninfo values: no server needed, every odd character covered.
#include "core/pg/ConnInfo.h"

#include <QTest>

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
};

QTEST_APPLESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
