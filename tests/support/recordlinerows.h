#pragma once

#include "frame.h"
#include "timelinetestdata.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

// Rows shared by the tests of the recording readers (RecordLineParser in core, RecordLineAppender in models), so
// that both are held to the same lines. Hidden from moc: it reads the raw string literals as ordinary ones, and
// their quotes and brackets would hide the test class that includes this from it.
#ifndef Q_MOC_RUN
namespace RecordLineRows {

inline Frame withRtt(Frame f, double rtt, Protocol::Method method = Protocol::Method::None)
{
    f.messages[0].rttMs = rtt;
    if (method != Protocol::Method::None)
        f.messages[0].method = method;
    return f;
}

// Columns frame (Frame) and fast (bool: the scanner alone reads its line).
inline void addFrames()
{
    using namespace TimelineTestData;
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

// Column line (QByteArray): lines every reader rejects.
inline void addBadLines()
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

} // namespace RecordLineRows
#endif // Q_MOC_RUN
