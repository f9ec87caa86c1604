// Session in Protobuf mode against a real Centrifugo (subprotocol centrifuge-protobuf, binary frames), and
// interoperability with the official JavaScript SDK's Protobuf build (tests/node).
#include "centrifugoserver.h"
#include "nodescript.h"
#include "protobufcodec.h"
#include "session.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <optional>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject pushBody(const ProtocolMessage &m, const char *type)
{
    return m.json().value(QLatin1String("push")).toObject().value(QLatin1String(type)).toObject();
}

// Every frame a session emits, in order, with helpers to wait for a message.
class FrameLog : public QObject
{
public:
    explicit FrameLog(Session *session)
    {
        connect(session, &Session::frame, this, [this](const Frame &f) { frames.append(f); });
    }

    using Predicate = std::function<bool(const ProtocolMessage &)>;

    std::optional<ProtocolMessage> find(Direction direction, const Predicate &predicate) const
    {
        for (const Frame &f : frames) {
            if (f.direction != direction)
                continue;
            for (const ProtocolMessage &m : f.messages) {
                if (predicate(m))
                    return m;
            }
        }
        return std::nullopt;
    }

    int count(Direction direction, const Predicate &predicate) const
    {
        int n = 0;
        for (const Frame &f : frames) {
            if (f.direction != direction)
                continue;
            for (const ProtocolMessage &m : f.messages)
                n += predicate(m) ? 1 : 0;
        }
        return n;
    }

    // Runs the event loop until a matching incoming message arrives.
    std::optional<ProtocolMessage> waitIn(const Predicate &predicate, int timeoutMs = 10000)
    {
        if (!QTest::qWaitFor([&] { return find(Direction::In, predicate).has_value(); }, timeoutMs))
            return std::nullopt;
        return find(Direction::In, predicate);
    }

    std::optional<ProtocolMessage> waitReply(quint32 id, int timeoutMs = 10000)
    {
        return waitIn(
            [id](const ProtocolMessage &m) {
                return (m.kind == MessageKind::Reply || m.kind == MessageKind::Error) && m.id == id;
            },
            timeoutMs);
    }

    std::optional<ProtocolMessage> waitPub(const QString &channel, const QJsonValue &data, int timeoutMs = 10000)
    {
        return waitIn(
            [&](const ProtocolMessage &m) {
                return m.kind == MessageKind::Push && m.push == PushType::Pub && m.channel == channel &&
                       pushBody(m, "pub").value(QLatin1String("data")) == data;
            },
            timeoutMs);
    }

    QString dump() const
    {
        QStringList lines;
        for (const Frame &f : frames) {
            for (const ProtocolMessage &m : f.messages) {
                lines << QStringLiteral("%1 %2 %3 %4")
                             .arg(f.direction == Direction::In ? QStringLiteral("<") : QStringLiteral(">"),
                                  m.kindName(), compact(m.json()), m.text);
            }
        }
        return lines.join(QLatin1Char('\n'));
    }

    QList<Frame> frames;
};

QString nodeDir()
{
    return NodeScript::scriptsDir();
}

QString nodeScript(const char *name)
{
    return QDir(nodeDir()).absoluteFilePath(QString::fromLatin1(name));
}

} // namespace

class TestProtobufSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectsWithBinaryFrames();
    void subscribePublishHistoryPresence();
    void binaryPublicationData();
    void apiPublicationArrives();
    void errorReply();
    void unencodableCommandIsNotSent();
    void serverPingIsAnswered();
    void missingPongCloses();
    void badInputCloses_data();
    void badInputCloses();
    void sdkSubscriberReceivesInspectorPublications();
    void inspectorReceivesSdkPublications();

private:
    SessionOptions options() const;
    bool openConnected(Session &session, FrameLog &log, const SessionOptions &options);

    CentrifugoServer m_server;
    int m_channelSerial = 0;
};

SessionOptions TestProtobufSession::options() const
{
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.format = Protocol::Format::Protobuf;
    return o;
}

