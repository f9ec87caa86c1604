#include "jsoncodec.h"
#include "sharedbytes.h"

#include <QJsonDocument>
#include <QTest>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

class TestJsonCodec : public QObject
{
    Q_OBJECT

private slots:
    void splitsLines_data();
    void splitsLines();
    void decodesServerMessages_data();
    void decodesServerMessages();
    void decodesBatchWithPing();
    void decodesClientMessages_data();
    void decodesClientMessages();
    void encodesCompactLines();
    void garbageNeverCrashes();
    void frameMessagesShareTheFrameBuffer();
    void sharedSlices();
};

void TestJsonCodec::splitsLines_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("lines");
    QTest::newRow("one") << QByteArray(R"({"id":1})") << 1;
    QTest::newRow("two") << QByteArray("{\"id\":1}\n{\"id\":2}") << 2;
    QTest::newRow("trailing newline") << QByteArray("{\"id\":1}\n") << 1;
    QTest::newRow("empty line skipped") << QByteArray("{\"id\":1}\n\n{}") << 2;
    QTest::newRow("empty") << QByteArray() << 0;
}

void TestJsonCodec::splitsLines()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, lines);
    QCOMPARE(JsonCodec::splitLines(payload).size(), lines);
}

void TestJsonCodec::decodesServerMessages_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<MessageKind>("kind");
    QTest::addColumn<Method>("method");
    QTest::addColumn<PushType>("push");
    QTest::addColumn<quint32>("id");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("kindName");

    auto row = [](const char *name, const char *line, MessageKind k, Method m, PushType p, quint32 id, const char *ch,
                  int code, const char *kn) {
        QTest::newRow(name) << QByteArray(line) << k << m << p << id << QString::fromUtf8(ch) << code
                            << QString::fromUtf8(kn);
    };
    row("ping", "{}", MessageKind::Ping, Method::None, PushType::None, 0, "", 0, "ping");
    row("connect reply", R"({"id":1,"connect":{"client":"abc","version":"0.0.0 OSS","ping":25,"pong":true}})",
        MessageKind::Reply, Method::Connect, PushType::None, 1, "", 0, "connect_reply");
    row("subscribe reply", R"({"id":2,"subscribe":{"recoverable":true,"epoch":"x","offset":3}})", MessageKind::Reply,
        Method::Subscribe, PushType::None, 2, "", 0, "subscribe_reply");
    row("unsubscribe reply", R"({"id":3,"unsubscribe":{}})", MessageKind::Reply, Method::Unsubscribe, PushType::None, 3,
        "", 0, "unsubscribe_reply");
    row("publish reply", R"({"id":4,"publish":{}})", MessageKind::Reply, Method::Publish, PushType::None, 4, "", 0,
        "publish_reply");
    row("presence reply", R"({"id":5,"presence":{"presence":{"c1":{"user":"","client":"c1"}}}})", MessageKind::Reply,
        Method::Presence, PushType::None, 5, "", 0, "presence_reply");
    row("presence_stats reply", R"({"id":6,"presence_stats":{"num_clients":2,"num_users":1}})", MessageKind::Reply,
        Method::PresenceStats, PushType::None, 6, "", 0, "presence_stats_reply");
    row("history reply", R"({"id":7,"history":{"publications":[],"epoch":"e","offset":0}})", MessageKind::Reply,
        Method::History, PushType::None, 7, "", 0, "history_reply");
    row("rpc reply", R"({"id":8,"rpc":{"data":{"a":1}}})", MessageKind::Reply, Method::Rpc, PushType::None, 8, "", 0,
        "rpc_reply");
    row("refresh reply", R"({"id":9,"refresh":{"expires":true,"ttl":60}})", MessageKind::Reply, Method::Refresh,
        PushType::None, 9, "", 0, "refresh_reply");
    row("sub_refresh reply", R"({"id":10,"sub_refresh":{"expires":true,"ttl":60}})", MessageKind::Reply,
        Method::SubRefresh, PushType::None, 10, "", 0, "sub_refresh_reply");
    row("error", R"({"id":11,"error":{"code":103,"message":"permission denied"}})", MessageKind::Error, Method::None,
        PushType::None, 11, "", 103, "error");
    row("pub", R"({"push":{"channel":"chat:a","pub":{"data":{"t":"hi"},"offset":3}}})", MessageKind::Push, Method::None,
        PushType::Pub, 0, "chat:a", 0, "push_pub");
    row("join", R"({"push":{"channel":"chat:a","join":{"info":{"user":"","client":"c"}}}})", MessageKind::Push,
        Method::None, PushType::Join, 0, "chat:a", 0, "push_join");
    row("leave", R"({"push":{"channel":"chat:a","leave":{"info":{"user":"","client":"c"}}}})", MessageKind::Push,
        Method::None, PushType::Leave, 0, "chat:a", 0, "push_leave");
    row("unsubscribe push",
        R"({"push":{"channel":"chat:a","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})", MessageKind::Push,
        Method::None, PushType::Unsubscribe, 0, "chat:a", 2000, "push_unsubscribe");
    row("subscribe push", R"({"push":{"channel":"news","subscribe":{"recoverable":true}}})", MessageKind::Push,
        Method::None, PushType::Subscribe, 0, "news", 0, "push_subscribe");
    row("message push", R"({"push":{"message":{"data":{"x":1}}}})", MessageKind::Push, Method::None, PushType::Message,
        0, "", 0, "push_message");
    row("refresh push", R"({"push":{"refresh":{"expires":true,"ttl":10}}})", MessageKind::Push, Method::None,
        PushType::Refresh, 0, "", 0, "push_refresh");
    row("disconnect push", R"({"push":{"disconnect":{"code":3001,"reason":"shutdown"}}})", MessageKind::Push,
        Method::None, PushType::Disconnect, 0, "", 3001, "push_disconnect");
    row("connect push", R"({"connect":{"client":"c","version":"v","ping":25}})", MessageKind::Push, Method::None,
        PushType::Connect, 0, "", 0, "push_connect");
    row("bad json", R"({"id":1,)", MessageKind::Invalid, Method::None, PushType::None, 0, "", 0, "invalid");
    row("array", R"([1,2])", MessageKind::Invalid, Method::None, PushType::None, 0, "", 0, "invalid");
}

