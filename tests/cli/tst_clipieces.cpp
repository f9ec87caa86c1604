// Unit tests of the CLI's parts: option parsing and the run summary (the binary itself: tst_cli; the record
// writer: tests/core/tst_recordwriter).
#include "clioptions.h"
#include "runsummary.h"
#include "timelinetestdata.h"

#include <QTest>

class TestCliPieces : public QObject
{
    Q_OBJECT

private slots:
    void parsesOptions();
    void defaults();
    void rejects_data();
    void rejects();
    void helpAndVersion();
    void summaryCountsKindsAndChannels();
    void summaryCountsKindsAcrossNewKinds();
    void deadlineOptions();
    void summarySaysWhoClosedAndHowReadingWent();
};

void TestCliPieces::parsesOptions()
{
    CliOptions o;
    QString message;
    const auto r = CliOptions::parse({QStringLiteral("cli"),
                                      QStringLiteral("--url"),
                                      QStringLiteral("wss://example.com/connection/websocket"),
                                      QStringLiteral("--token"),
                                      QStringLiteral("T"),
                                      QStringLiteral("--subscribe"),
                                      QStringLiteral("a"),
                                      QStringLiteral("--subscribe"),
                                      QStringLiteral("b"),
                                      QStringLiteral("--send"),
                                      QStringLiteral("{\"id\":9}"),
                                      QStringLiteral("--record"),
                                      QStringLiteral("-"),
                                      QStringLiteral("--frames"),
                                      QStringLiteral("10"),
                                      QStringLiteral("--duration"),
                                      QStringLiteral("1.5"),
                                      QStringLiteral("--log-level"),
                                      QStringLiteral("trace"),
                                      QStringLiteral("--summary"),
                                      QStringLiteral("--no-auto-pong")},
                                     &o, &message);
    QCOMPARE(r, CliOptions::Parse::Run);
    QCOMPARE(o.session.url, QUrl(QStringLiteral("wss://example.com/connection/websocket")));
    QCOMPARE(o.session.token, QStringLiteral("T"));
    QCOMPARE(o.subscribe, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(o.send, QStringList{QStringLiteral("{\"id\":9}")});
    QCOMPARE(o.recordPath, QStringLiteral("-"));
    QCOMPARE(o.frames, 10);
    QCOMPARE(o.durationSec, 1.5);
    QCOMPARE(o.logLevel, LogEntry::Level::Trace);
    QVERIFY(o.summary);
    QVERIFY(!o.session.autoPong);
    QVERIFY(!o.endsWhenCommandsDone());
}

void TestCliPieces::defaults()
{
    CliOptions o;
    QString message;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli")}, &o, &message), CliOptions::Parse::Run);
    QCOMPARE(o.session.url, QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket")));
    QCOMPARE(o.session.format, Protocol::Format::Json);
    QVERIFY(o.session.autoPong);
    QCOMPARE(o.logLevel, LogEntry::Level::Info);
    QVERIFY(o.endsWhenCommandsDone());
}

void TestCliPieces::deadlineOptions()
{
    CliOptions o;
    QString message;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli")}, &o, &message), CliOptions::Parse::Run);
    QCOMPARE(o.session.handshakeTimeoutMs, 10000);
    QCOMPARE(o.session.connectTimeoutMs, 10000);
    QCOMPARE(o.session.pingToleranceMs, 5000);
    CliOptions set;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli"), QStringLiteral("--handshake-timeout"), QStringLiteral("2.5"),
                                QStringLiteral("--connect-timeout"), QStringLiteral("0"),
                                QStringLiteral("--ping-tolerance"), QStringLiteral("1")},
                               &set, &message),
             CliOptions::Parse::Run);
    QCOMPARE(set.session.handshakeTimeoutMs, 2500);
    QCOMPARE(set.session.connectTimeoutMs, 0);
    QCOMPARE(set.session.pingToleranceMs, 1000);
}

