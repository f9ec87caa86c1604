#include "framecompare.h"
#include "framerecord.h"
#include "jsoncodec.h"
#include "protobufcodec.h"
#include "timelinetestdata.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <functional>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

Q_DECLARE_METATYPE(Frame)

namespace {

// 2024-02-29T23:59:58.123Z
constexpr qint64 kLeapTime = 1709251198123;

// The shared test frames, on a leap day.
Frame serverFrame(const QByteArray &payload, qint64 time = kLeapTime)
{
    return TimelineTestData::serverFrame(payload, time);
}

Frame clientFrame(const QByteArray &payload, qint64 time = kLeapTime)
{
    return TimelineTestData::clientFrame(payload, time);
}

Frame closeFrame(int code, const QString &reason)
{
    return TimelineTestData::closeFrame(code, reason, kLeapTime);
}

QJsonObject lineObject(const QByteArray &line)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", line.constData());
    return doc.object();
}

} // namespace

class TestFrameRecord : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void fromRawKeepsServerBytes();
    void recordsAllFields();
    void multiMessageFrameListsKinds();
    void metaLeftOutOnlyWhenLineFieldsSayAll_data();
    void metaLeftOutOnlyWhenLineFieldsSayAll();
    void binaryFrameIsBase64();
    void protobufFrameWritesConvertedText();
    void protobufRawLeftOutOnlyWhenTextGivesBytesBack_data();
    void protobufRawLeftOutOnlyWhenTextGivesBytesBack();
    void closeFrameHasCodeAndReason();
    void timeFormat_data();
    void timeFormat();
    void linesKeepTheirOwnTimeAndChannel();
    void readsOtherTimeSpellings();
    void toleratesLineEndings();
    void rejectsBadLines_data();
    void rejectsBadLines();
    void randomTextFramesRoundTrip();
    void rawLeftOutOnlyWhenFrameIsPayload_data();
    void rawLeftOutOnlyWhenFrameIsPayload();
    void readsPayloadFromFrameText_data();
    void randomObjectFramesRoundTrip();
    void readsPayloadFromFrameText();
};

