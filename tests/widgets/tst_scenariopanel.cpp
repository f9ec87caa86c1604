// The scenario panel against a real Centrifugo: run all, step by step, repeat, and a bad file's error.
#include "centrifugoserver.h"
#include "scenariopanel.h"
#include "scenariorunner.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

class TestScenarioPanel : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }
    template <typename T> T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }
    QString result(QWidget *panel, int row)
    {
        return child<QTreeWidget>(panel, "scenarioSteps")->topLevelItem(row)->text(2);
    }

    CentrifugoServer m_server;
    QTemporaryDir m_dir;
    // Anonymous and without the server API: only the panel's URL field points it at the harness's server.
    const QByteArray m_good =
        "{\"name\": \"panel\", \"steps\": [\n"
        "{\"open\": \"a\"},\n"
        "{\"send\": \"a\", \"method\": \"subscribe\", \"params\": {\"channel\": \"p-${run_id}\"}},\n"
        "{\"expect\": \"a\", \"reply\": {\"subscribe\": {}}},\n"
        "{\"send\": \"a\", \"method\": \"publish\", \"params\": {\"channel\": \"p-${run_id}\", "
        "\"data\": {\"n\": \"${iteration}\"}}},\n"
        "{\"name\": \"own publication\", \"expect\": \"a\", \"push\": {\"push\": {\"pub\": "
        "{\"data\": {\"n\": \"/^[0-9]+$/\"}}}}},\n"
        "{\"close\": \"a\"}]}";

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }
    void cleanupTestCase() { m_server.stop(); }

    void runAllAndRepeat()
    {
        ScenarioRunner runner;
        ScenarioPanel panel(&runner);
        QVERIFY(panel.loadFile(write(QStringLiteral("good.json"), m_good)));
        QCOMPARE(child<QTreeWidget>(&panel, "scenarioSteps")->topLevelItemCount(), 6);
        child<QLineEdit>(&panel, "scenarioUrl")->setText(m_server.webSocketUrl().toString());
        child<QSpinBox>(&panel, "scenarioRepeat")->setValue(2);
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        child<QPushButton>(&panel, "scenarioRun")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QTRY_COMPARE(panel.statusText(), QStringLiteral("2 of 2 run(s) passed. Last run: 6 step(s) passed, 0 failed."));
        for (int row = 0; row < 6; ++row)
            QCOMPARE(result(&panel, row), QStringLiteral("passed"));
        QVERIFY(child<QPushButton>(&panel, "scenarioRun")->isEnabled());
    }

    void stepByStep()
    {
        ScenarioRunner runner;
        ScenarioPanel panel(&runner);
        QVERIFY(panel.loadFile(write(QStringLiteral("good.json"), m_good)));
        child<QLineEdit>(&panel, "scenarioUrl")->setText(m_server.webSocketUrl().toString());
        QSignalSpy done(&runner, &ScenarioRunner::stepFinished);
        auto *step = child<QPushButton>(&panel, "scenarioStep");
        step->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QCOMPARE(result(&panel, 0), QStringLiteral("passed"));
        QVERIFY(result(&panel, 1).isEmpty()); // waits for the next click
        QVERIFY(step->isEnabled());
        step->click();
        QTRY_COMPARE(done.size(), 2);
        // The rest at once.
        child<QPushButton>(&panel, "scenarioRun")->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 6, 10000);
        QTRY_VERIFY(panel.statusText().startsWith(QLatin1String("1 of 1 run(s) passed")));
    }

    void failureShowsReasonAndFrames()
    {
        ScenarioRunner runner;
        ScenarioPanel panel(&runner);
        QByteArray bad = m_good;
        bad.replace("\"/^[0-9]+$/\"", "\"never\"");
        bad.replace("\"own publication\", ", "\"own publication\", \"timeout_ms\": 500, ");
        QVERIFY(panel.loadFile(write(QStringLiteral("fail.json"), bad)));
        child<QLineEdit>(&panel, "scenarioUrl")->setText(m_server.webSocketUrl().toString());
        child<QPushButton>(&panel, "scenarioRun")->click();
        QTRY_VERIFY_WITH_TIMEOUT(panel.statusText().startsWith(QLatin1String("0 of 1 run(s) passed")), 10000);
        QCOMPARE(result(&panel, 4), QStringLiteral("FAILED"));
        QCOMPARE(result(&panel, 5), QStringLiteral("skipped"));
        const QString frames = child<QPlainTextEdit>(&panel, "scenarioFrames")->toPlainText();
        QVERIFY2(frames.contains(QLatin1String("at push.pub.data.n: expected \"never\", got 1")), qPrintable(frames));
        QVERIFY2(frames.contains(QLatin1String("a < {\"push\"")), qPrintable(frames));
    }

    void badFileSaysWhere()
    {
        ScenarioRunner runner;
        ScenarioPanel panel(&runner);
        QVERIFY(
            !panel.loadFile(write(QStringLiteral("bad.json"), "{\"steps\": [\n{\"open\": \"a\"},\n{\"fly\": 1}]}")));
        QVERIFY2(panel.statusText().endsWith(QLatin1String("bad.json:3:1: step 2: unknown step: it needs one of open, "
                                                           "send, expect, api, wait, fault, close (it has: fly)")),
                 qPrintable(panel.statusText()));
        QVERIFY(!child<QPushButton>(&panel, "scenarioRun")->isEnabled());
    }
};

QTEST_MAIN(TestScenarioPanel)
#include "tst_scenariopanel.moc"
