// Runs the real centrifugo-inspector-cli binary against a real Centrifugo.
#include "centrifugoserver.h"
#include "explainer.h"
#include "framerecord.h"
#include "testsupport.h"
#include "wirecodec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using Protocol::Direction;
using Protocol::MessageKind;

namespace {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;
    QString context() const
    {
        return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3").arg(exitCode).arg(out, err);
    }
};

QString cliPath()
{
    return QStringLiteral(INSPECTOR_CLI_BINARY);
}

Run collect(QProcess &p)
{
    Run r;
    r.exitCode = p.exitCode();
    r.exitStatus = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run runCli(const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess p;
    p.start(cliPath(), arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    return collect(p);
}

// A loopback port nothing listens on.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

int subscribers(CentrifugoServer &server, const QString &channel)
{
    const QJsonObject reply = server.apiCall(QStringLiteral("presence_stats"), {{QStringLiteral("channel"), channel}});
    return reply.value(QLatin1String("result")).toObject().value(QLatin1String("num_clients")).toInt(-1);
}

QList<QByteArray> recordLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void helpListsEveryOption_data();
    void helpListsEveryOption();
    void badUsageExitsWith2_data();
    void badUsageExitsWith2();
    void recordsSubscribedPublication();
    void commandWithoutMethodIsLintedAndExplained();
    void finishesWhenCommandsAreAnswered();
    void terminationFlushesRecordAndSummary();
    void refusedConnectionExitsWith1();
    void recordsProtobufFrames();
    void unansweredHandshakeExitsWith1();
    void durationBeforeOpenExitsWith1();
    void lintLineMasksTheToken();
    void killedServerIsTheTransportNotNormalClosure();
    void largePublicationsAreAllRecorded();
    void killNineMidRecordingLeavesReadableLines();
    void recordsOverSse();
    void probeSaysWhichTransportsWork();

private:
    CentrifugoServer m_server;
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QVERIFY(m_dir.isValid());
    // No join push in channels without namespace: the frames a subscriber receives are then known exactly.
    m_server.setEnvironmentOverride(QStringLiteral("channel.without_namespace.join_leave"), QStringLiteral("false"));
    m_server.setEnvironmentOverride(QStringLiteral("channel.without_namespace.force_push_join_leave"),
                                    QStringLiteral("false"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestCli::cleanupTestCase()
{
    m_server.stop();
}

void TestCli::helpListsEveryOption_data()
{
    QTest::addColumn<QString>("option");
    for (const char *o : {"--url", "--token", "--subscribe", "--send", "--record", "--frames", "--duration",
                          "--log-level", "--summary", "--protocol", "--no-auto-pong", "--help", "--version",
                          "--handshake-timeout", "--connect-timeout", "--ping-tolerance", "--transport", "--probe"})
        QTest::newRow(o) << QString::fromLatin1(o);
    QTest::newRow("exit status 2") << QStringLiteral("2  bad usage");
    QTest::newRow("exit status 1") << QStringLiteral("1  the connection failed");
}

void TestCli::helpListsEveryOption()
{
    QFETCH(QString, option);
    const Run r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(option), qPrintable(r.context()));
}

void TestCli::badUsageExitsWith2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("missing value") << QStringList{QStringLiteral("--frames")} << QStringLiteral("frames");
    QTest::newRow("frames zero") << QStringList{QStringLiteral("--frames"), QStringLiteral("0")}
                                 << QStringLiteral("--frames");
    QTest::newRow("frames text") << QStringList{QStringLiteral("--frames"), QStringLiteral("many")}
                                 << QStringLiteral("--frames");
    QTest::newRow("negative duration") << QStringList{QStringLiteral("--duration"), QStringLiteral("-1")}
                                       << QStringLiteral("--duration");
    QTest::newRow("log level") << QStringList{QStringLiteral("--log-level"), QStringLiteral("loud")}
                               << QStringLiteral("--log-level");
    QTest::newRow("protocol") << QStringList{QStringLiteral("--protocol"), QStringLiteral("xml")}
                              << QStringLiteral("--protocol");
    QTest::newRow("protobuf with non-JSON send")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("protobuf"), QStringLiteral("--send"),
                       QStringLiteral("{oops")}
        << QStringLiteral("protobuf");
    QTest::newRow("http url") << QStringList{QStringLiteral("--url"), QStringLiteral("http://127.0.0.1/")}
                              << QStringLiteral("--url");
    QTest::newRow("positional") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::newRow("unknown transport") << QStringList{QStringLiteral("--transport"), QStringLiteral("carrier_pigeon")}
                                       << QStringLiteral("--transport");
    QTest::newRow("ws url for sse") << QStringList{QStringLiteral("--transport"), QStringLiteral("sse"),
                                                   QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1/x")}
                                    << QStringLiteral("--url");
    QTest::newRow("empty channel") << QStringList{QStringLiteral("--subscribe"), QString()}
                                   << QStringLiteral("--subscribe");
    QTest::newRow("negative handshake timeout")
        << QStringList{QStringLiteral("--handshake-timeout"), QStringLiteral("-1")}
        << QStringLiteral("--handshake-timeout");
    QTest::newRow("unwritable record") << QStringList{QStringLiteral("--record"),
                                                      QStringLiteral("/nonexistent-dir/x.jsonl")}
                                       << QStringLiteral("nonexistent-dir");
}

void TestCli::badUsageExitsWith2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // A URL nobody listens on: a usage error must be reported before any connection attempt.
    if (!arguments.contains(QLatin1String("--url")))
        arguments = QStringList{QStringLiteral("--url"),
                                QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(closedPort())} +
                    arguments;
    const Run r = runCli(arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 2, qPrintable(r.context()));
    QVERIFY2(r.err.contains(message), qPrintable(r.context()));
    QVERIFY2(!r.err.contains(QLatin1String("Opening")), qPrintable(r.context()));
}

void TestCli::recordsSubscribedPublication()
{
    const QString channel = QStringLiteral("cli-record");
    const QString path = m_dir.filePath(QStringLiteral("record.jsonl"));
    QProcess cli;
    // connect reply, subscribe reply, publication: three frames in.
    cli.start(cliPath(), {QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--subscribe"),
                          channel, QStringLiteral("--frames"), QStringLiteral("3"), QStringLiteral("--record"), path,
                          QStringLiteral("--summary")});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 1, 15000);

    const QJsonObject data{{QStringLiteral("text"), QStringLiteral("héllo 你好 \"quoted\"\n")},
                           {QStringLiteral("n"), 42}};
    const QJsonObject published = m_server.publish(channel, data);
    QVERIFY2(published.contains(QLatin1String("result")), QJsonDocument(published).toJson().constData());
    // Not waitForFinished(): it fails when the process already ended inside an earlier event loop.
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));

    const QList<QByteArray> lines = recordLines(path);
    QList<Frame> frames;
    for (const QByteArray &line : lines) {
        Frame f;
        QString error;
        QVERIFY2(FrameRecord::fromJsonLine(line, &f, &error),
                 qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(line)));
        frames.append(f);
    }
    // In the order they happened: connect, its reply, subscribe, its reply, the publication, our close.
    QVERIFY2(frames.size() == 6, qPrintable(QString::fromUtf8(lines.join('\n'))));
    QCOMPARE(frames.at(0).messages.first().kindName(), QStringLiteral("connect"));
    QCOMPARE(frames.at(1).messages.first().kindName(), QStringLiteral("connect_reply"));
    QCOMPARE(frames.at(2).messages.first().kindName(), QStringLiteral("subscribe"));
    QCOMPARE(frames.at(3).messages.first().kindName(), QStringLiteral("subscribe_reply"));
    QCOMPARE(frames.at(5).messages.first().kind, MessageKind::Disconnect);
    QCOMPARE(frames.at(5).messages.first().code, 1000);
    for (qsizetype i = 1; i < frames.size(); ++i)
        QVERIFY(frames.at(i).timeMs >= frames.at(i - 1).timeMs);

    // The publication line has every field, and matches what the server sent.
    const QJsonObject pub = QJsonDocument::fromJson(lines.at(4)).object();
    const QString time = pub.value(QLatin1String("time")).toString();
    QVERIFY2(QDateTime::fromString(time, Qt::ISODateWithMs).isValid() && time.endsWith(QLatin1Char('Z')) &&
                 time.size() == 24,
             qPrintable(time));
    QVERIFY(qAbs(QDateTime::fromString(time, Qt::ISODateWithMs).msecsTo(QDateTime::currentDateTimeUtc())) < 600000);
    QCOMPARE(pub.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
    QCOMPARE(pub.value(QLatin1String("kind")).toString(), QStringLiteral("push_pub"));
    QCOMPARE(pub.value(QLatin1String("channel")).toString(), channel);
    // The server's bytes are the line's "frame" text itself, so "raw" is left out (docs/cli.md).
    QVERIFY2(!pub.contains(QLatin1String("raw")), lines.at(4).constData());
    QCOMPARE(pub.value(QLatin1String("size")).toInt(), frames.at(4).raw.size());
    QVERIFY2(lines.at(4).endsWith(QByteArray(",\"frame\":" + frames.at(4).raw + '}')), lines.at(4).constData());
    const QJsonObject frame = pub.value(QLatin1String("frame")).toObject();
    QCOMPARE(frame, QJsonDocument::fromJson(frames.at(4).raw).object());
    const QJsonObject pubBody = frame.value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
    QCOMPARE(pubBody.value(QLatin1String("data")).toObject(), data);
    QCOMPARE(pubBody.value(QLatin1String("offset")).toInteger(),
             published.value(QLatin1String("result")).toObject().value(QLatin1String("offset")).toInteger());

    // Replies carry their id and round-trip time.
    const QJsonObject subReply = QJsonDocument::fromJson(lines.at(3)).object();
    QCOMPARE(subReply.value(QLatin1String("id")).toInt(), frames.at(2).messages.first().id);
    QVERIFY(subReply.value(QLatin1String("rtt_ms")).toDouble(-1) >= 0);

    QVERIFY2(r.out.contains(QLatin1String("push_pub")), qPrintable(r.context()));
    QVERIFY2(r.out.contains(channel), qPrintable(r.context()));
}

