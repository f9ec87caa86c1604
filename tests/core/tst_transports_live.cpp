// Every transport against a real Centrifugo (tests/config/centrifugo-test.json enables them all): HTTP-streaming
// (JSON and Protobuf) and SSE with commands through the emulation endpoint, and the unidirectional WebSocket, SSE
// and HTTP-streaming with server-side subscriptions. The same Session, frames and explanations as WebSocket.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "emulationsender.h"
#include "explainer.h"
#include "httpexchange.h"
#include "httpstreamtransport.h"
#include "messagedetail.h"
#include "nodescript.h"
#include "session.h"
#include "sessionrecorder.h"
#include "testsupport.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject pushBody(const ProtocolMessage &m, const char *type)
{
    return m.json().value(s("push")).toObject().value(QLatin1String(type)).toObject();
}

QJsonObject replyBody(const ProtocolMessage &m, const char *method)
{
    return m.json().value(QLatin1String(method)).toObject();
}

// The pub objects of every publication push recorded so far, in order.
QList<QJsonObject> publications(const SessionRecorder &rec)
{
    QList<QJsonObject> out;
    for (const Frame &f : rec.frames()) {
        for (const ProtocolMessage &m : f.messages) {
            if (m.push == PushType::Pub)
                out.append(pushBody(m, "pub"));
        }
    }
    return out;
}

// The HTTP exchanges recorded so far (Frame::Origin::HttpExchange rows), read back from their bytes.
QList<HttpExchange> exchanges(const SessionRecorder &rec)
{
    QList<HttpExchange> out;
    for (const Frame &f : rec.frames()) {
        HttpExchange e;
        if (f.origin == Frame::Origin::HttpExchange && HttpExchange::fromJson(f.raw, &e))
            out.append(e);
    }
    return out;
}

} // namespace

class TestTransportsLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bidirectional_data();
    void bidirectional();
    void unidirectional_data();
    void unidirectional();
    void emulatedReconnectRecovers();
    void sameChannelAsTheOfficialSdk_data();
    void sameChannelAsTheOfficialSdk();
    void disabledTransportIsExplained();
    void emulationRefusalsAreExplained();
    void httpExchangesAreTimelineRows_data();
    void httpExchangesAreTimelineRows();
    void unknownNodeIsAnExchangeInWords();
    void protobufFramingSplitsAcrossChunks();
    void streamCutMidMessageIsExplained();

private:
    SessionOptions options(TransportKind kind, Protocol::Format format = Protocol::Format::Json) const;

    CentrifugoServer m_server;
};

void TestTransportsLive::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

SessionOptions TestTransportsLive::options(TransportKind kind, Protocol::Format format) const
{
    SessionOptions o;
    o.transport = kind;
    o.url = Transports::endpointUrl(m_server.webSocketUrl(), kind);
    o.format = format;
    return o;
}

void TestTransportsLive::bidirectional_data()
{
    QTest::addColumn<TransportKind>("kind");
    QTest::addColumn<Protocol::Format>("format");
    QTest::newRow("http_stream json") << TransportKind::HttpStream << Protocol::Format::Json;
    QTest::newRow("http_stream protobuf") << TransportKind::HttpStream << Protocol::Format::Protobuf;
    QTest::newRow("sse json") << TransportKind::Sse << Protocol::Format::Json;
    QTest::newRow("websocket json (reference)") << TransportKind::WebSocket << Protocol::Format::Json;
}

