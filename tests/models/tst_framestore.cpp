#include "framestore.h"
#include "framestorecompare.h"
#include "timelinetestdata.h"

#include <QtTest>

#include <cmath>

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

using namespace TimelineTestData;
using Protocol::MessageKind;

class TestFrameStore : public QObject
{
    Q_OBJECT

private slots:
    void singleMessageRoundTrip_data();
    void singleMessageRoundTrip();
    void multiMessageFrameSharesBytes();
    void closeFrame();
    void rejectedFrameKeepsItsReason();
    void indexFieldsWinOverDecoding();
    void originIsKeptAndNotDecoded();
    void messageBytesNotInFrameAreKept();
    void frameWithoutMessages();
    void channelsAreInterned();
    void dropOldestCountsAndRenumbers();
    void dropOldestInsideAFrame();
    void dropOldestFreesArena();
    void clearResetsEverything();
    void binaryFrame();
    void appendStoreEqualsAppendingFrames();
    void appendStoreAfterDrops();
    void commitFrameInPlace();
};

namespace {

QList<Frame> mixedFrames(int from, int n)
{
    QList<Frame> frames;
    for (int i = from; i < from + n; ++i) {
        switch (i % 5) {
        case 0:
            frames << publication(i, QStringLiteral("feed:%1").arg(i % 3));
            break;
        case 1:
            frames << serverFrame(kSubscribeReply + '\n' + kPublication + '\n' + kJoin, 1714564800000 + i);
            break;
        case 2:
            frames << closeFrame(3000 + i, QStringLiteral("reason %1").arg(i));
            break;
        case 3:
            frames << clientFrame(kSubscribeCommand, 1714564800000 + i);
            break;
        default:
            frames << publication(i, QStringLiteral("only-in-%1").arg(i));
            break;
        }
    }
    return frames;
}

} // namespace

void TestFrameStore::singleMessageRoundTrip_data()
{
    QTest::addColumn<bool>("out");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("kindName");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<uint>("id");

    QTest::newRow("connect reply") << false << kConnectReply << "connect_reply"
                                   << "" << 1u;
    QTest::newRow("subscribe reply") << false << kSubscribeReply << "subscribe_reply"
                                     << "" << 2u;
    QTest::newRow("publication") << false << kPublication << "push_pub"
                                 << "news" << 0u;
    QTest::newRow("join") << false << kJoin << "push_join"
                          << "chat:room" << 0u;
    QTest::newRow("error") << false << kPermissionDenied << "error"
                           << "" << 3u;
    QTest::newRow("ping") << false << kPing << "ping"
                          << "" << 0u;
    QTest::newRow("unsubscribe push") << false << kUnsubscribePush << "push_unsubscribe"
                                      << "news" << 0u;
    QTest::newRow("invalid json") << false << QByteArray("{\"id\":4,") << "invalid"
                                  << "" << 0u;
    QTest::newRow("connect command") << true << kConnectCommand << "connect"
                                     << "" << 1u;
    QTest::newRow("subscribe command") << true << kSubscribeCommand << "subscribe"
                                       << "news" << 2u;
    QTest::newRow("pong") << true << kPong << "pong"
                          << "" << 0u;
}

void TestFrameStore::singleMessageRoundTrip()
{
    QFETCH(bool, out);
    QFETCH(QByteArray, line);
    QFETCH(QString, kindName);
    QFETCH(QString, channel);
    QFETCH(uint, id);

    const Frame f = out ? clientFrame(line) : serverFrame(line);
    FrameStore store;
    QCOMPARE(store.append(f), 1);
    QCOMPARE(store.count(), 1);
    QCOMPARE(store.frameCount(), 1);
    QCOMPARE(store.kindName(0), kindName);
    QCOMPARE(store.channel(0), channel);
    QCOMPARE(store.row(0).id, id);
    QCOMPARE(store.row(0).timeMs, f.timeMs);
    QCOMPARE(store.row(0).direction(), f.direction);
    QCOMPARE(store.messageBytes(0).toByteArray(), line);

    const ProtocolMessage m = store.message(0);
    const ProtocolMessage &orig = f.messages.first();
    QCOMPARE(m.kind, orig.kind);
    QCOMPARE(m.method, orig.method);
    QCOMPARE(m.push, orig.push);
    QCOMPARE(m.id, orig.id);
    QCOMPARE(m.channel, orig.channel);
    QCOMPARE(m.json(), orig.json());
    QCOMPARE(m.raw, orig.raw);
    QCOMPARE(m.code, orig.code);
    QCOMPARE(m.text, orig.text);
    QCOMPARE(m.kindName(), kindName);

    const Frame back = store.frame(0);
    QCOMPARE(back.raw, f.raw);
    QCOMPARE(back.timeMs, f.timeMs);
    QCOMPARE(back.direction, f.direction);
    QCOMPARE(back.messages.size(), 1);
}

