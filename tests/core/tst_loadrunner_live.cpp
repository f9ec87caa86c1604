// The load mode's runner against a real Centrifugo: every connection held, every publication delivered to every
// subscriber of its channel, in JSON and Protobuf; and the percentile arithmetic.
#include "centrifugoserver.h"
#include "loadrunner.h"

#include <QSignalSpy>
#include <QtTest>

class TestLoadRunnerLive : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void cleanupTestCase() { m_server.stop(); }

    void percentiles()
    {
        std::vector<qint64> v;
        for (qint64 i = 1; i <= 200; ++i)
            v.push_back(i);
        QCOMPARE(LoadReport::percentile(v, 50), 100);
        QCOMPARE(LoadReport::percentile(v, 99), 198);
        QCOMPARE(LoadReport::percentile(v, 100), 200);
        QCOMPARE(LoadReport::percentile({7}, 90), 7);
        QCOMPARE(LoadReport::percentile({}, 50), -1);
    }

    void everyDeliveryArrives_data()
    {
        QTest::addColumn<Protocol::Format>("format");
        QTest::newRow("json") << Protocol::Format::Json;
        QTest::newRow("protobuf") << Protocol::Format::Protobuf;
    }
    void everyDeliveryArrives()
    {
        QFETCH(Protocol::Format, format);
        LoadRunner::Options o;
        o.url = m_server.webSocketUrl();
        o.apiUrl = m_server.httpUrl().toString();
        o.apiKey = m_server.apiKey();
        o.format = format;
        o.connections = 60;
        o.channels = 6;
        o.publishRate = 30;
        o.durationSec = 1;
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        runner.start(o);
        QVERIFY(finished.wait(60000));
        const LoadReport &r = runner.report();
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.text()));
        QCOMPARE(r.connectionsHeld, 60);
        QVERIFY(r.published > 0);
        QCOMPARE(r.expected, r.published * 10); // ten subscribers per channel
        QCOMPARE(r.delivered, r.expected);
        QCOMPARE(r.lost(), 0);
        const QJsonObject j = r.toJson();
        const QJsonObject l = j.value(QLatin1String("latency_ms")).toObject();
        QVERIFY(l.value(QLatin1String("p50")).toDouble() > 0);
        QVERIFY(l.value(QLatin1String("p50")).toDouble() <= l.value(QLatin1String("p90")).toDouble());
        QVERIFY(l.value(QLatin1String("p90")).toDouble() <= l.value(QLatin1String("p99")).toDouble());
        QVERIFY(l.value(QLatin1String("p99")).toDouble() <= l.value(QLatin1String("max")).toDouble());
        QCOMPARE(j.value(QLatin1String("format")).toString(), QLatin1String(Protocol::formatName(format)));
        QVERIFY(j.value(QLatin1String("cpu_s")).toDouble() > 0);
    }

    void apiFailuresAreCountedByKind()
    {
        // Nothing listens on the API: every publication fails, and says how.
        LoadRunner::Options o;
        o.url = m_server.webSocketUrl();
        o.apiUrl = QStringLiteral("http://127.0.0.1:1");
        o.connections = 5;
        o.channels = 1;
        o.publishRate = 10;
        o.durationSec = 0.5;
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        runner.start(o);
        QVERIFY(finished.wait(60000));
        QCOMPARE(runner.report().connectionsHeld, 5);
        QCOMPARE(runner.report().delivered, 0);
        QCOMPARE(runner.report().lost(), runner.report().expected);
        QVERIFY2(runner.report().errors.value(QStringLiteral("api unreachable")) > 0,
                 qPrintable(runner.report().text()));
    }
};

QTEST_GUILESS_MAIN(TestLoadRunnerLive)
#include "tst_loadrunner_live.moc"
