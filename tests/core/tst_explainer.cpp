#include "explainer.h"
#include "jsoncodec.h"

#include <QTest>

using Advice = CodeExplanation::Advice;

class TestExplainer : public QObject
{
    Q_OBJECT

private slots:
    void everyProtocolCodeIsKnown();
    void disconnectAdvice_data();
    void disconnectAdvice();
    void unknownCodesStillExplained();
    void describesEveryKind();
};

void TestExplainer::everyProtocolCodeIsKnown()
{
    // The codes of the protocol reference, sections "Error codes", "Disconnect codes" and "Unsubscribe push codes".
    const QList<int> errors = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113};
    const QList<int> disconnects = {3000, 3001, 3004, 3005, 3006, 3008, 3009, 3010, 3011, 3012, 3013,
                                    3014, 3500, 3501, 3502, 3503, 3504, 3505, 3506, 3507, 3508, 3509};
    const QList<int> unsubscribes = {2000, 2500, 2501, 2502};
    for (int c : errors) {
        const CodeExplanation e = Explainer::error(c);
        QVERIFY2(e.known && !e.name.isEmpty() && !e.meaning.isEmpty(), qPrintable(QString::number(c)));
    }
    for (int c : disconnects)
        QVERIFY2(Explainer::disconnect(c).known, qPrintable(QString::number(c)));
    for (int c : unsubscribes)
        QVERIFY2(Explainer::unsubscribe(c).known, qPrintable(QString::number(c)));
    QCOMPARE(Explainer::error(103).name, QStringLiteral("permission denied"));
    QCOMPARE(Explainer::disconnect(3501).name, QStringLiteral("bad request"));
    QCOMPARE(Explainer::disconnect(3012).name, QStringLiteral("no pong"));
}

void TestExplainer::disconnectAdvice_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<Advice>("advice");
    QTest::newRow("shutdown") << 3001 << Advice::Reconnect;
    QTest::newRow("no pong") << 3012 << Advice::Reconnect;
    QTest::newRow("bad request") << 3501 << Advice::Stop;
    QTest::newRow("invalid token") << 3500 << Advice::Stop;
    QTest::newRow("app reconnect range") << 4100 << Advice::Reconnect;
    QTest::newRow("app terminal range") << 4600 << Advice::Stop;
    QTest::newRow("5000+") << 5001 << Advice::Reconnect;
    QTest::newRow("undefined terminal") << 3700 << Advice::Stop;
}

void TestExplainer::disconnectAdvice()
{
    QFETCH(int, code);
    QFETCH(Advice, advice);
    QCOMPARE(Explainer::disconnect(code).advice, advice);
    QVERIFY(!Explainer::disconnect(code).sentence().isEmpty());
}

void TestExplainer::unknownCodesStillExplained()
{
    QVERIFY(!Explainer::error(777).known);
    QVERIFY(Explainer::error(777).meaning.contains(QStringLiteral("400-1999")));
    QVERIFY(!Explainer::error(9).meaning.isEmpty());
    QCOMPARE(Explainer::unsubscribe(2600).advice, Advice::Resubscribe);
}

void TestExplainer::describesEveryKind()
{
    const QList<QByteArray> lines = {
        "{}",
        R"({"id":1,"connect":{"client":"c"}})",
        R"({"id":2,"error":{"code":108,"message":"not available"}})",
        R"({"push":{"channel":"a","pub":{"data":1}}})",
        R"({"push":{"channel":"a","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}})",
        "garbage",
    };
    for (const QByteArray &l : lines) {
        const QString s = Explainer::describe(JsonCodec::decodeServerLine(l));
        QVERIFY2(!s.isEmpty(), l.constData());
    }
    QVERIFY(Explainer::describe(JsonCodec::decodeServerLine(lines.at(2))).contains(QStringLiteral("108")));
    ProtocolMessage close;
    close.kind = Protocol::MessageKind::Disconnect;
    close.code = 3501;
    close.text = QStringLiteral("bad request");
    const QString s = Explainer::describe(close);
    QVERIFY(s.contains(QStringLiteral("3501")));
    QVERIFY(s.contains(QStringLiteral("without a known method")));
}

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"
