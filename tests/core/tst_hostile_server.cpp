// The Session against a FAKE server (tests/support/FakeHostileServer) that misbehaves in ways a real Centrifugo
// never does. Each case checks: no crash, the right words (log lines, close code and reason), every frame kept
// (in the session's frames and in a TimelineModel), and memory bounded (resident set size before and after).
#include "fakehostileserver.h"
#include "protobufcodec.h"
#include "session.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using Protocol::Direction;
using Protocol::MessageKind;

namespace {

// Resident set size of this process (second field of /proc/self/statm, in pages).
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

constexpr qint64 kMiB = 1024 * 1024;

QByteArray pushLine(const QByteArray &channel, int n)
{
    return "{\"push\":{\"channel\":\"" + channel + "\",\"pub\":{\"data\":{\"n\":" + QByteArray::number(n) + "}}}}";
}

// A Session connected to the fake server, with everything it emits recorded, and a timeline fed as the
// application feeds it.
class Client : public QObject
{
public:
    explicit Client(Protocol::Format format = Protocol::Format::Json)
    {
        options.url = QUrl(); // set by open()
        options.format = format;
        timeline.setCap(4000000);
        connect(&session, &Session::frame, this, [this](const Frame &f) {
            if (keepFrames)
                frames.append(f);
            ++frameCount;
            timeline.appendFrame(f);
        });
        connect(&session, &Session::logged, this, [this](const LogEntry &e) { logs.append(e.message); });
    }

    // Listens, opens the session and waits for the connect reply (or only for the TCP accept when the fake
    // answers the upgrade wrongly).
    bool open(bool waitConnected = true)
    {
        if (!fake.isListening() && !fake.listen())
            return false;
        fake.setAutoConnectReply(true);
        options.url = fake.url();
        session.open(options);
        if (!waitConnected)
            return true;
        return QTest::qWaitFor([this] { return session.state() == Session::State::Connected; }, 10000);
    }

    bool waitForFrames(qint64 n, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this, n] { return frameCount >= n; }, timeoutMs);
    }
    bool waitDisconnected(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return session.state() == Session::State::Disconnected; }, timeoutMs);
    }

    // The received frames after the connect reply.
    QList<Frame> incoming() const
    {
        QList<Frame> out;
        for (const Frame &f : frames) {
            if (f.direction == Direction::In &&
                !(f.messages.size() == 1 && f.messages[0].method == Protocol::Method::Connect))
                out.append(f);
        }
        return out;
    }

    bool logged(const QString &words) const
    {
        for (const QString &line : logs) {
            if (line.contains(words))
                return true;
        }
        return false;
    }
    QString logText() const { return logs.join(QLatin1Char('\n')); }

    FakeHostileServer fake;
    SessionOptions options;
    Session session;
    TimelineModel timeline;
    QList<Frame> frames;
    qint64 frameCount = 0;
    bool keepFrames = true;
    QStringList logs;
};

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void fakeServerUpgradesAndConnects();
    void nonJsonText();
    void jsonThatIsNotAnObject();
    void binaryFrameInJsonMode();
    void textFrameInProtobufMode();
    void protobufVarintOverflow();
    void protobufLengthPastEnd();
    void protobufNestedLengthPastEnd();
    void hugeFrame64MiB();
    void hundredThousandRepliesInOneFrame();
    void replyToIdNeverSent();
    void duplicateReplies();
    void pushForChannelNeverSubscribed();
    void deepNesting100k();
    void deepNestingProtobuf();
    void http200InsteadOf101();
    void garbageInsteadOfHttp();
    void stallMidFrame();
    void closeReasonOver125Bytes();
    void invalidCloseCodes_data();
    void invalidCloseCodes();
    void reservedOpcode();
    void reservedBitsSet();
    void continuationWithoutStart();
    void frameLengthOverflow();
    void fragmentedWithPingBetween();
    void tcpResetAfterPartialFrame();
    void millionSmallPushes();
};

