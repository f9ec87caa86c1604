// Proxy mode (core/proxy, cli/proxymode) with a real Centrifugo and the official JS SDK pointed at the proxy:
// forwarding both ways in order (JSON and Protobuf), the record, an injected close the SDK recovers from, and
// hostile applications and upstreams. Fake applications (plain QWebSocket / QTcpSocket clients) stand in for an
// SDK only where the case is one no SDK produces (garbage, a frame cut in the middle, a hundred at once).
#include "centrifugoserver.h"
#include "nodescript.h"
#include "proxyserver.h"
#include "recordlineparser.h"
#include "serverapiclient.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using Protocol::Direction;
using Protocol::MessageKind;

namespace {

QString scriptFormat(Protocol::Format format)
{
    return format == Protocol::Format::Protobuf ? QStringLiteral("protobuf") : QStringLiteral("json");
}

// The publications of a frame (pushes of kind pub) on `channel`.
int publicationsIn(const Frame &f, const QString &channel)
{
    int n = 0;
    for (const ProtocolMessage &m : f.messages)
        n += m.kind == MessageKind::Push && m.push == Protocol::PushType::Pub && m.channel == channel ? 1 : 0;
    return n;
}

// The "n" of each publication's data in the SDK's lines, in the order it printed them.
QList<int> publishedNumbers(const QList<QJsonObject> &lines)
{
    QList<int> out;
    for (const QJsonObject &l : lines) {
        if (l.value(QLatin1String("event")).toString() == QLatin1String("publication") &&
            l.value(QLatin1String("data")).toObject().contains(QLatin1String("n")))
            out << l.value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt();
    }
    return out;
}

// A fake application's first command, sent as soon as its WebSocket is open (as an SDK does).
void sendConnectOnOpen(QWebSocket *app)
{
    QObject::connect(app, &QWebSocket::connected, app,
                     [app] { app->sendTextMessage(QStringLiteral(R"({"id":1,"connect":{}})")); });
}

QList<int> range(int from, int to)
{
    QList<int> out;
    for (int i = from; i <= to; ++i)
        out << i;
    return out;
}

} // namespace

class TestProxyLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sdkThroughProxy_data();
    void sdkThroughProxy();
    void injectedCloseIsRecovered_data();
    void injectedCloseIsRecovered();
    void cliRecordsBothLegs();
    void heldPingsOrPongsEndInNoPong_data();
    void heldPingsOrPongsEndInNoPong();
    void delayAndDroppedUpstream();
    void headersForwardedAndMasked();
    void upstreamRefuses();
    void upstreamNeverAnswers();
    void upstreamKilled();
    void appSendsGarbage();
    void appDisconnectsMidFrame();
    void hundredApplicationsAtOnce();
    void remoteListeningNeedsConsent();
    void tlsUpstream();

private:
    // Publishes {"n": from..to} to channel in one ordered batch through the server API.
    void publishBatch(const QString &channel, int from, int to);
    std::unique_ptr<ProxyServer> startProxy(const QUrl &upstream, QList<Frame> *frames);

    CentrifugoServer m_server;
};

void TestProxyLive::initTestCase()
{
    if (NodeScript::nodeExecutable().isEmpty())
        QSKIP("node is not installed");
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestProxyLive::publishBatch(const QString &channel, int from, int to)
{
    QJsonArray commands;
    for (int i = from; i <= to; ++i)
        commands.append(QJsonObject{
            {QStringLiteral("publish"), QJsonObject{{QStringLiteral("channel"), channel},
                                                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), i}}}}}});
    ServerApiClient api;
    api.setBaseUrl(m_server.httpUrl().toString());
    api.setApiKey(m_server.apiKey());
    QSignalSpy done(&api, &ServerApiClient::finished);
    api.call(QStringLiteral("batch"),
             QJsonObject{{QStringLiteral("commands"), commands}, {QStringLiteral("parallel"), false}});
    QVERIFY(done.wait(20000));
    const ServerApiReply reply = done.first().at(1).value<ServerApiReply>();
    QVERIFY2(reply.isOk(), qPrintable(reply.sentence()));
}

