// ScenarioRunner against a real Centrifugo (tests/config/centrifugo-test.json): steps pass and fail for the
// reasons they say, captures carry values between steps, step-by-step mode waits, Protobuf sessions work.
#include "centrifugoserver.h"
#include "proxyconnection.h"
#include "scenarioparser.h"
#include "scenariorecorder.h"
#include "scenariorunner.h"
#include "session.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

class TestScenarioRunnerLive : public QObject
{
    Q_OBJECT

private:
    Scenario scenario(const QByteArray &steps)
    {
        const QByteArray text = "{\"name\": \"live\", \"variables\": {\"ch\": \"chat:runner-${run_id}\"}, "
                                "\"steps\": " +
                                steps + "}";
        Scenario s;
        ScenarioError e;
        if (!ScenarioParser::parse(text, QStringLiteral("live.json"), &s, &e))
            qWarning("%s", qPrintable(e.toString()));
        ScenarioSettings settings;
        settings.url = m_server.webSocketUrl().toString();
        settings.apiUrl = m_server.httpUrl().toString();
        settings.apiKey = m_server.apiKey();
        settings.hmacSecret = m_server.hmacSecret();
        s.applyOverrides(settings);
        return s;
    }
    static QString describe(const ScenarioRunner &runner)
    {
        QString text;
        for (const ScenarioStepResult &r : runner.results())
            text += QStringLiteral("%1 %2: %3\n").arg(int(r.status)).arg(r.name, r.reason);
        return text;
    }

    CentrifugoServer m_server;

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void cleanupTestCase() { m_server.stop(); }