void TestCli::commandWithoutMethodIsLintedAndExplained()
{
    const Run r = runCli({QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--send"),
                          QStringLiteral(R"({"id":2})")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    // The lint finding with its severity, before the server's verdict.
    QVERIFY2(r.err.contains(QLatin1String("lint error [no-method]")), qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("code 3501")), qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("reason \"bad request\"")), qPrintable(r.context()));
    QVERIFY2(r.err.contains(Explainer::disconnect(3501).sentence()), qPrintable(r.context()));
    QVERIFY2(r.err.indexOf(QLatin1String("lint error")) < r.err.indexOf(QLatin1String("code 3501")),
             qPrintable(r.context()));
}

void TestCli::finishesWhenCommandsAreAnswered()
{
    const QString path = m_dir.filePath(QStringLiteral("commands.jsonl"));
    const Run r = runCli({QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--send"),
                          QStringLiteral(R"({"id":7,"presence_stats":{"channel":"chat:cli"}})"),
                          QStringLiteral("--record"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QVERIFY2(!r.err.contains(QLatin1String("lint error")), qPrintable(r.context()));
    bool sawReply = false;
    for (const QByteArray &line : recordLines(path)) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("kind")).toString() == QLatin1String("presence_stats_reply")) {
            sawReply = true;
            QCOMPARE(o.value(QLatin1String("id")).toInt(), 7);
            QVERIFY(o.value(QLatin1String("rtt_ms")).isDouble());
        }
    }
    QVERIFY2(sawReply, qPrintable(r.context()));
}

