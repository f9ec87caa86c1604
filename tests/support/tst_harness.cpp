// Self-test of the test harness: a real Centrifugo, its HTTP API, settings overrides and the official JS SDK.
#include "centrifugoserver.h"
#include "nodescript.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace {

QString uniqueChannel(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class TestHarness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void healthEndpointAnswers();
    void reportsPinnedVersion();
    void apiPublishReturnsResult();
    void apiReportsServerErrors();
    void sdkSubscriberReceivesApiPublications();
    void sdkPublisherReachesSdkSubscriber();
    void environmentOverridesReachServer();
    void startFailsWithServerLog();
    void stopEndsServer();
    void cleanupTestCase();

private:
    CentrifugoServer m_server;
};

void TestHarness::initTestCase()
{
    QVERIFY2(!CentrifugoServer::findBinary().isEmpty(), "centrifugo not found: run scripts/install-deps.sh");
    QVERIFY2(!NodeScript::nodeExecutable().isEmpty(), "node not found on PATH");
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.isRunning());
    QVERIFY(m_server.port() != 0);
    QCOMPARE(m_server.webSocketUrl().toString(),
             QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(m_server.port()));
    QCOMPARE(m_server.apiKey(), QStringLiteral("test-api-key"));
}

void TestHarness::healthEndpointAnswers()
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QUrl url = m_server.httpUrl();
    url.setPath(QStringLiteral("/health"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(reply->isFinished(), "no answer from /health within 5 s");
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
}

void TestHarness::reportsPinnedVersion()
{
    const QString pinned = CentrifugoServer::pinnedVersion();
    QVERIFY2(!pinned.isEmpty(), "CENTRIFUGO_VERSION missing from scripts/versions.env");
    const QString version = m_server.version();
    qInfo().noquote() << "centrifugo version:" << version << "pinned:" << pinned << "binary:" << m_server.binaryPath();
    QVERIFY2(version == pinned, qPrintable(QStringLiteral("%1 reports %2, scripts/versions.env pins %3: run "
                                                          "scripts/install-deps.sh")
                                               .arg(m_server.binaryPath(), version, pinned)));
}

void TestHarness::apiPublishReturnsResult()
{
    const QString channel = uniqueChannel(QStringLiteral("chat:harness-"));
    const QJsonObject first = m_server.publish(channel, QJsonObject{{QStringLiteral("n"), 1}});
    QVERIFY2(first.contains(QStringLiteral("result")), qPrintable(compact(first)));
    const QJsonObject result = first.value(QStringLiteral("result")).toObject();
    // The chat namespace keeps history, so every publication gets an offset within an epoch.
    QCOMPARE(result.value(QStringLiteral("offset")).toInteger(), 1);
    QVERIFY(!result.value(QStringLiteral("epoch")).toString().isEmpty());

    const QJsonObject second = m_server.publish(channel, QJsonObject{{QStringLiteral("n"), 2}});
    QCOMPARE(second.value(QStringLiteral("result")).toObject().value(QStringLiteral("offset")).toInteger(), 2);

    const QJsonObject history = m_server.apiCall(QStringLiteral("history"),
                                                 {{QStringLiteral("channel"), channel}, {QStringLiteral("limit"), 10}});
    const QJsonArray publications =
        history.value(QStringLiteral("result")).toObject().value(QStringLiteral("publications")).toArray();
    QVERIFY2(publications.size() == 2, qPrintable(compact(history)));
    QCOMPARE(publications.at(1).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(),
             2);
}

void TestHarness::apiReportsServerErrors()
{
    const QJsonObject reply = m_server.publish(QStringLiteral("nosuchnamespace:x"), QJsonObject{});
    QVERIFY2(reply.contains(QStringLiteral("error")), qPrintable(compact(reply)));
    QCOMPARE(reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), 102);
}

void TestHarness::sdkSubscriberReceivesApiPublications()
{
    const QString channel = uniqueChannel(QStringLiteral("chat:sdk-"));
    NodeScript subscriber;
    QVERIFY2(subscriber.start(QStringLiteral("sdk-subscriber.js"),
                              {m_server.webSocketUrl().toString(), channel, QStringLiteral("2")}),
             qPrintable(subscriber.failureContext()));
    QVERIFY2(subscriber.waitForLine(QStringLiteral("subscribed")), qPrintable(subscriber.failureContext()));

    for (int n = 1; n <= 2; ++n) {
        const QJsonObject reply = m_server.publish(
            channel, QJsonObject{{QStringLiteral("text"), QStringLiteral("hello")}, {QStringLiteral("n"), n}});
        QVERIFY2(reply.contains(QStringLiteral("result")), qPrintable(compact(reply)));
    }
    for (int n = 1; n <= 2; ++n) {
        const auto line = subscriber.waitForLine(QStringLiteral("publication"));
        QVERIFY2(line, qPrintable(subscriber.failureContext()));
        const QJsonObject data = line->value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("n")).toInt(), n);
        QCOMPARE(data.value(QStringLiteral("text")).toString(), QStringLiteral("hello"));
        QCOMPARE(line->value(QStringLiteral("channel")).toString(), channel);
        QCOMPARE(line->value(QStringLiteral("offset")).toInteger(), n);
    }
    QVERIFY2(subscriber.waitForFinished(), qPrintable(subscriber.failureContext()));
    QVERIFY2(subscriber.exitCode() == 0, qPrintable(subscriber.failureContext()));
}

