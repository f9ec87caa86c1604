// The scenario parser: every error names the file, the line and the step, and nothing else is accepted.
#include "scenarioparser.h"

#include <QDir>
#include <QtTest>

class TestScenarioParser : public QObject
{
    Q_OBJECT

private:
    static ScenarioError error(const QByteArray &text, const QString &file = QStringLiteral("t.json"))
    {
        Scenario s;
        ScenarioError e;
        if (ScenarioParser::parse(text, file, &s, &e))
            e.message = QStringLiteral("(parsed)");
        return e;
    }
    static QString examplesDir()
    {
        return qEnvironmentVariable("INSPECTOR_SOURCE_DIR", QStringLiteral(QT_TESTCASE_SOURCEDIR "/../..")) +
               QStringLiteral("/examples/scenarios");
    }

private slots:
    void syntaxErrorHasLineAndColumn()
    {
        const ScenarioError e = error("{\n  \"steps\": [\n    {\"open\": \"a\"},\n    {\"wait\": 10,}\n  ]\n}\n");
        QCOMPARE(e.line, 4);
        QVERIFY2(e.column > 1, qPrintable(e.toString()));
        QCOMPARE(e.step, 0);
        QVERIFY2(e.toString().startsWith(QLatin1String("t.json:4:")), qPrintable(e.toString()));
        QVERIFY2(e.message.contains(QLatin1String("JSON syntax error")), qPrintable(e.message));
    }

    void unknownStepNamesItsLineAndNumber()
    {
        const ScenarioError e = error("{\"steps\": [\n {\"open\": \"a\"},\n\n {\"jump\": 3}\n]}");
        QCOMPARE(e.line, 4);
        QCOMPARE(e.step, 2);
        QVERIFY2(e.message.contains(QLatin1String("unknown step")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("jump")), qPrintable(e.message));
        QVERIFY2(e.toString().startsWith(QLatin1String("t.json:4:2: step 2: unknown step")), qPrintable(e.toString()));
    }

    void twoActionsInOneStep()
    {
        const ScenarioError e = error("{\"steps\": [{\"open\": \"a\", \"wait\": 5}]}");
        QCOMPARE(e.step, 1);
        QVERIFY2(e.message.contains(QLatin1String("open and wait")), qPrintable(e.message));
    }

    void unknownFieldPointsAtTheField()
    {
        const ScenarioError e = error("{\"steps\": [\n{\"open\": \"a\",\n \"colour\": 1}]}");
        QCOMPARE(e.line, 3);
        QCOMPARE(e.step, 1);
        QCOMPARE(e.stepName, QStringLiteral("open"));
        QVERIFY2(e.message.contains(QLatin1String("unknown field \"colour\"")), qPrintable(e.message));
    }

    void badRegexInPattern()
    {
        const ScenarioError e =
            error("{\"steps\": [{\"open\": \"a\"},\n"
                  "{\"name\": \"re\", \"expect\": \"a\",\n \"push\": {\"push\": {\"channel\": \"/[a-/\"}}}]}");
        QCOMPARE(e.step, 2);
        QCOMPARE(e.stepName, QStringLiteral("re"));
        QCOMPARE(e.line, 3);
        QVERIFY2(e.message.contains(QLatin1String("bad pattern in \"push\"")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("/[a-/")), qPrintable(e.message));
    }

    void sessionUsedBeforeOpen()
    {
        const ScenarioError e = error("{\"steps\": [{\"send\": \"bob\", \"method\": \"ping\"}]}");
        QCOMPARE(e.step, 1);
        QVERIFY2(e.message.contains(QLatin1String("before an \"open\"")), qPrintable(e.message));
    }