bool TestProtobufSession::openConnected(Session &session, FrameLog &log, const SessionOptions &options)
{
    QSignalSpy connected(&session, &Session::connected);
    session.open(options);
    if (!connected.wait(10000)) {
        qWarning().noquote() << "not connected; frames:\n" << log.dump();
        return false;
    }
    return session.state() == Session::State::Connected;
}

void TestProtobufSession::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestProtobufSession::connectsWithBinaryFrames()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    QCOMPARE(session.codec().format(), Protocol::Format::Protobuf);
    QVERIFY(!session.clientId().isEmpty());
    QVERIFY(!session.serverVersion().isEmpty());
    QCOMPARE(session.pingIntervalSec(), 25); // Centrifugo's default
    QVERIFY(session.pongRequired());

    // Out: one binary frame with the connect command, in: a binary frame with the connect reply.
    QVERIFY(log.frames.size() >= 2);
    const Frame &out = log.frames.first();
    QCOMPARE(out.direction, Direction::Out);
    QVERIFY(out.binary);
    QCOMPARE(out.messages.size(), 1);
    QCOMPARE(out.messages.first().method, Method::Connect);
    QCOMPARE(out.messages.first().raw, out.raw);
    QCOMPARE(ProtobufCodec().decodeClientFrame(out.raw).first().json(), out.messages.first().json());

    const auto reply = log.find(Direction::In, [](const ProtocolMessage &m) { return m.method == Method::Connect; });
    QVERIFY(reply);
    QCOMPARE(reply->kind, MessageKind::Reply);
    const QJsonObject connect = reply->json().value(QLatin1String("connect")).toObject();
    QCOMPARE(connect.value(QLatin1String("client")).toString(), session.clientId());
    QCOMPARE(connect.value(QLatin1String("ping")).toInt(), 25);
    QCOMPARE(connect.value(QLatin1String("pong")).toBool(), true);
    for (const Frame &f : log.frames) {
        if (f.direction == Direction::In && !f.close)
            QVERIFY(f.binary); // the server answers the subprotocol with binary frames only
    }
    qInfo().noquote() << "connect reply:" << compact(reply->json());
}