void TestFrameStore::multiMessageFrameSharesBytes()
{
    const QByteArray payload = kSubscribeReply + '\n' + kPublication + '\n' + kJoin;
    const Frame f = serverFrame(payload);
    FrameStore store;
    store.append(serverFrame(kPing));
    QCOMPARE(store.append(f), 3);
    store.append(serverFrame(kPing));
    QCOMPARE(store.count(), 5);
    QCOMPARE(store.frameCount(), 3);

    // The frame's bytes are stored once: 4 header bytes per frame, nothing per message.
    QCOMPARE(store.byteSize(), qint64(3 * 4 + 2 * kPing.size() + payload.size()));

    QCOMPARE(store.kindName(1), QStringLiteral("subscribe_reply"));
    QCOMPARE(store.kindName(2), QStringLiteral("push_pub"));
    QCOMPARE(store.kindName(3), QStringLiteral("push_join"));
    QCOMPARE(store.messageBytes(2).toByteArray(), kPublication);
    QCOMPARE(store.messageBytes(3).toByteArray(), kJoin);
    for (int row = 1; row <= 3; ++row) {
        QCOMPARE(store.frameFirstRow(row), 1);
        QCOMPARE(store.frameRowCount(row), 3);
        QCOMPARE(store.frameBytes(row).toByteArray(), payload);
    }
    QCOMPARE(store.frameFirstRow(0), 0);
    QCOMPARE(store.frameRowCount(0), 1);
    QCOMPARE(store.frameFirstRow(4), 4);
    QCOMPARE(store.frameRowCount(4), 1);

    const Frame back = store.frame(2);
    QCOMPARE(back.raw, payload);
    QCOMPARE(back.messages.size(), 3);
    QCOMPARE(back.messages.at(1).json(), f.messages.at(1).json());
    QCOMPARE(back.messages.at(2).channel, QStringLiteral("chat:room"));
}

void TestFrameStore::closeFrame()
{
    FrameStore store;
    store.append(TimelineTestData::closeFrame(3501, QStringLiteral("bad request")));
    QCOMPARE(store.kindName(0), QStringLiteral("disconnect"));
    QVERIFY(store.row(0).flags & FrameStore::Row::Close);
    const ProtocolMessage m = store.message(0);
    QCOMPARE(m.kind, MessageKind::Disconnect);
    QCOMPARE(m.code, 3501);
    QCOMPARE(m.text, QStringLiteral("bad request"));
    const Frame f = store.frame(0);
    QVERIFY(f.close);
    QCOMPARE(f.raw, QByteArray("bad request"));
}

void TestFrameStore::rejectedFrameKeepsItsReason()
{
    // A frame QWebSocket rejected: no bytes of its own, the reason stands in for them (as Session emits it).
    const QString reason = QStringLiteral("A frame from the server was rejected by the WebSocket layer");
    Frame rejected;
    rejected.rejected = true;
    rejected.raw = reason.toUtf8();
    ProtocolMessage m;
    m.kind = MessageKind::Invalid;
    m.text = reason;
    m.raw = rejected.raw;
    rejected.messages.append(m);
    FrameStore store;
    store.append(rejected);
    QCOMPARE(store.kindName(0), QStringLiteral("invalid"));
    QVERIFY(store.row(0).flags & FrameStore::Row::Rejected);
    QCOMPARE(store.message(0).text, reason);
    QVERIFY(store.frame(0).rejected);
    QVERIFY(!store.frame(0).close);
}