void TestHostileServer::fakeServerUpgradesAndConnects()
{
    Client c;
    QVERIFY(c.open());
    QCOMPARE(c.session.clientId(), QStringLiteral("fake-client"));
    c.fake.sendText(pushLine("c", 1));
    QVERIFY(c.waitForFrames(3));
    c.session.close();
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1000);
    QVERIFY(c.fake.handshakeRequest().startsWith("GET /connection/websocket HTTP/1.1"));
}

void TestHostileServer::nonJsonText()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText("hello, this is not JSON");
    c.fake.sendText(pushLine("c", 2)); // still read after the garbage
    QVERIFY(c.waitForFrames(4));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 2);
    QCOMPARE(in[0].raw, QByteArray("hello, this is not JSON"));
    QCOMPARE(in[0].messages.size(), 1);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Invalid);
    QVERIFY2(c.logged(QStringLiteral("Could not decode a server message")), qPrintable(c.logText()));
    QCOMPARE(in[1].messages[0].kind, MessageKind::Push);
    QCOMPARE(c.session.state(), Session::State::Connected);
    c.timeline.flush();
    QCOMPARE(c.timeline.frameCount(), c.frameCount);
}

void TestHostileServer::jsonThatIsNotAnObject()
{
    Client c;
    QVERIFY(c.open());
    const QList<QByteArray> bodies = {"[1,2,3]", "null", "42", "\"text\"", "{\"id\":", "{}{}", "{\"id\":-1}"};
    for (const QByteArray &b : bodies)
        c.fake.sendText(b);
    QVERIFY(c.waitForFrames(2 + bodies.size()));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), bodies.size());
    for (int i = 0; i < bodies.size(); ++i) {
        QCOMPARE(in[i].raw, bodies[i]);
        QVERIFY(!in[i].messages.isEmpty());
    }
    for (int i = 0; i < 6; ++i)
        QVERIFY2(in[i].messages[0].kind == MessageKind::Invalid, in[i].raw.constData());
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::binaryFrameInJsonMode()
{
    Client c;
    QVERIFY(c.open());
    const QByteArray bytes("\x00\xff\x10garbage\x80", 11);
    c.fake.sendBinary(bytes);
    c.fake.sendBinary(pushLine("c", 1)); // JSON in a binary frame
    QVERIFY(c.waitForFrames(4));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 2);
    QVERIFY(in[0].binary);
    QCOMPARE(in[0].raw, bytes);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Invalid);
    QVERIFY(in[1].binary);
    QCOMPARE(in[1].raw, pushLine("c", 1));
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::textFrameInProtobufMode()
{
    Client c(Protocol::Format::Protobuf);
    QVERIFY(c.open());
    QCOMPARE(c.session.clientId(), QStringLiteral("fake-client"));
    c.fake.sendText(pushLine("c", 1));
    QVERIFY(c.waitForFrames(3));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 1);
    QVERIFY(!in[0].binary);
    QCOMPARE(in[0].raw, pushLine("c", 1));
    QVERIFY(!in[0].messages.isEmpty());
    QCOMPARE(in[0].messages.last().kind, MessageKind::Invalid);
    QVERIFY2(c.logged(QStringLiteral("Could not decode a server message")), qPrintable(c.logText()));
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::protobufVarintOverflow()
{
    Client c(Protocol::Format::Protobuf);
    QVERIFY(c.open());
    c.fake.sendBinary(QByteArray(11, '\xff'));                             // a length prefix of 11 continuation bytes
    c.fake.sendBinary(QByteArray("\x02\x08", 2) + QByteArray(10, '\xff')); // a field varint that never ends
    QVERIFY(c.waitForFrames(4));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 2);
    QCOMPARE(in[0].messages.size(), 1);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Invalid);
    QVERIFY2(in[0].messages[0].text.contains(QStringLiteral("longer than 10 bytes")),
             qPrintable(in[0].messages[0].text));
    QCOMPARE(in[1].messages[0].kind, MessageKind::Invalid);
    QVERIFY(c.logged(QStringLiteral("Could not decode a server message")));
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::protobufLengthPastEnd()
{
    Client c(Protocol::Format::Protobuf);
    QVERIFY(c.open());
    // A valid ping (0x00), then a prefix announcing 100 bytes with 3 left.
    c.fake.sendBinary(QByteArray("\x00\x64\x01\x02\x03", 5));
    QVERIFY(c.waitForFrames(3));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 1);
    QCOMPARE(in[0].messages.size(), 2);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Ping);
    QCOMPARE(in[0].messages[1].kind, MessageKind::Invalid);
    QVERIFY2(in[0].messages[1].text.contains(QStringLiteral("announces 100 bytes, but only 3")),
             qPrintable(in[0].messages[1].text));
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::protobufNestedLengthPastEnd()
{
    Client c(Protocol::Format::Protobuf);
    QVERIFY(c.open());
    // Reply{push (field 4, length 0x7f)} inside a correct 3-byte prefix: the nested length runs past the end.
    c.fake.sendBinary(QByteArray("\x03\x22\x7f\x0a", 4));
    // Reply with a wire type 7 (does not exist).
    c.fake.sendBinary(QByteArray("\x02\x0f\x01", 3));
    QVERIFY(c.waitForFrames(4));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 2);
    for (const Frame &f : in) {
        QCOMPARE(f.messages.size(), 1);
        QCOMPARE(f.messages[0].kind, MessageKind::Invalid);
        QVERIFY2(f.messages[0].text.contains(QStringLiteral("not a valid Protobuf Reply")),
                 qPrintable(f.messages[0].text));
        (void)f.messages[0].json(); // opening it must not crash
    }
}

