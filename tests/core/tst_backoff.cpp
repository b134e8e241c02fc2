// The processor's retry delays: no server needed.
#include "core/processor/Backoff.h"

#include <QTest>

#include <vector>

using automv::processor::Backoff;
using namespace std::chrono_literals;

namespace {

std::vector<long long> take(Backoff &backoff, int count) {
    std::vector<long long> delays;
    for (int i = 0; i < count; ++i)
        delays.push_back(backoff.next().count());
    return delays;
}

} // namespace

class TestBackoff : public QObject {
    Q_OBJECT
private slots:
    void doublesFromTheFirstDelayUpToTheCap() {
        Backoff backoff(100ms, 10s);
        QCOMPARE(take(backoff, 10), (std::vector<long long>{100, 200, 400, 800, 1600, 3200, 6400,
                                                            10000, 10000, 10000}));
    }

    void resetStartsOverAtTheFirstDelay() {
        Backoff backoff(100ms, 10s);
        take(backoff, 4);
        backoff.reset();
        QCOMPARE(take(backoff, 3), (std::vector<long long>{100, 200, 400}));
    }

    void aCapThatIsNotAPowerOfTwoStepIsReachedExactly() {
        Backoff backoff(100ms, 250ms);
        QCOMPARE(take(backoff, 4), (std::vector<long long>{100, 200, 250, 250}));
    }

    void aHugeCapNeverOverflows() {
        Backoff backoff(1ms, std::chrono::milliseconds::max());
        for (int i = 0; i < 200; ++i)
            QVERIFY(backoff.next() > 0ms);
        QCOMPARE(backoff.next(), std::chrono::milliseconds::max());
    }

    void nonsenseBoundsStillGiveAPositiveDelay() {
        Backoff zero(0ms, 0ms);
        QCOMPARE(take(zero, 2), (std::vector<long long>{1, 1}));
        Backoff capBelowFirst(500ms, 100ms);
        QCOMPARE(take(capBelowFirst, 2), (std::vector<long long>{500, 500}));
    }

    void persistentFailuresForThreeSecondsCostAHandfulOfAttempts() {
        // What the processor's worker does: attempt, wait next(), attempt again.
        Backoff backoff(100ms, 10s);
        int attempts = 0;
        for (auto elapsed = 0ms; elapsed < 3s; elapsed += backoff.next())
            ++attempts;
        QCOMPARE(attempts, 5); // at 0, 0.1, 0.3, 0.7 and 1.5 s; the next would be at 3.1 s
    }
};

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
