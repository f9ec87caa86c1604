// The CLI's server API mode (--api, --publish-demo): its pieces, and the real binary against a real Centrifugo.
#include "apimode.h"
#include "centrifugoserver.h"
#include "clioptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList outLines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QString context() const { return u"exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3"_s.arg(exitCode).arg(out, err); }
};

Run collect(QProcess &p)
{
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run runCli(const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CENTRIFUGO_API_URL"_s);
    env.remove(u"CENTRIFUGO_API_KEY"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(INSPECTOR_CLI_BINARY), arguments);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    return collect(p);
}

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TestApiMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parseCall();
    void optionsTakeMethodAndJsonAsTwoArguments();
    void outputLineForFailures();
    void demoPublicationBody();
    void callsPrintRepliesAsJsonLines();
    void failedCallsExitWith1();
    void badUsageExitsWith2_data();
    void badUsageExitsWith2();
    void demoPublishesRoundRobin();
    void demoStopsOnSigterm();

private:
    QJsonArray history(const QString &channel);
    QStringList apiArgs() const;

    CentrifugoServer m_server;
};

void TestApiMode::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

QStringList TestApiMode::apiArgs() const
{
    return {u"--api-url"_s, m_server.httpUrl().toString(), u"--api-key"_s, m_server.apiKey()};
}

QJsonArray TestApiMode::history(const QString &channel)
{
    const QJsonObject reply = m_server.apiCall(u"history"_s, {{u"channel"_s, channel}, {u"limit"_s, 100}});
    return reply.value(QLatin1String("result")).toObject().value(QLatin1String("publications")).toArray();
}

void TestApiMode::parseCall()
{
    QString method, error;
    QByteArray body;
    QVERIFY(ApiMode::parseCall(u"info"_s, &method, &body, &error));
    QCOMPARE(method, u"info"_s);
    QCOMPARE(body, QByteArray("{}"));
    QVERIFY(ApiMode::parseCall(u"publish  {\"channel\": \"a\", \"data\": {}}"_s, &method, &body, &error));
    QCOMPARE(method, u"publish"_s);
    QCOMPARE(body, QByteArray(R"({"channel":"a","data":{}})"));
    QVERIFY(!ApiMode::parseCall(u"publish [1]"_s, &method, &body, &error));
    QVERIFY2(error.contains(QLatin1String("JSON object")), qPrintable(error));
}

void TestApiMode::optionsTakeMethodAndJsonAsTwoArguments()
{
    CliOptions o;
    QString message;
    const QStringList args{u"cli"_s,
                           u"--api-url"_s,
                           u"http://127.0.0.1:8000/api"_s,
                           u"--api"_s,
                           u"publish"_s,
                           u"{\"channel\":\"x\",\"data\":{}}"_s,
                           u"--api"_s,
                           u"info"_s,
                           u"--api"_s,
                           u"presence {\"channel\":\"x\"}"_s};
    QCOMPARE(CliOptions::parse(args, &o, &message), CliOptions::Parse::Run);
    QVERIFY(o.isApiMode());
    QCOMPARE(o.apiCalls,
             (QStringList{u"publish {\"channel\":\"x\",\"data\":{}}"_s, u"info"_s, u"presence {\"channel\":\"x\"}"_s}));
    QCOMPARE(o.apiUrl, u"http://127.0.0.1:8000/api"_s);

    CliOptions demo;
    QCOMPARE(CliOptions::parse({u"cli"_s, u"--api-url"_s, u"localhost:8000"_s, u"--publish-demo"_s, u"a, b,"_s,
                                u"--demo-rate"_s, u"10"_s, u"--demo-count"_s, u"4"_s},
                               &demo, &message),
             CliOptions::Parse::Run);
    QCOMPARE(demo.publishDemo, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(demo.demoRate, 10.0);
    QCOMPARE(demo.demoCount, 4);
}

void TestApiMode::outputLineForFailures()
{
    const ServerApiReply wrongKey = ServerApiReply::fromHttp(u"info"_s, 401, QByteArray());
    const QJsonObject line = QJsonDocument::fromJson(ApiMode::outputLine(wrongKey)).object();
    const QJsonObject error = line.value(QLatin1String("transport_error")).toObject();
    QCOMPARE(error.value(QLatin1String("outcome")).toString(), u"wrong_key"_s);
    QCOMPARE(error.value(QLatin1String("http_status")).toInt(), 401);
    QCOMPARE(error.value(QLatin1String("message")).toString(), wrongKey.sentence());
    // A JSON reply is printed as the server sent it.
    const ServerApiReply apiError =
        ServerApiReply::fromHttp(u"publish"_s, 200, R"({"error":{"code":102,"message":"unknown channel"}})");
    QCOMPARE(ApiMode::outputLine(apiError), QByteArray(R"({"error":{"code":102,"message":"unknown channel"}})"));
}

void TestApiMode::demoPublicationBody()
{
    const QJsonObject body = ApiMode::demoPublication(u"demo"_s, 4);
    QCOMPARE(body.value(QLatin1String("channel")).toString(), u"demo"_s);
    const QJsonObject data = body.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("n")).toInt(), 4);
    QCOMPARE(data.value(QLatin1String("text")).toString(), QString::fromUtf8("你好，世界"));
    QVERIFY(data.value(QLatin1String("ts")).toDouble() > 0);
    QCOMPARE(body.value(QLatin1String("tags")).toObject().value(QLatin1String("source")).toString(),
             u"demo-publisher"_s);
}

