#include "commandtemplates.h"
#include "linter.h"

#include <QTest>

using Severity = LintFinding::Severity;

namespace {

LintContext connectedContext()
{
    LintContext c;
    c.socketOpen = true;
    c.connectSent = true;
    c.connected = true;
    return c;
}

LintContext openContext()
{
    LintContext c;
    c.socketOpen = true;
    return c;
}

const LintFinding *find(const QList<LintFinding> &fs, const QString &code)
{
    for (const LintFinding &f : fs) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QString codes(const QList<LintFinding> &fs)
{
    QStringList out;
    for (const LintFinding &f : fs)
        out.append(f.code);
    return out.join(QLatin1Char(','));
}

} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void invalidJsonHasLineAndColumn();
    void noMethodSaysBadRequest();
    void pongDependsOnPing();
    void duplicateIdInFlight();
    void zeroIdWhilePinged();
    void afterFailedConnect();
    void tooBig();
    void unknownFieldIsAnErrorInProtobuf();
    void validCommandsAreClean_data();
    void validCommandsAreClean();
    void templatesHaveOnlyPlaceholderFindings();
};

void TestLinter::findings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Severity>("severity");

    auto row = [](const char *name, const char *text, bool connected, const char *code, Severity s) {
        QTest::newRow(name) << QString::fromUtf8(text) << connected << QString::fromLatin1(code) << s;
    };
    row("empty", "  ", true, "empty", Severity::Error);
    row("invalid json", "{\"id\":1,", true, "invalid-json", Severity::Error);
    row("not object", "[1]", true, "not-object", Severity::Error);
    row("no method", R"({"id":2})", true, "no-method", Severity::Error);
    row("unknown method only", R"({"id":2,"foo":{}})", true, "no-method", Severity::Error);
    row("unknown top field", R"({"id":2,"foo":1,"presence":{"channel":"a"}})", true, "unknown-field",
        Severity::Warning);
    row("two methods", R"({"id":3,"subscribe":{"channel":"x"},"publish":{"channel":"x","data":{}}})", true,
        "several-methods", Severity::Error);
    row("missing id", R"({"subscribe":{"channel":"x"}})", true, "missing-id", Severity::Error);
    row("zero id", R"({"id":0,"subscribe":{"channel":"x"}})", true, "zero-id", Severity::Error);
    row("string id", R"({"id":"3","subscribe":{"channel":"x"}})", true, "bad-id", Severity::Error);
    row("fraction id", R"({"id":1.5,"subscribe":{"channel":"x"}})", true, "bad-id", Severity::Error);
    row("before connect", R"({"id":2,"subscribe":{"channel":"x"}})", false, "before-connect", Severity::Error);
    row("second connect", R"({"id":2,"connect":{}})", true, "second-connect", Severity::Error);
    row("subscribe no channel", R"({"id":2,"subscribe":{}})", true, "missing-channel", Severity::Error);
    row("publish empty channel", R"({"id":2,"publish":{"channel":"","data":1}})", true, "missing-channel",
        Severity::Error);
    row("channel not string", R"({"id":2,"presence":{"channel":5}})", true, "bad-channel", Severity::Error);
    row("non ascii channel", R"({"id":2,"presence":{"channel":"频道"}})", true, "non-ascii-channel", Severity::Warning);
    row("unknown subscribe field", R"({"id":2,"subscribe":{"channel":"x","bogus":1}})", true, "unknown-field",
        Severity::Warning);
    row("publish null data", R"({"id":2,"publish":{"channel":"x","data":null}})", true, "publish-null-data",
        Severity::Info);
    row("publish no data", R"({"id":2,"publish":{"channel":"x"}})", true, "publish-no-data", Severity::Warning);
    row("ping command", R"({"id":2,"ping":{}})", true, "ping-command", Severity::Error);
    row("send", R"({"send":{"data":{}}})", true, "send-unavailable", Severity::Warning);
    row("send with id", R"({"id":4,"send":{"data":{}}})", true, "send-id", Severity::Warning);
    row("refresh without token", R"({"id":2,"refresh":{}})", true, "refresh-no-token", Severity::Error);
    row("bad delta", R"({"id":2,"subscribe":{"channel":"x","delta":"zip"}})", true, "bad-delta", Severity::Error);
    row("body not object", R"({"id":2,"presence":"x"})", true, "body-not-object", Severity::Error);
    row("placeholder", R"({"id":2,"presence":{"channel":"<channel>"}})", true, "placeholder", Severity::Warning);
    row("history reverse zero", R"({"id":2,"history":{"channel":"x","limit":5,"reverse":true,"since":{"offset":0}}})",
        true, "history-reverse-zero", Severity::Warning);
    row("private without token", R"({"id":2,"subscribe":{"channel":"$secret"}})", true, "private-no-token",
        Severity::Warning);
}

void TestLinter::findings()
{
    QFETCH(QString, text);
    QFETCH(bool, connected);
    QFETCH(QString, code);
    QFETCH(Severity, severity);
    const QList<LintFinding> fs = Linter::lint(text, connected ? connectedContext() : openContext());
    const LintFinding *f = find(fs, code);
    QVERIFY2(f, qPrintable(QStringLiteral("expected %1, got [%2]").arg(code, codes(fs))));
    QCOMPARE(f->severity, severity);
    QVERIFY(!f->message.isEmpty());
}