void TestJsonCodec::decodesServerMessages()
{
    QFETCH(QByteArray, line);
    QFETCH(MessageKind, kind);
    QFETCH(Method, method);
    QFETCH(PushType, push);
    QFETCH(quint32, id);
    QFETCH(QString, channel);
    QFETCH(int, code);
    QFETCH(QString, kindName);

    const ProtocolMessage m = JsonCodec::decodeServerLine(line);
    QCOMPARE(m.kind, kind);
    if (m.kind != MessageKind::Push && m.kind != MessageKind::Error)
        QCOMPARE(m.method, method);
    QCOMPARE(m.push, push);
    QCOMPARE(m.id, id);
    QCOMPARE(m.channel, channel);
    QCOMPARE(m.code, code);
    QCOMPARE(m.kindName(), kindName);
    QCOMPARE(m.raw, line);
    if (kind == MessageKind::Invalid)
        QVERIFY(!m.text.isEmpty());
}

void TestJsonCodec::decodesBatchWithPing()
{
    const QByteArray payload = "{\"id\":1,\"publish\":{}}\n{}\n{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":1}}}";
    const QList<ProtocolMessage> ms = JsonCodec().decodeServerFrame(payload);
    QCOMPARE(ms.size(), 3);
    QCOMPARE(ms.at(0).kind, MessageKind::Reply);
    QCOMPARE(ms.at(1).kind, MessageKind::Ping);
    QCOMPARE(ms.at(2).kind, MessageKind::Push);
    QCOMPARE(ms.at(2).raw, QByteArray(R"({"push":{"channel":"a","pub":{"data":1}}})"));
}

void TestJsonCodec::decodesClientMessages_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<MessageKind>("kind");
    QTest::addColumn<Method>("method");
    QTest::addColumn<quint32>("id");
    QTest::addColumn<QString>("channel");

    QTest::newRow("pong") << QByteArray("{}") << MessageKind::Pong << Method::None << 0u << QString();
    QTest::newRow("no method") << QByteArray(R"({"id":2})") << MessageKind::Command << Method::None << 2u << QString();
    QTest::newRow("connect") << QByteArray(R"({"id":1,"connect":{}})") << MessageKind::Command << Method::Connect << 1u
                             << QString();
    QTest::newRow("subscribe") << QByteArray(R"({"id":2,"subscribe":{"channel":"chat:x"}})") << MessageKind::Command
                               << Method::Subscribe << 2u << QStringLiteral("chat:x");
    QTest::newRow("send") << QByteArray(R"({"send":{"data":{}}})") << MessageKind::Command << Method::Send << 0u
                          << QString();
    // The server dispatches on the first method in its order: publish wins over history.
    QTest::newRow("two methods") << QByteArray(R"({"id":3,"history":{"channel":"b"},"publish":{"channel":"a"}})")
                                 << MessageKind::Command << Method::Publish << 3u << QStringLiteral("a");
    QTest::newRow("ping command") << QByteArray(R"({"id":4,"ping":{}})") << MessageKind::Command << Method::Ping << 4u
                                  << QString();
}

void TestJsonCodec::decodesClientMessages()
{
    QFETCH(QByteArray, line);
    QFETCH(MessageKind, kind);
    QFETCH(Method, method);
    QFETCH(quint32, id);
    QFETCH(QString, channel);
    const ProtocolMessage m = JsonCodec::decodeClientLine(line);
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.method, method);
    QCOMPARE(m.id, id);
    QCOMPARE(m.channel, channel);
}