    void unknownMethodsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<QString>("expected");
        QTest::newRow("client method") << QByteArray("{\"send\": \"a\", \"method\": \"subscribee\"}")
                                       << QStringLiteral("unknown method \"subscribee\"");
        QTest::newRow("connect by hand") << QByteArray("{\"send\": \"a\", \"method\": \"connect\"}")
                                         << QStringLiteral("connect is sent by \"open\"");
        QTest::newRow("api method") << QByteArray("{\"api\": \"publishh\"}")
                                    << QStringLiteral("unknown server API method \"publishh\"");
        QTest::newRow("fault") << QByteArray("{\"fault\": \"explode\", \"session\": \"a\"}")
                               << QStringLiteral("unknown fault \"explode\"");
        QTest::newRow("two ways to send") << QByteArray("{\"send\": \"a\", \"method\": \"ping\", \"raw\": \"x\"}")
                                          << QStringLiteral("exactly one of");
        QTest::newRow("format") << QByteArray("{\"open\": \"b\", \"format\": \"xml\"}") << QStringLiteral("\"format\"");
        QTest::newRow("negative timeout")
            << QByteArray("{\"wait\": 5, \"timeout_ms\": -1}") << QStringLiteral("timeout_ms");
        QTest::newRow("expect what") << QByteArray("{\"expect\": \"a\"}") << QStringLiteral("exactly one of");
    }
    void unknownMethodsAreRejected()
    {
        QFETCH(QByteArray, step);
        QFETCH(QString, expected);
        const ScenarioError e = error("{\"steps\": [{\"open\": \"a\"}, " + step + "]}");
        QCOMPARE(e.step, 2);
        QVERIFY2(e.message.contains(expected), qPrintable(e.toString()));
    }

    void proxyFaultsNeedAProxiedSession_data()
    {
        QTest::addColumn<QByteArray>("steps");
        QTest::addColumn<QString>("expected");
        const QByteArray proxied = "{\"open\": \"a\", \"proxy\": true},\n";
        QTest::newRow("not proxied") << QByteArray("{\"open\": \"a\"},\n{\"fault\": \"drop_upstream\", \"via\": "
                                                   "\"proxy\", \"session\": \"a\"}")
                                     << QStringLiteral("t.json:3:44: step 2 (fault): "
                                                       "session \"a\" is not opened through the proxy");
        QTest::newRow("reopened without") << QByteArray(proxied + "{\"open\": \"a\"},\n{\"fault\": \"pass\", \"via\": "
                                                                  "\"proxy\", \"session\": \"a\"}")
                                          << QStringLiteral("not opened through the proxy");
        QTest::newRow("proxy not bool") << QByteArray("{\"open\": \"a\", \"proxy\": \"yes\"}")
                                        << QStringLiteral("\"proxy\" must be true or false");
        QTest::newRow("unknown proxy fault")
            << QByteArray(proxied + "{\"fault\": \"server_disconnect\", \"via\": \"proxy\", \"session\": \"a\"}")
            << QStringLiteral("unknown proxy fault \"server_disconnect\"");
        QTest::newRow("unknown via") << QByteArray(proxied + "{\"fault\": \"close\", \"via\": \"pigeon\", "
                                                             "\"session\": \"a\"}")
                                     << QStringLiteral("\"via\" must be \"proxy\" or \"api\"");
        QTest::newRow("close without code")
            << QByteArray(proxied + "{\"fault\": \"close\", \"via\": \"proxy\", \"session\": \"a\"}")
            << QStringLiteral("\"code\" is required");
        QTest::newRow("unsendable code")
            << QByteArray(proxied + "{\"fault\": \"close\", \"via\": \"proxy\", \"session\": \"a\", \"code\": 1005}")
            << QStringLiteral("a close frame may carry");
        QTest::newRow("drop without count") << QByteArray(proxied + "{\"fault\": \"drop\", \"via\": \"proxy\", "
                                                                    "\"session\": \"a\", \"channel\": \"c\"}")
                                            << QStringLiteral("\"count\" is required");
        QTest::newRow("delay field on drop")
            << QByteArray(proxied + "{\"fault\": \"drop\", \"via\": \"proxy\", \"session\": \"a\", \"channel\": "
                                    "\"c\", \"count\": 1, \"ms\": 5}")
            << QStringLiteral("unknown field \"ms\"");
        QTest::newRow("negative delay")
            << QByteArray(proxied + "{\"fault\": \"delay\", \"via\": \"proxy\", \"session\": \"a\", \"ms\": -5}")
            << QStringLiteral("\"ms\" must be a whole number, 0 or more");
        QTest::newRow("every kind parses")
            << QByteArray(proxied +
                          "{\"fault\": \"close\", \"via\": \"proxy\", \"session\": \"a\", \"code\": 3001, "
                          "\"reason\": \"x\"},\n{\"fault\": \"drop_upstream\", \"via\": \"proxy\", \"session\": \"a\"},"
                          "{\"fault\": \"delay\", \"via\": \"proxy\", \"session\": \"a\", \"ms\": 0},"
                          "{\"fault\": \"drop\", \"via\": \"proxy\", \"session\": \"a\", \"channel\": \"c\", "
                          "\"count\": 2},{\"fault\": \"hold_pings\", \"via\": \"proxy\", \"session\": \"a\"},"
                          "{\"fault\": \"hold_pongs\", \"via\": \"proxy\", \"session\": \"a\"},"
                          "{\"fault\": \"pass\", \"via\": \"proxy\", \"session\": \"a\"},"
                          "{\"fault\": \"server_disconnect\", \"via\": \"api\", \"session\": \"a\"}")
            << QStringLiteral("(parsed)");
    }
    void proxyFaultsNeedAProxiedSession()
    {
        QFETCH(QByteArray, steps);
        QFETCH(QString, expected);
        const ScenarioError e = error("{\"steps\": [\n" + steps + "]}");
        QVERIFY2(e.toString().contains(expected), qPrintable(e.toString()));
    }

    void variablesMustBeDefinedBeforeUse()
    {
        ScenarioError e = error("{\"steps\": [{\"open\": \"a\"}, {\"send\": \"a\", \"method\": \"subscribe\", "
                                "\"params\": {\"channel\": \"${chanel}\"}}]}");
        QCOMPARE(e.step, 2);
        QVERIFY2(e.message.contains(QLatin1String("unknown variable ${chanel}")), qPrintable(e.message));
        // Captured in step 2, usable in step 3; the session's client id after its open.
        e = error("{\"steps\": [{\"open\": \"a\"}, {\"expect\": \"a\", \"reply\": {}, \"capture\": {\"ep\": "
                  "\"subscribe.epoch\"}}, {\"send\": \"a\", \"method\": \"rpc\", \"params\": {\"data\": "
                  "[\"${ep}\", \"${a.client}\", \"${run_id}\"]}}]}");
        QCOMPARE(e.message, QStringLiteral("(parsed)"));
        e = error("{\"variables\": {\"x\": \"${y}\", \"y\": \"1\"}, \"steps\": [{\"wait\": 1}]}");
        QVERIFY2(e.message.contains(QLatin1String("built-ins")), qPrintable(e.message));
    }

    void parsesAStepOfEachKind()
    {
        Scenario s;
        ScenarioError e;
        const QByteArray text =
            "{\"name\": \"all\", \"defaults\": {\"url\": \"ws://h/c\", \"timeout_ms\": 700},\n"
            "            \"variables\": {\"ch\": \"c-${run_id}\"},\n"
            "            \"steps\": [\n"
            "              {\"open\": \"a\", \"claims\": {\"sub\": \"u\", \"exp\": \"+60\"}, \"format\": "
            "\"protobuf\"},\n"
            "              {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"${ch}\"}},\n"
            "              {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}, \"timeout_ms\": 100},\n"
            "              {\"api\": \"publish\", \"body\": {\"channel\": \"${ch}\", \"data\": {}}, \"result\": "
            "{\"offset\": \"$any\"}},\n"
            "              {\"wait\": 10},\n"
            "              {\"wait\": \"connected\", \"session\": \"a\"},\n"
            "              {\"fault\": \"server_disconnect\", \"session\": \"a\", \"code\": 4000},\n"
            "              {\"expect\": \"a\", \"closed\": {\"code\": 4000}},\n"
            "              {\"close\": \"a\"}\n"
            "            ]}";
        QVERIFY2(ScenarioParser::parse(text, QStringLiteral("t.json"), &s, &e), qPrintable(e.toString()));
        QCOMPARE(s.name, QStringLiteral("all"));
        QCOMPARE(s.settings.url, QStringLiteral("ws://h/c"));
        QCOMPARE(s.settings.timeoutMs, 700);
        QCOMPARE(s.steps.size(), 9);
        QCOMPARE(s.steps.at(0).kind, ScenarioStep::Kind::Open);
        QCOMPARE(s.steps.at(0).line, 4);
        QCOMPARE(s.steps.at(1).name, QStringLiteral("send subscribe (a)"));
        QCOMPARE(s.steps.at(3).kind, ScenarioStep::Kind::Api);
        QCOMPARE(s.steps.at(6).session, QStringLiteral("a"));
        QCOMPARE(s.steps.at(7).name, QStringLiteral("expect closed (a)"));
        QCOMPARE(s.steps.at(8).line, 12);

        ScenarioSettings overrides;
        overrides.url = QStringLiteral("ws://127.0.0.1:1/x");
        overrides.apiKey = QStringLiteral("k");
        s.applyOverrides(overrides);
        QCOMPARE(s.settings.url, QStringLiteral("ws://127.0.0.1:1/x"));
        QCOMPARE(s.settings.apiKey, QStringLiteral("k"));
        QCOMPARE(s.settings.timeoutMs, 700);
    }

    void everyExampleParses()
    {
        const QDir dir(examplesDir());
        const QStringList files =
            dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files);
        QVERIFY2(files.size() >= 8, qPrintable(dir.path()));
        QVERIFY(!files.filter(QStringLiteral(".yaml")).isEmpty());
        for (const QString &f : files) {
            Scenario s;
            ScenarioError e;
            QVERIFY2(ScenarioParser::load(dir.filePath(f), &s, &e), qPrintable(e.toString()));
            QVERIFY(!s.steps.isEmpty());
        }
    }

    // YAML files are read into the same model and get the same checks, with lines and columns of the YAML text.
    void yamlErrorsHaveLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("step");
        QTest::newRow("syntax") << QByteArray("steps:\n  - open: a\n  - wait: [1, 2\n")
                                << QStringLiteral("t.yaml:4:1: YAML syntax error: ") << 0;
        QTest::newRow("bad indentation") << QByteArray("steps:\n  - open: a\n    name: x\n   wait: 1\n")
                                         << QStringLiteral("t.yaml:4:") << 0;
        QTest::newRow("unknown step")
            << QByteArray("name: x\nsteps:\n  - open: a\n\n  - teleport: a\n")
            << QStringLiteral("t.yaml:5:5: step 2: unknown step: it needs one of open, send, expect, api, wait, "
                              "fault, close (it has: teleport)")
            << 2;
        QTest::newRow("unknown field") << QByteArray("steps:\n  - open: a\n    colour: blue\n")
                                       << QStringLiteral("t.yaml:3:5: step 1 (open): unknown field \"colour\"") << 1;
        QTest::newRow("bad pattern") << QByteArray("steps:\n  - open: a\n  - name: re\n    expect: a\n    push:\n"
                                                   "      push:\n        channel: /[a-/\n")
                                     << QStringLiteral("t.yaml:5:5: step 2 (re): bad pattern in \"push\"") << 2;
        QTest::newRow("duplicate key") << QByteArray("steps:\n  - open: a\n    open: b\n")
                                       << QStringLiteral("t.yaml:3:5: duplicate key \"open\"") << 0;
        QTest::newRow("not a mapping") << QByteArray("- open: a\n")
                                       << QStringLiteral("t.yaml:1:1: a scenario is a YAML mapping") << 0;
        QTest::newRow("infinity") << QByteArray("steps:\n  - wait: .inf\n")
                                  << QStringLiteral("t.yaml:2:11: .inf has no JSON value") << 0;
        QTest::newRow("number where a string belongs")
            << QByteArray("steps:\n  - open: 42\n")
            << QStringLiteral("t.yaml:2:5: step 1 (open): \"open\" must be a "
                              "non-empty string")
            << 1;
    }
    void yamlErrorsHaveLineAndColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QFETCH(int, step);
        const ScenarioError e = error(text, QStringLiteral("t.yaml"));
        QVERIFY2(e.toString().startsWith(expected), qPrintable(e.toString()));
        QCOMPARE(e.step, step);
    }

    // Aliases that would expand into millions of values, and deep nesting, are refused, not expanded.
    void yamlBombsAreRefused()
    {
        QByteArray bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int level = 1; level <= 7; ++level) {
            const QByteArray prev = "*a" + QByteArray::number(level - 1);
            bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += (i ? ", " : "") + prev;
            bomb += "]\n";
        }
        bomb += "steps:\n  - wait: 1\n";
        ScenarioError e = error(bomb, QStringLiteral("t.yaml"));
        QVERIFY2(e.message.contains(QLatin1String("more than 100000 values")), qPrintable(e.toString()));
        e = error("steps:\n  - wait: 1\nvariables:\n  deep: " + QByteArray(150, '[') + QByteArray(150, ']') + "\n",
                  QStringLiteral("t.yaml"));
        QVERIFY2(e.message.contains(QLatin1String("nested more than")) ||
                     e.message.contains(QLatin1String("YAML syntax error")),
                 qPrintable(e.toString()));
    }

    void yamlScalarsFollowTheCoreSchema()
    {
        Scenario s;
        ScenarioError e;
        const QByteArray text = "variables:\n  i: 12\n  neg: -3\n  hex: 0x1F\n  f: 2.5\n  t: true\n  n: null\n"
                                "  tilde: ~\n  rel: \"+60\"\n  plainrel: +60\n  q: '12'\n  s: hello world\n"
                                "  tagged: !!str 7\n  block: |\n    two\n    lines\n"
                                "steps:\n  - wait: 1\n";
        QVERIFY2(ScenarioParser::parse(text, QStringLiteral("t.yml"), &s, &e), qPrintable(e.toString()));
        const QJsonObject v = s.variables;
        QCOMPARE(v.value(QLatin1String("i")), QJsonValue(12));
        QCOMPARE(v.value(QLatin1String("neg")), QJsonValue(-3));
        QCOMPARE(v.value(QLatin1String("hex")), QJsonValue(31));
        QCOMPARE(v.value(QLatin1String("f")), QJsonValue(2.5));
        QCOMPARE(v.value(QLatin1String("t")), QJsonValue(true));
        QVERIFY(v.value(QLatin1String("n")).isNull());
        QVERIFY(v.value(QLatin1String("tilde")).isNull());
        QCOMPARE(v.value(QLatin1String("rel")), QJsonValue(QStringLiteral("+60")));
        QCOMPARE(v.value(QLatin1String("plainrel")), QJsonValue(60)); // why the docs say to quote it
        QCOMPARE(v.value(QLatin1String("q")), QJsonValue(QStringLiteral("12")));
        QCOMPARE(v.value(QLatin1String("s")), QJsonValue(QStringLiteral("hello world")));
        QCOMPARE(v.value(QLatin1String("tagged")), QJsonValue(QStringLiteral("7")));
        QCOMPARE(v.value(QLatin1String("block")), QJsonValue(QStringLiteral("two\nlines\n")));
        QCOMPARE(s.steps.at(0).line, 18);
    }

    // The YAML twin of an example reads into exactly the steps of its JSON original.
    void yamlTwinMatchesItsJson()
    {
        Scenario json;
        Scenario yaml;
        ScenarioError e;
        QVERIFY2(ScenarioParser::load(examplesDir() + QStringLiteral("/publish-round-trip.json"), &json, &e),
                 qPrintable(e.toString()));
        QVERIFY2(ScenarioParser::load(examplesDir() + QStringLiteral("/publish-round-trip.yaml"), &yaml, &e),
                 qPrintable(e.toString()));
        QCOMPARE(yaml.steps.size(), json.steps.size());
        for (int i = 0; i < json.steps.size(); ++i) {
            QCOMPARE(yaml.steps.at(i).spec, json.steps.at(i).spec);
            QCOMPARE(yaml.steps.at(i).name, json.steps.at(i).name);
        }
        QCOMPARE(yaml.variables, json.variables);
        QCOMPARE(yaml.settings.url, json.settings.url);
        QCOMPARE(yaml.steps.at(3).line, 23);
    }

    void missingFile()
    {
        Scenario s;
        ScenarioError e;
        QVERIFY(!ScenarioParser::load(QStringLiteral("/nonexistent/x.json"), &s, &e));
        QVERIFY2(e.toString().startsWith(QLatin1String("/nonexistent/x.json: cannot read")), qPrintable(e.toString()));
    }
};

QTEST_GUILESS_MAIN(TestScenarioParser)
#include "tst_scenarioparser.moc"