void TestLinter::invalidJsonHasLineAndColumn()
{
    const QList<LintFinding> fs = Linter::lint(QStringLiteral("{\n  \"id\": 1,\n  \"connect\": {]\n}"), openContext());
    QCOMPARE(fs.size(), 1);
    QCOMPARE(fs.first().code, QStringLiteral("invalid-json"));
    QCOMPARE(fs.first().line, 3);
    QVERIFY(fs.first().column > 1);
    QVERIFY(fs.first().message.contains(QStringLiteral("line 3")));
}

void TestLinter::noMethodSaysBadRequest()
{
    const QList<LintFinding> fs = Linter::lint(QStringLiteral(R"({"id":2})"), connectedContext());
    QVERIFY(Linter::hasErrors(fs));
    const LintFinding *f = find(fs, QStringLiteral("no-method"));
    QVERIFY(f);
    QVERIFY(f->message.contains(QStringLiteral("3501")));
    QVERIFY(f->message.contains(QStringLiteral("subscribe")));
}

void TestLinter::pongDependsOnPing()
{
    LintContext c = connectedContext();
    QVERIFY(find(Linter::lint(QStringLiteral("{}"), c), QStringLiteral("stray-pong")));
    c.pingOutstanding = true;
    const QList<LintFinding> fs = Linter::lint(QStringLiteral("{}"), c);
    QVERIFY(find(fs, QStringLiteral("pong")));
    QVERIFY(!Linter::hasErrors(fs));
}

void TestLinter::duplicateIdInFlight()
{
    LintContext c = connectedContext();
    const QString text = QStringLiteral(R"({"id":7,"presence":{"channel":"a"}})");
    QVERIFY(!find(Linter::lint(text, c), QStringLiteral("duplicate-id")));
    c.inFlightIds.insert(7);
    QVERIFY(find(Linter::lint(text, c), QStringLiteral("duplicate-id")));
}

void TestLinter::zeroIdWhilePinged()
{
    // Observed: with a ping outstanding the server takes the command as the pong and silently drops it.
    LintContext c = connectedContext();
    c.pingOutstanding = true;
    const LintFinding *f =
        find(Linter::lint(QStringLiteral(R"({"id":0,"subscribe":{"channel":"x"}})"), c), QStringLiteral("zero-id"));
    QVERIFY(f);
    QVERIFY(f->message.contains(QStringLiteral("silently")));
}

void TestLinter::afterFailedConnect()
{
    LintContext c = openContext();
    c.connectSent = true;
    c.connectFailed = true;
    QVERIFY(find(Linter::lint(QStringLiteral(R"({"id":3,"connect":{}})"), c), QStringLiteral("after-failed-connect")));
}

void TestLinter::tooBig()
{
    const QString big =
        QStringLiteral(R"({"id":2,"publish":{"channel":"x","data":"%1"}})").arg(QString(70000, QLatin1Char('a')));
    // The list must outlive f (find returns a pointer into it).
    const QList<LintFinding> findings = Linter::lint(big, connectedContext());
    const LintFinding *f = find(findings, QStringLiteral("too-big"));
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
}

void TestLinter::unknownFieldIsAnErrorInProtobuf()
{
    LintContext c = connectedContext();
    const QString text = QStringLiteral(R"({"id":2,"subscribe":{"channel":"x","bogus":1}})");
    QCOMPARE(find(Linter::lint(text, c), QStringLiteral("unknown-field"))->severity, Severity::Warning);
    c.format = Protocol::Format::Protobuf;
    QCOMPARE(find(Linter::lint(text, c), QStringLiteral("unknown-field"))->severity, Severity::Error);
}

void TestLinter::validCommandsAreClean_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("connected");
    QTest::newRow("connect") << QStringLiteral(R"({"id":1,"connect":{"name":"x"}})") << false;
    QTest::newRow("subscribe") << QStringLiteral(R"({"id":2,"subscribe":{"channel":"chat:a","recoverable":true}})")
                               << true;
    QTest::newRow("publish") << QStringLiteral(R"({"id":3,"publish":{"channel":"chat:a","data":{"t":1}}})") << true;
    QTest::newRow("history") << QStringLiteral(R"({"id":4,"history":{"channel":"chat:a","limit":10}})") << true;
    QTest::newRow("pretty") << QStringLiteral("{\n  \"id\": 5,\n  \"presence_stats\": {\"channel\": \"a\"}\n}") << true;
}

void TestLinter::validCommandsAreClean()
{
    QFETCH(QString, text);
    QFETCH(bool, connected);
    const QList<LintFinding> fs = Linter::lint(text, connected ? connectedContext() : openContext());
    QVERIFY2(fs.isEmpty(), qPrintable(codes(fs)));
}

void TestLinter::templatesHaveOnlyPlaceholderFindings()
{
    // Every template is valid protocol once its placeholders are filled; ping and send carry their server notes.
    for (Protocol::Method m : Protocol::allMethods()) {
        const QString text = CommandTemplates::text(m, 42);
        const LintContext c = m == Protocol::Method::Connect ? openContext() : connectedContext();
        for (const LintFinding &f : Linter::lint(text, c)) {
            const bool expected = f.severity == Severity::Info || f.code == QLatin1String("placeholder") ||
                                  (m == Protocol::Method::Ping && f.code == QLatin1String("ping-command")) ||
                                  (m == Protocol::Method::Send && f.code == QLatin1String("send-unavailable"));
            QVERIFY2(expected, qPrintable(QString(Protocol::methodName(m)) + QLatin1String(": ") + f.code));
        }
    }
}

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
