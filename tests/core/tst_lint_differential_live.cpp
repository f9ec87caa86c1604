// The linter's differential test: a seeded generator of commands (valid, near-valid, hostile, in several session
// situations) is sent, one fresh connection per case, to a real Centrifugo started here with
// tests/config/centrifugo-lint-differential.json, by a plain `ws` client (tests/node/lint-differential.js), and
// what the server does is compared with what `centrifugo-inspector-cli --lint` predicts.
//
// LINT_DIFFERENTIAL_CASES (default 3000) and LINT_DIFFERENTIAL_SEED (default 1) choose the run; the long run of
// bench/lint-differential.sh sets them. LINT_DIFFERENTIAL_REPORT names a file for the full report.

#include "centrifugoserver.h"
#include "nodescript.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestLintDifferentialLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreement();

private:
    CentrifugoServer m_server;
};

void TestLintDifferentialLive::initTestCase()
{
    if (NodeScript::nodeExecutable().isEmpty())
        QSKIP("node is not installed");
    QVERIFY2(m_server.start(TestSupport::sourcePath(QStringLiteral("tests/config/centrifugo-lint-differential.json"))),
             qPrintable(m_server.errorString()));
}

void TestLintDifferentialLive::agreement()
{
    const QString cases = qEnvironmentVariable("LINT_DIFFERENTIAL_CASES", QStringLiteral("3000"));
    const QString seed = qEnvironmentVariable("LINT_DIFFERENTIAL_SEED", QStringLiteral("1"));
    QStringList args{QStringLiteral("--url"),   m_server.webSocketUrl().toString(),
                     QStringLiteral("--cli"),   QStringLiteral(INSPECTOR_CLI_PATH),
                     QStringLiteral("--cases"), cases,
                     QStringLiteral("--seed"),  seed};
    const QString report = qEnvironmentVariable("LINT_DIFFERENTIAL_REPORT");
    if (!report.isEmpty())
        args << QStringLiteral("--report") << report;

    NodeScript runner;
    QVERIFY2(runner.start(QStringLiteral("lint-differential.js"), args), qPrintable(runner.failureContext()));
    const auto result = runner.waitForLine(QStringLiteral("result"), 20 * 60 * 1000);
    QVERIFY2(result, qPrintable(runner.failureContext()));

    const int total = result->value(QLatin1String("cases")).toInt();
    const int agreed = result->value(QLatin1String("agreed")).toInt();
    const double agreement = result->value(QLatin1String("agreement")).toDouble();
    qInfo("lint differential: seed %s, %d cases, %d agree (%.2f %%)", qPrintable(seed), total, agreed, agreement);
    const QJsonObject byClass = result->value(QLatin1String("disagreements_by_class")).toObject();
    for (auto it = byClass.constBegin(); it != byClass.constEnd(); ++it)
        qInfo("  disagreement %4d  %s", it.value().toInt(), qPrintable(it.key()));
    for (const QJsonValue &d : result->value(QLatin1String("disagreements")).toArray())
        qInfo("  %s", QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact).left(400).constData());

    QCOMPARE(total, cases.toInt());
    // Every class of command must have been sent, so a broken generator cannot pass by sending nothing hard.
    QVERIFY(result->value(QLatin1String("by_class")).toObject().size() >= 60);
    QVERIFY2(agreement >= 99.5, qPrintable(QStringLiteral("agreement %1 %% is below 99.5 %%").arg(agreement)));
}

QTEST_GUILESS_MAIN(TestLintDifferentialLive)
#include "tst_lint_differential_live.moc"