void TestFrameRecord::roundTrip_data()
{
    QTest::addColumn<Frame>("frame");

    Frame pub = serverFrame(
        R"({"push":{"channel":"chat:room","pub":{"data":{"text":"héllo 你好 🎉 \"q\" \\ \n\t\u0001 ","n":1.5},"offset":3}}})");
    QTest::newRow("push pub, unicode and escapes") << pub;

    Frame reply = serverFrame(R"({"id":1,"connect":{"client":"abc","version":"6.9.1 OSS","ping":25,"pong":true}})");
    reply.messages[0].rttMs = 1.2345678901234567;
    QTest::newRow("connect reply with rtt") << reply;

    Frame multi = serverFrame("{\"id\":2,\"subscribe\":{\"recoverable\":true,\"epoch\":\"x\"}}\n"
                              "{\"push\":{\"channel\":\"chat:a\",\"join\":{\"info\":{\"client\":\"c\"}}}}\n"
                              "{\"id\":3,\"presence_stats\":{\"num_clients\":1,\"num_users\":1}}");
    multi.messages[0].rttMs = 0.5;
    multi.messages[2].rttMs = 0.75;
    QTest::newRow("three messages, two rtts") << multi;

    QTest::newRow("two messages, trailing newline")
        << serverFrame("{\"id\":2,\"presence_stats\":{}}\n{\"id\":3,\"presence_stats\":{}}\n");
    QTest::newRow("CRLF lines") << serverFrame("{\"id\":2,\"presence_stats\":{}}\r\n{}\r\n");
    QTest::newRow("same line twice") << serverFrame("{}\n{}");

    Frame error = serverFrame(R"({"id":4,"error":{"code":103,"message":"permission denied"}})");
    error.messages[0].method = Method::Subscribe; // the session knows which command failed
    error.messages[0].rttMs = 2;
    QTest::newRow("error reply with its command's method") << error;

    QTest::newRow("server ping") << serverFrame("{}");
    QTest::newRow("client pong") << clientFrame("{}");
    QTest::newRow("client ping command") << clientFrame(R"({"id":7,"ping":{}})");
    QTest::newRow("connect and subscribe commands")
        << clientFrame("{\"connect\":{\"name\":\"n\"},\"id\":1}\n{\"id\":2,\"subscribe\":{\"channel\":\"a\"}}");
    QTest::newRow("unicode channel in command") << clientFrame(R"({"id":9,"subscribe":{"channel":"新闻"}})");
    QTest::newRow("id only command") << clientFrame(R"({"id":2})");
    QTest::newRow("invalid JSON") << clientFrame(R"({"id":3,)");
    QTest::newRow("not an object") << serverFrame("[1,2]");
    QTest::newRow("empty frame") << clientFrame("");
    QTest::newRow("blank lines only") << clientFrame("\n\n");
    QTest::newRow("max id") << serverFrame(R"({"id":4294967295,"presence_stats":{"num_clients":0}})");
    QTest::newRow("unsubscribe push") << serverFrame(
        R"({"push":{"channel":"c","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})");
    QTest::newRow("disconnect push") << serverFrame(
        R"({"push":{"disconnect":{"code":3001,"reason":"shutdown","reconnect":true}}})");

    Frame badUtf8 = clientFrame(QByteArray("{\"id\":1,\"x\":\"\xff\xfe\"}"));
    QTest::newRow("text frame that is not UTF-8") << badUtf8;
    Frame surrogate = clientFrame(QByteArray("\xed\xa0\x80"));
    QTest::newRow("UTF-8 encoded surrogate") << surrogate;
    Frame overlong = clientFrame(QByteArray("\xc0\xaf"));
    QTest::newRow("overlong UTF-8") << overlong;
    QTest::newRow("four-byte UTF-8 and U+2028")
        << serverFrame(QByteArray("{\"id\":1,\"rpc\":{\"data\":\"\xf0\x9f\x98\x80\xe2\x80\xa8\"}}"));

    Frame binary;
    binary.timeMs = kLeapTime;
    binary.binary = true;
    binary.raw = QByteArray("\x05\x08\x01\x12\x01\x00\x00\x03\x08\x02\x00\xff", 12);
    ProtocolMessage b1;
    b1.kind = MessageKind::Reply;
    b1.method = Method::Connect;
    b1.id = 1;
    b1.setJson(QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("connect"), QJsonObject()}});
    b1.raw = binary.raw.mid(1, 5);
    b1.rttMs = 3.25;
    ProtocolMessage b2;
    b2.kind = MessageKind::Push;
    b2.push = PushType::Pub;
    b2.channel = QStringLiteral("chan");
    b2.setJson(QJsonObject{{QStringLiteral("push"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("chan")}}}});
    b2.raw = binary.raw.mid(7, 5);
    binary.messages = {b1, b2};
    QTest::newRow("binary, two messages") << binary;

    Frame binaryOne = binary;
    binaryOne.messages = {b1};
    QTest::newRow("binary, one message inside the payload") << binaryOne;
    Frame binaryWhole = binary;
    binaryWhole.messages = {b1};
    binaryWhole.messages[0].raw = binaryWhole.raw;
    QTest::newRow("binary, one message = payload") << binaryWhole;

    Frame foreign = serverFrame(R"({"id":1,"connect":{}})");
    foreign.messages[0].raw = QByteArray("not in the frame \xff", 19);
    QTest::newRow("message bytes not in the frame") << foreign;

    QTest::newRow("close 3501") << closeFrame(3501, QStringLiteral("bad request"));
    QTest::newRow("close 1000 unicode reason") << closeFrame(1000, QStringLiteral("再见 \"bye\""));
    QTest::newRow("close without reason") << closeFrame(1006, QString());

    Frame none;
    none.timeMs = 0;
    none.direction = Direction::Out;
    none.raw = "abc";
    QTest::newRow("no messages at all") << none;

    Frame odd = serverFrame("{}");
    odd.direction = Direction::Out; // a server ping in an outgoing frame: the kind name alone is ambiguous
    QTest::newRow("ping kind going out") << odd;
    Frame oddCommand = clientFrame(R"({"id":7,"ping":{}})");
    oddCommand.direction = Direction::In;
    QTest::newRow("ping command coming in") << oddCommand;

    Frame proxied = closeFrame(3001, QStringLiteral("injected by the proxy"));
    proxied.conn = 3;
    proxied.injected = Frame::Injected::Close;
    QTest::newRow("proxy: injected close of connection 3") << proxied;
    Frame delayed = serverFrame(R"({"push":{"channel":"c","pub":{"data":{}}}})");
    delayed.conn = 12;
    delayed.injected = Frame::Injected::Delay;
    QTest::newRow("proxy: delayed publication") << delayed;

    Frame serverCall;
    serverCall.timeMs = 1700000000123;
    serverCall.direction = Direction::Out;
    serverCall.origin = Frame::Origin::ServerCall;
    serverCall.raw = R"({"method":"publish","params":{"channel":"news","data":{"n":1}}})";
    QTest::newRow("server API call") << serverCall;
    Frame serverReply = serverCall;
    serverReply.direction = Direction::In;
    serverReply.origin = Frame::Origin::ServerReply;
    serverReply.raw = R"({"result":{}})";
    QTest::newRow("server API reply") << serverReply;
    Frame http = serverCall;
    http.origin = Frame::Origin::HttpExchange;
    http.raw = R"({"status":200,"bytes":31,"ms":2.5})";
    QTest::newRow("emulation HTTP exchange") << http;

    Frame old = serverFrame("{}", -86400000LL * 365 * 10 - 1);
    QTest::newRow("before 1970") << old;
    QTest::newRow("year 10000") << serverFrame("{}", 253402300800000LL + 5);
    QTest::newRow("year 0") << serverFrame("{}", -62167219200000LL);
}