std::unique_ptr<ProxyServer> TestProxyLive::startProxy(const QUrl &upstream, QList<Frame> *frames)
{
    auto proxy = std::make_unique<ProxyServer>();
    ProxyOptions options;
    options.upstream.url = upstream;
    QString error;
    if (!proxy->listen(options, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    if (frames)
        connect(proxy.get(), &ProxyServer::frame, this, [frames](const Frame &f) { frames->append(f); });
    return proxy;
}

void TestProxyLive::sdkThroughProxy_data()
{
    QTest::addColumn<Protocol::Format>("format");
    QTest::newRow("json") << Protocol::Format::Json;
    QTest::newRow("protobuf") << Protocol::Format::Protobuf;
}

void TestProxyLive::sdkThroughProxy()
{
    QFETCH(Protocol::Format, format);
    QList<Frame> frames;
    auto proxy = startProxy(m_server.webSocketUrl(), &frames);
    QVERIFY(proxy);
    const QString channel = QStringLiteral("chat:through-%1").arg(scriptFormat(format));

    NodeScript sdk;
    sdk.setEnvironmentValue(QStringLiteral("SDK_TIMEOUT_MS"), QStringLiteral("60000"));
    QVERIFY2(sdk.start(QStringLiteral("sdk-proxy-client.js"), {proxy->url().toString(), channel, QStringLiteral("1001"),
                                                               scriptFormat(format), QStringLiteral("from the sdk")}),
             qPrintable(sdk.failureContext()));
    const auto connected = sdk.waitForLine(QStringLiteral("connected"));
    QVERIFY2(connected, qPrintable(sdk.failureContext()));
    // The SDK's own publication comes back first, then the server API's thousand.
    QVERIFY2(sdk.waitForLine(QStringLiteral("published")), qPrintable(sdk.failureContext()));
    publishBatch(channel, 1, 1000);
    QVERIFY2(sdk.waitForFinished(60000) && sdk.exitCode() == 0, qPrintable(sdk.failureContext()));
    QCOMPARE(publishedNumbers(sdk.lines()), range(1, 1000));

    QCOMPARE(proxy->connections().size(), 1);
    ProxyConnection *c = proxy->connections().constFirst();
    QCOMPARE(c->format(), format);
    // The client id the proxy read from the connect reply is the one the SDK got.
    QCOMPARE(c->clientId(), connected->value(QLatin1String("client")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);

    // Every frame once, in order: 1001 publications server->app, each with its own data.
    int pubs = 0;
    QList<int> numbers;
    bool publishReplied = false;
    bool connectRtt = false;
    for (const Frame &f : std::as_const(frames)) {
        QCOMPARE(f.conn, c->id());
        QCOMPARE(f.injected, Frame::Injected::None);
        QCOMPARE(f.binary, format == Protocol::Format::Protobuf && !f.close);
        pubs += publicationsIn(f, channel);
        for (const ProtocolMessage &m : f.messages) {
            if (m.kind == MessageKind::Push && m.push == Protocol::PushType::Pub) {
                QCOMPARE(f.direction, Direction::In);
                const QJsonObject pub =
                    m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
                // Protobuf carries the data as bytes: the JSON conversion shows them as base64.
                const QJsonValue data = pub.value(QLatin1String("data"));
                QJsonObject object = data.toObject();
                if (data.isString())
                    object = QJsonDocument::fromJson(QByteArray::fromBase64(data.toString().toLatin1())).object();
                if (object.contains(QLatin1String("n")))
                    numbers << object.value(QLatin1String("n")).toInt();
            }
            if (m.kind == MessageKind::Reply && m.method == Protocol::Method::Publish)
                publishReplied = m.rttMs >= 0 && f.direction == Direction::In;
            if (m.kind == MessageKind::Reply && m.method == Protocol::Method::Connect)
                connectRtt = m.rttMs >= 0;
        }
    }
    QCOMPARE(pubs, 1001);
    QCOMPARE(numbers, range(1, 1000));
    QVERIFY(publishReplied);
    QVERIFY(connectRtt);
    // The application's close ends the record, seen from the application.
    QVERIFY(frames.constLast().close);
    QCOMPARE(frames.constLast().direction, Direction::Out);
    QCOMPARE(frames.constLast().closedBy, CloseInfo::Side::Client);
    QCOMPARE(c->stats().undelivered, 0);
    // Both sockets are read through a bounded buffer.
    QVERIFY(c->appReadStats().turns > 0 && c->appReadStats().largestLimit >= SocketReader::kChunkBytes);
    QVERIFY(c->upstreamReadStats().turns > 0 && c->upstreamReadStats().largestLimit >= SocketReader::kChunkBytes);
    QCOMPARE(c->stats().forwardedToApp, c->stats().framesFromServer);
    QCOMPARE(c->stats().forwardedToServer, c->stats().framesFromApp);
}

void TestProxyLive::injectedCloseIsRecovered_data()
{
    sdkThroughProxy_data();
}

void TestProxyLive::injectedCloseIsRecovered()
{
    QFETCH(Protocol::Format, format);
    QList<Frame> frames;
    auto proxy = startProxy(m_server.webSocketUrl(), &frames);
    QVERIFY(proxy);
    const QString channel = QStringLiteral("chat:recover-%1").arg(scriptFormat(format));
    constexpr int kBefore = 10;
    constexpr int kDropped = 20;

    NodeScript sdk;
    QVERIFY2(sdk.start(QStringLiteral("sdk-proxy-client.js"),
                       {proxy->url().toString(), channel, QString::number(kBefore + kDropped), scriptFormat(format)}),
             qPrintable(sdk.failureContext()));
    QVERIFY2(sdk.waitForLine(QStringLiteral("subscribed")), qPrintable(sdk.failureContext()));
    publishBatch(channel, 1, kBefore);
    for (int i = 0; i < kBefore; ++i)
        QVERIFY2(sdk.waitForLine(QStringLiteral("publication")), qPrintable(sdk.failureContext()));

    ProxyConnection *first = proxy->connections().constFirst();
    first->dropPublications(channel, kDropped);
    publishBatch(channel, kBefore + 1, kBefore + kDropped);
    QTRY_COMPARE_WITH_TIMEOUT(first->stats().droppedMessages, qint64(kDropped), 10000);
    QCOMPARE(publishedNumbers(sdk.lines()), range(1, kBefore));

    first->injectClose(3001, QStringLiteral("shutdown"));
    // 3001 (shutdown) is a code the SDK reconnects after.
    const auto reconnecting = sdk.waitForLine(QStringLiteral("connecting"));
    QVERIFY2(reconnecting, qPrintable(sdk.failureContext()));
    QCOMPARE(reconnecting->value(QLatin1String("code")).toInt(), 3001);
    const auto resubscribed = sdk.waitForLine(QStringLiteral("subscribed"));
    QVERIFY2(resubscribed, qPrintable(sdk.failureContext()));
    QVERIFY(resubscribed->value(QLatin1String("wasRecovering")).toBool());
    QVERIFY(resubscribed->value(QLatin1String("recovered")).toBool());
    QVERIFY2(sdk.waitForFinished(20000) && sdk.exitCode() == 0, qPrintable(sdk.failureContext()));
    // Every publication dropped on purpose came back through the recovery, in order.
    QCOMPARE(publishedNumbers(sdk.lines()), range(1, kBefore + kDropped));

    QCOMPARE(proxy->connections().size(), 2);
    ProxyConnection *second = proxy->connections().at(1);
    int dropped = 0;
    int injectedCloses = 0;
    int recoveredOnSecond = 0;
    for (const Frame &f : std::as_const(frames)) {
        if (f.injected == Frame::Injected::Drop) {
            QCOMPARE(f.conn, first->id());
            dropped += publicationsIn(f, channel);
        }
        if (f.injected == Frame::Injected::Close) {
            ++injectedCloses;
            QCOMPARE(f.messages.constFirst().code, 3001);
        }
        if (f.conn == second->id() && f.direction == Direction::In) {
            // Recovered publications come inside the subscribe reply, not as pushes.
            for (const ProtocolMessage &m : f.messages) {
                if (m.kind == MessageKind::Reply && m.method == Protocol::Method::Subscribe)
                    recoveredOnSecond += int(m.json()
                                                 .value(QLatin1String("subscribe"))
                                                 .toObject()
                                                 .value(QLatin1String("publications"))
                                                 .toArray()
                                                 .size());
            }
        }
    }
    QCOMPARE(dropped, kDropped);
    QCOMPARE(injectedCloses, 1);
    QCOMPARE(recoveredOnSecond, kDropped);
}

void TestProxyLive::cliRecordsBothLegs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString recordPath = dir.filePath(QStringLiteral("proxy.jsonl"));
    QProcess cli;
    cli.setProgram(QStringLiteral(INSPECTOR_CLI_PATH));
    cli.setArguments({QStringLiteral("--proxy"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--url"),
                      m_server.webSocketUrl().toString(), QStringLiteral("--record"), recordPath,
                      QStringLiteral("--summary"), QStringLiteral("--inject"),
                      QStringLiteral("conn=1,drop=chat:cli:3")});
    cli.start();
    QVERIFY(cli.waitForStarted());
    QByteArray err;
    QRegularExpressionMatch match;
    const QRegularExpression listening(QStringLiteral("proxy listening on (ws://\\S+/connection/websocket)"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += cli.readAllStandardError(), match = listening.match(QString::fromUtf8(err)), match.hasMatch()), 10000);
    const QString proxyUrl = match.captured(1);

    // The first connection loses three publications on purpose; a second one gets them all.
    NodeScript first;
    QVERIFY2(first.start(QStringLiteral("sdk-proxy-client.js"),
                         {proxyUrl, QStringLiteral("chat:cli"), QStringLiteral("997")}),
             qPrintable(first.failureContext()));
    QVERIFY2(first.waitForLine(QStringLiteral("subscribed")), qPrintable(first.failureContext()));
    NodeScript second;
    QVERIFY2(second.start(QStringLiteral("sdk-proxy-client.js"),
                          {proxyUrl, QStringLiteral("chat:cli"), QStringLiteral("1000")}),
             qPrintable(second.failureContext()));
    QVERIFY2(second.waitForLine(QStringLiteral("subscribed")), qPrintable(second.failureContext()));
    publishBatch(QStringLiteral("chat:cli"), 1, 1000);
    QVERIFY2(first.waitForFinished(30000) && first.exitCode() == 0, qPrintable(first.failureContext()));
    QVERIFY2(second.waitForFinished(30000) && second.exitCode() == 0, qPrintable(second.failureContext()));
    QCOMPARE(publishedNumbers(first.lines()), range(4, 1000));
    QCOMPARE(publishedNumbers(second.lines()), range(1, 1000));

    cli.terminate(); // SIGTERM ends the run like Ctrl+C
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    const QString summary = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(summary.contains(QStringLiteral("2 application connection")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("dropped 3")), qPrintable(summary));

    QFile file(recordPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<int, QList<int>> numbersByConn;
    int droppedLines = 0;
    int closes = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        Frame f;
        QString error;
        QVERIFY2(RecordLineParser::parse(line, &f, &error), qPrintable(error));
        QVERIFY(f.conn == 1 || f.conn == 2);
        closes += f.close ? 1 : 0;
        for (const ProtocolMessage &m : f.messages) {
            if (m.kind != MessageKind::Push || m.push != Protocol::PushType::Pub)
                continue;
            QCOMPARE(f.direction, Direction::In);
            const QJsonObject pub =
                m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
            const int n = pub.value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt();
            if (f.injected == Frame::Injected::Drop)
                ++droppedLines;
            else
                numbersByConn[f.conn] << n;
        }
    }
    QCOMPARE(numbersByConn.value(1), range(4, 1000));
    QCOMPARE(numbersByConn.value(2), range(1, 1000));
    QCOMPARE(droppedLines, 3);
    QCOMPARE(closes, 2);
}

void TestProxyLive::heldPingsOrPongsEndInNoPong_data()
{
    QTest::addColumn<bool>("holdPings");
    QTest::newRow("server pings held") << true;
    QTest::newRow("application pongs held") << false;
}

void TestProxyLive::heldPingsOrPongsEndInNoPong()
{
    QFETCH(bool, holdPings);
    CentrifugoServer fast;
    fast.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
    fast.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("1s"));
    QVERIFY2(fast.start(), qPrintable(fast.errorString()));
    QList<Frame> frames;
    auto proxy = startProxy(fast.webSocketUrl(), &frames);
    QVERIFY(proxy);
    QWebSocket app; // a fake application that answers every ping it gets, like an SDK
    int pingsSeen = 0;
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    sendConnectOnOpen(&app);
    connect(&app, &QWebSocket::textMessageReceived, &app, [&app, &pingsSeen](const QString &text) {
        if (text == QLatin1String("{}")) {
            ++pingsSeen;
            app.sendTextMessage(QStringLiteral("{}"));
        }
    });
    app.open(proxy->url());
    QTRY_VERIFY_WITH_TIMEOUT(
        !proxy->connections().isEmpty() && !proxy->connections().constFirst()->clientId().isEmpty(), 10000);
    ProxyConnection *c = proxy->connections().constFirst();
    if (holdPings)
        c->setHoldServerPings(true);
    else
        c->setHoldAppPongs(true);
    // The server never sees a pong: it closes with 3012, and the application is told so by the server itself.
    QVERIFY(closed.wait(15000));
    QCOMPARE(int(app.closeCode()), 3012);
    if (holdPings)
        QCOMPARE(pingsSeen, 0);
    int held = 0;
    for (const Frame &f : std::as_const(frames)) {
        if (f.injected == Frame::Injected::Hold) {
            QCOMPARE(f.direction, holdPings ? Direction::In : Direction::Out);
            QCOMPARE(f.messages.constFirst().kind, holdPings ? MessageKind::Ping : MessageKind::Pong);
            ++held;
        }
    }
    QVERIFY(held >= 1);
    QCOMPARE(c->stats().heldMessages, held);
}

void TestProxyLive::delayAndDroppedUpstream()
{
    QList<Frame> frames;
    auto proxy = startProxy(m_server.webSocketUrl(), &frames);
    QVERIFY(proxy);
    QWebSocket app; // a fake application
    QStringList received;
    sendConnectOnOpen(&app);
    connect(&app, &QWebSocket::textMessageReceived, &app, [&received](const QString &text) { received << text; });
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    app.open(proxy->url());
    QTRY_VERIFY_WITH_TIMEOUT(
        !proxy->connections().isEmpty() && !proxy->connections().constFirst()->clientId().isEmpty(), 10000);
    ProxyConnection *c = proxy->connections().constFirst();

    // Delayed frames still arrive, in order, each marked.
    c->setDelay(200);
    app.sendTextMessage(QStringLiteral(R"({"id":2,"subscribe":{"channel":"chat:late"}})"));
    app.sendTextMessage(QStringLiteral(R"({"id":3,"presence_stats":{"channel":"chat:late"}})"));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty() && received.last().contains(QStringLiteral("\"id\":3")), 10000);
    QVERIFY(received.at(1).contains(QStringLiteral("\"id\":2")));
    QVERIFY(c->stats().delayedFrames >= 3); // two commands, and one or more frames of replies
    c->passThrough();
    QCOMPARE(c->delayMs(), 0);

    // A code no close frame may carry is refused, and nothing happens to the connection.
    c->injectClose(1006, QStringLiteral("abnormal"));
    QCOMPARE(c->state(), ProxyConnection::State::Open);

    c->dropUpstream();
    QVERIFY(closed.wait(10000));
    QCOMPARE(int(app.closeCode()), 1011);
    QVERIFY2(app.closeReason().contains(QStringLiteral("dropped on purpose")), qPrintable(app.closeReason()));
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
    int delayed = 0;
    int droppedUpstream = 0;
    for (const Frame &f : std::as_const(frames)) {
        delayed += f.injected == Frame::Injected::Delay;
        droppedUpstream += f.injected == Frame::Injected::DropUpstream && f.close;
    }
    QCOMPARE(qint64(delayed), c->stats().delayedFrames);
    QCOMPARE(droppedUpstream, 1);
}

void TestProxyLive::headersForwardedAndMasked()
{
    auto proxy = startProxy(m_server.webSocketUrl(), nullptr);
    QVERIFY(proxy);
    QStringList messages;
    connect(proxy.get(), &ProxyServer::message, this,
            [&messages](int, LogEntry::Level, const QString &text) { messages << text; });
    QWebSocket app(QStringLiteral("http://app.example")); // a fake application
    QNetworkRequest request(proxy->url());
    request.setRawHeader("Cookie", "session=cookie-secret-value");
    request.setRawHeader("Authorization", "Bearer bearer-secret-value");
    request.setRawHeader("X-Plain", "visible");
    app.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->connections().size(), 1, 10000);
    const auto headers = proxy->connections().constFirst()->forwardedHeaders();
    QVERIFY(headers.contains({"Cookie", "session=cookie-secret-value"}));
    QVERIFY(headers.contains({"Authorization", "Bearer bearer-secret-value"}));
    QVERIFY(headers.contains({"X-Plain", "visible"}));
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("X-Plain: visible")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Cookie: ***(masked)")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("cookie-secret-value")) &&
                 !all.contains(QStringLiteral("bearer-secret-value")),
             qPrintable(all));
    // Centrifugo accepts the forwarded Origin (allowed_origins) and answers connect through the proxy.
    QSignalSpy text(&app, &QWebSocket::textMessageReceived);
    QTRY_VERIFY_WITH_TIMEOUT(proxy->connections().constFirst()->state() == ProxyConnection::State::Open, 10000);
    app.sendTextMessage(QStringLiteral(R"({"id":1,"connect":{}})"));
    QVERIFY(text.wait(10000));
    QVERIFY(text.first().first().toString().contains(QStringLiteral("\"client\"")));
}