void TestFrameStore::originIsKeptAndNotDecoded()
{
    // A server API call shares the timeline but is not client protocol: the store keeps its origin and never
    // decodes its bytes as a client command, even when they would parse as one.
    Frame call;
    call.timeMs = 1700000000000;
    call.direction = Protocol::Direction::Out;
    call.origin = Frame::Origin::ServerCall;
    call.raw = R"({"id":1,"publish":{"channel":"c","data":{}}})";
    FrameStore store;
    store.append(call);
    store.append(serverFrame(kPublication));
    QCOMPARE(store.row(0).origin, quint8(Frame::Origin::ServerCall));
    QCOMPARE(store.frame(0).origin, Frame::Origin::ServerCall);
    QCOMPARE(store.message(0).kind, MessageKind::Invalid);
    QCOMPARE(store.message(0).method, Protocol::Method::None);
    QCOMPARE(store.message(0).raw, call.raw);
    QCOMPARE(store.row(1).origin, quint8(Frame::Origin::Wire));
    QCOMPARE(store.frame(1).origin, Frame::Origin::Wire);
}

void TestFrameStore::indexFieldsWinOverDecoding()
{
    // The session adds what the bytes do not say: the rtt of replies and the method an error answers.
    Frame f = serverFrame(kPermissionDenied);
    f.messages[0].rttMs = 12.5;
    f.messages[0].method = Protocol::Method::Subscribe;
    FrameStore store;
    store.append(f);
    const ProtocolMessage m = store.message(0);
    QCOMPARE(m.rttMs, 12.5);
    QCOMPARE(m.method, Protocol::Method::Subscribe);
    QCOMPARE(m.code, 103);
    QCOMPARE(m.text, QStringLiteral("permission denied"));

    store.append(serverFrame(kSubscribeReply));
    QCOMPARE(store.message(1).rttMs, -1.0);
}

void TestFrameStore::messageBytesNotInFrameAreKept()
{
    Frame f = serverFrame(kPublication);
    f.messages[0].raw = "something else";
    FrameStore store;
    store.append(f);
    QCOMPARE(store.messageBytes(0).toByteArray(), QByteArray("something else"));
    QCOMPARE(store.frameBytes(0).toByteArray(), kPublication);
}

void TestFrameStore::frameWithoutMessages()
{
    Frame f;
    f.timeMs = 5;
    f.raw = "\x01\x02";
    FrameStore store;
    QCOMPARE(store.append(f), 1);
    QCOMPARE(store.kindName(0), QStringLiteral("invalid"));
    const Frame back = store.frame(0);
    QCOMPARE(back.raw, f.raw);
    QVERIFY(back.messages.isEmpty());
}