void TestHostileServer::hugeFrame64MiB()
{
    Client c;
    QVERIFY(c.open());
    const qint64 before = residentBytes();
    // One text frame of 64 MiB: a publication whose data is one long string, streamed so the fake's own buffer
    // stays small.
    const QByteArray head = "{\"push\":{\"channel\":\"big\",\"pub\":{\"data\":\"";
    const QByteArray tail = "\"}}}";
    const qint64 size = 64 * kMiB;
    const qint64 fill = size - head.size() - tail.size();
    const QByteArray header = FakeHostileServer::frameHeader(FakeHostileServer::Text, quint64(size));
    const QByteArray chunk(kMiB, 'x');
    const qint64 pieces = 2 + fill / kMiB + 1;
    c.fake.sendStream(pieces, [&](qint64 i) -> QByteArray {
        if (i == 0)
            return header + head;
        if (i == pieces - 1)
            return tail;
        const qint64 done = (i - 1) * kMiB;
        return chunk.left(int(qMin<qint64>(kMiB, fill - done)));
    });
    QVERIFY(c.waitForFrames(3, 120000));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 1);
    QCOMPARE(in[0].raw.size(), size);
    QVERIFY(in[0].raw.startsWith(head));
    QVERIFY(in[0].raw.endsWith(tail));
    QCOMPARE(in[0].messages.size(), 1);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Push);
    QCOMPARE(in[0].messages[0].channel, QStringLiteral("big"));
    c.timeline.flush();
    QCOMPARE(c.timeline.frameCount(), 3);
    QCOMPARE(c.timeline.data(c.timeline.index(2, 0), TimelineModel::SizeRole).toLongLong(), size);
    // Kept: the frame (here and in the timeline); transient: QWebSocket's buffers and its UTF-16 string.
    const qint64 grown = residentBytes() - before;
    QVERIFY2(grown < 8 * size, qPrintable(QStringLiteral("resident set grew by %1 MiB").arg(grown / kMiB)));
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::hundredThousandRepliesInOneFrame()
{
    Client c;
    QVERIFY(c.open());
    const qint64 before = residentBytes();
    QByteArray payload;
    for (int i = 1; i <= 100000; ++i)
        payload += "{\"id\":" + QByteArray::number(1000000 + i) + ",\"rpc\":{\"data\":{\"i\":" + QByteArray::number(i) +
                   "}}}\n";
    c.fake.sendText(payload);
    QVERIFY(c.waitForFrames(3, 60000));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 1);
    QCOMPARE(in[0].messages.size(), 100000);
    for (const ProtocolMessage &m : in[0].messages)
        QCOMPARE(m.kind, MessageKind::Reply);
    QCOMPARE(in[0].messages.last().id, 1100000u);
    c.timeline.flush();
    QCOMPARE(c.timeline.rowCount(), 2 + 100000);
    QCOMPARE(c.timeline.data(c.timeline.index(c.timeline.rowCount() - 1, 0), TimelineModel::IdRole).toUInt(), 1100000u);
    const qint64 grown = residentBytes() - before;
    QVERIFY2(grown < 400 * kMiB, qPrintable(QStringLiteral("resident set grew by %1 MiB").arg(grown / kMiB)));
}