    void capturesFlowIntoLaterSteps()
    {
        const Scenario s =
            scenario("[\n"
                     "            {\"open\": \"a\", \"claims\": {\"sub\": \"u1\"}, \"format\": \"protobuf\"},\n"
                     "            {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"${ch}\"}},\n"
                     "            {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}, \"capture\": {\"epoch\": "
                     "\"subscribe.epoch\"}},\n"
                     "            {\"api\": \"publish\", \"body\": {\"channel\": \"${ch}\", \"data\": {\"n\": 1}}, "
                     "\"capture\": {\"published\": \"offset\"}},\n"
                     "            {\"expect\": \"a\", \"push\": {\"push\": {\"pub\": {\"data\": {\"n\": 1}, "
                     "\"offset\": \"${published}\"}}},\n"
                     "             \"capture\": {\"offset\": \"push.pub.offset\"}},\n"
                     "            {\"api\": \"history\", \"body\": {\"channel\": \"${ch}\", \"limit\": 0},\n"
                     "             \"result\": {\"epoch\": \"${epoch}\", \"offset\": \"${offset}\"}}\n"
                     "        ]");
        QCOMPARE(s.steps.size(), 6);
        ScenarioRunner runner;
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        QSignalSpy started(&runner, &ScenarioRunner::stepStarted);
        runner.start(s);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(describe(runner)));
        QCOMPARE(started.size(), 6);
        QCOMPARE(runner.variables().value(QStringLiteral("offset")).toInt(), 1);
        QVERIFY(!runner.variables().value(QStringLiteral("epoch")).toString().isEmpty());
        QVERIFY(runner.variables().value(QStringLiteral("a.client")).toString().size() > 10);
        QCOMPARE(runner.variables().value(QStringLiteral("a.user")).toString(), QStringLiteral("u1"));
        // The frames involved: the push the expectation matched.
        QVERIFY(runner.results().at(4).frames.constFirst().startsWith(QLatin1String("a < {\"push\"")));
        QCOMPARE(runner.session(QStringLiteral("a"))->options().format, Protocol::Format::Protobuf);
    }

    void anErrorReplyFailsAtOnceWithTheReason()
    {
        // The "locked" namespace allows no client subscriptions: error 103, no need to wait out the time limit.
        const Scenario s = scenario(
            "[\n"
            "            {\"open\": \"a\"},\n"
            "            {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"locked:x\"}},\n"
            "            {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}, \"timeout_ms\": 60000},\n"
            "            {\"close\": \"a\"}\n"
            "        ]");
        ScenarioRunner runner;
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.start(s);
        QVERIFY(finished.wait(20000)); // far less than the step's 60 s
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const ScenarioStepResult &r = runner.results().at(2);
        QCOMPARE(r.status, ScenarioStepResult::Status::Failed);
        QVERIFY2(r.reason.contains(QLatin1String("the reply to command 2 does not match: at subscribe: missing")),
                 qPrintable(r.reason));
        QVERIFY2(r.frames.constFirst().contains(QLatin1String("\"code\":103")),
                 qPrintable(r.frames.join(QLatin1Char('\n'))));
        QCOMPARE(runner.results().at(3).status, ScenarioStepResult::Status::Skipped);
    }

    void absentPassesAndFailsOnWhatArrives()
    {
        const Scenario s =
            scenario("[\n"
                     "            {\"open\": \"a\"},\n"
                     "            {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"${ch}\"}},\n"
                     "            {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}},\n"
                     "            {\"name\": \"nothing yet\", \"expect\": \"a\", \"push\": {\"push\": {\"pub\": {}}}, "
                     "\"absent\": true, \"timeout_ms\": 200},\n"
                     "            {\"api\": \"publish\", \"body\": {\"channel\": \"${ch}\", \"data\": {\"n\": 2}}},\n"
                     "            {\"name\": \"must not come\", \"expect\": \"a\", \"push\": {\"push\": {\"pub\": "
                     "{\"data\": {\"n\": 2}}}}, \"absent\": true}\n"
                     "        ]");
        ScenarioRunner runner;
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.start(s);
        QVERIFY(finished.wait(20000));
        QCOMPARE(runner.results().at(3).status, ScenarioStepResult::Status::Passed);
        QCOMPARE(runner.results().at(5).status, ScenarioStepResult::Status::Failed);
        QVERIFY2(runner.results().at(5).reason.contains(QLatin1String("should not come")),
                 qPrintable(describe(runner)));
    }

    void stepByStepWaitsForNext()
    {
        const Scenario s =
            scenario("[{\"open\": \"a\"}, {\"wait\": \"connected\", \"session\": \"a\"}, {\"close\": \"a\"}]");
        ScenarioRunner runner;
        runner.setStepByStep(true);
        QSignalSpy done(&runner, &ScenarioRunner::stepFinished);
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.start(s);
        QVERIFY(runner.isWaitingForNext());
        QCoreApplication::processEvents();
        QCOMPARE(done.size(), 0);
        for (int step = 1; step <= 3; ++step) {
            runner.next();
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), step, 10000);
            QCOMPARE(done.last().at(0).value<ScenarioStepResult>().status, ScenarioStepResult::Status::Passed);
            if (step < 3)
                QVERIFY(runner.isWaitingForNext());
        }
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
    }

    void serverDisconnectAndReconnect()
    {
        const Scenario s = scenario(
            "[\n"
            "            {\"open\": \"a\", \"claims\": {\"sub\": \"u2\"}},\n"
            "            {\"fault\": \"server_disconnect\", \"session\": \"a\", \"code\": 4001, \"reason\": \"bye\"},\n"
            "            {\"expect\": \"a\", \"closed\": {\"code\": 4001, \"reason\": \"bye\", \"by\": \"server\"}},\n"
            "            {\"fault\": \"reconnect\", \"session\": \"a\"},\n"
            "            {\"wait\": \"connected\", \"session\": \"a\"}\n"
            "        ]");
        ScenarioRunner runner;
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.start(s);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(describe(runner)));
    }

    // A session opened with "proxy" goes through an in-process proxy; its faults act on that connection.
    void proxyFaultsActOnTheSessionsConnection()
    {
        const Scenario s =
            scenario("[{\"open\": \"a\", \"claims\": {\"sub\": \"u3\"}, \"format\": \"protobuf\", \"proxy\": true},\n"
                     " {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"${ch}\"}},\n"
                     " {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}},\n"
                     " {\"fault\": \"delay\", \"via\": \"proxy\", \"session\": \"a\", \"ms\": 20},\n"
                     " {\"fault\": \"hold_pongs\", \"via\": \"proxy\", \"session\": \"a\"},\n"
                     " {\"fault\": \"pass\", \"via\": \"proxy\", \"session\": \"a\"},\n"
                     " {\"api\": \"publish\", \"body\": {\"channel\": \"${ch}\", \"data\": {\"n\": 1}}},\n"
                     " {\"expect\": \"a\", \"push\": {\"push\": {\"pub\": {\"data\": {\"n\": 1}}}}},\n"
                     " {\"fault\": \"drop_upstream\", \"via\": \"proxy\", \"session\": \"a\"},\n"
                     " {\"expect\": \"a\", \"closed\": {\"code\": 1011, \"reason\": \"/upstream lost/\"}},\n"
                     " {\"open\": \"a\", \"claims\": {\"sub\": \"u3\"}}]");
        QCOMPARE(s.steps.size(), 11);
        ScenarioRunner runner;
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        // What the proxy holds when steps 5 and 6 start: the delay of step 4, then the held pongs of step 5.
        int delayAtStep5 = -1;
        bool pongsHeldAtStep6 = false;
        connect(&runner, &ScenarioRunner::stepStarted, this, [&](int index) {
            const ProxyConnection *c = runner.proxyConnection(QStringLiteral("a"));
            if (index == 4 && c)
                delayAtStep5 = c->delayMs();
            if (index == 5 && c)
                pongsHeldAtStep6 = c->holdsAppPongs();
        });
        runner.start(s);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(describe(runner)));
        QCOMPARE(delayAtStep5, 20);
        QVERIFY(pongsHeldAtStep6);
        QVERIFY2(runner.results().at(8).reason.contains(QLatin1String("without a close frame")),
                 qPrintable(describe(runner)));
        // The last open has no "proxy": the session talks to the server directly again.
        QCOMPARE(runner.session(QStringLiteral("a"))->options().url, m_server.webSocketUrl());
        QVERIFY(!runner.proxyConnection(QStringLiteral("a")));
    }

    void recordedTrafficReplaysAsAScenario()
    {
        const Scenario s =
            scenario("[{\"open\": \"a\"},"
                     " {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"${ch}\"}},"
                     " {\"expect\": \"a\", \"reply\": {\"subscribe\": {}}},"
                     " {\"send\": \"a\", \"method\": \"publish\", \"params\": {\"channel\": \"${ch}\","
                     " \"data\": {\"x\": 1}}},"
                     " {\"expect\": \"a\", \"push\": {\"push\": {\"pub\": {}}}},"
                     " {\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"locked:x\"}},"
                     " {\"expect\": \"a\", \"reply\": {\"error\": {\"code\": 103}}},"
                     " {\"close\": \"a\"}]");
        ScenarioRunner runner;
        QList<ScenarioRecorder::Message> recorded;
        connect(&runner, &ScenarioRunner::frameSeen, this, [&recorded](const QString &, const Frame &f) {
            for (const ProtocolMessage &m : f.messages)
                recorded.append({f.direction, QJsonDocument(m.json()).toJson(QJsonDocument::Compact)});
        });
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.start(s);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(describe(runner)));

        const QByteArray text = ScenarioRecorder::build(recorded, QStringLiteral("replay"), m_server.webSocketUrl());
        Scenario replay;
        ScenarioError error;
        QVERIFY2(ScenarioParser::parse(text, QStringLiteral("replay.json"), &replay, &error),
                 qPrintable(error.toString() + QLatin1Char('\n') + QString::fromUtf8(text)));
        // open, 3 sends, their 3 replies, the join (force_push_join_leave in "chat") and the publication, close.
        QCOMPARE(replay.steps.size(), 10);
        QVERIFY2(text.contains("\"x\": 1"), text.constData()); // the publication's data is kept
        QVERIFY2(text.contains("\"code\": 103"), text.constData());
        ScenarioRunner again;
        QSignalSpy replayed(&again, &ScenarioRunner::finished);
        again.start(replay);
        QVERIFY(replayed.wait(20000));
        QVERIFY2(replayed.at(0).at(0).toBool(), qPrintable(describe(again) + QString::fromUtf8(text)));
    }
};

QTEST_GUILESS_MAIN(TestScenarioRunnerLive)
#include "tst_scenariorunner_live.moc"