void TestApiMode::callsPrintRepliesAsJsonLines()
{
    const Run r =
        runCli(apiArgs() + QStringList{u"--api"_s, u"publish"_s,
                                       u"{\"channel\":\"cli-api\",\"data\":{\"text\":\"from cli\"}}"_s, u"--api"_s,
                                       u"history"_s, u"{\"channel\":\"cli-api\"}"_s, u"--api"_s, u"info"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    const QStringList lines = r.outLines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(json(lines.at(0)).value(QLatin1String("result")).toObject().value(QLatin1String("offset")).toInt(), 1);
    QCOMPARE(json(lines.at(1)).value(QLatin1String("result")).toObject().value(QLatin1String("offset")).toInt(), 1);
    QCOMPARE(json(lines.at(2)).value(QLatin1String("result")).toObject().value(QLatin1String("nodes")).toArray().size(),
             1);
    QVERIFY2(r.err.contains(QLatin1String("publish: ok")), qPrintable(r.context()));
    QVERIFY2(r.err.contains(QLatin1String("1 node(s) in the cluster")), qPrintable(r.context()));
    // The publication really is in the channel.
    const QJsonArray publications = history(u"cli-api"_s);
    QCOMPARE(publications.size(), 1);
    QCOMPARE(publications.first().toObject().value(QLatin1String("data")).toObject().value(QLatin1String("text")),
             QJsonValue(u"from cli"_s));
}

void TestApiMode::failedCallsExitWith1()
{
    Run r = runCli(
        {u"--api-url"_s, m_server.httpUrl().toString() + u"/api"_s, u"--api-key"_s, u"wrong"_s, u"--api"_s, u"info"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QCOMPARE(json(r.outLines().value(0))
                 .value(QLatin1String("transport_error"))
                 .toObject()
                 .value(QLatin1String("outcome"))
                 .toString(),
             u"wrong_key"_s);
    QVERIFY2(r.err.contains(QLatin1String("refused the API key")), qPrintable(r.context()));
    QVERIFY2(!r.err.contains(m_server.apiKey()) && !r.out.contains(m_server.apiKey()), qPrintable(r.context()));

    // An API error in the middle: every call still runs, the status says one failed.
    r = runCli(apiArgs() + QStringList{u"--api"_s, u"publish"_s, u"{\"channel\":\"nosuchns:x\",\"data\":{}}"_s,
                                       u"--api"_s, u"info"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.context()));
    QCOMPARE(r.outLines().size(), 2);
    QCOMPARE(json(r.outLines().at(0)).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(),
             102);
    QVERIFY2(r.err.contains(QLatin1String("namespace")), qPrintable(r.context()));
}

void TestApiMode::badUsageExitsWith2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");
    QTest::newRow("no url") << QStringList{u"--api"_s, u"info"_s} << u"--api-url"_s;
    QTest::newRow("not http") << QStringList{u"--api-url"_s, u"ws://127.0.0.1:1"_s, u"--api"_s, u"info"_s}
                              << u"http://"_s;
    QTest::newRow("bad json") << QStringList{u"--api-url"_s, u"http://127.0.0.1:1"_s, u"--api"_s, u"publish {x"_s}
                              << u"JSON object"_s;
    QTest::newRow("bad rate") << QStringList{u"--api-url"_s, u"http://127.0.0.1:1"_s, u"--publish-demo"_s,
                                             u"a"_s,         u"--demo-rate"_s,        u"0"_s}
                              << u"--demo-rate"_s;
}

void TestApiMode::badUsageExitsWith2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    const Run r = runCli(arguments);
    QVERIFY2(r.exitCode == 2, qPrintable(r.context()));
    QVERIFY2(r.err.contains(words), qPrintable(r.context()));
}

void TestApiMode::demoPublishesRoundRobin()
{
    const Run r = runCli(apiArgs() + QStringList{u"--publish-demo"_s, u"demo-a,demo-b"_s, u"--demo-rate"_s, u"50"_s,
                                                 u"--demo-count"_s, u"5"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QCOMPARE(r.outLines().size(), 5);
    QVERIFY2(r.outLines().at(0).startsWith(QLatin1String("#1 demo-a: Published")), qPrintable(r.context()));
    const QJsonArray a = history(u"demo-a"_s);
    const QJsonArray b = history(u"demo-b"_s);
    QCOMPARE(a.size(), 3);
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.at(1).toObject().value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt(), 4);
    QCOMPARE(b.at(1).toObject().value(QLatin1String("tags")).toObject().value(QLatin1String("source")).toString(),
             u"demo-publisher"_s);
}

void TestApiMode::demoStopsOnSigterm()
{
    QProcess cli;
    cli.start(QStringLiteral(INSPECTOR_CLI_BINARY),
              apiArgs() + QStringList{u"--publish-demo"_s, u"demo-term"_s, u"--demo-rate"_s, u"20"_s});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(history(u"demo-term"_s).size() >= 2, 15000);
    cli.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
    const Run r = collect(cli);
    QVERIFY2(r.exitCode == 0, qPrintable(r.context()));
    QVERIFY2(r.outLines().size() >= 2, qPrintable(r.context()));
}

QTEST_GUILESS_MAIN(TestApiMode)
#include "tst_apimode.moc"