void TestProtobufSession::subscribePublishHistoryPresence()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    const QString channel = QStringLiteral("chat:pb-%1").arg(++m_channelSerial);

    const quint32 subId = session.sendCommand(QJsonObject{{s("subscribe"), QJsonObject{{s("channel"), channel}}}});
    const auto sub = log.waitReply(subId);
    QVERIFY2(sub, qPrintable(log.dump()));
    QCOMPARE(sub->kind, MessageKind::Reply);
    QCOMPARE(sub->method, Method::Subscribe);
    QVERIFY(sub->rttMs >= 0);
    const QJsonObject subResult = sub->json().value(s("subscribe")).toObject();
    QCOMPARE(subResult.value(s("recoverable")).toBool(), true); // force_recovery in the test config
    QVERIFY(!subResult.value(s("epoch")).toString().isEmpty());
    qInfo().noquote() << "subscribe reply:" << compact(sub->json());

    const QJsonObject data{{s("text"), s("hello protobuf")}, {s("n"), 1}};
    const quint32 pubId =
        session.sendCommand(QJsonObject{{s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), data}}}});
    const auto pubReply = log.waitReply(pubId);
    QVERIFY2(pubReply, qPrintable(log.dump()));
    QCOMPARE(pubReply->json(), QJsonObject({{s("id"), qint64(pubId)}, {s("publish"), QJsonObject()}}));

    // A subscribed publisher gets its own publication as a pub push.
    const auto push = log.waitPub(channel, data);
    QVERIFY2(push, qPrintable(log.dump()));
    QCOMPARE(push->id, 0u);
    const QJsonObject pub = pushBody(*push, "pub");
    QCOMPARE(pub.value(s("info")).toObject().value(s("client")).toString(), session.clientId());
    QCOMPARE(pub.value(s("offset")).toInt(), 1);
    qInfo().noquote() << "own pub push:" << compact(push->json());

    const quint32 historyId =
        session.sendCommand(QJsonObject{{s("history"), QJsonObject{{s("channel"), channel}, {s("limit"), 10}}}});
    const auto history = log.waitReply(historyId);
    QVERIFY2(history, qPrintable(log.dump()));
    const QJsonObject h = history->json().value(s("history")).toObject();
    QCOMPARE(h.value(s("publications")).toArray().size(), 1);
    QCOMPARE(h.value(s("publications")).toArray().first().toObject().value(s("data")).toObject(), data);
    QCOMPARE(h.value(s("offset")).toInt(), 1);
    QCOMPARE(h.value(s("epoch")).toString(), subResult.value(s("epoch")).toString());
    qInfo().noquote() << "history reply:" << compact(history->json());

    const quint32 presenceId = session.sendCommand(QJsonObject{{s("presence"), QJsonObject{{s("channel"), channel}}}});
    const auto presence = log.waitReply(presenceId);
    QVERIFY2(presence, qPrintable(log.dump()));
    const QJsonObject clients = presence->json().value(s("presence")).toObject().value(s("presence")).toObject();
    QCOMPARE(clients.size(), 1);
    QCOMPARE(clients.value(session.clientId()).toObject(),
             QJsonObject({{s("user"), QString()}, {s("client"), session.clientId()}}));
    qInfo().noquote() << "presence reply:" << compact(presence->json());

    const quint32 statsId =
        session.sendCommand(QJsonObject{{s("presence_stats"), QJsonObject{{s("channel"), channel}}}});
    const auto stats = log.waitReply(statsId);
    QVERIFY2(stats, qPrintable(log.dump()));
    QCOMPARE(stats->json().value(s("presence_stats")).toObject(),
             QJsonObject({{s("num_clients"), 1}, {s("num_users"), 1}}));

    const quint32 unsubId = session.sendCommand(QJsonObject{{s("unsubscribe"), QJsonObject{{s("channel"), channel}}}});
    const auto unsub = log.waitReply(unsubId);
    QVERIFY2(unsub, qPrintable(log.dump()));
    QCOMPARE(unsub->method, Method::Unsubscribe);
    QCOMPARE(unsub->json().value(s("unsubscribe")).toObject(), QJsonObject());

    // Nothing in the whole exchange failed to decode.
    QCOMPARE(log.count(Direction::In, [](const ProtocolMessage &m) { return m.kind == MessageKind::Invalid; }), 0);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestProtobufSession::binaryPublicationData()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    const QString channel = QStringLiteral("chat:pb-%1").arg(++m_channelSerial);
    const quint32 subId = session.sendCommand(QJsonObject{{s("subscribe"), QJsonObject{{s("channel"), channel}}}});
    QVERIFY2(log.waitReply(subId), qPrintable(log.dump()));

    // Bytes that are not JSON: sent with {"$base64": ...}, shown the same way when they come back.
    const QJsonObject binary{{s("$base64"), s("AAH/")}};
    session.sendCommand(QJsonObject{{s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), binary}}}});
    const auto push = log.waitPub(channel, binary);
    QVERIFY2(push, qPrintable(log.dump()));
    QVERIFY(push->raw.contains(QByteArray("\x00\x01\xff", 3)));

    const QJsonObject text{{s("$base64"), s("aGVsbG8=")}, {s("$text"), s("hello")}};
    session.sendCommand(QJsonObject{
        {s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), QJsonObject{{s("$text"), s("hello")}}}}}});
    QVERIFY2(log.waitPub(channel, text), qPrintable(log.dump()));
    qInfo().noquote() << "binary pub push:" << compact(push->json());
}

void TestProtobufSession::apiPublicationArrives()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    const QString channel = QStringLiteral("pb-api-%1").arg(++m_channelSerial);
    const quint32 subId = session.sendCommand(QJsonObject{{s("subscribe"), QJsonObject{{s("channel"), channel}}}});
    QVERIFY2(log.waitReply(subId), qPrintable(log.dump()));

    const QJsonObject data{{s("from"), s("api")}, {s("list"), QJsonArray{1, 2, 3}}};
    const QJsonObject result = m_server.publish(channel, data);
    QVERIFY2(result.contains(s("result")), qPrintable(compact(result)));
    const auto push = log.waitPub(channel, data);
    QVERIFY2(push, qPrintable(log.dump()));
    QVERIFY(!pushBody(*push, "pub").contains(s("info"))); // no client published it
    qInfo().noquote() << "API pub push:" << compact(push->json());
}

