// Every scenario in examples/scenarios through the real CLI against a real Centrifugo (the harness's config, so
// the CLI's --url/--api-url/--api-key/--hmac-secret replace the files' dev-server defaults), plus the exit codes of
// bad files and an unreachable server.
#include "centrifugoserver.h"
#include "scenarioparser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString context() const
    {
        return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3").arg(exitCode).arg(out, err);
    }
};

Run runCli(const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"CENTRIFUGO_API_URL", "CENTRIFUGO_API_KEY", "CENTRIFUGO_HMAC_SECRET"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(INSPECTOR_CLI_BINARY), arguments);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString examplesDir()
{
    return qEnvironmentVariable("INSPECTOR_SOURCE_DIR", QStringLiteral(QT_TESTCASE_SOURCEDIR "/../..")) +
           QStringLiteral("/examples/scenarios");
}

} // namespace

class TestCliScenarios : public QObject
{
    Q_OBJECT

private:
    QStringList serverArguments() const
    {
        return {QStringLiteral("--url"),         m_server.webSocketUrl().toString(),
                QStringLiteral("--api-url"),     m_server.httpUrl().toString(),
                QStringLiteral("--api-key"),     m_server.apiKey(),
                QStringLiteral("--hmac-secret"), m_server.hmacSecret()};
    }
    QString writeFile(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }

