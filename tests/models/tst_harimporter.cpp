#include "harimporter.h"

#include <QtTest>

using Protocol::Direction;
using Protocol::MessageKind;

class TestHarImporter : public QObject
{
    Q_OBJECT

private slots:
    void sampleSession();
    void protobufConnection();
    void closeFromPayload();
    void notAHar_data();
    void notAHar();

private:
    static QString samplePath()
    {
        return qEnvironmentVariable("INSPECTOR_SOURCE_DIR") +
               QLatin1String("/tests/models/data/centrifugo-session.har");
    }
};

void TestHarImporter::sampleSession()
{
    const HarImporter::Result r = HarImporter::parseFile(samplePath());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.urls, (QStringList{QStringLiteral("ws://localhost:8000/connection/websocket"),
                                  QStringLiteral("ws://localhost:8000/connection/websocket?format=protobuf")}));
    QCOMPARE(r.frames.size(), 11);
    QCOMPARE(r.skippedControlFrames, 1);
    QCOMPARE(r.badMessages, 2);
    QVERIFY2(r.firstProblem.contains(QLatin1String("sideways")), qPrintable(r.firstProblem));

    // Time order across both connections.
    for (int i = 1; i < r.frames.size(); ++i)
        QVERIFY(r.frames.at(i - 1).timeMs <= r.frames.at(i).timeMs);

    const Frame &connect = r.frames.at(0);
    QCOMPARE(connect.timeMs, 1714564800100);
    QCOMPARE(connect.direction, Direction::Out);
    QCOMPARE(connect.messages.size(), 1);
    QCOMPARE(connect.messages.first().method, Protocol::Method::Connect);

    const Frame &reply = r.frames.at(1);
    QCOMPARE(reply.direction, Direction::In);
    QCOMPARE(reply.messages.first().kindName(), QStringLiteral("connect_reply"));
    QCOMPARE(reply.messages.first().rttMs, 12.0);

    const Frame &subscribes = r.frames.at(2);
    QCOMPARE(subscribes.messages.size(), 2);
    QCOMPARE(subscribes.messages.at(1).channel, QStringLiteral("$secret"));

    const Frame &replies = r.frames.at(3);
    QCOMPARE(replies.messages.size(), 2);
    QCOMPARE(replies.messages.at(0).rttMs, 5.0);
    QCOMPARE(replies.messages.at(1).kind, MessageKind::Error);
    QCOMPARE(replies.messages.at(1).code, 103);
    QCOMPARE(replies.messages.at(1).method, Protocol::Method::Subscribe); // from its command, as Session does

    const Frame &pub = r.frames.at(4);
    QCOMPARE(pub.messages.first().kindName(), QStringLiteral("push_pub"));
    QVERIFY(QString::fromUtf8(pub.raw).contains(QStringLiteral("你好")));

    const Frame &ping = r.frames.at(8);
    QCOMPARE(ping.messages.first().kind, MessageKind::Ping);
    QCOMPARE(r.frames.at(9).messages.first().kind, MessageKind::Pong);

    const Frame &close = r.frames.at(10);
    QVERIFY(close.close);
    QCOMPARE(close.messages.first().kind, MessageKind::Disconnect);
    QCOMPARE(close.messages.first().code, 3501);
    QCOMPARE(close.messages.first().text, QStringLiteral("bad request"));
}

void TestHarImporter::protobufConnection()
{
    const HarImporter::Result r = HarImporter::parseFile(samplePath());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Frame &commands = r.frames.at(5);
    QVERIFY(commands.binary);
    QCOMPARE(commands.direction, Direction::Out);
    QCOMPARE(commands.raw, QByteArray::fromBase64("CAgBIgQiAmpzCggCKgYKBG5ld3M="));
#ifdef INSPECTOR_HAVE_PROTOBUF
    QCOMPARE(commands.messages.size(), 2);
    QCOMPARE(commands.messages.at(1).kindName(), QStringLiteral("subscribe"));
    QCOMPARE(commands.messages.at(1).channel, QStringLiteral("news"));
    const Frame &replies = r.frames.at(6);
    QCOMPARE(replies.messages.size(), 2);
    QCOMPARE(replies.messages.at(0).kindName(), QStringLiteral("connect_reply"));
    QCOMPARE(replies.messages.at(0).rttMs, 10.0);
    const Frame &pub = r.frames.at(7);
    QCOMPARE(pub.messages.first().kindName(), QStringLiteral("push_pub"));
    QCOMPARE(pub.messages.first()
                 .json()
                 .value(QLatin1String("push"))
                 .toObject()
                 .value(QLatin1String("pub"))
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("hi"));
#endif
}

void TestHarImporter::closeFromPayload()
{
    // Tools that keep the close payload store it like binary data: two bytes of code, then the reason.
    const QByteArray payload = QByteArray("\x0b\xb9", 2) + "no pong"; // 3001
    const QByteArray har = R"({"log":{"entries":[{"request":{"url":"ws://x"},"_webSocketMessages":[)"
                           R"({"type":"receive","time":1.5,"opcode":8,"data":")" +
                           payload.toBase64() + R"("}]}]}})";
    const HarImporter::Result r = HarImporter::parse(har);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.frames.size(), 1);
    QCOMPARE(r.frames.first().timeMs, 1500);
    QCOMPARE(r.frames.first().messages.first().code, 3001);
    QCOMPARE(r.frames.first().messages.first().text, QStringLiteral("no pong"));
}

void TestHarImporter::notAHar_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("not json") << QByteArray("{\"log\": [") << "invalid";
    QTest::newRow("no entries") << QByteArray("{\"log\": {}}") << "log.entries";
    QTest::newRow("no websocket") << QByteArray(R"({"log":{"entries":[{"request":{"url":"http://x"}}]}})")
                                  << "no WebSocket";
}

void TestHarImporter::notAHar()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, errorPart);
    const HarImporter::Result r = HarImporter::parse(data);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
    QVERIFY(r.frames.isEmpty());
}

QTEST_GUILESS_MAIN(TestHarImporter)
#include "tst_harimporter.moc"