void TestProtobufSession::errorReply()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    QSignalSpy connectFailed(&session, &Session::connectFailed);
    // Namespace "locked" grants nothing to anonymous clients.
    const quint32 id = session.sendCommand(QJsonObject{{s("subscribe"), QJsonObject{{s("channel"), s("locked:x")}}}});
    const auto error = log.waitReply(id);
    QVERIFY2(error, qPrintable(log.dump()));
    QCOMPARE(error->kind, MessageKind::Error);
    QCOMPARE(error->method, Method::Subscribe);
    QCOMPARE(error->code, 103);
    QCOMPARE(error->text, s("permission denied"));
    QCOMPARE(connectFailed.count(), 0);
    QCOMPARE(session.state(), Session::State::Connected);
    qInfo().noquote() << "error reply:" << compact(error->json());
}

void TestProtobufSession::unencodableCommandIsNotSent()
{
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    QList<LogEntry> errors;
    connect(&session, &Session::logged, this, [&errors](const LogEntry &e) {
        if (e.level == LogEntry::Level::Error)
            errors.append(e);
    });
    const qsizetype framesBefore = log.frames.size();
    // "chanel" is not in the schema: JSON mode would send it (and the server would ignore it), Protobuf cannot.
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("publish\\.chanel")));
    const quint32 id = session.sendCommand(obj(R"({"publish":{"chanel":"x","data":{}}})"));
    QCOMPARE(id, 0u);
    QCOMPARE(log.frames.size(), framesBefore);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(s("publish.chanel")), qPrintable(errors.first().message));
    QCOMPARE(session.state(), Session::State::Connected);
    qInfo().noquote() << "refused locally:" << errors.first().message;
}