    CentrifugoServer m_server;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }
    void cleanupTestCase() { m_server.stop(); }

    void everyExample_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(examplesDir());
        const QStringList files =
            dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files);
        QVERIFY(files.size() >= 8);
        QVERIFY(files.contains(QStringLiteral("publish-round-trip.yaml")));
        QVERIFY(files.contains(QStringLiteral("proxy-dropped-publications-recovered.json")));
        QVERIFY(files.filter(QStringLiteral("fail")).size() >= 1);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everyExample()
    {
        QFETCH(QString, file);
        Scenario scenario;
        ScenarioError error;
        QVERIFY2(ScenarioParser::load(file, &scenario, &error), qPrintable(error.toString()));
        const QString junit = m_dir.filePath(QFileInfo(file).fileName() + QStringLiteral(".xml"));
        const Run run = runCli(QStringList{QStringLiteral("--scenario"), file, QStringLiteral("--junit"), junit} +
                               serverArguments());
        const bool failsOnPurpose = QFileInfo(file).fileName().contains(QLatin1String("fail"));
        QCOMPARE_EQ(run.exitCode, failsOnPurpose ? 1 : 0);
        if (failsOnPurpose) {
            // The failing step, its line, why, and the frame that came instead.
            QVERIFY2(run.err.contains(QLatin1String("step 5 (a publication that never comes) failed: no push "
                                                    "matching within 1000 ms; the last one differs at "
                                                    "push.pub.data.text: expected \"goodbye\", got \"hello\"")),
                     qPrintable(run.context()));
            QVERIFY2(run.err.contains(QLatin1String("\"data\":{\"text\":\"hello\"}")), qPrintable(run.context()));
            QVERIFY2(run.out.contains(QLatin1String("SKIP 6/6")), qPrintable(run.context()));
        } else {
            QVERIFY2(!run.err.contains(QLatin1String(") failed: ")), qPrintable(run.context()));
        }

        QFile f(junit);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QStringList testcases;
        int failures = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("testcase"))
                testcases << xml.attributes().value(QLatin1String("name")).toString();
            else if (xml.name() == QLatin1String("failure"))
                ++failures;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases.size(), scenario.steps.size());
        for (int i = 0; i < scenario.steps.size(); ++i)
            QCOMPARE(testcases.at(i), QStringLiteral("%1. %2").arg(i + 1).arg(scenario.steps.at(i).name));
        QCOMPARE(failures, failsOnPurpose ? 1 : 0);
    }

    void repeatAndRecord()
    {
        const QString record = m_dir.filePath(QStringLiteral("record.jsonl"));
        const QString junit = m_dir.filePath(QStringLiteral("repeat.xml"));
        const Run run =
            runCli(QStringList{QStringLiteral("--scenario"), examplesDir() + QStringLiteral("/publish-round-trip.json"),
                               QStringLiteral("--repeat"), QStringLiteral("2"), QStringLiteral("--record"), record,
                               QStringLiteral("--junit"), junit} +
                   serverArguments());
        QVERIFY2(run.exitCode == 0, qPrintable(run.context()));
        QVERIFY2(run.out.contains(QLatin1String("2 of 2 run(s) passed")), qPrintable(run.context()));
        QFile f(record);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        // Both runs' pushes are recorded: each run publishes into its own channel (${run_id}).
        QCOMPARE(std::count_if(lines.begin(), lines.end(),
                               [](const QByteArray &l) { return l.contains("\"from the server\""); }),
                 qsizetype(2 * 2)); // the push and the history reply of each run
        QFile x(junit);
        QVERIFY(x.open(QIODevice::ReadOnly));
        QCOMPARE(x.readAll().count("<testsuite "), 2);
    }

    void badFilesExitWith2_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QStringLiteral("bad.json")
                                << QByteArray("{\n\"steps\": [\n{\"open\": \"a\"}\n{\"wait\": 1}]}")
                                << QStringLiteral("bad.json:4:2: JSON syntax error: missing value separator");
        QTest::newRow("unknown step") << QStringLiteral("bad.json")
                                      << QByteArray("{\"steps\": [{\"open\": \"a\"},\n {\"teleport\": \"a\"}]}")
                                      << QStringLiteral("bad.json:2:2: step 2: unknown step");
        QTest::newRow("bad pattern") << QStringLiteral("bad.json")
                                     << QByteArray("{\"steps\": [{\"open\": \"a\"},\n {\"expect\": \"a\", \"reply\": "
                                                   "{\"x\": \"/(/\"}}]}")
                                     << QStringLiteral("bad.json:2:");
        QTest::newRow("yaml syntax") << QStringLiteral("bad.yaml")
                                     << QByteArray("steps:\n  - open: a\n  - wait: 1: 2\n")
                                     << QStringLiteral("bad.yaml:3:12: YAML syntax error: illegal map value");
        QTest::newRow("yaml unknown step")
            << QStringLiteral("bad.yml") << QByteArray("steps:\n  - open: a\n  - fly: a\n")
            << QStringLiteral("bad.yml:3:5: step 2: unknown step");
        QTest::newRow("yaml bad pattern")
            << QStringLiteral("bad.yaml")
            << QByteArray("steps:\n  - open: a\n  - expect: a\n    reply:\n      x: /(/\n")
            << QStringLiteral("bad.yaml:4:5: step 2 (expect): bad pattern in \"reply\"");
    }
    void badFilesExitWith2()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const QString file = writeFile(name, text);
        const QString junit = m_dir.filePath(QStringLiteral("bad.xml"));
        const Run run = runCli(QStringList{QStringLiteral("--scenario"), file, QStringLiteral("--junit"), junit} +
                               serverArguments());
        QVERIFY2(run.exitCode == 2, qPrintable(run.context()));
        QVERIFY2(run.err.contains(expected), qPrintable(run.context()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.context())); // nothing ran
        QVERIFY(!QFile::exists(junit));
    }

    void unreachableServerExitsWith2()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const QString file = writeFile(QStringLiteral("reach.json"),
                                       "{\"steps\": [{\"open\": \"a\"}, {\"send\": \"a\", \"method\": \"ping\"}]}");
        const Run run = runCli({QStringLiteral("--scenario"), file, QStringLiteral("--url"),
                                QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(port)});
        QVERIFY2(run.exitCode == 2, qPrintable(run.context()));
        QVERIFY2(run.err.contains(QLatin1String("reach.json:1: step 1 (open (a)) failed: the server is unreachable")),
                 qPrintable(run.context()));
        QVERIFY2(run.out.contains(QLatin1String("SKIP 2/2")), qPrintable(run.context()));

        // Through the proxy the handshake succeeds, then the proxy closes with 1011: still unreachable.
        const QString proxied = writeFile(QStringLiteral("reach-proxy.json"),
                                          "{\"steps\": [{\"open\": \"a\", \"proxy\": true}, {\"send\": \"a\", "
                                          "\"method\": \"ping\"}]}");
        const Run viaProxy = runCli({QStringLiteral("--scenario"), proxied, QStringLiteral("--url"),
                                     QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(port)});
        QVERIFY2(viaProxy.exitCode == 2, qPrintable(viaProxy.context()));
        QVERIFY2(viaProxy.err.contains(QStringLiteral("step 1 (open (a)) failed: the server is unreachable through the "
                                                      "proxy at ws://127.0.0.1:%1")
                                           .arg(port)),
                 qPrintable(viaProxy.context()));
    }

    void usageErrors()
    {
        Run run = runCli({QStringLiteral("--junit"), QStringLiteral("x.xml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("need --scenario")), qPrintable(run.context()));
        run = runCli(
            {QStringLiteral("--scenario"), QStringLiteral("x.json"), QStringLiteral("--repeat"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 2);
        run = runCli({QStringLiteral("--scenario"), m_dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("cannot read the file")), qPrintable(run.context()));
    }
};

QTEST_GUILESS_MAIN(TestCliScenarios)
#include "tst_cli_scenarios.moc"