void TestJsonCodec::encodesCompactLines()
{
    const QJsonObject a{{QStringLiteral("id"), 1}, {QStringLiteral("connect"), QJsonObject()}};
    const QJsonObject b{
        {QStringLiteral("id"), 2},
        {QStringLiteral("publish"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("x")},
                                                {QStringLiteral("data"), QStringLiteral("line1\nline2")}}}};
    const QByteArray out = JsonCodec().encodeCommands({a, b});
    // Exactly one separator: embedded newlines are escaped by JSON, so they never split a command.
    QCOMPARE(out.count('\n'), 1);
    const QList<ProtocolMessage> back = JsonCodec().decodeClientFrame(out);
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(1).json(), b);
}

void TestJsonCodec::garbageNeverCrashes()
{
    // A deterministic sweep of mutated frames: every outcome must be a message, never a crash or an empty list.
    const QByteArray seed = "{\"id\":1,\"connect\":{\"client\":\"c\"}}\n{\"push\":{\"channel\":\"a\",\"pub\":{}}}";
    quint32 state = 12345;
    auto next = [&state]() { return state = state * 1103515245u + 12345u; };
    JsonCodec codec;
    for (int i = 0; i < 5000; ++i) {
        QByteArray b = seed;
        const int edits = int(next() % 6) + 1;
        for (int e = 0; e < edits; ++e)
            b[int(next() % quint32(b.size()))] = char(next() & 0xff);
        if (next() % 4 == 0)
            b.truncate(int(next() % quint32(b.size())));
        const QList<ProtocolMessage> ms = codec.decodeServerFrame(b);
        QVERIFY(!ms.isEmpty());
        codec.decodeClientFrame(b);
    }
}

void TestJsonCodec::frameMessagesShareTheFrameBuffer()
{
    QByteArray payload = R"({"push":{"channel":"a","pub":{"data":1}}})"
                         "\n"
                         R"({"push":{"channel":"a","pub":{"data":2}}})";
    const QByteArray copy(payload.constData(), payload.size());
    QList<ProtocolMessage> messages = JsonCodec().decodeServerFrame(payload);
    QCOMPARE(messages.size(), 2);
    // Slices of the frame, not copies.
    const char *begin = payload.constData();
    QCOMPARE(messages.at(0).raw.constData(), begin);
    QCOMPARE(messages.at(1).raw.constData(), begin + copy.indexOf('\n') + 1);
    QVERIFY(messages.at(1).rawIsValidatedJson());

    // They outlive the frame, and writing to one copies it without touching the others.
    payload = QByteArray();
    QCOMPARE(messages.at(0).raw, copy.left(copy.indexOf('\n')));
    QCOMPARE(messages.at(1).raw, copy.mid(copy.indexOf('\n') + 1));
    messages[0].raw.append("xyz");
    QVERIFY(!messages.at(0).rawIsValidatedJson());
    QCOMPARE(messages.at(0).raw, copy.left(copy.indexOf('\n')) + "xyz");
    QCOMPARE(messages.at(1).raw, copy.mid(copy.indexOf('\n') + 1));
    QCOMPARE(messages.at(1).json().value(QLatin1String("push")).toObject().value(QLatin1String("channel")).toString(),
             QStringLiteral("a"));
}

void TestJsonCodec::sharedSlices()
{
    QByteArray whole("0123456789");
    const QByteArray middle = SharedBytes::slice(whole, QByteArrayView(whole).sliced(2, 5));
    QCOMPARE(middle, QByteArray("23456"));
    QCOMPARE(middle.constData(), whole.constData() + 2);
    // The whole array is shared now: writing to it detaches it and leaves the slice alone.
    whole[2] = 'x';
    QCOMPARE(middle, QByteArray("23456"));
    QCOMPARE(QByteArrayView(whole), QByteArrayView("01x3456789"));
    // A copy of a slice shares it too; writing detaches.
    QByteArray second = middle;
    second.append("abc");
    QCOMPARE(second, QByteArray("23456abc"));
    QCOMPARE(middle, QByteArray("23456"));
    // Alone with its buffer (the frame is gone), a slice may grow in place over bytes nobody else sees any more.
    QByteArray alone;
    {
        const QByteArray frame("abcdefgh");
        alone = SharedBytes::slice(frame, QByteArrayView(frame).sliced(1, 3));
    }
    alone.append("XY");
    QCOMPARE(alone, QByteArray("bcdXY"));

    // The same bytes are the array itself; views from elsewhere, empty views and raw data arrays are copied.
    QCOMPARE(SharedBytes::slice(whole, QByteArrayView(whole)).constData(), whole.constData());
    const QByteArray other("23456");
    const QByteArray copied = SharedBytes::slice(whole, QByteArrayView(other));
    QCOMPARE(copied, other);
    QVERIFY(copied.constData() != other.constData());
    QVERIFY(SharedBytes::slice(whole, QByteArrayView(whole).sliced(3, 0)).isEmpty());
    static const char raw[] = "raw data";
    const QByteArray rawArray = QByteArray::fromRawData(raw, 8);
    const QByteArray fromRaw = SharedBytes::slice(rawArray, QByteArrayView(rawArray).sliced(4, 4));
    QCOMPARE(fromRaw, QByteArray("data"));
    QVERIFY(fromRaw.constData() != raw + 4);
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