void TestFrameStore::channelsAreInterned()
{
    FrameStore store;
    for (int i = 0; i < 100; ++i)
        store.append(publication(i, i % 2 ? QStringLiteral("a") : QStringLiteral("b")));
    QCOMPARE(store.channels(), (QStringList{QString(), QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(store.channelIndex(QStringLiteral("a")), 2);
    QCOMPARE(store.channelIndex(QString()), 0);
    QCOMPARE(store.channelIndex(QStringLiteral("missing")), -1);
    QCOMPARE(store.channel(99), QStringLiteral("a"));
}

void TestFrameStore::dropOldestCountsAndRenumbers()
{
    FrameStore store;
    const int n = 10000; // more than two row blocks
    for (int i = 0; i < n; ++i)
        store.append(publication(i));
    store.dropOldest(4500);
    QCOMPARE(store.count(), n - 4500);
    QCOMPARE(store.droppedRows(), 4500);
    QCOMPARE(store.droppedFrames(), 4500);
    QCOMPARE(store.frameCount(), n - 4500);
    QCOMPARE(store.serial(0), 4500);
    QCOMPARE(store.message(0)
                 .json()
                 .value(QLatin1String("push"))
                 .toObject()
                 .value(QLatin1String("pub"))
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("n"))
                 .toInt(),
             4500);
    QCOMPARE(store.row(store.count() - 1).timeMs, publication(n - 1).timeMs);

    // Appending after drops keeps order.
    store.append(publication(n));
    QCOMPARE(store.row(store.count() - 1).timeMs, publication(n).timeMs);
    store.dropOldest(1000000);
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.droppedRows(), n + 1);
    QCOMPARE(store.byteSize(), 0);
    store.append(publication(1));
    QCOMPARE(store.count(), 1);
    QCOMPARE(store.serial(0), n + 1);
}

void TestFrameStore::dropOldestInsideAFrame()
{
    FrameStore store;
    store.append(serverFrame(kSubscribeReply + '\n' + kPublication + '\n' + kJoin));
    store.dropOldest(1);
    QCOMPARE(store.count(), 2);
    QCOMPARE(store.frameCount(), 0);
    QCOMPARE(store.droppedFrames(), 1);
    // The rest of the frame is still readable.
    QCOMPARE(store.frameFirstRow(1), 0);
    QCOMPARE(store.frameRowCount(0), 2);
    QCOMPARE(store.frame(1).messages.size(), 2);
    QCOMPARE(store.message(1).channel, QStringLiteral("chat:room"));
}

void TestFrameStore::dropOldestFreesArena()
{
    FrameStore store;
    for (int i = 0; i < 100000; ++i)
        store.append(publication(i));
    const qint64 full = store.byteSize();
    QVERIFY(full > 8 * 1024 * 1024); // several arena chunks
    store.dropOldest(90000);
    QVERIFY2(store.byteSize() < full / 2, qPrintable(QString::number(store.byteSize())));
    QCOMPARE(store.message(0).raw, publication(90000).raw);
}

void TestFrameStore::clearResetsEverything()
{
    FrameStore store;
    for (int i = 0; i < 10; ++i)
        store.append(publication(i, QStringLiteral("c%1").arg(i)));
    store.dropOldest(3);
    store.clear();
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.frameCount(), 0);
    QCOMPARE(store.droppedRows(), 0);
    QCOMPARE(store.byteSize(), 0);
    QCOMPARE(store.channels().size(), 1);
    store.append(publication(1));
    QCOMPARE(store.serial(0), 0);
    QCOMPARE(store.message(0).raw, publication(1).raw);
}

void TestFrameStore::binaryFrame()
{
#ifndef INSPECTOR_HAVE_PROTOBUF
    QSKIP("Built without Protobuf support");
#else
    const QList<QJsonObject> replies = {
        QJsonDocument::fromJson(kSubscribeReply).object(),
        QJsonDocument::fromJson(kPublication).object(),
    };
    QString error;
    const QByteArray payload = ProtobufCodec::encodeReplies(replies, &error);
    QVERIFY2(!payload.isEmpty(), qPrintable(error));
    Frame f;
    f.timeMs = 77;
    f.binary = true;
    f.raw = payload;
    f.messages = ProtobufCodec().decodeServerFrame(payload);
    QCOMPARE(f.messages.size(), 2);

    FrameStore store;
    QCOMPARE(store.append(f), 2);
    QCOMPARE(store.kindName(1), QStringLiteral("push_pub"));
    QCOMPARE(store.channel(1), QStringLiteral("news"));
    const ProtocolMessage m = store.message(1);
    QCOMPARE(m.json(), f.messages.at(1).json());
    QCOMPARE(m.raw, f.messages.at(1).raw);
    const Frame back = store.frame(0);
    QVERIFY(back.binary);
    QCOMPARE(back.raw, payload);
    QCOMPARE(back.messages.size(), 2);
#endif
}