void TestHostileServer::replyToIdNeverSent()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText("{\"id\":4242,\"subscribe\":{}}");
    c.fake.sendText("{\"id\":4243,\"error\":{\"code\":100,\"message\":\"internal\"}}");
    QVERIFY(c.waitForFrames(4));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 2);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Reply);
    QCOMPARE(in[0].messages[0].id, 4242u);
    QCOMPARE(in[0].messages[0].rttMs, -1.0); // no command with that id: no round trip
    QCOMPARE(in[1].messages[0].kind, MessageKind::Error);
    QCOMPARE(in[1].messages[0].code, 100);
    QCOMPARE(c.session.state(), Session::State::Connected);
    QVERIFY(c.session.inFlightIds().isEmpty());
}

void TestHostileServer::duplicateReplies()
{
    Client c;
    QVERIFY(c.open());
    c.fake.setMessageHandler([&c](const FakeHostileServer::ClientMessage &m) {
        const QJsonObject cmd = QJsonDocument::fromJson(m.payload).object();
        if (!cmd.contains(QLatin1String("subscribe")))
            return;
        const QByteArray reply =
            "{\"id\":" + QByteArray::number(cmd.value(QLatin1String("id")).toInt()) + ",\"subscribe\":{}}";
        c.fake.sendText(reply);
        c.fake.sendText(reply);
        c.fake.sendText(reply + "\n" + reply); // and twice more in one frame
    });
    const quint32 id = c.session.sendCommand(
        QJsonObject{{QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("x")}}}});
    QVERIFY(c.waitForFrames(6));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 3);
    QCOMPARE(in[0].messages[0].id, id);
    QVERIFY(in[0].messages[0].rttMs >= 0); // the first matches the command
    QCOMPARE(in[0].messages[0].channel, QStringLiteral("x"));
    QCOMPARE(in[1].messages[0].rttMs, -1.0); // the others match nothing
    QCOMPARE(in[2].messages.size(), 2);
    c.timeline.flush();
    QCOMPARE(c.timeline.rowCount(), 2 + 1 + 4);
}