void TestFrameRecord::roundTrip()
{
    QFETCH(Frame, frame);
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw}) {
        const QByteArray line = FrameRecord::toJsonLine(frame, mode);
        QVERIFY2(!line.contains('\n'), line.constData());
        QVERIFY2(!lineObject(line).isEmpty(), line.constData());
        Frame back;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error),
                 qPrintable(error + QLatin1Char(' ') + QString::fromUtf8(line)));
        TestSupport::compareFrames(back, frame);
        // Writing the frame read back gives the same line: the format is stable.
        QCOMPARE(FrameRecord::toJsonLine(back, mode), line);
        // The batching variant writes the same line plus a newline, after what the buffer held.
        QByteArray buffer("previous\n");
        FrameRecord::appendJsonLine(frame, &buffer, mode);
        QCOMPARE(buffer, QByteArray("previous\n") + line + '\n');
    }
}

void TestFrameRecord::fromRawKeepsServerBytes()
{
    // The server's own text (key order, spacing) is kept as "frame", and still reads back as the same JSON.
    const Frame f = serverFrame(R"({"push":{"pub":{"offset":1,"data":{"b":1,"a":2}},"channel":"c"}})");
    const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    QVERIFY2(line.contains(R"("frame":{"push":{"pub":{"offset":1,"data":{"b":1,"a":2}},"channel":"c"}})"),
             line.constData());
    QCOMPARE(lineObject(line).value(QLatin1String("frame")).toObject(), f.messages[0].json());
    // Text that is not a JSON object falls back to the decoded JSON.
    Frame odd = f;
    odd.messages[0].raw = "not json";
    const QByteArray oddLine = FrameRecord::toJsonLine(odd, FrameRecord::FrameJson::FromRaw);
    QCOMPARE(lineObject(oddLine).value(QLatin1String("frame")).toObject(), f.messages[0].json());
}

void TestFrameRecord::recordsAllFields()
{
    Frame f = serverFrame(R"({"id":5,"subscribe":{"recoverable":true}})");
    f.messages[0].rttMs = 1.5;
    const QByteArray line = FrameRecord::toJsonLine(f);
    const QJsonObject o = lineObject(line);
    QCOMPARE(o.value(QLatin1String("time")).toString(), QStringLiteral("2024-02-29T23:59:58.123Z"));
    QCOMPARE(o.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("subscribe_reply"));
    QCOMPARE(o.value(QLatin1String("id")).toInt(), 5);
    QCOMPARE(o.value(QLatin1String("rtt_ms")).toDouble(), 1.5);
    QCOMPARE(o.value(QLatin1String("size")).toInt(), f.raw.size());
    QCOMPARE(o.value(QLatin1String("raw")).toString().toUtf8(), f.raw);
    QCOMPARE(o.value(QLatin1String("frame")).toObject(), f.messages[0].json());
    QVERIFY(!o.contains(QLatin1String("binary")));
    QVERIFY(!o.contains(QLatin1String("kinds")));
    QVERIFY(!o.contains(QLatin1String("meta")));

    const QJsonObject pub =
        lineObject(FrameRecord::toJsonLine(serverFrame(R"({"push":{"channel":"news","pub":{"data":1}}})")));
    QCOMPARE(pub.value(QLatin1String("channel")).toString(), QStringLiteral("news"));
    QCOMPARE(pub.value(QLatin1String("kind")).toString(), QStringLiteral("push_pub"));
    QVERIFY(!pub.contains(QLatin1String("id")));
    QVERIFY(!pub.contains(QLatin1String("rtt_ms")));

    const QJsonObject out = lineObject(FrameRecord::toJsonLine(clientFrame(R"({"id":3,"subscribe":{"channel":"a"}})")));
    QCOMPARE(out.value(QLatin1String("dir")).toString(), QStringLiteral("out"));
    QCOMPARE(out.value(QLatin1String("kind")).toString(), QStringLiteral("subscribe"));
    QCOMPARE(out.value(QLatin1String("channel")).toString(), QStringLiteral("a"));
}

void TestFrameRecord::multiMessageFrameListsKinds()
{
    const Frame f = serverFrame("{\"id\":2,\"subscribe\":{}}\n{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":{}}}}");
    const QJsonObject o = lineObject(FrameRecord::toJsonLine(f));
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("subscribe_reply"));
    QCOMPARE(o.value(QLatin1String("kinds")).toArray(),
             (QJsonArray{QStringLiteral("subscribe_reply"), QStringLiteral("push_pub")}));
    const QJsonArray frames = o.value(QLatin1String("frame")).toArray();
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames.at(1).toObject(), f.messages[1].json());
    QCOMPARE(o.value(QLatin1String("meta")).toArray().at(1).toObject().value(QLatin1String("channel")).toString(),
             QStringLiteral("c"));
}