void TestProxyLive::upstreamRefuses()
{
    const quint16 closedPort = TestSupport::freeLoopbackPort();
    QVERIFY(closedPort != 0);
    QList<Frame> frames;
    auto proxy = startProxy(QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(closedPort)), &frames);
    QVERIFY(proxy);
    for (int round = 1; round <= 2; ++round) {
        QWebSocket app; // a fake application that sends connect at once
        QSignalSpy closed(&app, &QWebSocket::disconnected);
        sendConnectOnOpen(&app);
        app.open(proxy->url());
        QVERIFY(closed.wait(10000));
        QCOMPARE(int(app.closeCode()), 1011);
        QVERIFY2(app.closeReason().contains(QStringLiteral("upstream unavailable")), qPrintable(app.closeReason()));
        ProxyConnection *c = proxy->connection(round);
        QVERIFY(c);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
        QVERIFY2(c->closeSummary().contains(QStringLiteral("could not be opened")), qPrintable(c->closeSummary()));
        // Whatever it managed to send before the close is counted as undelivered, not lost silently.
        QCOMPARE(c->stats().undelivered, c->stats().framesFromApp);
    }
    QVERIFY(proxy->isListening());
    int upstreamCloses = 0;
    for (const Frame &f : std::as_const(frames))
        upstreamCloses += f.close && f.direction == Direction::In && f.closedBy == CloseInfo::Side::Transport;
    QCOMPARE(upstreamCloses, 2);
}

