// centrifugo-inspector-cli --lint and --lint-recording: the batch linter's input, output and exit statuses.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QString err;
};

Result runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(INSPECTOR_CLI_BINARY), arguments);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        p.kill();
    Result r;
    r.exitCode = p.exitCode();
    r.err = QString::fromUtf8(p.readAllStandardError());
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            r.lines.append(QJsonDocument::fromJson(line).object());
    }
    return r;
}

QByteArray inputLine(const QString &frame, const QJsonObject &state = {})
{
    QJsonObject o{{QStringLiteral("frame"), frame}};
    if (!state.isEmpty())
        o.insert(QStringLiteral("state"), state);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QStringList codes(const QJsonObject &line)
{
    QStringList out;
    for (const QJsonValue &f : line.value(QLatin1String("findings")).toArray())
        out.append(f.toObject().value(QLatin1String("code")).toString());
    return out;
}

} // namespace

class TestCliLint : public QObject
{
    Q_OBJECT

private slots:
    void oneOutputLinePerFrame();
    void stateDescribesTheSession();
    void badInputLinesAreReported();
    void lintsRecordingInOrder();
    void lintsHar();
    void usage();
};

void TestCliLint::oneOutputLinePerFrame()
{
    const QByteArray input = inputLine(QStringLiteral(R"({"id":1e2,"presence":{"channel":"a"}})")) +
                             inputLine(QStringLiteral("{\"id\":2,\"ping\":{},\"publish\":{\"channel\":\"a\"}}")) +
                             inputLine(QStringLiteral(R"({"id":3,"rpc":{"method":"x"}})")) + "\n" +
                             inputLine(QStringLiteral("{\"id\":4,\"presence\":{\"channel\":\"a\"}}\n{\"id\":5}"),
                                       {{QStringLiteral("settings"), QJsonArray{QStringLiteral("presence-enabled:"),
                                                                                QStringLiteral("presence:")}}});
    const Result r = runCli({QStringLiteral("--lint"), QStringLiteral("-")}, input);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines.size(), 4);
    QCOMPARE(r.lines.at(0).value(QLatin1String("outcome")).toString(), QStringLiteral("close"));
    QCOMPARE(r.lines.at(0).value(QLatin1String("code")).toInt(), 3501);
    QVERIFY(codes(r.lines.at(0)).contains(QStringLiteral("bad-type")));
    QCOMPARE(r.lines.at(1).value(QLatin1String("outcome")).toString(), QStringLiteral("error"));
    QCOMPARE(r.lines.at(1).value(QLatin1String("code")).toInt(), 108);
    // Depends on the server: a decision list of settings.
    const QJsonObject rpc = r.lines.at(2);
    QCOMPARE(rpc.value(QLatin1String("outcome")).toString(), QStringLiteral("conditional"));
    const QJsonObject step = rpc.value(QLatin1String("cases")).toArray().at(0).toObject();
    QCOMPARE(step.value(QLatin1String("unless")).toString(), QStringLiteral("rpc-proxy"));
    QCOMPARE(step.value(QLatin1String("code")).toInt(), 108);
    QCOMPARE(rpc.value(QLatin1String("otherwise")).toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("accepted"));
    // Two lines, two commands; the second closes the connection. Each finding carries its command's outcome.
    const QJsonObject two = r.lines.at(3);
    QCOMPARE(two.value(QLatin1String("commands")).toInt(), 2);
    QCOMPARE(two.value(QLatin1String("code")).toInt(), 3501);
    for (const QJsonValue &f : two.value(QLatin1String("findings")).toArray()) {
        QVERIFY(f.toObject().contains(QLatin1String("outcome")));
        QVERIFY(!f.toObject().value(QLatin1String("message")).toString().isEmpty());
    }
}

void TestCliLint::stateDescribesTheSession()
{
    const QString subscribe = QStringLiteral(R"({"id":2,"subscribe":{"channel":"news"}})");
    const Result r =
        runCli({QStringLiteral("--lint"), QStringLiteral("-")},
               inputLine(subscribe, {{QStringLiteral("phase"), QStringLiteral("open")}}) +
                   inputLine(subscribe, {{QStringLiteral("subscriptions"), QJsonArray{QStringLiteral("news")}}}) +
                   inputLine(subscribe, {{QStringLiteral("phase"), QStringLiteral("connect-failed")}}) +
                   inputLine(QStringLiteral("{}"), {{QStringLiteral("ping_outstanding"), true}}));
    QCOMPARE(r.lines.size(), 4);
    QCOMPARE(r.lines.at(0).value(QLatin1String("code")).toInt(), 3501);
    QVERIFY(codes(r.lines.at(0)).contains(QStringLiteral("before-connect")));
    QCOMPARE(r.lines.at(1).value(QLatin1String("code")).toInt(), 105);
    QCOMPARE(r.lines.at(2).value(QLatin1String("code")).toInt(), 1006);
    QCOMPARE(r.lines.at(3).value(QLatin1String("outcome")).toString(), QStringLiteral("accepted"));
}

