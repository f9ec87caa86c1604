#include "framerecord.h"
#include "framestore.h"
#include "framestorecompare.h"
#include "recordlineparser.h"
#include "timelinetestdata.h"

#include <QtTest>

#include <cmath>

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

using namespace TimelineTestData;
using Protocol::MessageKind;

class TestRecordLineParser : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithFrameRecord_data();
    void agreesWithFrameRecord();
    void badLines_data();
    void badLines();
    void handWrittenLine();
    void appendAgreesWithParse_data();
    void appendAgreesWithParse();
    void appendHandWrittenLines_data();
    void appendHandWrittenLines();
    void appendBadLines_data();
    void appendBadLines();

private:
    static void agreesForLine(const Frame &frame, bool fast, const QByteArray &line);
    static void appendAgreesForLine(const Frame &frame, bool fast, const QByteArray &line);
};

namespace {

Frame withRtt(Frame f, double rtt, Protocol::Method method = Protocol::Method::None)
{
    f.messages[0].rttMs = rtt;
    if (method != Protocol::Method::None)
        f.messages[0].method = method;
    return f;
}

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

void TestRecordLineParser::agreesWithFrameRecord_data()
{
    QTest::addColumn<Frame>("frame");
    QTest::addColumn<bool>("fast"); // the scanner alone handles it

    QTest::newRow("connect reply") << withRtt(serverFrame(kConnectReply), 11.25) << true;
    QTest::newRow("publication") << serverFrame(kPublication) << true;
    QTest::newRow("join") << serverFrame(kJoin) << true;
    QTest::newRow("error with method") << withRtt(serverFrame(kPermissionDenied), 3, Protocol::Method::Subscribe)
                                       << true;
    QTest::newRow("rtt nan") << withRtt(serverFrame(kSubscribeReply), std::nan("")) << true;
    QTest::newRow("ping") << serverFrame(kPing) << true;
    QTest::newRow("pong") << clientFrame(kPong) << true;
    QTest::newRow("ping command") << clientFrame(R"({"id":9,"ping":{}})") << true;
    QTest::newRow("subscribe command") << clientFrame(kSubscribeCommand) << true;
    QTest::newRow("unsubscribe push") << serverFrame(kUnsubscribePush) << true;
    QTest::newRow("close") << closeFrame(3501, QStringLiteral("bad request")) << true;
    QTest::newRow("close with quotes") << closeFrame(4000, QStringLiteral("say \"bye\"\\ \u00e9 \U0001F600")) << true;
    QTest::newRow("invalid json") << serverFrame("{\"id\":4,") << true;
    QTest::newRow("trailing newline") << serverFrame(kPublication + '\n') << true;
    QTest::newRow("unicode channel") << serverFrame(
                                            R"({"push":{"channel":"聊天:房间\t1","pub":{"data":{"x":"\u0001"}}}})")
                                     << true;
    QTest::newRow("several messages") << serverFrame(kSubscribeReply + '\n' + kPublication + '\n' + kJoin) << false;

    Frame notUtf8 = serverFrame("{\"a\":\"\xff\xfe\"}");
    QTest::newRow("not utf-8") << notUtf8 << true;

    Frame custom = serverFrame(kPublication);
    custom.messages[0].raw = "other bytes";
    QTest::newRow("message bytes elsewhere") << custom << false;

    Frame none;
    none.timeMs = 42;
    none.raw = "x";
    QTest::newRow("no messages") << none << false;

    Frame future = serverFrame(kPing);
    future.timeMs = 400000000000000; // year 14645: written as time_ms
    QTest::newRow("time out of range") << future << false;

#ifdef INSPECTOR_HAVE_PROTOBUF
    const QByteArray pb = ProtobufCodec::encodeReplies({QJsonDocument::fromJson(kPublication).object()});
    Frame binary;
    binary.timeMs = 1714564800999;
    binary.binary = true;
    binary.raw = pb;
    binary.messages = ProtobufCodec().decodeServerFrame(pb);
    QTest::newRow("protobuf") << binary << true;
#endif
}

void TestRecordLineParser::agreesWithFrameRecord()
{
    QFETCH(Frame, frame);
    QFETCH(bool, fast);
    // FromRaw, the CLI's mode, leaves "raw" out when "frame" is the payload: the scanner reads that too.
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw})
        agreesForLine(frame, fast, FrameRecord::toJsonLine(frame, mode));
}