void TestProtobufSession::serverPingIsAnswered()
{
    CentrifugoServer server;
    server.setEnvironmentOverride(s("client.ping_interval"), s("2s"));
    server.setEnvironmentOverride(s("client.pong_timeout"), s("1s"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SessionOptions o = options();
    o.url = server.webSocketUrl();

    Session session;
    FrameLog log(&session);
    QSignalSpy closed(&session, &Session::closed);
    QVERIFY(openConnected(session, log, o));
    QCOMPARE(session.pingIntervalSec(), 2);
    QVERIFY(session.pongRequired());

    auto isPing = [](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; };
    auto isPong = [](const ProtocolMessage &m) { return m.kind == MessageKind::Pong; };
    // Two pings in a row, each answered: the second proves the server accepted the first pong.
    QVERIFY2(QTest::qWaitFor([&] { return log.count(Direction::Out, isPong) >= 2; }, 15000), qPrintable(log.dump()));
    QVERIFY(log.count(Direction::In, isPing) >= 2);
    const auto ping = log.find(Direction::In, isPing);
    QCOMPARE(ping->raw, QByteArray(1, '\0'));
    QCOMPARE(ping->json(), QJsonObject());
    for (const Frame &f : log.frames) {
        if (f.direction == Direction::Out && f.messages.size() == 1 && f.messages.first().kind == MessageKind::Pong) {
            QVERIFY(f.binary);
            QCOMPARE(f.raw, QByteArray(1, '\0'));
        }
    }
    QCOMPARE(closed.count(), 0);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestProtobufSession::missingPongCloses()
{
    CentrifugoServer server;
    server.setEnvironmentOverride(s("client.ping_interval"), s("2s"));
    server.setEnvironmentOverride(s("client.pong_timeout"), s("1s"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SessionOptions o = options();
    o.url = server.webSocketUrl();
    o.autoPong = false;

    Session session;
    FrameLog log(&session);
    QSignalSpy closed(&session, &Session::closed);
    QVERIFY(openConnected(session, log, o));
    QVERIFY2(closed.wait(15000), qPrintable(log.dump()));
    QCOMPARE(closed.first().at(0).toInt(), 3012);
    QCOMPARE(closed.first().at(1).toString(), s("no pong"));
    QVERIFY(log.count(Direction::In, [](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; }) >= 1);
    qInfo().noquote() << "no pong: close" << closed.first().at(0).toInt() << closed.first().at(1).toString();
}

void TestProtobufSession::badInputCloses_data()
{
    QTest::addColumn<QByteArray>("raw");     // sent with sendRaw, if not empty
    QTest::addColumn<QByteArray>("command"); // else sent with sendCommand
    QTest::addColumn<bool>("beforeConnect"); // send before the connect command
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");

    const QString bad = s("bad request");
    QTest::newRow("length-beyond-frame") << QByteArray::fromHex("0a0801") << QByteArray() << false << 3501 << bad;
    QTest::newRow("garbage-body") << QByteArray::fromHex("03ffffff") << QByteArray() << false << 3501 << bad;
    QTest::newRow("bad-varint") << QByteArray::fromHex("ffffffffffffffffffff") << QByteArray() << false << 3501 << bad;
    QTest::newRow("garbage-before-connect") << QByteArray::fromHex("ffffffff") << QByteArray() << true << 3501 << bad;
    QTest::newRow("stray-pong") << QByteArray(1, '\0') << QByteArray() << false << 3501 << bad;
    QTest::newRow("ping-method") << QByteArray() << QByteArray(R"({"ping":{}})") << false << 3501 << bad;
    QTest::newRow("id-without-method") << QByteArray() << QByteArray(R"({"id":77})") << false << 3501 << bad;
    QTest::newRow("second-connect") << QByteArray() << QByteArray(R"({"connect":{}})") << false << 3501 << bad;
    QTest::newRow("empty-channel") << QByteArray() << QByteArray(R"({"subscribe":{}})") << false << 3501 << bad;
    QTest::newRow("send") << QByteArray() << QByteArray(R"({"send":{"data":{"x":1}}})") << false << 3508
                          << s("not available");
}

void TestProtobufSession::badInputCloses()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, command);
    QFETCH(bool, beforeConnect);
    QFETCH(int, code);
    QFETCH(QString, reason);

    Session session;
    FrameLog log(&session);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o = options();
    if (beforeConnect) {
        o.autoConnect = false;
        session.open(o);
        QVERIFY(QTest::qWaitFor([&] { return session.state() == Session::State::Open; }, 10000));
    } else {
        QVERIFY(openConnected(session, log, o));
    }

    if (!raw.isEmpty())
        session.sendRaw(raw);
    else
        session.sendCommand(obj(command.constData()));
    // The bytes went out as sent.
    const Frame &out = log.frames.last();
    QCOMPARE(out.direction, Direction::Out);
    QVERIFY(out.binary);

    QVERIFY2(closed.wait(10000), qPrintable(log.dump()));
    qInfo().noquote() << QTest::currentDataTag() << "-> close" << closed.first().at(0).toInt()
                      << closed.first().at(1).toString();
    QCOMPARE(closed.first().at(0).toInt(), code);
    QCOMPARE(closed.first().at(1).toString(), reason);
    // The close is in the timeline as a Disconnect with the same code.
    QVERIFY(log.frames.last().close);
    QCOMPARE(log.frames.last().messages.first().kind, MessageKind::Disconnect);
    QCOMPARE(log.frames.last().messages.first().code, code);
}

void TestProtobufSession::sdkSubscriberReceivesInspectorPublications()
{
    QVERIFY2(QFileInfo::exists(nodeDir() + QStringLiteral("/node_modules/centrifuge")),
             "tests/node/node_modules is missing: run scripts/install-deps.sh");
    const QString channel = QStringLiteral("chat:pb-sdk-%1").arg(++m_channelSerial);
    NodeScript subscriber;
    QVERIFY2(subscriber.start(nodeScript("sdk-subscriber.js"),
                              {m_server.webSocketUrl().toString(), channel, QStringLiteral("2"), s("protobuf")}),
             qPrintable(subscriber.failureContext()));
    const auto connected = subscriber.waitForLine(s("connected"));
    QVERIFY2(connected, qPrintable(subscriber.failureContext()));
    QCOMPARE(connected->value(s("format")).toString(), s("protobuf"));
    QVERIFY2(subscriber.waitForLine(s("subscribed")), qPrintable(subscriber.failureContext()));

    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    const QJsonObject data{{s("text"), s("from inspector")}};
    const QJsonObject binary{{s("$base64"), s("3q2+7w==")}};
    const quint32 first =
        session.sendCommand(QJsonObject{{s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), data}}}});
    QVERIFY2(log.waitReply(first), qPrintable(log.dump()));
    const quint32 second =
        session.sendCommand(QJsonObject{{s("publish"), QJsonObject{{s("channel"), channel}, {s("data"), binary}}}});
    QVERIFY2(log.waitReply(second), qPrintable(log.dump()));

    const auto p1 = subscriber.waitForLine(s("publication"));
    QVERIFY2(p1, qPrintable(subscriber.failureContext()));
    QCOMPARE(p1->value(s("data")).toObject(), data);
    // The bytes on the wire are the compact JSON text.
    QCOMPARE(QByteArray::fromBase64(p1->value(s("base64")).toString().toLatin1()),
             QByteArray(R"({"text":"from inspector"})"));
    QCOMPARE(p1->value(s("client")).toString(), session.clientId());
    const auto p2 = subscriber.waitForLine(s("publication"));
    QVERIFY2(p2, qPrintable(subscriber.failureContext()));
    QCOMPARE(p2->value(s("base64")).toString(), s("3q2+7w=="));
    QCOMPARE(p2->value(s("data")).toObject(), binary); // the SDK script shows bytes the same way
    QVERIFY2(subscriber.waitForFinished(), qPrintable(subscriber.failureContext()));
    QCOMPARE(subscriber.exitCode(), 0);
}