void TestFrameRecord::metaLeftOutOnlyWhenLineFieldsSayAll_data()
{
    QTest::addColumn<QList<QByteArray>>("replies");
    QTest::addColumn<bool>("protobuf");
    QTest::addColumn<bool>("meta");
    const QByteArray a = R"({"push":{"channel":"a","pub":{"data":{"n":1}}}})";
    const QByteArray a2 = R"({"push":{"channel":"a","pub":{"data":{"n":2}}}})";
    const QByteArray b = R"({"push":{"channel":"b","pub":{"data":{"n":3}}}})";
    const QByteArray join = R"({"push":{"channel":"a","join":{"info":{"user":"u","client":"c"}}}})";
    const QByteArray reply = R"({"id":2,"subscribe":{}})";
    const QByteArray error = R"({"id":3,"error":{"code":103,"message":"permission denied"}})";
    const QByteArray error4 = R"({"id":4,"error":{"code":103,"message":"permission denied"}})";
    for (const bool protobuf : {false, true}) {
        const char *format = protobuf ? "protobuf" : "json";
        QTest::addRow("%s: publications on one channel", format) << QList<QByteArray>{a, a2, a} << protobuf << false;
        QTest::addRow("%s: a publication and a join on one channel", format)
            << QList<QByteArray>{a, join} << protobuf << false;
        QTest::addRow("%s: two channels", format) << QList<QByteArray>{a, b} << protobuf << true;
        QTest::addRow("%s: a reply and a push", format) << QList<QByteArray>{reply, a} << protobuf << true;
        QTest::addRow("%s: two errors with one code", format) << QList<QByteArray>{error, error4} << protobuf << true;
        QTest::addRow("%s: one error twice", format) << QList<QByteArray>{error, error} << protobuf << false;
    }
}

void TestFrameRecord::metaLeftOutOnlyWhenLineFieldsSayAll()
{
    // Without "meta" every message is read back with the line's own fields: the line must leave it out only when
    // that gives each message its own channel, id, code and reason.
    QFETCH(QList<QByteArray>, replies);
    QFETCH(bool, protobuf);
    QFETCH(bool, meta);
    Frame f;
    f.timeMs = kLeapTime;
    if (protobuf) {
        QList<QJsonObject> objects;
        for (const QByteArray &r : replies)
            objects.append(QJsonDocument::fromJson(r).object());
        f.binary = true;
        f.raw = ProtobufCodec::encodeReplies(objects);
        f.messages = ProtobufCodec().decodeServerFrame(f.raw);
    } else {
        f = serverFrame(replies.join('\n'));
    }
    QCOMPARE(f.messages.size(), replies.size());
    const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    QCOMPARE(lineObject(line).contains(QLatin1String("meta")), meta);
    Frame back;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
    TestSupport::compareFrames(back, f);
}

void TestFrameRecord::binaryFrameIsBase64()
{
    Frame f;
    f.timeMs = kLeapTime;
    f.binary = true;
    f.raw = QByteArray("\x00\x01\xff", 3);
    ProtocolMessage m;
    m.kind = MessageKind::Ping;
    m.raw = f.raw;
    f.messages = {m};
    const QJsonObject o = lineObject(FrameRecord::toJsonLine(f));
    QCOMPARE(o.value(QLatin1String("binary")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("raw")).toString(), QStringLiteral("AAH/"));
    QCOMPARE(o.value(QLatin1String("size")).toInt(), 3);
}

void TestFrameRecord::protobufFrameWritesConvertedText()
{
    // FromRaw writes a Protobuf message's JSON as text straight from its bytes (no json()); read back, every
    // message's JSON is the one json() gives, and the line says what FromJson's line says.
    QList<QJsonObject> replies;
    for (
        const char *json :
        {R"({"push":{"channel":"news","pub":{"data":{"b":[1,2.5],"a":"\u00e9\n"},"offset":7,"info":{"user":"u","client":"c"}}}})",
         R"({"push":{"channel":"news","pub":{"data":"text","tags":{"k":"v"}}}})",
         R"({"id":1,"connect":{"client":"c","version":"6.9.1","subs":{"a":{"offset":1}},"ping":25,"pong":true}})",
         R"({"id":2,"presence_stats":{"num_clients":0,"num_users":0}})", R"({})"})
        replies.append(QJsonDocument::fromJson(QByteArray(json)).object());
    Frame f;
    f.timeMs = kLeapTime;
    f.binary = true;
    f.raw = ProtobufCodec::encodeReplies(replies);
    QVERIFY(!f.raw.isEmpty());
    f.messages = ProtobufCodec().decodeServerFrame(f.raw);
    QCOMPARE(f.messages.size(), replies.size());
    QVERIFY(FrameRecord::writesWithoutJson(f, FrameRecord::FrameJson::FromRaw));

    const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    QVERIFY(!line.contains('\n'));
    Frame back;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
    TestSupport::compareFrames(back, f);
    for (qsizetype i = 0; i < replies.size(); ++i)
        QCOMPARE(back.messages.at(i).json(), replies.at(i));
    QCOMPARE(lineObject(line), lineObject(FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromJson)));
}

namespace {

QByteArray varint(quint64 v)
{
    QByteArray out;
    for (; v >= 0x80; v >>= 7)
        out.append(char(v | 0x80));
    out.append(char(v));
    return out;
}

// One field of the Protobuf wire format: a varint (wire type 0) or length-delimited bytes (wire type 2).
QByteArray pbVarint(int number, quint64 v)
{
    return varint(quint64(number) << 3) + varint(v);
}

QByteArray pbBytes(int number, const QByteArray &bytes)
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(bytes.size())) + bytes;
}

QByteArray delimited(const QByteArray &message)
{
    return varint(quint64(message.size())) + message;
}

// A Reply with a publication push (Reply.push = 4, Push.channel = 2, Push.pub = 4, Publication.data = 4,
// Publication.offset = 6).
QByteArray pubReply(const QByteArray &data, const QByteArray &extraPub = {})
{
    return pbBytes(4, pbBytes(2, "news") + pbBytes(4, pbBytes(4, data) + extraPub));
}

} // namespace