void TestCli::terminationFlushesRecordAndSummary()
{
    const QString channel = QStringLiteral("cli-term");
    const QString path = m_dir.filePath(QStringLiteral("term.jsonl"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--subscribe"),
                          channel, QStringLiteral("--record"), path, QStringLiteral("--summary")});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 1, 15000);
    cli.terminate(); // SIGTERM
    // Not waitForFinished(): it fails when the process already ended inside an earlier event loop.
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QVERIFY2(r.out.contains(QLatin1String("subscribe_reply")), qPrintable(r.context()));
    const QList<QByteArray> lines = recordLines(path);
    QVERIFY2(lines.size() == 5, qPrintable(QString::fromUtf8(lines.join('\n')))); // 2 out, 2 in, close
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast()).object();
    QCOMPARE(last.value(QLatin1String("kind")).toString(), QStringLiteral("disconnect"));
    QCOMPARE(last.value(QLatin1String("code")).toInt(), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 0, 10000);
}

void TestCli::refusedConnectionExitsWith1()
{
    const Run r =
        runCli({QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(closedPort())});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("cannot connect")), qPrintable(r.context()));
}

void TestCli::recordsProtobufFrames()
{
    if (createWireCodec(Protocol::Format::Protobuf)->format() != Protocol::Format::Protobuf)
        QSKIP("built without the Protobuf codec");
    const QString channel = QStringLiteral("cli-protobuf");
    const QString path = m_dir.filePath(QStringLiteral("protobuf.jsonl"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--protocol"),
                          QStringLiteral("protobuf"), QStringLiteral("--subscribe"), channel,
                          QStringLiteral("--frames"), QStringLiteral("3"), QStringLiteral("--record"), path});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 1, 15000);
    const QJsonObject data{{QStringLiteral("text"), QStringLiteral("protobuf 你好")}};
    QVERIFY(m_server.publish(channel, data).contains(QLatin1String("result")));
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));

    const QList<QByteArray> lines = recordLines(path);
    QVERIFY2(lines.size() == 6, qPrintable(QString::fromUtf8(lines.join('\n'))));
    const QJsonObject pub = QJsonDocument::fromJson(lines.at(4)).object();
    QCOMPARE(pub.value(QLatin1String("kind")).toString(), QStringLiteral("push_pub"));
    QCOMPARE(pub.value(QLatin1String("binary")).toBool(), true);
    // The server writes Protobuf as libprotobuf does: "frame" converts back to the exact bytes, so no "raw".
    QVERIFY2(!pub.contains(QLatin1String("raw")), lines.at(4).constData());
    // The Protobuf message, converted to JSON by the codec, carries the publication's data.
    QCOMPARE(pub.value(QLatin1String("frame"))
                 .toObject()
                 .value(QLatin1String("push"))
                 .toObject()
                 .value(QLatin1String("pub"))
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject(),
             data);
    Frame f;
    QString error;
    QVERIFY2(FrameRecord::fromJsonLine(lines.at(4), &f, &error), qPrintable(error));
    QVERIFY(f.binary);
    QCOMPARE(f.raw.size(), pub.value(QLatin1String("size")).toInt());
    const QList<ProtocolMessage> decoded = createWireCodec(Protocol::Format::Protobuf)->decodeServerFrame(f.raw);
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(decoded.first().json(), pub.value(QLatin1String("frame")).toObject());
}

