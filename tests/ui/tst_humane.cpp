// Durations and times as a DBA reads them (issue 19, item 10: the pages showed "6012.0" in a
// "Duration (ms)" column and "11:47:59.089055+00" timestamps in the server's zone).
#include "ui/common/Humane.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using automv::ui::humaneDuration;
using automv::ui::localTime;

class TestHumane : public QObject {
    Q_OBJECT
private slots:
    void durations_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0 ms";
        QTest::newRow("negative") << -3.0 << "0 ms";
        QTest::newRow("ms") << 0.0125 << "13 ms";
        QTest::newRow("6012 ms") << 6.012 << "6.0 s";
        QTest::newRow("seconds") << 42.4 << "42 s";
        QTest::newRow("minutes") << 192.0 << "3 min 12 s";
        QTest::newRow("hours") << 7500.0 << "2 h 05 min";
        QTest::newRow("days") << 3 * 86400.0 + 4 * 3600 + 59 << "3 d 4 h";
    }
    void durations() {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(humaneDuration(seconds), text);
    }

    void intervals() {
        QCOMPARE(automv::ui::humaneInterval(60), QString("1 min"));
        QCOMPARE(automv::ui::humaneInterval(5400), QString("1 h 30 min"));
        QCOMPARE(automv::ui::humaneInterval(2 * 86400 + 5), QString("2 d 5 s"));
        QCOMPARE(automv::ui::humaneInterval(0), QString("0 s"));
    }

    void localTimes() {
        qputenv("TZ", "Europe/Berlin");   // UTC+1 in December
        const qint64 ms = QDateTime(QDate(2026, 12, 4), QTime(11, 47, 59, 89), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(localTime(QString::number(ms)), QString("2026-12-04 12:47:59"));
        QCOMPARE(localTime(QVariant()), QString());
        QCOMPARE(localTime(QString("not a number")), QString("not a number"));
        qunsetenv("TZ");
    }
};

QTEST_GUILESS_MAIN(TestHumane)
#include "tst_humane.moc"