void TestRecordLineParser::agreesForLine(const Frame &frame, bool fast, const QByteArray &line)
{
    Frame expected;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &expected, &error), qPrintable(error));
    Frame scanned;
    QCOMPARE(RecordLineParser::parseFast(line, &scanned), fast);
    Frame got;
    QVERIFY2(RecordLineParser::parse(QByteArray(line + "\r\n"), &got, &error), qPrintable(error));

    QCOMPARE(got.timeMs, expected.timeMs);
    QCOMPARE(got.direction, expected.direction);
    QCOMPARE(got.binary, expected.binary);
    QCOMPARE(got.close, expected.close);
    QCOMPARE(got.raw, expected.raw);
    QCOMPARE(got.raw, frame.raw);
    QCOMPARE(got.messages.size(), expected.messages.size());
    for (int i = 0; i < got.messages.size(); ++i) {
        const ProtocolMessage &a = got.messages.at(i);
        const ProtocolMessage &b = expected.messages.at(i);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.method, b.method);
        QCOMPARE(a.push, b.push);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.channel, b.channel);
        QCOMPARE(a.raw, b.raw);
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.text, b.text);
        QVERIFY2(sameDouble(a.rttMs, b.rttMs), qPrintable(QStringLiteral("%1 vs %2").arg(a.rttMs).arg(b.rttMs)));
        if (!fast)
            QCOMPARE(a.json(), b.json()); // the full reader keeps the decoded JSON
    }
}

void TestRecordLineParser::badLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("truncated") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","raw":"{})");
    QTest::newRow("no dir") << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","kind":"ping","frame":{},"raw":"{}"})");
    QTest::newRow("bad dir") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"up","kind":"ping","raw":"{}"})");
    QTest::newRow("bad kind") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"zap","raw":"{}"})");
    QTest::newRow("bad time") << QByteArray(R"({"time":"yesterday","dir":"in","kind":"ping","raw":"{}"})");
    QTest::newRow("bad base64") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","binary":true,"raw":"%%%"})");
}

void TestRecordLineParser::badLines()
{
    QFETCH(QByteArray, line);
    Frame f;
    QString error;
    QVERIFY(!RecordLineParser::parse(line, &f, &error));
    QVERIFY(!error.isEmpty());
}

void TestRecordLineParser::handWrittenLine()
{
    // Spaces, another key order and an escaped slash are fine for the scanner too.
    const QByteArray line =
        R"( { "raw" : "{\"push\":{\"channel\":\"a\\/b\",\"pub\":{\"data\":1}}}" , "kind":"push_pub", )"
        R"("channel":"a/b", "dir":"in", "time":"2024-05-01T12:00:00.123Z", "frame": {"push": {"x": [1, "]"]}} } )";
    Frame f;
    QVERIFY(RecordLineParser::parseFast(line, &f));
    QCOMPARE(f.timeMs, 1714564800123);
    QCOMPARE(f.messages.first().kindName(), QStringLiteral("push_pub"));
    QCOMPARE(f.messages.first().channel, QStringLiteral("a/b"));
    QCOMPARE(f.raw, QByteArray(R"({"push":{"channel":"a\/b","pub":{"data":1}}})"));
}

void TestRecordLineParser::appendAgreesWithParse_data()
{
    agreesWithFrameRecord_data();
}

void TestRecordLineParser::appendAgreesWithParse()
{
    // append() (in place for the common line) stores exactly what parse() + FrameStore::append() store.
    QFETCH(Frame, frame);
    QFETCH(bool, fast);
    for (const auto mode : {FrameRecord::FrameJson::FromJson, FrameRecord::FrameJson::FromRaw})
        appendAgreesForLine(frame, fast, FrameRecord::toJsonLine(frame, mode));
}