void TestTransportsLive::bidirectional()
{
    QFETCH(TransportKind, kind);
    QFETCH(Protocol::Format, format);
    const QString channel =
        s("chat:bidi-") + Transports::name(kind) + QLatin1Char('-') + QString(Protocol::formatName(format));
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(rec.open(options(kind, format)), qPrintable(rec.dump()));
    QVERIFY(!session.clientId().isEmpty());
    if (Transports::isEmulation(kind)) {
        // The emulation address of later commands.
        QVERIFY(!session.connectResult().value(s("session")).toString().isEmpty());
        QVERIFY(!session.connectResult().value(s("node")).toString().isEmpty());
    }

    SubscribeOptions sub;
    sub.channel = channel;
    const auto subReply = rec.subscribe(sub);
    QVERIFY2(subReply && subReply->kind == MessageKind::Reply, qPrintable(rec.dump()));

    // Publications through the server API arrive, in order.
    constexpr int kCount = 5;
    for (int i = 1; i <= kCount; ++i) {
        const QJsonObject r = m_server.publish(channel, QJsonObject{{s("n"), i}});
        QVERIFY2(r.contains(s("result")), qPrintable(QString::fromUtf8(QJsonDocument(r).toJson())));
    }
    for (int i = 1; i <= kCount; ++i) {
        const auto pub = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
        QVERIFY2(pub, qPrintable(rec.dump()));
        QCOMPARE(pushBody(*pub, "pub").value(s("offset")).toInt(), i);
        if (format == Protocol::Format::Json)
            QCOMPARE(pushBody(*pub, "pub").value(s("data")).toObject().value(s("n")).toInt(), i);
    }

    // A publication from this client: acknowledged, and delivered back to it as a subscriber.
    const quint32 pubId = session.sendCommand(
        CommandBuilder::command(0, Method::Publish, CommandBuilder::publish(channel, QJsonObject{{s("me"), 1}})));
    const auto pubReply = rec.waitForReply(pubId);
    QVERIFY2(pubReply && pubReply->kind == MessageKind::Reply, qPrintable(rec.dump()));
    // The push may come before or after the reply: looked for among all frames.
    QTRY_COMPARE_WITH_TIMEOUT(publications(rec).size(), kCount + 1, 10000);
    const QJsonObject own = publications(rec).constLast();
    QCOMPARE(own.value(s("offset")).toInt(), kCount + 1);
    QCOMPARE(own.value(s("info")).toObject().value(s("client")).toString(), session.clientId());

    // History and presence through the same transport.
    const quint32 historyId = session.sendCommand(
        CommandBuilder::command(0, Method::History, QJsonObject{{s("channel"), channel}, {s("limit"), 100}}));
    const auto history = rec.waitForReply(historyId);
    QVERIFY2(history && history->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QCOMPARE(replyBody(*history, "history").value(s("publications")).toArray().size(), kCount + 1);
    const quint32 presenceId =
        session.sendCommand(CommandBuilder::command(0, Method::Presence, CommandBuilder::presence(channel)));
    const auto presence = rec.waitForReply(presenceId);
    QVERIFY2(presence && presence->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QVERIFY2(replyBody(*presence, "presence").value(s("presence")).toObject().contains(session.clientId()),
             qPrintable(rec.dump()));

    // A close asked for is attributed to this client.
    session.close();
    QVERIFY(rec.waitForClose());
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Client);
    QCOMPARE(session.lastClose().rule, CloseInfo::Rule::UserClose);
}

void TestTransportsLive::unidirectional_data()
{
    QTest::addColumn<TransportKind>("kind");
    QTest::newRow("uni_websocket") << TransportKind::UniWebSocket;
    QTest::newRow("uni_sse") << TransportKind::UniSse;
    QTest::newRow("uni_http_stream") << TransportKind::UniHttpStream;
}

void TestTransportsLive::unidirectional()
{
    QFETCH(TransportKind, kind);
    const QString channel = s("chat:uni-") + Transports::name(kind);
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(rec.open(options(kind)), qPrintable(rec.dump()));
    // The connect push stands for the connect reply.
    QVERIFY(!session.clientId().isEmpty());
    QCOMPARE(session.serverVersion(), session.connectResult().value(s("version")).toString());
    QVERIFY(session.pingIntervalSec() > 0);

    // Commands cannot go anywhere: said, not sent.
    QSignalSpy frames(&session, &Session::frame);
    if (kind != TransportKind::UniWebSocket) {
        session.sendCommand(CommandBuilder::command(0, Method::Presence, CommandBuilder::presence(channel)));
        QCOMPARE(frames.count(), 0);
    }

    // A server-side subscription, then publications: pushes, in order, shown as the bidirectional ones.
    const QJsonObject subscribed = m_server.apiCall(
        s("subscribe"),
        QJsonObject{{s("user"), QString()}, {s("channel"), channel}, {s("client"), session.clientId()}});
    QVERIFY2(subscribed.contains(s("result")), qPrintable(QString::fromUtf8(QJsonDocument(subscribed).toJson())));
    const auto subPush = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Subscribe; });
    QVERIFY2(subPush, qPrintable(rec.dump()));
    QCOMPARE(subPush->channel, channel);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(m_server.publish(channel, QJsonObject{{s("n"), i}}).contains(s("result")));
    for (int i = 1; i <= 3; ++i) {
        const auto pub = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
        QVERIFY2(pub, qPrintable(rec.dump()));
        QCOMPARE(pub->channel, channel);
        QCOMPARE(pushBody(*pub, "pub").value(s("data")).toObject().value(s("n")).toInt(), i);
    }

    // The server disconnects the client: its disconnect push says why, for every transport.
    const QJsonObject disconnected = m_server.apiCall(
        s("disconnect"), QJsonObject{{s("user"), QString()},
                                     {s("client"), session.clientId()},
                                     {s("disconnect"), QJsonObject{{s("code"), 4321}, {s("reason"), s("go away")}}}});
    QVERIFY2(disconnected.contains(s("result")), qPrintable(QString::fromUtf8(QJsonDocument(disconnected).toJson())));
    QVERIFY(rec.waitForClose());
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Server);
    QCOMPARE(session.closeCode(), 4321);
    QCOMPARE(session.closeReason(), s("go away"));
}