void TestFrameRecord::protobufRawLeftOutOnlyWhenTextGivesBytesBack_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("rawLeftOut");
    // libprotobuf's own form: what a server writes.
    QList<QJsonObject> replies;
    for (const char *json :
         {R"({"push":{"channel":"news","pub":{"data":{"b":[1,2.5],"a":"\u00e9\n"},"offset":7,"info":{"user":"u"}}}})",
          R"({"push":{"channel":"news","pub":{"data":"text","offset":"9007199254740993","score":-3,"delta":true}}})",
          R"({"push":{"channel":"news","join":{"info":{"user":"u","client":"c","conn_info":[1]}}}})",
          R"({"push":{"channel":"news","unsubscribe":{"code":2500,"reason":"bye"}}})",
          R"({"id":4,"error":{"code":103,"message":"permission denied","temporary":true}})",
          R"({"id":5,"history":{"publications":[{"data":1,"offset":1},{"data":2,"offset":2}],"epoch":"e","offset":2}})",
          R"({"id":6,"history":{}})", R"({})"}) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray(json)).object();
        QVERIFY(!o.isEmpty() || QByteArray(json) == "{}");
        replies.append(o);
        const QByteArray one = ProtobufCodec::encodeReplies({o});
        QVERIFY(!one.isEmpty());
        QTest::newRow(json) << one << true;
    }
    QTest::newRow("several messages") << ProtobufCodec::encodeReplies(replies) << true;
    QTest::newRow("pushes of a flood") << delimited(pubReply(R"({"seq":1})")) + delimited(pubReply(R"({"seq":2})"))
                                       << true;

    // Bytes a parser reads to the same messages, which libprotobuf would write differently: "raw" is kept.
    QTest::newRow("fields out of number order")
        << delimited(pbBytes(4, pbBytes(4, pbBytes(4, "1")) + pbBytes(2, "news"))) << false;
    QTest::newRow("longer length prefix") << QByteArray("\x80\x00", 2) << false;
    QTest::newRow("longer varint") << delimited(QByteArray("\x08\x81\x00", 3) + pbBytes(12, {})) << false;
    QTest::newRow("zero value given") << delimited(pbVarint(1, 0) + pbBytes(12, {})) << false;
    QTest::newRow("uint32 beyond 32 bits") << delimited(pbVarint(1, (quint64(1) << 32) | 7) + pbBytes(12, {})) << false;
    QTest::newRow("bool not 0 or 1") << delimited(pbBytes(2, pbVarint(1, 1) + pbVarint(3, 2))) << false;
    QTest::newRow("data with white space") << delimited(pubReply(" {\"a\":1}")) << false;
    QTest::newRow("data not JSON") << delimited(pubReply("\x01\x02")) << false;
    QTest::newRow("data an empty object text") << delimited(pubReply("{}")) << true;
    QTest::newRow("a map (tags)") << delimited(pubReply("1", pbBytes(7, pbBytes(1, "k") + pbBytes(2, "v")))) << false;
    QTest::newRow("unknown field") << delimited(pbVarint(30, 1)) << false;
    QTest::newRow("one plain, one not") << delimited(pubReply("1")) + delimited(pubReply(" 2")) << false;
    QTest::newRow("not a Reply") << QByteArray("\x03\xff\xff\xff", 4) << false;
}

void TestFrameRecord::protobufRawLeftOutOnlyWhenTextGivesBytesBack()
{
    // A server's Protobuf frame is written without "raw" only when its messages are in the form libprotobuf
    // writes: then the reader converts "frame" back to exactly these bytes. Any other frame keeps "raw".
    QFETCH(QByteArray, payload);
    QFETCH(bool, rawLeftOut);
    Frame f;
    f.timeMs = kLeapTime;
    f.binary = true;
    f.raw = payload;
    f.messages = ProtobufCodec().decodeServerFrame(f.raw);
    const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    const QJsonObject o = lineObject(line);
    QVERIFY2(!o.isEmpty(), line.constData());
    QCOMPARE(!o.contains(QLatin1String("raw")), rawLeftOut);
    if (rawLeftOut) {
        QVERIFY(!line.contains("\"span\""));
        QCOMPARE(line, FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw)); // the same line every time
    }
    Frame back;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
    QCOMPARE(back.raw, payload);
    TestSupport::compareFrames(back, f);
    for (qsizetype i = 0; i < f.messages.size(); ++i)
        QCOMPARE(back.messages.at(i).json(), f.messages.at(i).json());
    // Written again from what was read (the GUI's export, --merge): the same frame.
    Frame again;
    QVERIFY2(FrameRecord::fromJsonLine(FrameRecord::toJsonLine(back), &again, &error), qPrintable(error));
    QCOMPARE(again.raw, payload);
}

void TestFrameRecord::closeFrameHasCodeAndReason()
{
    const QJsonObject o = lineObject(FrameRecord::toJsonLine(closeFrame(3501, QStringLiteral("bad request"))));
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("disconnect"));
    QCOMPARE(o.value(QLatin1String("code")).toInt(), 3501);
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("bad request"));
    QCOMPARE(o.value(QLatin1String("close")).toBool(), true);
    QVERIFY(o.value(QLatin1String("frame")).isNull());
}

