#include "framestore.h"
#include "timelinetestdata.h"

#include <QtTest>

#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

using namespace TimelineTestData;
using Protocol::MessageKind;

class tst_FrameStore : public QObject
{
    Q_OBJECT

private slots:
    void singleMessageRoundTrip_data();
    void singleMessageRoundTrip();
    void multiMessageFrameSharesBytes();
    void closeFrame();
    void indexFieldsWinOverDecoding();
    void messageBytesNotInFrameAreKept();
    void frameWithoutMessages();
    void channelsAreInterned();
    void dropOldestCountsAndRenumbers();
    void dropOldestInsideAFrame();
    void dropOldestFreesArena();
    void clearResetsEverything();
    void binaryFrame();
};

void tst_FrameStore::singleMessageRoundTrip_data()
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

void tst_FrameStore::singleMessageRoundTrip()
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

void tst_FrameStore::multiMessageFrameSharesBytes()
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

void tst_FrameStore::closeFrame()
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

void tst_FrameStore::indexFieldsWinOverDecoding()
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

void tst_FrameStore::messageBytesNotInFrameAreKept()
{
    Frame f = serverFrame(kPublication);
    f.messages[0].raw = "something else";
    FrameStore store;
    store.append(f);
    QCOMPARE(store.messageBytes(0).toByteArray(), QByteArray("something else"));
    QCOMPARE(store.frameBytes(0).toByteArray(), kPublication);
}

void tst_FrameStore::frameWithoutMessages()
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

void tst_FrameStore::channelsAreInterned()
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

void tst_FrameStore::dropOldestCountsAndRenumbers()
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
                 .json().value(QLatin1String("push"))
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

void tst_FrameStore::dropOldestInsideAFrame()
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

void tst_FrameStore::dropOldestFreesArena()
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

void tst_FrameStore::clearResetsEverything()
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

void tst_FrameStore::binaryFrame()
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

QTEST_GUILESS_MAIN(tst_FrameStore)
#include "tst_framestore.moc"