// A listening socket that nobody serves: the kernel accepts the TCP connection, nothing answers the upgrade.
void TestCli::unansweredHandshakeExitsWith1()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const Run r = runCli({QStringLiteral("--url"),
                          QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(silent.serverPort()),
                          QStringLiteral("--handshake-timeout"), QStringLiteral("0.5")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("did not answer the WebSocket handshake")), qPrintable(r.context()));
}

void TestCli::durationBeforeOpenExitsWith1()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const Run r = runCli({QStringLiteral("--url"),
                          QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(silent.serverPort()),
                          QStringLiteral("--duration"), QStringLiteral("0.5")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("did not complete within --duration")), qPrintable(r.context()));
}

void TestCli::lintLineMasksTheToken()
{
    // Not a JWT, so only knowing it as the command's token can mask it.
    const QString secret = QStringLiteral("plain-refresh-secret-4242");
    const Run r = runCli({QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--send"),
                          QStringLiteral(R"({"id":3,"refresh":{"token":"%1"}})").arg(secret)});
    QVERIFY2(r.err.contains(QLatin1String("lint error [bad-token]")), qPrintable(r.context()));
    QVERIFY2(!r.err.contains(secret), qPrintable(r.context()));
    QVERIFY2(!r.out.contains(secret), qPrintable(r.context()));
}