void TestProxyLive::upstreamNeverAnswers()
{
    QTcpServer silent; // a fake upstream: accepts TCP, never answers the WebSocket handshake
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ProxyServer proxy;
    ProxyOptions options;
    options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(silent.serverPort()));
    options.upstream.handshakeTimeoutMs = 1500;
    QString error;
    QVERIFY2(proxy.listen(options, &error), qPrintable(error));
    QList<Frame> frames;
    connect(&proxy, &ProxyServer::frame, this, [&frames](const Frame &f) { frames.append(f); });
    QWebSocket app; // a fake application that sends connect at once
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    sendConnectOnOpen(&app);
    app.open(proxy.url());
    QVERIFY(closed.wait(10000));
    QCOMPARE(int(app.closeCode()), 1011);
    QVERIFY2(app.closeReason().contains(QStringLiteral("upstream unavailable")), qPrintable(app.closeReason()));
    ProxyConnection *c = proxy.connection(1);
    QVERIFY(c);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
    // The connect waited for the upstream, then was counted as undelivered; it is in the timeline.
    QCOMPARE(c->stats().framesFromApp, 1);
    QCOMPARE(c->stats().undelivered, 1);
    QCOMPARE(frames.constFirst().messages.constFirst().method, Protocol::Method::Connect);
    QVERIFY2(c->closeSummary().contains(QStringLiteral("no answer to the upstream handshake")),
             qPrintable(c->closeSummary()));
}

