// The --inject specs of the CLI's proxy mode (ProxyMode::parseInjection) and the --proxy options (CliOptions).
#include "clioptions.h"
#include "framerecord.h"
#include "proxymode.h"
#include "recordlineparser.h"
#include "wirecodec.h"

#include <QTest>

using Action = ProxyMode::Injection::Action;

class TestProxyMode : public QObject
{
    Q_OBJECT

private slots:
    void parsesSpecs();
    void rejectsBadSpecs_data();
    void rejectsBadSpecs();
    void proxyOptions();
    void recordKeepsConnAndInjected();
};

void TestProxyMode::parsesSpecs()
{
    ProxyMode::Injection in;
    QString error;
    QVERIFY2(ProxyMode::parseInjection(QStringLiteral("after=5s,close=3001"), &in, &error), qPrintable(error));
    QCOMPARE(in.action, Action::Close);
    QCOMPARE(in.afterMs, 5000);
    QCOMPARE(in.code, 3001);
    QCOMPARE(in.conn, 0);
    QVERIFY(!in.reason.isEmpty());

    QVERIFY(ProxyMode::parseInjection(QStringLiteral("conn=2,close=3501:bad request"), &in, &error));
    QCOMPARE(in.conn, 2);
    QCOMPARE(in.code, 3501);
    QCOMPARE(in.reason, QStringLiteral("bad request"));

    // A channel name may hold colons: the count is after the last one.
    QVERIFY(ProxyMode::parseInjection(QStringLiteral("drop=chat:room:5"), &in, &error));
    QCOMPARE(in.action, Action::Drop);
    QCOMPARE(in.channel, QStringLiteral("chat:room"));
    QCOMPARE(in.value, 5);

    QVERIFY(ProxyMode::parseInjection(QStringLiteral("after=250ms,delay=200"), &in, &error));
    QCOMPARE(in.action, Action::Delay);
    QCOMPARE(in.afterMs, 250);
    QCOMPARE(in.value, 200);
    QVERIFY(ProxyMode::parseInjection(QStringLiteral("delay=1.5s"), &in, &error));
    QCOMPARE(in.value, 1500);

    QVERIFY(ProxyMode::parseInjection(QStringLiteral("drop-upstream"), &in, &error));
    QCOMPARE(in.action, Action::DropUpstream);
    QVERIFY(ProxyMode::parseInjection(QStringLiteral("hold-pings"), &in, &error));
    QCOMPARE(in.action, Action::HoldPings);
    QVERIFY(ProxyMode::parseInjection(QStringLiteral("hold-pongs"), &in, &error));
    QCOMPARE(in.action, Action::HoldPongs);
    QVERIFY(ProxyMode::parseInjection(QStringLiteral("after=10,pass"), &in, &error));
    QCOMPARE(in.action, Action::Pass);
    QCOMPARE(in.afterMs, 10000);
}

void TestProxyMode::rejectsBadSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("no fault") << QStringLiteral("after=5s");
    QTest::newRow("two faults") << QStringLiteral("close=3001,drop-upstream");
    QTest::newRow("unknown item") << QStringLiteral("explode");
    QTest::newRow("reserved close code") << QStringLiteral("close=1006");
    QTest::newRow("close code not a number") << QStringLiteral("close=soon");
    QTest::newRow("drop without channel") << QStringLiteral("drop=:5");
    QTest::newRow("drop count zero") << QStringLiteral("drop=chat:0");
    QTest::newRow("negative delay") << QStringLiteral("delay=-5");
    QTest::newRow("bad after") << QStringLiteral("after=later,close=3001");
    QTest::newRow("bad conn") << QStringLiteral("conn=0,close=3001");
}

void TestProxyMode::rejectsBadSpecs()
{
    QFETCH(QString, spec);
    ProxyMode::Injection in;
    QString error;
    QVERIFY(!ProxyMode::parseInjection(spec, &in, &error));
    QVERIFY(error.startsWith(QStringLiteral("--inject")));
}

void TestProxyMode::proxyOptions()
{
    CliOptions o;
    QString message;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli"), QStringLiteral("--proxy"), QStringLiteral("127.0.0.1:8001"),
                                QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:8000/connection/websocket"),
                                QStringLiteral("--inject"), QStringLiteral("close=3001")},
                               &o, &message),
             CliOptions::Parse::Run);
    QVERIFY(o.isProxyMode());
    QCOMPARE(o.inject, QStringList{QStringLiteral("close=3001")});
    QVERIFY(!o.proxyAllowRemote);

    CliOptions plain;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli"), QStringLiteral("--inject"), QStringLiteral("close=3001")},
                               &plain, &message),
             CliOptions::Parse::UsageError);
    QVERIFY(message.contains(QStringLiteral("--proxy")));
    CliOptions both;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli"), QStringLiteral("--proxy"), QStringLiteral("127.0.0.1:8001"),
                                QStringLiteral("--subscribe"), QStringLiteral("news")},
                               &both, &message),
             CliOptions::Parse::UsageError);
}

void TestProxyMode::recordKeepsConnAndInjected()
{
    const QByteArray payload = R"({"push":{"channel":"chat","pub":{"data":{"n":1},"offset":7}}})";
    Frame f;
    f.timeMs = 1700000000123;
    f.raw = payload;
    f.messages = createWireCodec(Protocol::Format::Json)->decodeServerFrame(payload);
    f.conn = 3;
    f.injected = Frame::Injected::Drop;
    const QByteArray line = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    QVERIFY2(line.contains(R"("conn":3)") && line.contains(R"("injected":"drop")"), line.constData());
    Frame back;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
    QCOMPARE(back.conn, 3);
    QCOMPARE(back.injected, Frame::Injected::Drop);
    QCOMPARE(back.raw, payload);
    Frame fast;
    QVERIFY2(RecordLineParser::parse(line, &fast, &error), qPrintable(error));
    QCOMPARE(fast.conn, 3);
    QCOMPARE(fast.injected, Frame::Injected::Drop);

    // A frame of the inspector's own session writes neither field.
    f.conn = 0;
    f.injected = Frame::Injected::None;
    const QByteArray plain = FrameRecord::toJsonLine(f, FrameRecord::FrameJson::FromRaw);
    QVERIFY(!plain.contains("\"conn\"") && !plain.contains("\"injected\""));

    QByteArray bad = line;
    bad.replace(R"("injected":"drop")", R"("injected":"teleport")");
    QVERIFY(!FrameRecord::fromJsonLine(bad, &back, &error));
    QVERIFY(error.contains(QStringLiteral("injected")));
}

QTEST_GUILESS_MAIN(TestProxyMode)
#include "tst_proxymode.moc"