void TestCli::killedServerIsTheTransportNotNormalClosure()
{
    CentrifugoServer doomed;
    QVERIFY2(doomed.start(), qPrintable(doomed.errorString()));
    const QString channel = QStringLiteral("cli-killed");
    const QString path = m_dir.filePath(QStringLiteral("killed.jsonl"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("--url"), doomed.webSocketUrl().toString(), QStringLiteral("--subscribe"),
                          channel, QStringLiteral("--record"), path});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(doomed, channel), 1, 15000);
    QVERIFY(doomed.processId() > 0);
    QCOMPARE(::kill(pid_t(doomed.processId()), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("lost without a close frame")), qPrintable(r.context()));
    QVERIFY2(!r.err.contains(QLatin1String("code 1000")), qPrintable(r.context()));
    const QJsonObject last = QJsonDocument::fromJson(recordLines(path).constLast()).object();
    QCOMPARE(last.value(QLatin1String("code")).toInt(), 1006);
    QCOMPARE(last.value(QLatin1String("closed_by")).toString(), QStringLiteral("transport"));
    doomed.stop();
}

void TestCli::largePublicationsAreAllRecorded()
{
    // ~100 KB publications in API batches of 10 at the server's own pace: the record holds every one.
    const QString channel = QStringLiteral("cli-large");
    const QString path = m_dir.filePath(QStringLiteral("large.jsonl"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--subscribe"),
                          channel, QStringLiteral("--record"), path, QStringLiteral("--summary")});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 1, 15000);
    const QString filler = TestSupport::letters(100 * 1000);
    constexpr int kBatches = 20;
    int acknowledged = 0;
    for (int b = 0; b < kBatches; ++b) {
        QJsonArray commands;
        for (int i = 0; i < 10; ++i)
            commands.append(
                QJsonObject{{QStringLiteral("publish"),
                             QJsonObject{{QStringLiteral("channel"), channel},
                                         {QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), b * 10 + i},
                                                                              {QStringLiteral("f"), filler}}}}}});
        const QJsonObject reply = m_server.apiCall(QStringLiteral("batch"), {{QStringLiteral("commands"), commands}});
        acknowledged += int(reply.value(QLatin1String("replies")).toArray().size());
    }
    QCOMPARE(acknowledged, kBatches * 10);
    const auto recorded = [&path] {
        int n = 0;
        // A frame may carry several publications: "kinds" then lists each (and "kind" repeats the first).
        for (const QByteArray &line : recordLines(path))
            n += int(line.count("\"push_pub\"")) - (line.contains("\"kinds\":") ? 1 : 0);
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(recorded(), acknowledged, 60000);
    cli.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QVERIFY2(r.out.contains(QLatin1String("held at the read limit")), qPrintable(r.context()));
}

void TestCli::killNineMidRecordingLeavesReadableLines()
{
    const QString channel = QStringLiteral("cli-kill");
    const QString path = m_dir.filePath(QStringLiteral("killed.jsonl"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("--url"), m_server.webSocketUrl().toString(), QStringLiteral("--subscribe"),
                          channel, QStringLiteral("--record"), path});
    QVERIFY(cli.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(m_server, channel), 1, 15000);
    // A flood of publications; SIGKILL once the writer has put some of them in the file, while more arrive.
    int published = 0;
    const auto fileSize = [&path] { return QFileInfo(path).size(); };
    while (published < 20000 && (published < 200 || fileSize() < 4096)) {
        const QJsonObject data{{QStringLiteral("n"), ++published}, {QStringLiteral("text"), QStringLiteral("flood")}};
        QVERIFY(m_server.publish(channel, data).contains(QLatin1String("result")));
    }
    cli.kill(); // SIGKILL: no flush, no close frame
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QList<QByteArray> lines = content.split('\n');
    const bool endsWithNewline = content.endsWith('\n');
    if (endsWithNewline)
        lines.removeLast();
    QVERIFY2(lines.size() >= 3, content.left(2000).constData()); // connect, subscribe and at least one publication
    int bad = 0;
    int publications = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Frame f;
        QString error;
        if (!FrameRecord::fromJsonLine(lines.at(i), &f, &error)) {
            ++bad;
            // Only the last line may be cut off, and only when the file does not end with a newline.
            QVERIFY2(i == lines.size() - 1 && !endsWithNewline,
                     qPrintable(QStringLiteral("line %1: %2").arg(i + 1).arg(error)));
            continue;
        }
        for (const ProtocolMessage &m : f.messages)
            publications += m.push == Protocol::PushType::Pub ? 1 : 0;
    }
    QVERIFY(bad <= 1);
    QVERIFY2(publications > 0 && publications <= published, qPrintable(QString::number(publications)));
    qInfo("SIGKILL after %d publications: %lld lines, %d publications recorded, %d cut-off last line", published,
          qint64(lines.size()), publications, bad);
}