void TestHostileServer::pushForChannelNeverSubscribed()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText(pushLine("never:subscribed", 1));
    c.fake.sendText("{\"push\":{\"channel\":\"other\",\"unsubscribe\":{\"code\":2000,\"reason\":\"x\"}}}");
    c.fake.sendText("{\"push\":{\"channel\":\"other\",\"join\":{\"info\":{\"client\":\"a\"}}}}");
    QVERIFY(c.waitForFrames(5));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 3);
    QCOMPARE(in[0].messages[0].kind, MessageKind::Push);
    QCOMPARE(in[0].messages[0].channel, QStringLiteral("never:subscribed"));
    QCOMPARE(in[1].messages[0].push, Protocol::PushType::Unsubscribe);
    QCOMPARE(in[2].messages[0].push, Protocol::PushType::Join);
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::deepNesting100k()
{
    Client c;
    QVERIFY(c.open());
    const int depth = 100000;
    const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
    const QByteArray deepObject = QByteArray(depth, '{').replace("{", "{\"a\":") + "1" + QByteArray(depth, '}');
    c.fake.sendText("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":" + deep + "}}}");
    c.fake.sendText(deep);
    c.fake.sendText("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":" + deepObject + "}}}");
    c.fake.sendText(pushLine("c", 1));
    QVERIFY(c.waitForFrames(6, 30000));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 4);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!in[i].messages.isEmpty());
        // Opening the message (detail pane) parses it: must not crash either.
        for (const ProtocolMessage &m : in[i].messages)
            (void)m.json();
    }
    QCOMPARE(in[3].messages[0].kind, MessageKind::Push);
    QVERIFY2(c.logged(QStringLiteral("too deeply nested")), qPrintable(c.logText()));
    QCOMPARE(c.session.state(), Session::State::Connected);
    c.timeline.flush();
    QCOMPARE(c.timeline.frameCount(), c.frameCount);
    for (int row = 0; row < c.timeline.rowCount(); ++row)
        QVERIFY(!c.timeline.data(c.timeline.index(row, 0), TimelineModel::DescriptionRole).toString().isEmpty());
}