void TestProtobufSession::inspectorReceivesSdkPublications()
{
    QVERIFY2(QFileInfo::exists(nodeDir() + QStringLiteral("/node_modules/centrifuge")),
             "tests/node/node_modules is missing: run scripts/install-deps.sh");
    const QString channel = QStringLiteral("chat:pb-sdk-%1").arg(++m_channelSerial);
    Session session;
    FrameLog log(&session);
    QVERIFY(openConnected(session, log, options()));
    const quint32 subId = session.sendCommand(QJsonObject{{s("subscribe"), QJsonObject{{s("channel"), channel}}}});
    QVERIFY2(log.waitReply(subId), qPrintable(log.dump()));

    NodeScript publisher;
    QVERIFY2(publisher.start(nodeScript("sdk-protobuf-publisher.js"),
                             {m_server.webSocketUrl().toString(), channel, s(R"({"text":"from sdk","n":[1,2]})")}),
             qPrintable(publisher.failureContext()));
    const auto connected = publisher.waitForLine(s("connected"));
    QVERIFY2(connected, qPrintable(publisher.failureContext()));
    QVERIFY2(publisher.waitForLine(s("published")), qPrintable(publisher.failureContext()));
    const auto push = log.waitPub(channel, obj(R"({"text":"from sdk","n":[1,2]})"));
    QVERIFY2(push, qPrintable(log.dump()));
    QCOMPARE(pushBody(*push, "pub").value(s("info")).toObject().value(s("client")).toString(),
             connected->value(s("client")).toString());
    QVERIFY(publisher.waitForFinished());
    QCOMPARE(publisher.exitCode(), 0);

    NodeScript binaryPublisher;
    QVERIFY2(binaryPublisher.start(nodeScript("sdk-protobuf-publisher.js"),
                                   {m_server.webSocketUrl().toString(), channel, s("--base64"), s("3q2+7w==")}),
             qPrintable(binaryPublisher.failureContext()));
    QVERIFY2(binaryPublisher.waitForLine(s("published")), qPrintable(binaryPublisher.failureContext()));
    QVERIFY2(log.waitPub(channel, QJsonObject{{s("$base64"), s("3q2+7w==")}}), qPrintable(log.dump()));
    QVERIFY(binaryPublisher.waitForFinished());
    QCOMPARE(binaryPublisher.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestProtobufSession)
#include "tst_protobufsession.moc"