void TestFrameRecord::timeFormat_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("leap day") << kLeapTime << QStringLiteral("2024-02-29T23:59:58.123Z");
    QTest::newRow("before epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("2000-03-01") << qint64(951868800007) << QStringLiteral("2000-03-01T00:00:00.007Z");
    QTest::newRow("9999-12-31") << qint64(253402300799999) << QStringLiteral("9999-12-31T23:59:59.999Z");
}

void TestFrameRecord::timeFormat()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    // The same text as Qt's own ISO 8601 formatting, which is the reference.
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs), text);
    const QJsonObject o = lineObject(FrameRecord::toJsonLine(serverFrame("{}", ms)));
    QCOMPARE(o.value(QLatin1String("time")).toString(), text);
}

// The writer reuses the time text and the escaped channel of the line before: each line must still say its own.
void TestFrameRecord::linesKeepTheirOwnTimeAndChannel()
{
    struct Line
    {
        qint64 ms;
        QString channel;
    };
    // Equal sizes and separately allocated equal names, so neither a size nor a pointer alone could pass.
    const QList<Line> lines{{kLeapTime, QStringLiteral("aaaa")},
                            {kLeapTime, QString::fromLatin1("bbbb")},
                            {kLeapTime + 1, QString::fromLatin1("aaaa")},
                            {kLeapTime, QString::fromLatin1("aaaa")},
                            {-1, QStringLiteral("bbbb")},
                            {-1, QString()},
                            {kLeapTime + 1000, QStringLiteral("bbbb")}};
    QByteArray buffer;
    for (const Line &l : lines) {
        Frame f = serverFrame(R"({"push":{"channel":"x","pub":{"data":1}}})", l.ms);
        f.messages[0].channel = l.channel;
        FrameRecord::appendJsonLine(f, &buffer, FrameRecord::FrameJson::FromRaw);
    }
    const QList<QByteArray> written = buffer.split('\n');
    QCOMPARE(written.size(), lines.size() + 1); // each line ends with "\n"
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject o = lineObject(written.at(i));
        QCOMPARE(o.value(QLatin1String("time")).toString(),
                 QDateTime::fromMSecsSinceEpoch(lines.at(i).ms, Qt::UTC).toString(Qt::ISODateWithMs));
        QCOMPARE(o.value(QLatin1String("channel")).toString(), lines.at(i).channel);
    }
}

void TestFrameRecord::readsOtherTimeSpellings()
{
    Frame f;
    QString error;
    QVERIFY2(
        FrameRecord::fromJsonLine(
            R"({"time":"2024-03-01T08:00:00.500+08:00","dir":"in","kind":"ping","frame":{},"raw":"{}"})", &f, &error),
        qPrintable(error));
    QCOMPARE(f.timeMs, QDateTime(QDate(2024, 3, 1), QTime(0, 0, 0, 500), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(f.messages.size(), 1);
    QCOMPARE(f.messages[0].kind, MessageKind::Ping);
    QCOMPARE(f.messages[0].raw, QByteArray("{}"));
}

void TestFrameRecord::toleratesLineEndings()
{
    const Frame f = serverFrame(R"({"id":1,"connect":{}})");
    for (const QByteArray &end : {QByteArray("\n"), QByteArray("\r\n")}) {
        Frame back;
        QString error;
        const QByteArray line = FrameRecord::toJsonLine(f) + end;
        QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
        TestSupport::compareFrames(back, f);
    }
}

void TestFrameRecord::rejectsBadLines_data()
{
    QTest::addColumn<QByteArray>("line");
    const QByteArray good = FrameRecord::toJsonLine(serverFrame("{}"));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("{\"time\":");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no time") << QByteArray(R"({"dir":"in","kind":"ping","frame":{},"raw":"{}"})");
    QTest::newRow("bad time") << QByteArray(
        R"({"time":"2024-02-30T00:00:00.000Z","dir":"in","kind":"ping","frame":{},"raw":"{}"})");
    QTest::newRow("bad dir") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"up","kind":"ping","frame":{},"raw":"{}"})");
    QTest::newRow("no raw") << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping"})");
    QTest::newRow("bad base64") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","binary":true,"raw":"*!"})");
    QTest::newRow("unknown kind") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"bogus","frame":{},"raw":"{}"})");
    QTest::newRow("frame not an object") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","frame":3,"raw":"{}"})");
    QTest::newRow("kinds and frame disagree")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","kinds":["ping","ping"],)"
                      R"("frame":[{}],"meta":[{},{}],"raw":"{}\n{}"})");
    QTest::newRow("no raw, frame null") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","frame":null})");
    QTest::newRow("no raw, frame a string")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","frame":"{}"})");
    QTest::newRow("no raw, an element not an object")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","kinds":["ping","ping"],)"
                      R"("frame":[{},1],"meta":[{},{}]})");
    QTest::newRow("no raw, binary, not a Reply") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","binary":true,"frame":{"pong":1}})");
    QTest::newRow("no raw, binary, going out")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"out","kind":"ping","binary":true,"frame":{}})");
    QTest::newRow("no raw, binary, bytes not JSON")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"push_pub","binary":true,)"
                      R"("frame":{"push":{"pub":{"data":}}}})");
    QTest::newRow("unknown origin") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","origin":"mail","frame":{},"raw":"{}"})");
    QTest::newRow("unknown injected fault") << QByteArray(
        R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","injected":"fire","frame":{},"raw":"{}"})");
    QTest::newRow("span outside the frame")
        << QByteArray(R"({"time":"2024-02-01T00:00:00.000Z","dir":"in","kind":"ping","span":[1,5],"frame":{},)"
                      R"("raw":"{}"})");
    QVERIFY(good.startsWith('{'));
}