void TestHostileServer::deepNestingProtobuf()
{
    Client c(Protocol::Format::Protobuf);
    QVERIFY(c.open());
    // Push.pub is a message; a Reply whose push field nests 100,000 levels of "field 4, length-delimited".
    QByteArray inner;
    for (int i = 0; i < 100000 && inner.size() < 200000; ++i) {
        QByteArray len;
        quint64 v = quint64(inner.size());
        do {
            len.append(char((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
            v >>= 7;
        } while (v);
        inner = "\x22" + len + inner;
    }
    QByteArray prefix;
    quint64 v = quint64(inner.size());
    do {
        prefix.append(char((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
        v >>= 7;
    } while (v);
    c.fake.sendBinary(prefix + inner);
    QVERIFY(c.waitForFrames(3, 30000));
    const QList<Frame> in = c.incoming();
    QCOMPARE(in.size(), 1);
    QCOMPARE(in[0].messages.size(), 1);
    (void)in[0].messages[0].json();
    QCOMPARE(c.session.state(), Session::State::Connected);
}

void TestHostileServer::http200InsteadOf101()
{
    Client c;
    QVERIFY(c.fake.listen());
    c.fake.setHandshake(FakeHostileServer::Handshake::Custom,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
    QVERIFY(c.open(false));
    QTRY_VERIFY2(c.logged(QStringLiteral("Unhandled http status code: 200")), qPrintable(c.logText()));
    // QWebSocket reports the refused upgrade but leaves the socket open; the session gives up on it at once.
    QVERIFY(c.waitDisconnected(3000));
    // Whatever happened before, the server hanging up ends it with the words of an abnormal closure.
    c.fake.disconnectClient();
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1006);
    QVERIFY2(!c.session.closeReason().isEmpty(), "the close must say why");
    QVERIFY2(c.logged(QStringLiteral("abnormal closure")), qPrintable(c.logText()));
    QCOMPARE(c.frames.size(), 1);
    QVERIFY(c.frames[0].close);
}

void TestHostileServer::garbageInsteadOfHttp()
{
    Client c;
    QVERIFY(c.fake.listen());
    c.fake.setHandshake(FakeHostileServer::Handshake::Custom, QByteArray(300, '\x01') + "\r\n\r\n");
    QVERIFY(c.open(false));
    QTRY_VERIFY(c.fake.hasClient() || c.session.state() == Session::State::Disconnected);
    c.fake.disconnectClient();
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1006);
    QCOMPARE(c.frames.size(), 1);
    QVERIFY(c.frames[0].close);
}

void TestHostileServer::stallMidFrame()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText(pushLine("c", 1));
    const QByteArray next = FakeHostileServer::frame(FakeHostileServer::Text, pushLine("c", 2));
    c.fake.sendRaw(next.left(next.size() / 2));
    QVERIFY(c.waitForFrames(3));
    // The rest never comes: the session keeps what it had and stays up.
    // A round trip after the half frame: the client sends a command and the fake reads it, so the client has
    // had its turns to read the half frame meanwhile.
    c.session.sendCommand(
        QJsonObject{{QStringLiteral("presence"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("c")}}}});
    QTRY_COMPARE(c.fake.receivedData().size(), 2); // connect, presence
    QCOMPARE(c.incoming().size(), 1);              // the first push only
    QCOMPARE(c.session.state(), Session::State::Connected);
    // Then the server goes away mid-frame: the half frame is not made up into a message, the close is reported.
    c.fake.disconnectClient();
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.incoming().size(), 2); // the push and the close
    QVERIFY(c.frames.last().close);
    QCOMPARE(c.session.closeCode(), 1006);
    QVERIFY(c.logged(QStringLiteral("abnormal closure")));
}

void TestHostileServer::closeReasonOver125Bytes()
{
    Client c;
    QVERIFY(c.open());
    c.fake.setAnswerControlFrames(false);
    const QByteArray reason(200, 'r');
    c.fake.sendClose(3000, reason);
    QVERIFY(c.waitDisconnected());
    QVERIFY(c.frames.last().close);
    // A control frame over 125 bytes breaks RFC 6455: QWebSocket fails the connection as a protocol error
    // (1002) instead of taking the reason.
    QCOMPARE(c.session.closeCode(), 1002);
    QVERIFY2(!c.session.closeReason().contains(QLatin1String(reason)), qPrintable(c.session.closeReason()));
    QVERIFY2(c.session.closeReason().contains(QLatin1String("larger than 125 bytes")),
             qPrintable(c.session.closeReason()));
    QVERIFY2(c.logged(QStringLiteral("1002")), qPrintable(c.logText()));
}

void TestHostileServer::invalidCloseCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("999") << 999;
    QTest::newRow("1005 (reserved)") << 1005;
    QTest::newRow("1006 (reserved)") << 1006;
    QTest::newRow("2999") << 2999;
    QTest::newRow("5000") << 5000;
    QTest::newRow("one byte") << -2;
}

void TestHostileServer::invalidCloseCodes()
{
    QFETCH(int, code);
    Client c;
    QVERIFY(c.open());
    c.fake.setAnswerControlFrames(false);
    if (code == -2)
        c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Close, QByteArray(1, '\x03')));
    else
        c.fake.sendClose(code, "bad code");
    QVERIFY(c.waitDisconnected());
    QVERIFY(c.frames.last().close);
    QCOMPARE(c.session.closeCode(), 1002); // a protocol error, not the code the server sent
    QVERIFY2(c.logged(QStringLiteral("1002")), qPrintable(c.logText()));
    // The client answered with a close frame of its own (or dropped TCP): the fake saw the connection end.
    QTRY_VERIFY(!c.fake.hasClient());
}

void TestHostileServer::reservedOpcode()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText(pushLine("c", 1));
    c.fake.sendRaw(FakeHostileServer::frame(3, "reserved"));
    QVERIFY(c.waitDisconnected());
    // The push, the rejected frame (QWebSocket dropped it; its reason stands in for it) and the close.
    QCOMPARE(c.incoming().size(), 3);
    QVERIFY(c.incoming()[1].rejected);
    QCOMPARE(c.session.closeCode(), 1002);
    QVERIFY2(c.session.closeReason().contains(QLatin1String("reserved opcode")), qPrintable(c.session.closeReason()));
}

void TestHostileServer::reservedBitsSet()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Text, pushLine("c", 1), true, false, 4)); // RSV1
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1002);
    QVERIFY(c.frames.last().close);
}