void TestProxyLive::upstreamKilled()
{
    CentrifugoServer doomed;
    QVERIFY2(doomed.start(), qPrintable(doomed.errorString()));
    QList<Frame> frames;
    auto proxy = startProxy(doomed.webSocketUrl(), &frames);
    QVERIFY(proxy);
    QWebSocket app; // a fake application
    QSignalSpy text(&app, &QWebSocket::textMessageReceived);
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    app.open(proxy->url());
    QTRY_VERIFY_WITH_TIMEOUT(!proxy->connections().isEmpty() &&
                                 proxy->connections().constFirst()->state() == ProxyConnection::State::Open,
                             10000);
    app.sendTextMessage(QStringLiteral(R"({"id":1,"connect":{}})"));
    QVERIFY(text.wait(10000));
    doomed.kill();
    QVERIFY(closed.wait(10000));
    QCOMPARE(int(app.closeCode()), 1011);
    QVERIFY2(app.closeReason().contains(QStringLiteral("upstream lost")), qPrintable(app.closeReason()));
    ProxyConnection *c = proxy->connections().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
    QVERIFY(frames.constLast().close);
    QCOMPARE(frames.constLast().closedBy, CloseInfo::Side::Transport);
    QCOMPARE(frames.constLast().direction, Direction::In);
    QVERIFY(proxy->isListening());
}