void TestFrameRecord::rejectsBadLines()
{
    QFETCH(QByteArray, line);
    Frame f;
    QString error;
    QVERIFY(!FrameRecord::fromJsonLine(line, &f, &error));
    QVERIFY(!error.isEmpty());
    // The error argument is optional.
    QVERIFY(!FrameRecord::fromJsonLine(line, &f, nullptr));
}

void TestFrameRecord::randomTextFramesRoundTrip()
{
    // The "raw" string escaping on random text: quotes, backslashes, control characters, UTF-8 of every length,
    // invalid bytes, across the 16-byte blocks the writer handles at once. Every frame must come back byte for byte.
    QRandomGenerator random(20261126);
    const QList<QByteArray> pieces = {"\"",
                                      "\\",
                                      "x",
                                      "{",
                                      "}",
                                      ":",
                                      ",",
                                      "\n",
                                      "\t",
                                      QByteArray(1, '\0'),
                                      "\x1f",
                                      "\xc3\xa9",
                                      "\xe4\xbd\xa0",
                                      "\xf0\x9f\x98\x80",
                                      "\xff",
                                      "\xc3",
                                      "abcdefghijklmnop",
                                      "\"push\":"};
    for (int round = 0; round < 3000 && !QTest::currentTestFailed(); ++round) {
        QByteArray raw;
        const int n = random.bounded(0, 40);
        for (int k = 0; k < n; ++k)
            raw += pieces.at(random.bounded(int(pieces.size())));
        Frame f;
        f.timeMs = 1700000000000 + round;
        f.direction = Protocol::Direction::In;
        f.raw = raw;
        f.messages = JsonCodec().decodeServerFrame(raw);
        for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw}) {
            Frame back;
            QString error;
            const QByteArray line = FrameRecord::toJsonLine(f, mode);
            QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error),
                     qPrintable(error + QLatin1String(": ") + QString::fromLatin1(raw.toHex())));
            QCOMPARE(back.raw, raw);
            QCOMPARE(back.messages.size(), f.messages.size());
        }
    }
}

void TestFrameRecord::rawLeftOutOnlyWhenFrameIsPayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("rawLeftOut");
    QTest::newRow("one message") << QByteArray(R"({"push":{"channel":"c","pub":{"data":{"a":"\"x\""}}}})") << true;
    QTest::newRow("three lines") << QByteArray(
                                        "{\"id\":1,\"subscribe\":{}}\n{\"push\":{\"channel\":\"c\",\"join\":{}}}\n{}")
                                 << true;
    QTest::newRow("trailing newline") << QByteArray("{\"id\":1,\"subscribe\":{}}\n") << false;
    QTest::newRow("CRLF between lines") << QByteArray("{\"id\":1,\"subscribe\":{}}\r\n{}") << false;
    QTest::newRow("blank line between") << QByteArray("{}\n\n{}") << false;
    QTest::newRow("space inside the line") << QByteArray(" {\"id\":1,\"subscribe\":{}}") << false;
    QTest::newRow("not JSON") << QByteArray("{\"id\":") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestFrameRecord::rawLeftOutOnlyWhenFrameIsPayload()
{
    // Only the flood writer's mode leaves "raw" out, and only when the payload can be rebuilt from the line's
    // "frame" text exactly; everything else keeps it. Both come back byte for byte.
    QFETCH(QByteArray, payload);
    QFETCH(bool, rawLeftOut);
    const Frame f = serverFrame(payload);
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw}) {
        const QByteArray line = FrameRecord::toJsonLine(f, mode);
        const bool expectLeftOut = rawLeftOut && mode == FrameRecord::FrameJson::FromRaw;
        QVERIFY2(lineObject(line).contains(QLatin1String("raw")) == !expectLeftOut, line.constData());
        Frame back;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
        TestSupport::compareFrames(back, f);
        QCOMPARE(FrameRecord::toJsonLine(back, mode), line);
    }
}

