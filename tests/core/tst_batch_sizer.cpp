// How many events a processor worker asks for next: no server needed.
#include "core/processor/BatchSizer.h"

#include <QTest>

using automv::processor::BatchSizer;
using namespace std::chrono_literals;

class TestBatchSizer : public QObject {
    Q_OBJECT
private slots:
    void startsAtFiftyAtMostTheMaximum() {
        QCOMPARE(BatchSizer(500, 200ms).next(), 50);
        QCOMPARE(BatchSizer(20, 200ms).next(), 20);
        QCOMPARE(BatchSizer(500, 200ms, 500).next(), 500);
    }

    void aSlowBatchShrinksTheNextToWhatFitsTheTarget() {
        BatchSizer sizer(500, 200ms, 500);
        sizer.record(500, 1000ms);  // 2 ms an event: 100 fit into 200 ms
        QCOMPARE(sizer.next(), 100);
        sizer.record(100, 5000ms);  // 50 ms an event: 4 fit
        QCOMPARE(sizer.next(), 4);
    }

    void neverBelowOne() {
        BatchSizer sizer(500, 200ms, 500);
        sizer.record(1, 60s);  // a refresh that took a minute
        QCOMPARE(sizer.next(), 1);
    }

    void aQuickBatchDoublesTheNextUpToTheMaximum() {
        BatchSizer sizer(500, 200ms, 500);
        sizer.record(1, 60s);
        int sizes[] = {2, 4, 8, 16, 32, 64, 128, 256, 500, 500};
        for (int expected : sizes) {
            sizer.record(sizer.next(), 1ms);
            QCOMPARE(sizer.next(), expected);
        }
    }

    void aBatchNearTheTargetKeepsTheSize() {
        BatchSizer sizer(500, 200ms, 500);
        sizer.record(500, 5000ms);
        QCOMPARE(sizer.next(), 20);
        sizer.record(20, 150ms);  // between half the target and the target
        QCOMPARE(sizer.next(), 20);
    }

    void anEmptyBatchChangesNothing() {
        BatchSizer sizer(500, 200ms, 500);
        sizer.record(500, 1000ms);
        sizer.record(0, 60s);
        QCOMPARE(sizer.next(), 100);
    }

    void aMaximumOfOneStaysOne() {
        BatchSizer sizer(1, 200ms);
        sizer.record(1, 1ms);
        QCOMPARE(sizer.next(), 1);
    }
};

QTEST_APPLESS_MAIN(TestBatchSizer)
#include "tst_batch_sizer.moc"