void TestHarness::sdkPublisherReachesSdkSubscriber()
{
    const QString channel = uniqueChannel(QStringLiteral("sdk-"));
    NodeScript subscriber;
    QVERIFY2(subscriber.start(QStringLiteral("sdk-subscriber.js"),
                              {m_server.webSocketUrl().toString(), channel, QStringLiteral("1")}),
             qPrintable(subscriber.failureContext()));
    QVERIFY2(subscriber.waitForLine(QStringLiteral("subscribed")), qPrintable(subscriber.failureContext()));

    NodeScript publisher;
    QVERIFY2(publisher.start(QStringLiteral("sdk-publisher.js"),
                             {m_server.webSocketUrl().toString(), channel, QStringLiteral("{\"from\":\"sdk\"}")}),
             qPrintable(publisher.failureContext()));
    QVERIFY2(publisher.waitForLine(QStringLiteral("published")), qPrintable(publisher.failureContext()));
    QVERIFY2(publisher.waitForFinished() && publisher.exitCode() == 0, qPrintable(publisher.failureContext()));

    const auto line = subscriber.waitForLine(QStringLiteral("publication"));
    QVERIFY2(line, qPrintable(subscriber.failureContext()));
    QCOMPARE(line->value(QStringLiteral("data")).toObject().value(QStringLiteral("from")).toString(),
             QStringLiteral("sdk"));
}

void TestHarness::environmentOverridesReachServer()
{
    // Default config: the server announces its 25 s ping interval in the connect reply.
    NodeScript plain;
    QVERIFY2(plain.start(QStringLiteral("raw-connect.js"), {m_server.webSocketUrl().toString()}),
             qPrintable(plain.failureContext()));
    const auto defaultReply = plain.waitForLine(QStringLiteral("connect_reply"));
    QVERIFY2(defaultReply, qPrintable(plain.failureContext()));
    QCOMPARE(defaultReply->value(QStringLiteral("reply"))
                 .toObject()
                 .value(QStringLiteral("connect"))
                 .toObject()
                 .value(QStringLiteral("ping")),
             QJsonValue(25));
    plain.stop();

    // Overridden through the environment: 2 s pings, and a client that never pongs is closed with 3012 "no pong".
    CentrifugoServer fast;
    fast.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
    fast.setEnvironmentOverride(QStringLiteral("CENTRIFUGO_CLIENT_PONG_TIMEOUT"), QStringLiteral("1s"));
    QCOMPARE(fast.environmentOverrides().value(QStringLiteral("CENTRIFUGO_CLIENT_PING_INTERVAL")),
             QStringLiteral("2s"));
    QVERIFY2(fast.start(), qPrintable(fast.errorString()));
    QVERIFY(fast.port() != m_server.port());

    NodeScript silent;
    QVERIFY2(
        silent.start(QStringLiteral("raw-connect.js"), {fast.webSocketUrl().toString(), QStringLiteral("--no-pong")}),
        qPrintable(silent.failureContext()));
    const auto reply = silent.waitForLine(QStringLiteral("connect_reply"));
    QVERIFY2(reply, qPrintable(silent.failureContext()));
    const QJsonObject connect =
        reply->value(QStringLiteral("reply")).toObject().value(QStringLiteral("connect")).toObject();
    QCOMPARE(connect.value(QStringLiteral("ping")), QJsonValue(2));
    QCOMPARE(connect.value(QStringLiteral("pong")), QJsonValue(true));

    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY2(silent.waitForLine(QStringLiteral("ping"), 5000), qPrintable(silent.failureContext()));
    const auto closed = silent.waitForLine(QStringLiteral("closed"), 5000);
    QVERIFY2(closed, qPrintable(silent.failureContext()));
    QCOMPARE(closed->value(QStringLiteral("code")).toInt(), 3012);
    QCOMPARE(closed->value(QStringLiteral("reason")).toString(), QStringLiteral("no pong"));
    QVERIFY2(elapsed.elapsed() < 6000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestHarness::startFailsWithServerLog()
{
    CentrifugoServer missing;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("config file .* does not exist")));
    QVERIFY(!missing.start(QStringLiteral("/nonexistent/centrifugo.json")));
    QVERIFY2(missing.errorString().contains(QStringLiteral("does not exist")), qPrintable(missing.errorString()));

    // A setting Centrifugo rejects at startup: start() reports the exit with the server's own explanation.
    CentrifugoServer invalid;
    invalid.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("1s"));
    invalid.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("2s"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("exited during startup")));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!invalid.start());
    QVERIFY2(elapsed.elapsed() < 10000, "start() should notice the exit, not wait for its timeout");
    QVERIFY2(invalid.errorString().contains(QStringLiteral("exited during startup")),
             qPrintable(invalid.errorString()));
    QVERIFY2(invalid.errorString().contains(QStringLiteral("ping_interval must be greater than pong_timeout")),
             qPrintable(invalid.errorString()));
    QVERIFY(!invalid.isRunning());
}

void TestHarness::stopEndsServer()
{
    CentrifugoServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.publish(QStringLiteral("demo"), QJsonObject{}).contains(QStringLiteral("result")));
    server.stop();
    QVERIFY(!server.isRunning());
    const QJsonObject reply = server.publish(QStringLiteral("demo"), QJsonObject{});
    QVERIFY2(reply.contains(QStringLiteral("transport_error")), qPrintable(compact(reply)));
    server.stop(); // harmless when already stopped
}

void TestHarness::cleanupTestCase()
{
    m_server.stop();
    QVERIFY(!m_server.isRunning());
}

QTEST_GUILESS_MAIN(TestHarness)
#include "tst_harness.moc"
