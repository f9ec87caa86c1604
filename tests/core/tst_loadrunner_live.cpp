// The load mode's runner against a real Centrifugo: every connection held, every publication delivered to every
// subscriber of its channel, in JSON and Protobuf, with the connections in one worker thread or spread over several;
// the server's pings answered; errors counted by kind; and the percentile arithmetic. Publishing through the server API
// and through a connection of the run's own (publish commands), whose refused publications are counted by code.
#include "centrifugoserver.h"
#include "loadrunner.h"

#include <QSignalSpy>
#include <QtTest>

class TestLoadRunnerLive : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;

    static LoadRunner::Options optionsFor(const CentrifugoServer &server)
    {
        LoadRunner::Options o;
        o.url = server.webSocketUrl();
        o.apiUrl = server.httpUrl().toString();
        o.apiKey = server.apiKey();
        return o;
    }

    // A run against `server` in `format`: `connections` connections over `channels` channels, `publishRate`
    // publications a second for `durationSec` seconds.
    static LoadRunner::Options optionsFor(const CentrifugoServer &server, Protocol::Format format, int connections,
                                          int channels, double publishRate, double durationSec)
    {
        LoadRunner::Options o = optionsFor(server);
        o.format = format;
        o.connections = connections;
        o.channels = channels;
        o.publishRate = publishRate;
        o.durationSec = durationSec;
        return o;
    }

    // Starts `server` with these settings over the test configuration (as environment overrides).
    static bool start(CentrifugoServer *server, const QList<std::pair<QString, QString>> &settings)
    {
        for (const auto &[name, value] : settings)
            server->setEnvironmentOverride(name, value);
        return server->start();
    }

    // Runs a load to its end; false when it never ends.
    static bool runLoad(const LoadRunner::Options &o, LoadReport *report)
    {
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        runner.start(o);
        if (!finished.wait(60000))
            return false;
        *report = runner.report();
        return true;
    }

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
        QTest::addColumn<int>("connections");
        QTest::addColumn<LoadRunner::PublishVia>("via");
        const auto api = LoadRunner::PublishVia::Api;
        const auto client = LoadRunner::PublishVia::Client;
        QTest::newRow("json") << Protocol::Format::Json << 60 << api;
        QTest::newRow("protobuf") << Protocol::Format::Protobuf << 60 << api;
        // Enough connections for several worker threads (one per 100 connections, a channel's in one).
        QTest::newRow("json, several threads") << Protocol::Format::Json << 360 << api;
        QTest::newRow("protobuf, several threads") << Protocol::Format::Protobuf << 360 << api;
        // The test server lets anonymous clients publish without a namespace: one more connection of the run
        // publishes, and it is neither held nor a subscriber (the API is not used: no URL).
        QTest::newRow("json, via client") << Protocol::Format::Json << 60 << client;
        QTest::newRow("protobuf, via client") << Protocol::Format::Protobuf << 60 << client;
        QTest::newRow("protobuf, several threads, via client") << Protocol::Format::Protobuf << 360 << client;
    }
    void everyDeliveryArrives()
    {
        QFETCH(Protocol::Format, format);
        QFETCH(int, connections);
        QFETCH(LoadRunner::PublishVia, via);
        LoadRunner::Options o = optionsFor(m_server, format, connections, 6, 30, 1);
        o.publishVia = via;
        if (via == LoadRunner::PublishVia::Client)
            o.apiUrl.clear();
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.text()));
        QCOMPARE(r.connectionsHeld, connections);
        QCOMPARE(r.published, 30);                             // the rate times the duration, however busy the machine
        QCOMPARE(r.expected, r.published * (connections / 6)); // as many subscribers on each channel
        QCOMPARE(r.delivered, r.expected);
        QCOMPARE(r.lost(), 0);
        const QJsonObject j = r.toJson();
        const QJsonObject l = j.value(QLatin1String("latency_ms")).toObject();
        QVERIFY(l.value(QLatin1String("p50")).toDouble() > 0);
        QVERIFY(l.value(QLatin1String("p50")).toDouble() <= l.value(QLatin1String("p90")).toDouble());
        QVERIFY(l.value(QLatin1String("p90")).toDouble() <= l.value(QLatin1String("p99")).toDouble());
        QVERIFY(l.value(QLatin1String("p99")).toDouble() <= l.value(QLatin1String("max")).toDouble());
        QCOMPARE(j.value(QLatin1String("format")).toString(), QLatin1String(Protocol::formatName(format)));
        QCOMPARE(j.value(QLatin1String("publish_via")).toString(),
                 via == LoadRunner::PublishVia::Client ? QLatin1String("client") : QLatin1String("api"));
        QVERIFY(j.value(QLatin1String("cpu_s")).toDouble() > 0);
    }

    void refusedClientPublicationsAreCountedByCode_data()
    {
        QTest::addColumn<Protocol::Format>("format");
        QTest::newRow("json") << Protocol::Format::Json;
        QTest::newRow("protobuf") << Protocol::Format::Protobuf;
    }
    void refusedClientPublicationsAreCountedByCode()
    {
        // A server that does not let clients publish answers each publish with error 103 (permission denied).
        QFETCH(Protocol::Format, format);
        CentrifugoServer server;
        QVERIFY2(start(&server, {{QStringLiteral("channel.without_namespace.allow_publish_for_client"),
                                  QStringLiteral("false")}}),
                 qPrintable(server.errorString()));
        LoadRunner::Options o = optionsFor(server, format, 4, 2, 20, 0.5);
        o.publishVia = LoadRunner::PublishVia::Client;
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QCOMPARE(r.connectionsHeld, 4);
        QCOMPARE(r.published, 10);
        QCOMPARE(r.delivered, 0);
        QCOMPARE(r.lost(), r.expected);
        QCOMPARE(r.errors.value(QStringLiteral("publish 103")), 10);
        QCOMPARE(r.errors.size(), 1);
    }

    void serverPingsAreAnswered_data()
    {
        QTest::addColumn<Protocol::Format>("format");
        QTest::addColumn<LoadRunner::PublishVia>("via");
        QTest::newRow("json") << Protocol::Format::Json << LoadRunner::PublishVia::Api;
        QTest::newRow("protobuf") << Protocol::Format::Protobuf << LoadRunner::PublishVia::Api;
        // The publisher connection answers them too (else "publisher close 3012").
        QTest::newRow("json, via client") << Protocol::Format::Json << LoadRunner::PublishVia::Client;
        QTest::newRow("protobuf, via client") << Protocol::Format::Protobuf << LoadRunner::PublishVia::Client;
    }
    void serverPingsAreAnswered()
    {
        // A server that pings every second and closes (3012, no pong) a connection that does not answer in time.
        QFETCH(Protocol::Format, format);
        QFETCH(LoadRunner::PublishVia, via);
        CentrifugoServer server;
        QVERIFY2(start(&server, {{QStringLiteral("client.ping_interval"), QStringLiteral("1s")},
                                 {QStringLiteral("client.pong_timeout"), QStringLiteral("500ms")}}),
                 qPrintable(server.errorString()));
        LoadRunner::Options o = optionsFor(server, format, 10, 2, 10, 3.5); // three pings and more
        o.publishVia = via;
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.text()));
        QCOMPARE(r.connectionsHeld, 10);
        QCOMPARE(r.delivered, r.expected);
        QCOMPARE(r.published, 35);
        QCOMPARE(r.delivered, r.published * 5);
    }

    void refusedConnectionsAreCountedByKind()
    {
        // Nothing listens where the connections go: each fails with the socket's error, by name.
        LoadRunner::Options o = optionsFor(m_server);
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:1/connection/websocket"));
        o.connections = 7;
        o.channels = 1;
        o.durationSec = 0.2;
        o.subscribeTimeoutMs = 500;
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QCOMPARE(r.connectionsHeld, 0);
        QCOMPARE(r.errors.value(QStringLiteral("socket ECONNREFUSED")), 7);
        QCOMPARE(r.expected, 0);
    }

    void unknownHostIsCounted()
    {
        // A name that never resolves (RFC 6761's .invalid): no connection is tried, and the report says why.
        LoadRunner::Options o = optionsFor(m_server);
        o.url = QUrl(QStringLiteral("ws://load.invalid:8000/connection/websocket"));
        o.connections = 4;
        o.channels = 1;
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QCOMPARE(r.connectionsHeld, 0);
        QCOMPARE(r.errors.value(QStringLiteral("host not found")), 4);
        QCOMPARE(r.published, 0);
    }

    void apiFailuresAreCountedByKind()
    {
        // Nothing listens on the API: every publication fails, and says how.
        LoadRunner::Options o = optionsFor(m_server, Protocol::Format::Json, 5, 1, 10, 0.5);
        o.apiUrl = QStringLiteral("http://127.0.0.1:1");
        o.apiKey.clear();
        LoadReport r;
        QVERIFY(runLoad(o, &r));
        QCOMPARE(r.connectionsHeld, 5);
        QCOMPARE(r.delivered, 0);
        QCOMPARE(r.lost(), r.expected);
        QVERIFY2(r.errors.value(QStringLiteral("api unreachable")) > 0, qPrintable(r.text()));
    }
};

QTEST_GUILESS_MAIN(TestLoadRunnerLive)
#include "tst_loadrunner_live.moc"