void TestFrameRecord::readsPayloadFromFrameText_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("payload");
    const QByteArray head = R"({"time":"2024-02-01T00:00:00.000Z","dir":"in",)";
    // The exact text as written, not a re-serialization: key order, number spelling and escapes are kept.
    QTest::newRow("object") << head + R"("kind":"push_pub","frame":{"push":{"pub":{"data":1.50,"s":"\u00e9"},)"
                                      R"("channel":"c"}}})"
                            << QByteArray(R"({"push":{"pub":{"data":1.50,"s":"\u00e9"},"channel":"c"}})");
    QTest::newRow("array with spaces") << head +
                                              R"("kind":"ping","kinds":["ping","ping"],"frame":[ {} , {"a":[1,{}]} ],)"
                                              R"("meta":[{},{}]})"
                                       << QByteArray("{}\n{\"a\":[1,{}]}");
    QTest::newRow("frame before other keys") << QByteArray(R"({"frame":{"id":1,"connect":{}},"kind":"connect_reply",)"
                                                           R"("dir":"in","time":"2024-02-01T00:00:00.000Z","id":1})")
                                             << QByteArray(R"({"id":1,"connect":{}})");
    QTest::newRow("a key named frame inside") << head + R"("kind":"ping","x":{"frame":{"id":9}},"frame":{})"
                                                        R"(,"y":"\"frame\":[]"})"
                                              << QByteArray("{}");
}

void TestFrameRecord::readsPayloadFromFrameText()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, payload);
    Frame f;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &f, &error), qPrintable(error));
    QCOMPARE(f.raw, payload);
    QCOMPARE(f.messages.size(), JsonCodec::splitLines(payload).size());
    for (qsizetype i = 0; i < f.messages.size(); ++i) {
        QCOMPARE(f.messages.at(i).raw, JsonCodec::splitLines(payload).at(i).toByteArray());
        QCOMPARE(f.messages.at(i).json(), QJsonDocument::fromJson(f.messages.at(i).raw).object());
    }
}

void TestFrameRecord::randomObjectFramesRoundTrip()
{
    // Frames of valid JSON objects (escapes, UTF-8, numbers, nesting, spaces inside), with the separators a server or
    // a hand-made frame may use. The CLI's writer leaves "raw" out exactly when the objects joined by "\n" are the
    // whole payload, and every frame comes back byte for byte either way.
    QRandomGenerator random(20261127);
    const QList<QByteArray> strings = {
        R"("a")", R"("q\"uote")", R"("back\\slash")", R"("\u00e9\ud83d\ude00")", "\"\xc3\xa9\xe4\xbd\xa0\"",
        R"("")",  R"("\n\t\/")"};
    const QList<QByteArray> scalars = {"0", "-1.5e3", "1.50", "true", "null", "12345678901234567890"};
    std::function<QByteArray(int)> value = [&](int depth) -> QByteArray {
        const int pick = random.bounded(depth > 2 ? 2 : 4);
        if (pick == 0)
            return strings.at(random.bounded(int(strings.size())));
        if (pick == 1)
            return scalars.at(random.bounded(int(scalars.size())));
        QByteArray out;
        const int n = random.bounded(0, 4);
        if (pick == 2) {
            out += '[';
            for (int i = 0; i < n; ++i)
                out += (i ? QByteArray(random.bounded(2) ? ", " : ",") : QByteArray()) + value(depth + 1);
            return out + ']';
        }
        out += '{';
        for (int i = 0; i < n; ++i)
            out += (i ? QByteArray(",") : QByteArray()) + strings.at(random.bounded(int(strings.size()))) +
                   (random.bounded(2) ? ": " : ":") + value(depth + 1);
        return out + '}';
    };
    const QList<QByteArray> separators = {"\n", "\n", "\n", "\r\n", "\n\n", " \n"};
    int leftOut = 0;
    for (int round = 0; round < 2000 && !QTest::currentTestFailed(); ++round) {
        const int lines = random.bounded(1, 5);
        QByteArray raw;
        bool plain = true;
        for (int i = 0; i < lines; ++i) {
            if (i) {
                const QByteArray sep = separators.at(random.bounded(int(separators.size())));
                plain = plain && sep == "\n";
                raw += sep;
            }
            QByteArray object = "{\"push\":{\"channel\":" + strings.at(random.bounded(int(strings.size()))) +
                                ",\"pub\":{\"data\":" + value(0) + "}}}";
            if (random.bounded(10) == 0) {
                object = ' ' + object;
                plain = false;
            }
            raw += object;
        }
        Frame f;
        f.timeMs = 1700000000000 + round;
        f.raw = raw;
        f.messages = JsonCodec().decodeServerFrame(raw);
        for (const ProtocolMessage &m : std::as_const(f.messages))
            plain = plain && m.rawIsValidatedJson();
        const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
        QVERIFY2(!line.contains('\n'), line.constData());
        const bool hasRaw = lineObject(line).contains(QLatin1String("raw"));
        QVERIFY2(hasRaw == !plain, line.constData());
        leftOut += hasRaw ? 0 : 1;
        Frame back;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error),
                 qPrintable(error + QLatin1String(": ") + QString::fromUtf8(line)));
        TestSupport::compareFrames(back, f);
        QCOMPARE(FrameRecord::toJsonLine(back, FrameRecord::FrameJson::FromRaw), line);
    }
    // Both kinds were tried (193 of 2000 frames are written without "raw" with this seed).
    QVERIFY2(leftOut >= 100 && leftOut <= 1900, qPrintable(QString::number(leftOut)));
}

QTEST_GUILESS_MAIN(TestFrameRecord)
#include "tst_framerecord.moc"
