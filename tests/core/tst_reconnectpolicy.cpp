#include "reconnectpolicy.h"

#include <QTest>

class TestReconnectPolicy : public QObject
{
    Q_OBJECT

private slots:
    void delays_data();
    void delays();
    void neverExceedsMaximum();
};

void TestReconnectPolicy::delays_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expected");
    // min 500 ms, max 20 s: min + random * min(max, min * 2^attempt), capped at max.
    QTest::newRow("first, no jitter") << 0 << 0.0 << 500;
    QTest::newRow("first, full jitter") << 0 << 0.999 << 999;
    QTest::newRow("third, half jitter") << 2 << 0.5 << 1500;
    QTest::newRow("sixth, full jitter") << 5 << 0.999 << 16484;
    QTest::newRow("capped") << 10 << 0.999 << 20000;
    QTest::newRow("huge attempt") << 1000 << 0.5 << 10500;
}

void TestReconnectPolicy::delays()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, expected);
    QCOMPARE(ReconnectPolicy().delayMs(attempt, random), expected);
}

void TestReconnectPolicy::neverExceedsMaximum()
{
    ReconnectPolicy p;
    p.minDelayMs = 100;
    p.maxDelayMs = 3000;
    for (int a = 0; a < 64; ++a) {
        for (double r : {0.0, 0.3, 0.999}) {
            const int d = p.delayMs(a, r);
            QVERIFY(d >= p.minDelayMs);
            QVERIFY(d <= p.maxDelayMs);
        }
    }
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
