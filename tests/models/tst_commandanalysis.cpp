#include "commandanalysis.h"

#include <QTest>

using Kind = CommandAnalysis::Kind;

Q_DECLARE_METATYPE(CommandAnalysis::Kind)

namespace {

LintContext connectedContext()
{
    LintContext c;
    c.socketOpen = true;
    c.connectSent = true;
    c.connected = true;
    return c;
}

bool hasCode(const CommandAnalysis &a, const char *code)
{
    for (const LintFinding &f : a.findings) {
        if (f.code == QLatin1String(code))
            return true;
    }
    return false;
}

} // namespace

class TestCommandAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("values");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("empty") << QStringLiteral("  \n ") << Kind::Empty << 0 << QByteArray();
        QTest::newRow("object") << QStringLiteral("{\n \"id\": 2,\n \"presence\": {\"channel\": \"a\"}\n}")
                                << Kind::Object << 1 << QByteArray();
        QTest::newRow("array") << QStringLiteral("[1, 2]") << Kind::Raw << 1 << QByteArray("[1,2]");
        QTest::newRow("scalar") << QStringLiteral(" 42 ") << Kind::Raw << 1 << QByteArray("42");
        QTest::newRow("string") << QStringLiteral("\"hi\"") << Kind::Raw << 1 << QByteArray("\"hi\"");
        QTest::newRow("two objects") << QStringLiteral("{\"id\":1,\"connect\":{}}\n{\n  \"id\": 2,\n  \"subscribe\": "
                                                       "{\"channel\": \"a\"}\n}")
                                     << Kind::Raw << 2
                                     << QByteArray(
                                            "{\"connect\":{},\"id\":1}\n{\"id\":2,\"subscribe\":{\"channel\":\"a\"}}");
        QTest::newRow("braces in strings") << QStringLiteral("{\"a\":\"}{\\\"\"} {\"b\":[]}") << Kind::Raw << 2
                                           << QByteArray("{\"a\":\"}{\\\"\"}\n{\"b\":[]}");
        QTest::newRow("broken") << QStringLiteral("{\"id\": 1, \"connect\": {}") << Kind::NotJson << 0 << QByteArray();
        QTest::newRow("object then garbage") << QStringLiteral("{\"id\":1} nope") << Kind::NotJson << 0 << QByteArray();
        QTest::newRow("bare words") << QStringLiteral("hello world") << Kind::NotJson << 0 << QByteArray();
    }

    void kinds()
    {
        QFETCH(QString, text);
        QFETCH(Kind, kind);
        QFETCH(int, values);
        QFETCH(QByteArray, payload);
        const CommandAnalysis a = CommandAnalysis::analyze(text, connectedContext(), 7);
        QCOMPARE(a.kind, kind);
        QCOMPARE(a.valueCount, values);
        // Text that is not JSON goes on the wire as typed; everything else in compact form.
        QCOMPARE(a.payload, kind == Kind::NotJson ? text.toUtf8() : payload);
        QCOMPARE(a.canSend(), kind != Kind::Empty);
        if (kind == Kind::NotJson)
            QVERIFY(a.hasErrors());
        if (kind == Kind::Raw || kind == Kind::NotJson)
            QCOMPARE(a.wire, a.payload);
    }

    void missingIdIsAssigned()
    {
        const CommandAnalysis a =
            CommandAnalysis::analyze(QStringLiteral("{\"subscribe\": {\"channel\": \"news\"}}"), connectedContext(), 7);
        QCOMPARE(a.kind, Kind::Object);
        QVERIFY(a.idWillBeAssigned);
        QCOMPARE(a.assignedId, 7u);
        QCOMPARE(a.method, Protocol::Method::Subscribe);
        QVERIFY(!hasCode(a, "missing-id"));
        QVERIFY(hasCode(a, "id-assigned"));
        QVERIFY(!a.hasErrors());
        QVERIFY(a.findings.first().message.contains(QLatin1String("7")));
    }

    void sendGetsNoId()
    {
        const CommandAnalysis a =
            CommandAnalysis::analyze(QStringLiteral("{\"send\": {\"data\": {}}}"), connectedContext(), 7);
        QVERIFY(!a.idWillBeAssigned);
        QVERIFY(hasCode(a, "send-unavailable"));
    }

    void batchKeepsMissingIdError()
    {
        // Raw text is sent exactly as typed, so a missing id really reaches the server.
        const QString text = QStringLiteral("{\"id\":3,\"presence\":{\"channel\":\"a\"}}\n"
                                            "{\"history\":{\"channel\":\"a\",\"limit\":1}}");
        const CommandAnalysis a = CommandAnalysis::analyze(text, connectedContext(), 7);
        QCOMPARE(a.kind, Kind::Raw);
        QVERIFY(hasCode(a, "missing-id"));
        QVERIFY(hasCode(a, "several-lines"));
        QVERIFY(a.hasErrors());
        // Presence works where the server allows it; then the second line closes the connection.
        QCOMPARE(a.outcome.resolved({QStringLiteral("presence-enabled:"), QStringLiteral("presence:")}),
                 LintOutcome::close(3501));
    }

    void findingsPointIntoWholeText()
    {
        const QString text = QStringLiteral(
            "{\"id\":1,\"presence\":{\"channel\":\"x\"}}\n  {\"id\":2,\"subscribe\":{\"channel\":\"x\",\"bogus\":1}}");
        const CommandAnalysis a = CommandAnalysis::analyze(text, connectedContext(), 3);
        bool found = false;
        for (const LintFinding &f : a.findings) {
            if (f.code == QLatin1String("unknown-field")) {
                found = true;
                QCOMPARE(f.line, 2);
                QCOMPARE(text.split(QLatin1Char('\n')).at(1).mid(f.column - 1, 7), QStringLiteral("\"bogus\""));
            }
        }
        QVERIFY(found);
    }

    void notObjectFlagged()
    {
        const CommandAnalysis a = CommandAnalysis::analyze(QStringLiteral("\n  [1]"), connectedContext(), 1);
        QCOMPARE(a.kind, Kind::Raw);
        QVERIFY(hasCode(a, "bad-type"));
        QCOMPARE(a.findings.first().line, 2);
        QCOMPARE(a.findings.first().column, 3);
    }

    void brokenJsonLocated()
    {
        const CommandAnalysis a =
            CommandAnalysis::analyze(QStringLiteral("{\n  \"id\": 1,\n  \"connect\": {\n}"), connectedContext(), 1);
        QCOMPARE(a.kind, Kind::NotJson);
        QVERIFY(hasCode(a, "invalid-json"));
        QVERIFY(a.findings.first().line >= 1);
    }
};

QTEST_GUILESS_MAIN(TestCommandAnalysis)
#include "tst_commandanalysis.moc"