void TestProxyLive::appSendsGarbage()
{
    QList<Frame> frames;
    auto proxy = startProxy(m_server.webSocketUrl(), &frames);
    QVERIFY(proxy);

    // Garbage instead of a handshake: refused, and the proxy carries on.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, proxy->port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("\x16\x03\x01 definitely not HTTP\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QAbstractSocket::UnconnectedState || raw.bytesAvailable() > 0, 10000);

    // Garbage inside a WebSocket: forwarded as it is; the server answers it, the timeline says it is invalid.
    QWebSocket app; // a fake application
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    app.open(proxy->url());
    QTRY_VERIFY_WITH_TIMEOUT(!proxy->connections().isEmpty() &&
                                 proxy->connections().constFirst()->state() == ProxyConnection::State::Open,
                             10000);
    app.sendTextMessage(QStringLiteral("this is not a command {"));
    QVERIFY(closed.wait(10000));
    QCOMPARE(int(app.closeCode()), 3501); // the server's own verdict, passed on: bad request
    ProxyConnection *c = proxy->connections().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
    QCOMPARE(frames.constFirst().direction, Direction::Out);
    QCOMPARE(frames.constFirst().messages.constFirst().kind, MessageKind::Invalid);
    QCOMPARE(frames.constFirst().raw, QByteArray("this is not a command {"));
    QVERIFY(frames.constLast().close);
    QCOMPARE(frames.constLast().closedBy, CloseInfo::Side::Server);
    QCOMPARE(frames.constLast().messages.constFirst().code, 3501);

    // Still serving.
    QWebSocket next;
    QSignalSpy connected(&next, &QWebSocket::connected);
    next.open(proxy->url());
    QVERIFY(connected.wait(10000));
}