void TestRecordLineParser::appendAgreesForLine(const Frame &frame, bool fast, const QByteArray &line)
{
    Frame parsed;
    QString error;
    QVERIFY2(RecordLineParser::parse(line, &parsed, &error), qPrintable(error));
    FrameStore expected;
    expected.append(parsed);
    expected.append(parsed); // twice: the second finds its channel interned

    FrameStore store;
    QVERIFY2(RecordLineParser::append(QByteArray(line + "\r\n"), &store, &error), qPrintable(error));
    QVERIFY2(RecordLineParser::append(line, &store, &error), qPrintable(error));
    compareStores(store, expected);

    // The in-place path takes every single-message text line the scanner reads.
    FrameStore direct;
    const bool inPlace = fast && !frame.binary && !line.contains("\"raw_base64\":true") && !frame.raw.contains('\n');
    QCOMPARE(RecordLineParser::appendFast(line, &direct), inPlace);
    QCOMPARE(direct.count(), inPlace ? 1 : 0);
}

void TestRecordLineParser::appendHandWrittenLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("inPlace");
    QTest::newRow("spaces, order, escaped slash")
        << QByteArray(
               R"( { "raw" : "{\"push\":{\"channel\":\"a\/b\",\"pub\":{\"data\":1}}}" , "kind":"push_pub", )"
               R"("channel":"a\/b", "dir":"in", "time":"2024-05-01T12:00:00.123Z", "frame": {"push": {"x": [1, "]"]}} } )")
        << true;
    QTest::newRow("unicode escapes")
        << QByteArray(
               R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"push_pub","channel":"\u804a\ud83d\ude00",)"
               R"("raw":"{\"push\":{\"channel\":\"\u804a\ud83d\ude00\",\"pub\":{}}}"})")
        << true;
    QTest::newRow("escaped newline in raw: two messages")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"reply","raw":"{\"id\":1}\n{\"id\":2}"})")
        << false;
    QTest::newRow("escaped kind")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"pin\u0067","frame":{},"raw":"{}"})")
        << false;
    QTest::newRow("lone surrogate in raw")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{},"raw":"\ud800"})")
        << false;
    QTest::newRow("base64")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","raw_base64":true,"raw":"e30="})")
        << false;
    QTest::newRow("no raw: the frame's text")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"push_pub","channel":"a",)"
                      R"("frame": {"push":{"channel":"a","pub":{"data":"\u00e9 \"}\""}}} })")
        << true;
    QTest::newRow("no raw: two messages")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"reply","kinds":["reply","reply"],)"
                      R"("frame":[{"id":1},{"id":2}],"meta":[{"id":1},{"id":2}]})")
        << false;
}

void TestRecordLineParser::appendHandWrittenLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, inPlace);
    Frame parsed;
    QString error;
    QVERIFY2(RecordLineParser::parse(line, &parsed, &error), qPrintable(error));
    FrameStore expected;
    expected.append(parsed);
    FrameStore store;
    QVERIFY2(RecordLineParser::append(line, &store, &error), qPrintable(error));
    compareStores(store, expected);
    FrameStore direct;
    QCOMPARE(RecordLineParser::appendFast(line, &direct), inPlace);
}

void TestRecordLineParser::appendBadLines_data()
{
    badLines_data();
    QTest::newRow("bad escape in raw") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","raw":"\q"})");
    QTest::newRow("control character in raw")
        << QByteArray("{\"time\":\"2024-05-01T12:00:00.123Z\",\"dir\":\"in\",\"kind\":\"ping\",\"raw\":\"\x01\"}");
    QTest::newRow("bad escape in channel")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","channel":"\x","raw":"{}"})");
    QTest::newRow("unbalanced frame") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{"a":[},"raw":"{}"})");
    QTest::newRow("no raw, frame not valid JSON")
        << QByteArray(R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":{"a":1,}})");
    QTest::newRow("no raw, frame null") << QByteArray(
        R"({"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"ping","frame":null})");
}

void TestRecordLineParser::appendBadLines()
{
    QFETCH(QByteArray, line);
    FrameStore store;
    QString error;
    QVERIFY(!RecordLineParser::append(line, &store, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.byteSize(), 0);
}

QTEST_GUILESS_MAIN(TestRecordLineParser)
#include "tst_recordlineparser.moc"
