// Patterns, ${variables} and the JUnit report of scenarios (no server needed).
#include "junitreport.h"
#include "scenariomatcher.h"
#include "scenariovariables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace

class TestScenarioMatcher : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("mismatch"); // empty: must match
        QTest::newRow("empty object matches any object")
            << QStringLiteral("{}") << QStringLiteral("{\"a\":1}") << QStringLiteral("");
        QTest::newRow("subset") << QStringLiteral("{\"a\":{\"b\":1}}")
                                << QStringLiteral("{\"a\":{\"b\":1,\"c\":2},\"d\":3}") << QStringLiteral("");
        QTest::newRow("missing key") << QStringLiteral("{\"a\":{\"x\":1}}") << QStringLiteral("{\"a\":{\"b\":1}}")
                                     << QStringLiteral("at a.x: missing (expected 1)");
        QTest::newRow("other value") << QStringLiteral("{\"recovered\":true}")
                                     << QStringLiteral("{\"recovered\":false}")
                                     << QStringLiteral("at recovered: expected true, got false");
        QTest::newRow("number by value") << QStringLiteral("{\"n\":2}") << QStringLiteral("{\"n\":2.0}")
                                         << QStringLiteral("");
        QTest::newRow("string is not number") << QStringLiteral("{\"n\":\"2\"}") << QStringLiteral("{\"n\":2}")
                                              << QStringLiteral("at n: expected \"2\", got 2");
        QTest::newRow("regex on string") << QStringLiteral("{\"c\":\"/^chat:.+$/\"}")
                                         << QStringLiteral("{\"c\":\"chat:x\"}") << QStringLiteral("");
        QTest::newRow("regex on number") << QStringLiteral("{\"ttl\":\"/^3[0-9]{3}$/\"}")
                                         << QStringLiteral("{\"ttl\":3599}") << QStringLiteral("");
        QTest::newRow("regex fails") << QStringLiteral("{\"c\":\"/^news/\"}") << QStringLiteral("{\"c\":\"chat:x\"}")
                                     << QStringLiteral("at c: \"chat:x\" does not match /^news/");
        QTest::newRow("any") << QStringLiteral("{\"c\":\"$any\"}") << QStringLiteral("{\"c\":null}")
                             << QStringLiteral("");
        QTest::newRow("any but missing") << QStringLiteral("{\"c\":\"$any\"}") << QStringLiteral("{}")
                                         << QStringLiteral("at c: missing (expected \"$any\")");
        QTest::newRow("absent") << QStringLiteral("{\"error\":\"$absent\"}") << QStringLiteral("{\"ok\":1}")
                                << QStringLiteral("");
        QTest::newRow("absent but present")
            << QStringLiteral("{\"error\":\"$absent\"}") << QStringLiteral("{\"error\":{\"code\":1}}")
            << QStringLiteral("at error: expected no value, got {\"code\":1}");
        QTest::newRow("array in order with gaps")
            << QStringLiteral("{\"p\":[{\"n\":2},{\"n\":4}]}")
            << QStringLiteral("{\"p\":[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}]}") << QStringLiteral("");
        QTest::newRow("array out of order")
            << QStringLiteral("{\"p\":[{\"n\":4},{\"n\":2}]}") << QStringLiteral("{\"p\":[{\"n\":2},{\"n\":4}]}")
            << QStringLiteral("at p: no element for pattern element 1 ({\"n\":2})");
        QTest::newRow("array element differs")
            << QStringLiteral("{\"p\":[{\"n\":5}]}") << QStringLiteral("{\"p\":[{\"n\":1}]}")
            << QStringLiteral("at p: no element matches pattern element 0 (at p.0.n: expected 5, "
                              "got 1)");
        QTest::newRow("object vs array") << QStringLiteral("{\"p\":{}}") << QStringLiteral("{\"p\":[]}")
                                         << QStringLiteral("at p: expected an object, got []");
    }
    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, actual);
        QFETCH(QString, mismatch);
        QString why;
        const bool ok = ScenarioMatcher::matches(json(pattern.toUtf8()), json(actual.toUtf8()), &why);
        QCOMPARE(ok, mismatch.isEmpty());
        QCOMPARE(why, mismatch);
    }

    void checkPatternFindsBadRegexes()
    {
        QVERIFY(ScenarioMatcher::checkPattern(json("{\"a\":[\"/ok/\", {\"b\":\"/[z-a]/\"}]}"))
                    .contains(QLatin1String("/[z-a]/")));
        QVERIFY(ScenarioMatcher::checkPattern(json("{\"a\":\"/x${v}(/\"}")).isEmpty()); // checked when it runs
        QVERIFY(ScenarioMatcher::checkPattern(json("{\"a\":\"/^a+$/\"}")).isEmpty());
    }

    void valueAtPaths()
    {
        const QJsonValue v = json("{\"subscribe\":{\"publications\":[{\"offset\":7}],\"epoch\":\"e\"}}");
        bool found = false;
        QCOMPARE(ScenarioMatcher::valueAt(v, QStringLiteral("subscribe.publications.0.offset"), &found).toInt(), 7);
        QVERIFY(found);
        ScenarioMatcher::valueAt(v, QStringLiteral("subscribe.publications.1.offset"), &found);
        QVERIFY(!found);
        ScenarioMatcher::valueAt(v, QStringLiteral("subscribe.offset"), &found);
        QVERIFY(!found);
    }

    void variablesKeepTheirType()
    {
        ScenarioVariables vars;
        vars.set(QStringLiteral("offset"), 42);
        vars.set(QStringLiteral("epoch"), QStringLiteral("AbC"));
        QStringList unknown;
        const QJsonValue out = vars.substitute(json("{\"offset\":\"${offset}\",\"epoch\":\"${epoch}\",\"text\":\"at "
                                                    "${offset} in ${epoch}\",\"k${epoch}\":\"${nope}\"}"),
                                               &unknown);
        QCOMPARE(out.toObject().value(QLatin1String("offset")), QJsonValue(42));
        QCOMPARE(out.toObject().value(QLatin1String("epoch")), QJsonValue(QStringLiteral("AbC")));
        QCOMPARE(out.toObject().value(QLatin1String("text")), QJsonValue(QStringLiteral("at 42 in AbC")));
        QCOMPARE(out.toObject().value(QLatin1String("k${epoch}")),
                 QJsonValue(QStringLiteral("${nope}"))); // keys are never substituted
        QCOMPARE(unknown, QStringList{QStringLiteral("nope")});
        QCOMPARE(ScenarioVariables::referencedNames(json("{\"a\":[\"${x}-${y.z}\"]}")),
                 (QSet<QString>{QStringLiteral("x"), QStringLiteral("y.z")}));
    }

    void junitReportIsWellFormed()
    {
        ScenarioStepResult ok;
        ok.index = 0;
        ok.name = QStringLiteral("open <alice> & co");
        ok.status = ScenarioStepResult::Status::Passed;
        ok.elapsedMs = 1234;
        ok.frames = {QStringLiteral("alice < {\"connect\":{}}")};
        ScenarioStepResult bad = ok;
        bad.index = 1;
        bad.name = QStringLiteral("expect push");
        bad.status = ScenarioStepResult::Status::Failed;
        bad.reason = QStringLiteral("at push.pub.data.text: expected \"a\", got \"b\"");
        ScenarioStepResult skipped;
        skipped.index = 2;
        skipped.name = QStringLiteral("close");
        skipped.reason = QStringLiteral("skipped: step 2 failed");
        JUnitReport report;
        report.addRun(QStringLiteral("Demo"), QStringLiteral("demo.json"), {ok, bad, skipped}, 2000);

        QXmlStreamReader xml(report.toXml());
        QStringList testcases;
        QString failure;
        int skippedCount = 0;
        QString suiteFailures;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("testsuite"))
                suiteFailures = xml.attributes().value(QLatin1String("failures")).toString();
            if (xml.name() == QLatin1String("testcase"))
                testcases << xml.attributes().value(QLatin1String("name")).toString() + QLatin1Char('@') +
                                 xml.attributes().value(QLatin1String("time")).toString();
            if (xml.name() == QLatin1String("failure"))
                failure = xml.attributes().value(QLatin1String("message")).toString();
            if (xml.name() == QLatin1String("skipped"))
                ++skippedCount;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, (QStringList{QStringLiteral("1. open <alice> & co@1.234"),
                                         QStringLiteral("2. expect push@1.234"), QStringLiteral("3. close@0.000")}));
        QCOMPARE(failure, bad.reason);
        QCOMPARE(skippedCount, 1);
        QCOMPARE(suiteFailures, QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioMatcher)
#include "tst_scenariomatcher.moc"