void TestFrameStore::appendStoreEqualsAppendingFrames()
{
    const QList<Frame> first = mixedFrames(0, 23);
    const QList<Frame> second = mixedFrames(23, 40);
    FrameStore expected;
    for (const Frame &f : first + second)
        expected.append(f);

    FrameStore store;
    for (const Frame &f : first)
        store.append(f);
    FrameStore batch;
    for (const Frame &f : second)
        batch.append(f);
    batch.squeeze();
    const qint64 bytes = store.byteSize() + batch.byteSize();
    store.appendStore(std::move(batch));

    QVERIFY(batch.isEmpty());
    QCOMPARE(batch.frameCount(), 0);
    QCOMPARE(store.byteSize(), bytes);
    compareStores(store, expected);
    // Channels are interned once: "feed:0".."feed:2" were in both.
    QCOMPARE(store.channels().size(), expected.channels().size());
    QCOMPARE(store.message(store.count() - 1).raw, expected.message(expected.count() - 1).raw);

    // Appending after the merge still works and lands after the merged rows.
    const Frame tail = publication(999, QStringLiteral("feed:1"));
    store.append(tail);
    expected.append(tail);
    compareStores(store, expected);
}

void TestFrameStore::appendStoreAfterDrops()
{
    // The receiving store has dropped rows (and freed chunks): chunk numbering must still line up.
    FrameStore store;
    FrameStore expected;
    const QByteArray big(3 << 20, 'x'); // frames of 3 MiB: one chunk each, so drops free chunks
    for (int i = 0; i < 4; ++i) {
        Frame f = serverFrame(R"({"push":{"channel":"big","pub":{"data":")" + big + R"("}}})", i);
        store.append(f);
        expected.append(f);
    }
    store.dropOldest(3);
    expected.dropOldest(3);
    FrameStore batch;
    FrameStore batch2;
    for (const Frame &f : mixedFrames(0, 10)) {
        batch.append(f);
        expected.append(f);
    }
    for (const Frame &f : mixedFrames(10, 10)) {
        batch2.append(f);
        expected.append(f);
    }
    batch2.dropOldest(2); // a batch with drops of its own
    const int firstBatchRows = batch.count();
    store.appendStore(std::move(batch));
    store.appendStore(std::move(batch2));
    QCOMPARE(store.count(), expected.count() - 2);
    QCOMPARE(store.frameCount(), 1 + 10 + 10 - 2); // frames whose first row is kept: batch2 lost two
    // Row 0 is the big frame; then batch; then batch2 without its first 2 rows.
    for (int i = 0; i < store.count(); ++i) {
        const int j = i <= firstBatchRows ? i : i + 2;
        QCOMPARE(store.frameBytes(i), expected.frameBytes(j));
        QCOMPARE(store.messageBytes(i), expected.messageBytes(j));
        QCOMPARE(store.channel(i), expected.channel(j));
    }
    store.dropOldest(5);
    QCOMPARE(store.frameBytes(0), expected.frameBytes(5));
}

void TestFrameStore::commitFrameInPlace()
{
    FrameStore store;
    const Frame f = publication(7, QStringLiteral("chan:7"));
    FrameStore expected;
    expected.append(f);

    char *out = store.reserveFrameBytes(quint32(f.raw.size() + 10)); // room for more than is used
    std::memcpy(out, f.raw.constData(), size_t(f.raw.size()));
    FrameStore::Row fields{};
    fields.timeMs = f.timeMs;
    fields.kind = quint8(f.messages.first().kind);
    fields.method = quint8(f.messages.first().method);
    fields.push = quint8(f.messages.first().push);
    fields.rttMs = -1;
    fields.flags = FrameStore::Row::LastOfFrame; // ignored: commitFrame sets the frame flags itself
    store.commitFrame(quint32(f.raw.size()), fields, "chan:7");
    // A reservation that is never committed stores nothing.
    store.reserveFrameBytes(8 << 20);
    store.squeeze();
    compareStores(store, expected);
    QCOMPARE(store.byteSize(), expected.byteSize());
    QCOMPARE(store.message(0).channel, QStringLiteral("chan:7"));
    QCOMPARE(store.message(0).kindName(), QStringLiteral("push_pub"));
}

QTEST_GUILESS_MAIN(TestFrameStore)
#include "tst_framestore.moc"