void TestProxyLive::appDisconnectsMidFrame()
{
    QList<Frame> frames;
    auto proxy = startProxy(m_server.webSocketUrl(), &frames);
    QVERIFY(proxy);
    QTcpSocket app; // a fake application speaking WebSocket by hand
    app.connectToHost(QHostAddress::LocalHost, proxy->port());
    QVERIFY(app.waitForConnected(5000));
    app.write(QStringLiteral("GET /connection/websocket HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n\r\n")
                  .arg(proxy->port())
                  .toLatin1());
    QByteArray handshake;
    QTRY_VERIFY_WITH_TIMEOUT((handshake += app.readAll()).contains("101"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!proxy->connections().isEmpty() &&
                                 proxy->connections().constFirst()->state() == ProxyConnection::State::Open,
                             10000);
    // A complete masked text frame {"id":1,"connect":{}}, then the first bytes of a 1000-byte frame, then gone.
    const QByteArray command = R"({"id":1,"connect":{}})";
    QByteArray frame;
    frame.append(char(0x81)).append(char(0x80 | command.size())).append(4, '\0').append(command);
    frame.append(char(0x81)).append(char(0x80 | 126)).append(char(1000 >> 8)).append(char(1000 & 0xff));
    frame.append(4, '\0').append(10, 'x');
    app.write(frame);
    app.flush();
    ProxyConnection *c = proxy->connections().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(c->stats().framesFromApp, 1, 10000);
    app.abort();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ProxyConnection::State::Closed, 10000);
    // The complete frame went through and is recorded; the lost connection is said as such.
    QCOMPARE(c->stats().forwardedToServer, 1);
    QCOMPARE(frames.constFirst().raw, command);
    bool transportClose = false;
    for (const Frame &f : std::as_const(frames))
        transportClose =
            transportClose || (f.close && f.direction == Direction::Out && f.closedBy == CloseInfo::Side::Transport);
    QVERIFY(transportClose);
    QVERIFY(proxy->isListening());
}