void TestTransportsLive::emulatedReconnectRecovers()
{
    const QString channel = s("chat:recover-http-stream");
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(rec.open(options(TransportKind::HttpStream)), qPrintable(rec.dump()));
    SubscribeOptions sub;
    sub.channel = channel;
    sub.recoverable = true;
    const auto first = rec.subscribe(sub);
    QVERIFY2(first && first->kind == MessageKind::Reply, qPrintable(rec.dump()));
    const QString epoch = replyBody(*first, "subscribe").value(s("epoch")).toString();
    const quint64 offset = quint64(replyBody(*first, "subscribe").value(s("offset")).toInteger());
    QVERIFY(!epoch.isEmpty());

    session.close();
    QVERIFY(rec.waitForClose());
    // Published while the client is away.
    for (int i = 1; i <= 3; ++i)
        QVERIFY(m_server.publish(channel, QJsonObject{{s("missed"), i}}).contains(s("result")));

    QVERIFY2(rec.open(options(TransportKind::HttpStream)), qPrintable(rec.dump()));
    sub.recover = true;
    sub.epoch = epoch;
    sub.offset = offset;
    const auto again = rec.subscribe(sub);
    QVERIFY2(again && again->kind == MessageKind::Reply, qPrintable(rec.dump()));
    const QJsonObject result = replyBody(*again, "subscribe");
    QVERIFY2(result.value(s("recovered")).toBool(), qPrintable(rec.dump()));
    const QJsonArray pubs = result.value(s("publications")).toArray();
    QCOMPARE(pubs.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(pubs.at(i).toObject().value(s("data")).toObject().value(s("missed")).toInt(), i + 1);
}

void TestTransportsLive::sameChannelAsTheOfficialSdk_data()
{
    QTest::addColumn<QString>("sdkTransport");
    QTest::addColumn<TransportKind>("inspector");
    QTest::newRow("sdk http_stream, inspector sse") << s("http_stream") << TransportKind::Sse;
    QTest::newRow("sdk sse, inspector http_stream") << s("sse") << TransportKind::HttpStream;
}

void TestTransportsLive::sameChannelAsTheOfficialSdk()
{
    // The official SDK on one emulation transport and the inspector on the other see the same publications, from
    // the server API and from the inspector itself (through the emulation endpoint).
    QFETCH(QString, sdkTransport);
    QFETCH(TransportKind, inspector);
    const QString channel = s("chat:sdk-emulation-") + sdkTransport;
    NodeScript sdk;
    const QUrl base = m_server.httpUrl();
    QVERIFY2(sdk.start(s("sdk-emulation-subscriber.js"), {base.toString(), channel, s("4"), sdkTransport}),
             qPrintable(sdk.failureContext()));
    const auto connected = sdk.waitForLine(s("connected"));
    QVERIFY2(connected, qPrintable(sdk.failureContext()));
    QCOMPARE(connected->value(s("transport")).toString(), sdkTransport);
    QVERIFY2(sdk.waitForLine(s("subscribed")), qPrintable(sdk.failureContext()));

    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(rec.open(options(inspector)), qPrintable(rec.dump()));
    SubscribeOptions sub;
    sub.channel = channel;
    QVERIFY(rec.subscribe(sub));
    for (int i = 1; i <= 2; ++i)
        QVERIFY(m_server.publish(channel, QJsonObject{{s("api"), i}}).contains(s("result")));
    for (int i = 1; i <= 2; ++i) {
        const quint32 id = session.sendCommand(CommandBuilder::command(
            0, Method::Publish, CommandBuilder::publish(channel, QJsonObject{{s("inspector"), i}})));
        QVERIFY2(rec.waitForReply(id), qPrintable(rec.dump()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(publications(rec).size(), 4, 10000);
    const QList<QJsonObject> ours = publications(rec);
    for (int i = 0; i < 4; ++i) {
        const auto line = sdk.waitForLine(s("publication"));
        QVERIFY2(line, qPrintable(sdk.failureContext()));
        QCOMPARE(line->value(s("offset")).toInt(), ours.at(i).value(s("offset")).toInt());
        QCOMPARE(line->value(s("data")).toObject(), ours.at(i).value(s("data")).toObject());
    }
    QVERIFY(sdk.waitForFinished());
}

void TestTransportsLive::disabledTransportIsExplained()
{
    CentrifugoServer server;
    server.setEnvironmentOverride(s("sse.enabled"), s("false"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Session session;
    SessionRecorder rec(&session);
    SessionOptions o;
    o.transport = TransportKind::Sse;
    o.url = Transports::endpointUrl(server.webSocketUrl(), TransportKind::Sse);
    session.open(o);
    QVERIFY(rec.waitForClose());
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Transport);
    QVERIFY2(session.closeReason().contains(s("404")) && session.closeReason().contains(s("sse.enabled")),
             qPrintable(session.closeReason()));
    QVERIFY(Explainer::describeClose(session.lastClose()).contains(s("disabled")));
}

void TestTransportsLive::emulationRefusalsAreExplained()
{
    QCOMPARE(EmulationSender::statusWords(204, s("n")), QString());
    QVERIFY(EmulationSender::statusWords(404, s("node-1")).contains(s("node-1")));
    QVERIFY(EmulationSender::statusWords(413, s("n")).contains(s("max_request_body_size")));
    QVERIFY(EmulationSender::statusWords(400, s("n")).contains(s("400")));

    // A command over the server's emulation body limit is refused with 413, said in the log; the connection stays.
    CentrifugoServer server;
    server.setEnvironmentOverride(s("emulation.max_request_body_size"), s("1024"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Session session;
    SessionRecorder rec(&session);
    QStringList errors;
    connect(&session, &Session::logged, this, [&](const LogEntry &e) {
        if (e.level == LogEntry::Level::Error)
            errors.append(e.message);
    });
    SessionOptions o;
    o.transport = TransportKind::HttpStream;
    o.url = Transports::endpointUrl(server.webSocketUrl(), TransportKind::HttpStream);
    QVERIFY2(rec.open(o), qPrintable(rec.dump()));
    session.sendCommand(CommandBuilder::command(
        0, Method::Publish,
        CommandBuilder::publish(s("chat:big"), QJsonObject{{s("x"), QString(4096, QLatin1Char('a'))}})));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY2(errors.first().contains(s("413")), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(session.state(), Session::State::Connected);
    // The refused POST is a timeline row of its own, with the refusal in words.
    const HttpExchange refused = exchanges(rec).constLast();
    QCOMPARE(refused.status, 413);
    QVERIFY(refused.failed());
    QVERIFY(refused.requestBytes > 4096);
    QVERIFY2(refused.error.contains(s("max_request_body_size")), qPrintable(refused.error));
    QVERIFY2(refused.words().contains(s("Failed: 413")), qPrintable(refused.words()));
}

void TestTransportsLive::httpExchangesAreTimelineRows_data()
{
    QTest::addColumn<TransportKind>("kind");
    QTest::newRow("http_stream") << TransportKind::HttpStream;
    QTest::newRow("sse") << TransportKind::Sse;
}

void TestTransportsLive::httpExchangesAreTimelineRows()
{
    // Each HTTP request of an emulation transport is a row of the timeline: the opening request (status, content
    // type) before the connect reply, and each command's POST with its status, sizes and time.
    QFETCH(TransportKind, kind);
    const QString channel = s("chat:exchange-") + Transports::name(kind);
    Session session;
    SessionRecorder rec(&session);
    TimelineModel timeline;
    connect(&session, &Session::frame, &timeline, &TimelineModel::appendFrame);
    QVERIFY2(rec.open(options(kind)), qPrintable(rec.dump()));
    SubscribeOptions sub;
    sub.channel = channel;
    QVERIFY(rec.subscribe(sub));
    const quint32 pubId = session.sendCommand(
        CommandBuilder::command(0, Method::Publish, CommandBuilder::publish(channel, QJsonObject{{s("n"), 1}})));
    QVERIFY2(rec.waitForReply(pubId), qPrintable(rec.dump()));
    // The subscribe and the publish went in one POST each; the POST is answered after the server took it.
    QTRY_COMPARE_WITH_TIMEOUT(exchanges(rec).size(), 3, 10000);

    const QList<Frame> frames = rec.frames();
    const auto firstIndex = [&frames](const std::function<bool(const Frame &)> &match) {
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (match(frames.at(i)))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype openRow = firstIndex([](const Frame &f) { return f.origin == Frame::Origin::HttpExchange; });
    const qsizetype connectReplyRow = firstIndex([](const Frame &f) {
        return !f.messages.isEmpty() && f.messages.first().kind == MessageKind::Reply &&
               f.messages.first().method == Method::Connect;
    });
    QVERIFY2(openRow >= 0 && openRow < connectReplyRow, qPrintable(rec.dump()));
    QCOMPARE(frames.at(openRow).direction, Protocol::Direction::Out);
    QVERIFY(frames.at(openRow).messages.isEmpty());

    const QList<HttpExchange> all = exchanges(rec);
    const HttpExchange &open = all.at(0);
    QCOMPARE(open.request, HttpExchange::Request::Connect);
    QCOMPARE(open.method, kind == TransportKind::Sse ? s("GET") : s("POST"));
    QCOMPARE(open.path, Transports::endpointUrl(m_server.webSocketUrl(), kind).path());
    QCOMPARE(open.status, 200);
    QVERIFY(!open.failed());
    QVERIFY(open.requestBytes > 0);
    QCOMPARE(open.responseBytes, -1);
    // Centrifugo v6.9.1 leaves the JSON stream's type to Go's sniffing ("text/plain; charset=utf-8").
    QVERIFY2(open.contentType.contains(kind == TransportKind::Sse ? s("text/event-stream") : s("text/plain")),
             qPrintable(open.contentType));
    // The SSE connect (with any token) travels in the URL's query: the row keeps the path only.
    QVERIFY(!frames.at(openRow).raw.contains("cf_connect"));
    for (qsizetype i = 1; i < all.size(); ++i) {
        const HttpExchange &post = all.at(i);
        QCOMPARE(post.request, HttpExchange::Request::Emulation);
        QCOMPARE(post.method, s("POST"));
        QCOMPARE(post.path, s("/emulation"));
        // Centrifugo answers a command it took with 204 No Content.
        QCOMPARE(post.status, 204);
        QCOMPARE(post.responseBytes, 0);
        QVERIFY(post.requestBytes > 20);
        QVERIFY(post.ms > 0);
        QVERIFY2(post.error.isEmpty(), qPrintable(post.error));
    }

    // The timeline shows them as their own rows: direction and description say so, the detail pane has the fields.
    timeline.flush();
    int shown = 0;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        const QModelIndex dir = timeline.index(row, TimelineModel::DirectionColumn);
        if (timeline.store().row(row).origin != quint8(Frame::Origin::HttpExchange)) {
            QVERIFY(!dir.data().toString().contains(s("HTTP")));
            continue;
        }
        ++shown;
        QVERIFY2(dir.data().toString().contains(s("HTTP")), qPrintable(dir.data().toString()));
        QCOMPARE(dir.data(TimelineModel::KindNameRole).toString(), s("http_exchange"));
        const QString kindCell = timeline.index(row, TimelineModel::KindColumn).data().toString();
        QVERIFY2(kindCell == s("HTTP exchange 200") || kindCell == s("HTTP exchange 204"), qPrintable(kindCell));
        const QString description = dir.data(TimelineModel::DescriptionRole).toString();
        QVERIFY2(description.startsWith(s("HTTP exchange: ")), qPrintable(description));
        const MessageDetail d = MessageDetail::forRow(timeline, row, &session.masker());
        QVERIFY(d.valid);
        QVERIFY(!d.problem);
        QCOMPARE(d.sentence, description);
        QStringList facts;
        for (const auto &fact : d.facts)
            facts.append(fact.first + s(": ") + fact.second);
        QVERIFY2(facts.contains(s("HTTP status: ") + kindCell.right(3)), qPrintable(facts.join(QLatin1Char('\n'))));
    }
    QCOMPARE(shown, 3);
}

void TestTransportsLive::unknownNodeIsAnExchangeInWords()
{
    // A POST naming a node the server does not know: refused with 404, the row says so in words.
    QNetworkAccessManager nam;
    EmulationSender sender(&nam);
    QSignalSpy exchanged(&sender, &EmulationSender::exchanged);
    QSignalSpy failed(&sender, &EmulationSender::failed);
    SessionOptions o = options(TransportKind::HttpStream);
    sender.start(o, {});
    sender.setSession(s("no-such-session"), s("no-such-node"));
    sender.send(R"({"id":1,"presence":{"channel":"chat:x"}})");
    QVERIFY(exchanged.wait(10000));
    const auto e = exchanged.first().first().value<HttpExchange>();
    QCOMPARE(e.status, 404);
    QVERIFY(e.failed());
    QVERIFY2(e.error.contains(s("no-such-node")), qPrintable(e.error));
    QVERIFY2(e.words().contains(s("Failed: 404")), qPrintable(e.words()));
    QCOMPARE(failed.count(), 1);
}

void TestTransportsLive::protobufFramingSplitsAcrossChunks()
{
    // Two messages with varint prefixes (one of them two bytes long), cut at every position.
    QByteArray stream;
    stream += char(3);
    stream += "abc";
    stream += char(0x81);
    stream += char(0x01);
    stream += QByteArray(129, 'x');
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        QByteArray buffer = stream.left(cut);
        bool bad = false;
        QList<QByteArray> got = HttpStreamTransport::takeDelimited(&buffer, &bad);
        buffer += stream.mid(cut);
        got += HttpStreamTransport::takeDelimited(&buffer, &bad);
        QVERIFY(!bad);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0), stream.left(4));
        QCOMPARE(got.at(1).size(), 131);
        QVERIFY(buffer.isEmpty());
    }
}

void TestTransportsLive::streamCutMidMessageIsExplained()
{
    // A FAKE server (a real Centrifugo never cuts its own stream mid-message): HTTP 200, one whole line, half of the
    // next, then the connection closes. What arrived whole is shown; the cut is said in words.
    QTcpServer fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost));
    connect(&fake, &QTcpServer::newConnection, this, [&fake] {
        QTcpSocket *socket = fake.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                          "{\"id\":1,\"connect\":{\"client\":\"fake\",\"version\":\"0\",\"session\":\"s\","
                          "\"node\":\"n\"}}\n{\"push\":{\"channel\":\"a\",\"pub\":{\"da");
            socket->disconnectFromHost();
        });
    });
    Session session;
    SessionRecorder rec(&session);
    SessionOptions o;
    o.transport = TransportKind::HttpStream;
    o.url = QUrl(QStringLiteral("http://127.0.0.1:%1/connection/http_stream").arg(fake.serverPort()));
    session.open(o);
    QVERIFY(rec.waitForClose());
    QCOMPARE(session.clientId(), s("fake"));
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Transport);
    QVERIFY2(session.closeReason().contains(s("cut in the middle of a message")), qPrintable(session.closeReason()));
}

QTEST_MAIN(TestTransportsLive)
#include "tst_transports_live.moc"