void TestCliPieces::summarySaysWhoClosedAndHowReadingWent()
{
    RunSummary s;
    CloseInfo close;
    close.side = CloseInfo::Side::Client;
    close.code = 1000;
    close.rule = CloseInfo::Rule::PingSilence;
    s.setClose(close);
    SocketReader::Stats read;
    read.turns = 7;
    read.limitedTurns = 3;
    read.growths = 2;
    read.largestLimit = 256 * 1024;
    s.setReadStats(read);
    const QString text = s.text();
    QVERIFY2(text.contains(QStringLiteral("closed by     client (code 1000, no_ping)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("7 turns, 3 held at the read limit")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("grown 2 times (largest 262144 bytes)")), qPrintable(text));
}

void TestCliPieces::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("frames -1") << QStringList{QStringLiteral("--frames"), QStringLiteral("-1")};
    QTest::newRow("duration 0") << QStringList{QStringLiteral("--duration"), QStringLiteral("0")};
    QTest::newRow("duration nan") << QStringList{QStringLiteral("--duration"), QStringLiteral("nan")};
    QTest::newRow("url without host") << QStringList{QStringLiteral("--url"), QStringLiteral("ws://")};
    QTest::newRow("empty record") << QStringList{QStringLiteral("--record"), QString()};
    QTest::newRow("unknown") << QStringList{QStringLiteral("--nope")};
}

void TestCliPieces::rejects()
{
    QFETCH(QStringList, arguments);
    CliOptions o;
    QString message;
    QCOMPARE(CliOptions::parse(QStringList{QStringLiteral("cli")} + arguments, &o, &message),
             CliOptions::Parse::UsageError);
    QVERIFY(!message.isEmpty());
}

void TestCliPieces::helpAndVersion()
{
    CliOptions o;
    QString message;
    QCOMPARE(CliOptions::parse({QStringLiteral("cli"), QStringLiteral("--version")}, &o, &message),
             CliOptions::Parse::ShowHelp);
    QVERIFY(message.contains(QStringLiteral(INSPECTOR_VERSION)));
}

void TestCliPieces::summaryCountsKindsAndChannels()
{
    RunSummary s;
    s.add(TimelineTestData::clientFrame(R"({"id":1,"subscribe":{"channel":"a"}})"));
    s.add(TimelineTestData::serverFrame("{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":1}}}\n"
                                        "{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":2}}}\n"
                                        "{\"push\":{\"channel\":\"b\",\"pub\":{\"data\":3}}}\n"
                                        "{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":4}}}"));
    s.add(TimelineTestData::serverFrame("{}"));
    QCOMPARE(s.framesIn(), 2);
    QCOMPARE(s.framesOut(), 1);
    QCOMPARE(s.bytesOut(), qint64(QByteArray(R"({"id":1,"subscribe":{"channel":"a"}})").size()));
    const QHash<QString, qint64> kinds = s.kinds();
    QCOMPARE(kinds.value(QStringLiteral("push_pub")), 4);
    QCOMPARE(kinds.value(QStringLiteral("subscribe")), 1);
    QCOMPARE(kinds.value(QStringLiteral("ping")), 1);
    const QHash<QString, qint64> channels = s.channels();
    QCOMPARE(channels.value(QStringLiteral("a")), 4);
    QCOMPARE(channels.value(QStringLiteral("b")), 1);
    const QString text = s.text();
    QVERIFY2(text.contains(QStringLiteral("push_pub")) && text.contains(QStringLiteral("frames in")), qPrintable(text));
}

// Kinds seen before come back between new ones (each new kind grows the table): every message still counts once.
void TestCliPieces::summaryCountsKindsAcrossNewKinds()
{
    const QStringList methods{QStringLiteral("publish"),        QStringLiteral("presence"),
                              QStringLiteral("history"),        QStringLiteral("rpc"),
                              QStringLiteral("presence_stats"), QStringLiteral("refresh"),
                              QStringLiteral("send"),           QStringLiteral("unsubscribe"),
                              QStringLiteral("sub_refresh"),    QStringLiteral("subscribe")};
    RunSummary s;
    int id = 1;
    for (const QString &method : methods) {
        s.add(TimelineTestData::serverFrame("{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":1}}}"));
        s.add(TimelineTestData::clientFrame(QStringLiteral(R"({"id":%1,"%2":{}})").arg(id++).arg(method).toUtf8()));
        s.add(TimelineTestData::serverFrame("{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":2}}}\n"
                                            "{\"push\":{\"channel\":\"a\",\"pub\":{\"data\":3}}}"));
    }
    const QHash<QString, qint64> kinds = s.kinds();
    QCOMPARE(kinds.value(QStringLiteral("push_pub")), 3 * methods.size());
    for (const QString &method : methods)
        QCOMPARE(kinds.value(method), 1);
    QCOMPARE(kinds.size(), methods.size() + 1);
}

QTEST_GUILESS_MAIN(TestCliPieces)
#include "tst_clipieces.moc"