void TestProxyLive::hundredApplicationsAtOnce()
{
    auto proxy = startProxy(m_server.webSocketUrl(), nullptr);
    QVERIFY(proxy);
    constexpr int kApps = 100;
    std::vector<std::unique_ptr<QWebSocket>> apps; // fake applications
    int replies = 0;
    for (int i = 0; i < kApps; ++i) {
        apps.push_back(std::make_unique<QWebSocket>());
        QWebSocket *app = apps.back().get();
        sendConnectOnOpen(app);
        connect(app, &QWebSocket::textMessageReceived, app,
                [&replies](const QString &text) { replies += text.contains(QStringLiteral("\"client\"")) ? 1 : 0; });
    }
    for (auto &app : apps)
        app->open(proxy->url());
    QTRY_COMPARE_WITH_TIMEOUT(replies, kApps, 60000);
    QSet<QString> clients;
    for (ProxyConnection *c : proxy->connections())
        clients.insert(c->clientId());
    QCOMPARE(proxy->connections().size(), kApps);
    QCOMPARE(clients.size(), kApps);
    QCOMPARE(proxy->openConnections(), kApps);
    for (auto &app : apps)
        app->close();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->openConnections(), 0, 30000);
    for (ProxyConnection *c : proxy->connections())
        QCOMPARE(c->stats().undelivered, 0);
}

void TestProxyLive::remoteListeningNeedsConsent()
{
    ProxyServer proxy;
    ProxyOptions options;
    options.upstream.url = m_server.webSocketUrl();
    options.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
    QString error;
    QVERIFY(!proxy.listen(options, &error));
    QVERIFY2(error.contains(QStringLiteral("loopback")), qPrintable(error));
    options.upstream.url = QUrl(QStringLiteral("http://127.0.0.1:1/"));
    options.listenAddress = QHostAddress(QHostAddress::LocalHost);
    QVERIFY(!proxy.listen(options, &error));
    QVERIFY2(error.contains(QStringLiteral("ws://")), qPrintable(error));
}

void TestProxyLive::tlsUpstream()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(TestSupport::makeTestCertificates(dir.path(), QStringLiteral("Inspector Proxy Test CA")));
    CentrifugoServer tls;
    tls.setTls(dir.filePath(QStringLiteral("server.pem")), dir.filePath(QStringLiteral("server.key")));
    QVERIFY2(tls.start(), qPrintable(tls.errorString()));
    QCOMPARE(tls.webSocketUrl().scheme(), QStringLiteral("wss"));

    // The same TLS options as a normal connection: the system's CAs alone refuse the test CA; with its file (or
    // errors ignored on purpose) the application's connect goes through.
    enum class Trust { SystemOnly, CaFile, IgnoreErrors };
    for (Trust trust : {Trust::SystemOnly, Trust::CaFile, Trust::IgnoreErrors}) {
        ProxyServer proxy;
        ProxyOptions options;
        options.upstream.url = tls.webSocketUrl();
        if (trust == Trust::CaFile)
            options.upstream.caCertificatesFile = dir.filePath(QStringLiteral("ca.pem"));
        options.upstream.ignoreCertificateErrors = trust == Trust::IgnoreErrors;
        QString error;
        QVERIFY2(proxy.listen(options, &error), qPrintable(error));
        QWebSocket app; // a fake application
        QSignalSpy text(&app, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&app, &QWebSocket::disconnected);
        sendConnectOnOpen(&app);
        app.open(proxy.url());
        if (trust == Trust::SystemOnly) {
            QVERIFY(closed.wait(10000));
            QCOMPARE(int(app.closeCode()), 1011);
            QVERIFY2(app.closeReason().contains(QStringLiteral("upstream unavailable")), qPrintable(app.closeReason()));
        } else {
            QVERIFY(text.wait(10000));
            QVERIFY(text.first().first().toString().contains(QStringLiteral("\"client\"")));
            QVERIFY(!proxy.connection(1)->clientId().isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestProxyLive)
#include "tst_proxy_live.moc"