void TestHostileServer::continuationWithoutStart()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Continuation, pushLine("c", 1)));
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1002);
}

void TestHostileServer::frameLengthOverflow()
{
    Client c;
    QVERIFY(c.open());
    const qint64 before = residentBytes();
    // A header announcing 2^63 - 1 bytes, then a few bytes: must not allocate, must fail the connection.
    c.fake.sendRaw(FakeHostileServer::frameHeader(FakeHostileServer::Text, (quint64(1) << 63) - 1) + "abc");
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.session.closeCode(), 1009);
    QVERIFY2(c.session.closeReason().contains(QLatin1String("framesize exceeded")),
             qPrintable(c.session.closeReason()));
    QVERIFY(residentBytes() - before < 64 * kMiB);
}

void TestHostileServer::fragmentedWithPingBetween()
{
    Client c;
    QVERIFY(c.open());
    const QByteArray line = pushLine("c", 7);
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Text, line.left(10), false));
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Ping, "p"));
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Continuation, line.mid(10, 5), false));
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Continuation, line.mid(15), true));
    QVERIFY(c.waitForFrames(3));
    QTRY_VERIFY(c.fake.received().size() >= 2); // the pong
    QCOMPARE(c.fake.received().last().opcode, quint8(FakeHostileServer::Pong));
    QCOMPARE(c.incoming().size(), 1);
    QCOMPARE(c.incoming()[0].raw, line);
    QCOMPARE(c.incoming()[0].messages[0].kind, MessageKind::Push);
}

void TestHostileServer::tcpResetAfterPartialFrame()
{
    Client c;
    QVERIFY(c.open());
    c.fake.sendText(pushLine("c", 1));
    c.fake.sendRaw(FakeHostileServer::frame(FakeHostileServer::Text, pushLine("c", 2)).left(7));
    QVERIFY(c.waitForFrames(3));
    c.fake.resetClient();
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.frameCount, 4);
    QVERIFY(c.frames.last().close);
    QCOMPARE(c.session.closeCode(), 1006);
    QVERIFY(c.logged(QStringLiteral("abnormal closure")));
}

void TestHostileServer::millionSmallPushes()
{
    Client c;
    c.keepFrames = false; // the timeline keeps them; a QList<Frame> of a million would be the test's own cost
    QVERIFY(c.open());
    const qint64 before = residentBytes();
    const qint64 count = 1000000;
    // Frames written as fast as the client reads them, 1000 per piece.
    const qint64 perPiece = 1000;
    c.fake.sendStream(count / perPiece, [](qint64 piece) {
        QByteArray out;
        for (qint64 i = piece * perPiece; i < (piece + 1) * perPiece; ++i)
            out += FakeHostileServer::frame(FakeHostileServer::Text, pushLine("flood", int(i)));
        return out;
    });
    QVERIFY2(c.waitForFrames(2 + count, 240000), qPrintable(QString::number(c.frameCount)));
    c.timeline.flush();
    QCOMPARE(c.timeline.frameCount(), 2 + count);
    QCOMPARE(c.timeline.rowCount(), 2 + count);
    QCOMPARE(c.timeline.droppedCount(), 0);
    // Every publication, in order: spot-check the first, the last and a few in between.
    for (qint64 i : {qint64(0), qint64(1), qint64(123456), count - 1}) {
        const QByteArray raw = c.timeline.data(c.timeline.index(int(2 + i), 0), TimelineModel::RawRole).toByteArray();
        QCOMPARE(raw, pushLine("flood", int(i)));
    }
    // The timeline stores a compact index plus the bytes (about 70 per push here).
    const qint64 grown = residentBytes() - before;
    QVERIFY2(grown < 1024 * kMiB, qPrintable(QStringLiteral("resident set grew by %1 MiB").arg(grown / kMiB)));
    qInfo("1,000,000 pushes: resident set grew by %lld MiB", grown / kMiB);
    QCOMPARE(c.session.state(), Session::State::Connected);
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostile_server.moc"