void TestCli::recordsOverSse()
{
    // The same run over SSE: connect in the URL, the command through the emulation endpoint, the reply recorded.
    const QString path = m_dir.filePath(QStringLiteral("sse.jsonl"));
    QUrl url = m_server.httpUrl();
    url.setPath(QStringLiteral("/connection/sse"));
    const Run r =
        runCli({QStringLiteral("--transport"), QStringLiteral("sse"), QStringLiteral("--url"), url.toString(),
                QStringLiteral("--send"), QStringLiteral(R"({"id":7,"presence_stats":{"channel":"chat:cli"}})"),
                QStringLiteral("--record"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("Emulation POST")), qPrintable(r.context()));
    bool sawReply = false;
    QList<int> httpStatuses; // the HTTP exchanges recorded beside the protocol (origin "http")
    for (const QByteArray &line : recordLines(path)) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        sawReply = sawReply || o.value(QLatin1String("kind")).toString() == QLatin1String("presence_stats_reply");
        if (o.value(QLatin1String("origin")).toString() == QLatin1String("http"))
            httpStatuses.append(QJsonDocument::fromJson(o.value(QLatin1String("raw")).toString().toUtf8())
                                    .object()
                                    .value(QLatin1String("status"))
                                    .toInt());
    }
    QVERIFY2(sawReply, qPrintable(r.context()));
    // The stream's opening GET; the command's POST when it was answered before the run ended.
    QVERIFY2(!httpStatuses.isEmpty() && httpStatuses.first() == 200, qPrintable(r.context()));
    for (const int status : std::as_const(httpStatuses).mid(1))
        QCOMPARE(status, 204);
}

void TestCli::probeSaysWhichTransportsWork()
{
    // The test server enables every transport: each one works from here.
    const Run r = runCli({QStringLiteral("--probe"), QStringLiteral("--url"), m_server.httpUrl().toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    for (const char *name : {"websocket ", "http_stream ", "sse ", "uni_websocket ", "uni_sse ", "uni_http_stream "}) {
        QVERIFY2(r.out.contains(QRegularExpression(QLatin1String("(^|\n)") + QLatin1String(name) +
                                                   QLatin1String(" *works +connect [0-9.]+ ms"))),
                 qPrintable(QLatin1String(name) + r.context()));
    }

    // A transport the server has disabled fails with the reason in words; the others still work.
    CentrifugoServer noSse;
    noSse.setEnvironmentOverride(QStringLiteral("sse.enabled"), QStringLiteral("false"));
    QVERIFY2(noSse.start(), qPrintable(noSse.errorString()));
    const Run partly = runCli({QStringLiteral("--probe"), QStringLiteral("--url"), noSse.httpUrl().toString()});
    QVERIFY2(partly.exitCode == 0, qPrintable(partly.context()));
    QVERIFY2(partly.out.contains(QRegularExpression(QStringLiteral("(^|\n)sse +FAILED +404 Not Found"))),
             qPrintable(partly.context()));
    QVERIFY2(partly.out.contains(QRegularExpression(QStringLiteral("(^|\n)http_stream +works"))),
             qPrintable(partly.context()));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