void TestCliLint::badInputLinesAreReported()
{
    const Result r =
        runCli({QStringLiteral("--lint"), QStringLiteral("-")},
               QByteArray("not json\n{\"state\":{}}\n") +
                   inputLine(QStringLiteral("{}"), {{QStringLiteral("phase"), QStringLiteral("sleeping")}}) +
                   inputLine(QStringLiteral("{}")));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.lines.size(), 4);
    for (int i = 0; i < 3; ++i)
        QVERIFY(r.lines.at(i).contains(QLatin1String("error")));
    QCOMPARE(r.lines.at(3).value(QLatin1String("code")).toInt(), 3501);
}

void TestCliLint::lintsRecordingInOrder()
{
    // A recording: connect, its reply, a subscribe, its reply, then a second subscribe to the same channel.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rec.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"time":"2026-01-01T00:00:00.000Z","dir":"out","kind":"connect","id":1,"frame":{"id":1,"connect":{}}})"
        "\n"
        R"({"time":"2026-01-01T00:00:00.010Z","dir":"in","kind":"connect_reply","id":1,"frame":{"id":1,"connect":{"client":"c","version":"6","ping":25,"pong":true}}})"
        "\n"
        R"({"time":"2026-01-01T00:00:00.020Z","dir":"out","kind":"subscribe","id":2,"channel":"news","frame":{"id":2,"subscribe":{"channel":"news"}}})"
        "\n"
        R"({"time":"2026-01-01T00:00:00.030Z","dir":"in","kind":"subscribe_reply","id":2,"frame":{"id":2,"subscribe":{}}})"
        "\n"
        R"({"time":"2026-01-01T00:00:00.040Z","dir":"out","kind":"subscribe","id":3,"channel":"news","frame":{"id":3,"subscribe":{"channel":"news"}}})"
        "\n");
    f.close();
    const Result r = runCli({QStringLiteral("--lint-recording"), path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines.size(), 3); // the outgoing frames only
    QCOMPARE(r.lines.at(0).value(QLatin1String("index")).toInt(), 1);
    QVERIFY(r.lines.at(0).value(QLatin1String("outcome")).toString() != QLatin1String("close"));
    QCOMPARE(r.lines.at(2).value(QLatin1String("outcome")).toString(), QStringLiteral("error"));
    QCOMPARE(r.lines.at(2).value(QLatin1String("code")).toInt(), 105);
}

void TestCliLint::lintsHar()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("app.har"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"log":{"entries":[{"request":{"url":"ws://x/connection/websocket"},"_webSocketMessages":[)"
            R"({"type":"send","time":1.0,"opcode":1,"data":"{\"id\":1,\"connect\":{}}"},)"
            R"({"type":"receive","time":1.1,"opcode":1,"data":"{\"id\":1,\"connect\":{\"client\":\"c\"}}"},)"
            R"({"type":"send","time":1.2,"opcode":1,"data":"{\"id\":2,\"Publish\":{\"channel\":\"a\"}}"}]}]}})");
    f.close();
    const Result r = runCli({QStringLiteral("--lint-recording"), path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines.size(), 2);
    // Publish without data (its name folded): 107 where the server lets clients publish at all.
    QCOMPARE(r.lines.at(1).value(QLatin1String("otherwise")).toObject().value(QLatin1String("code")).toInt(), 107);
    QVERIFY(codes(r.lines.at(1)).contains(QStringLiteral("case-folded")));
}

void TestCliLint::usage()
{
    QCOMPARE(runCli({QStringLiteral("--lint"), QStringLiteral("/nonexistent/x.jsonl")}).exitCode, 2);
    QCOMPARE(
        runCli({QStringLiteral("--lint"), QStringLiteral("-"), QStringLiteral("--lint-recording"), QStringLiteral("-")})
            .exitCode,
        2);
    const Result help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliLint)
#include "tst_cli_lint.moc"
