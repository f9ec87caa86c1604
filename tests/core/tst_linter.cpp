// The linter against the rules of Centrifugo's command decoder and handlers (docs/server-behaviour.md). Each
// expectation was checked against a real Centrifugo v6.9.1; tst_lint_differential_live checks thousands more.

#include "commandtemplates.h"
#include "linter.h"
#include "serverjsonreader.h"

#include "jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Severity = LintFinding::Severity;
using Kind = LintOutcome::Kind;

namespace {

LintContext connectedContext()
{
    LintContext c;
    c.socketOpen = true;
    c.connectSent = true;
    c.connected = true;
    c.nowSecs = 1800000000;
    return c;
}

LintContext openContext()
{
    LintContext c = connectedContext();
    c.connectSent = false;
    c.connected = false;
    return c;
}

// Everything the test server of tst_lint_differential_live grants: conditions on them disappear.
LintContext permissiveContext()
{
    LintContext c = connectedContext();
    c.grantedSettings = {QStringLiteral("anonymous-connect"), QStringLiteral("token-signature"),
                         QStringLiteral("subscribe:"),        QStringLiteral("publish:"),
                         QStringLiteral("presence-enabled:"), QStringLiteral("presence:"),
                         QStringLiteral("history-enabled:"),  QStringLiteral("history:"),
                         QStringLiteral("namespace:chat"),    QStringLiteral("subscribe:chat"),
                         QStringLiteral("publish:chat"),      QStringLiteral("history-enabled:chat"),
                         QStringLiteral("history:chat"),      QStringLiteral("presence-enabled:chat"),
                         QStringLiteral("presence:chat")};
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

QString describe(const LintOutcome &o)
{
    return QString::fromUtf8(QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact));
}

QByteArray jwt(const QByteArray &claims, const QByteArray &secret = "secret")
{
    return Jwt::sign(claims, secret).toUtf8();
}

} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private slots:
    void nestedPlaceholderIsFoundOnItsValue();
    void outcomes_data();
    void outcomes();
    void invalidJsonHasLineAndColumn();
    void findingsOfACommandShareItsOutcome();
    void pongDependsOnPing();
    void duplicateIdInFlight();
    void afterFailedConnect();
    void expiredConnectStopsTheFrame();
    void tokens();
    void conditionsFollowKnownSettings();
    void subscriptionsAreTracked();
    void unknownFieldIsAnErrorInProtobuf();
    void readerFollowsTheServer_data();
    void readerFollowsTheServer();
    void deepNestingDoesNotOverflow();
    void keyFolding();
    void outcomeJsonAndChain();
    void validCommandsAreClean_data();
    void validCommandsAreClean();
    void templatesHaveOnlyPlaceholderFindings();
};

void TestLinter::outcomes_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QString>("code");     // a finding expected among the findings ("" = none needed)
    QTest::addColumn<QString>("expected"); // the frame's outcome for the permissive server

    auto row = [](const char *name, const QByteArray &frame, bool connected, const char *code, const char *out) {
        QTest::newRow(name) << frame << connected << QString::fromLatin1(code) << QString::fromLatin1(out);
    };
    // The frame as lines.
    row("empty frame", "", true, "empty", "close 3501");
    row("blank frame", "  ", true, "invalid-json", "close 3501");
    row("two lines", "{\"id\":2,\"presence\":{\"channel\":\"a\"}}\n{\"id\":3,\"presence\":{\"channel\":\"b\"}}", true,
        "several-lines", "accepted");
    row("trailing newline", "{\"id\":2,\"presence\":{\"channel\":\"a\"}}\n", true, "", "accepted");
    row("blank line between", "{\"id\":2,\"presence\":{\"channel\":\"a\"}}\n\n{\"id\":3,\"presence\":{}}", true,
        "invalid-json", "close 3501");
    row("indented", "{\n  \"id\": 2,\n  \"presence\": {\"channel\": \"a\"}\n}", true, "invalid-json", "close 3501");
    row("space separated", R"({"id":2,"presence":{"channel":"a"}} {"id":3,"publish":{"channel":"a"}})", true,
        "trailing-text", "accepted");
    row("second line bad", "{\"id\":2,\"publish\":{\"channel\":\"a\"}}\n[1]", true, "publish-no-data", "error 107");
    // JSON as the server reads it.
    row("bom", "\xef\xbb\xbf{\"id\":2,\"presence\":{\"channel\":\"a\"}}", true, "invalid-json", "close 3501");
    row("raw tab in string", "{\"id\":2,\"publish\":{\"channel\":\"a\",\"data\":\"a\tb\"}}", true, "invalid-json",
        "close 3501");
    row("1e400 in data", R"({"id":2,"publish":{"channel":"a","data":1e400}})", true, "", "accepted");
    row("text after object", R"({"id":2,"presence":{"channel":"a"}}}garbage)", true, "trailing-text", "accepted");
    row("not object", "[1]", true, "bad-type", "close 3501");
    row("null", "null", true, "stray-pong", "close 3501");
    // Numbers and types.
    row("id 1e2", R"({"id":1e2,"presence":{"channel":"a"}})", true, "bad-type", "close 3501");
    row("id 5.0", R"({"id":5.0,"presence":{"channel":"a"}})", true, "bad-type", "close 3501");
    row("id too big", R"({"id":4294967296,"presence":{"channel":"a"}})", true, "bad-type", "close 3501");
    row("id max", R"({"id":4294967295,"presence":{"channel":"a"}})", true, "", "accepted");
    row("id string", R"({"id":"3","presence":{"channel":"a"}})", true, "bad-type", "close 3501");
    row("id negative", R"({"id":-1,"presence":{"channel":"a"}})", true, "bad-type", "close 3501");
    row("id null", R"({"id":null,"presence":{"channel":"a"}})", true, "zero-id", "close 3501");
    row("limit over int32", R"({"id":2,"history":{"channel":"a","limit":2147483648}})", true, "bad-type", "close 3501");
    row("limit -1", R"({"id":2,"history":{"channel":"a","limit":-1}})", true, "", "accepted");
    row("offset negative", R"({"id":2,"subscribe":{"channel":"a","offset":-1}})", true, "bad-type", "close 3501");
    row("channel not string", R"({"id":2,"presence":{"channel":5}})", true, "bad-type", "close 3501");
    row("recover string", R"({"id":2,"subscribe":{"channel":"a","recover":"yes"}})", true, "bad-type", "close 3501");
    row("body not object", R"({"id":2,"presence":"x"})", true, "bad-type", "close 3501");
    row("send body not object", R"({"send":5})", true, "bad-type", "close 3501");
    row("null after set", R"({"id":2,"presence":{"channel":"a"},"presence":null})", true, "bad-type", "close 3501");
    row("duplicate keys merge", R"({"id":2,"presence":{"channel":"a"},"presence":{"channel":"nope:x"}})", true,
        "depends-on-server", "error 102");
    // Field names.
    row("case folded", R"({"ID":2,"Publish":{"Channel":"a","Data":1}})", true, "case-folded", "accepted");
    row("unknown field", R"({"id":2,"presence":{"channel":"a","extra":1},"other":true})", true, "unknown-field",
        "accepted");
    // The session and the handlers.
    row("before connect", R"({"id":2,"presence":{"channel":"a"}})", false, "before-connect", "close 3501");
    row("connect", R"({"id":1,"connect":{}})", false, "", "accepted");
    row("second connect", R"({"id":2,"connect":{}})", true, "second-connect", "close 3501");
    row("no method", R"({"id":2})", true, "no-method", "close 3501");
    row("missing id", R"({"presence":{"channel":"a"}})", true, "missing-id", "close 3501");
    row("zero id", R"({"id":0,"presence":{"channel":"a"}})", true, "zero-id", "close 3501");
    row("ping alone", R"({"id":2,"ping":{}})", true, "ping-command", "close 3501");
    row("ping with publish", R"({"id":2,"ping":{},"publish":{"channel":"a","data":1}})", true, "ping-with-method",
        "error 108");
    row("empty channel", R"({"id":2,"history":{"channel":""}})", true, "missing-channel", "close 3501");
    row("unsubscribe no channel", R"({"id":2,"unsubscribe":{}})", true, "missing-channel", "close 3501");
    row("publish no data", R"({"id":2,"publish":{"channel":"a"}})", true, "publish-no-data", "error 107");
    row("publish null data", R"({"id":2,"publish":{"channel":"a","data":null}})", true, "", "accepted");
    row("delta empty", R"({"id":2,"subscribe":{"channel":"a","delta":""}})", true, "", "accepted");
    row("delta null", R"({"id":2,"subscribe":{"channel":"a","delta":null}})", true, "", "accepted");
    row("delta bogus", R"({"id":2,"subscribe":{"channel":"a","delta":"Fossil"}})", true, "bad-delta", "close 3501");
    row("long channel subscribe", "{\"id\":2,\"subscribe\":{\"channel\":\"" + QByteArray(256, 'x') + "\"}}", true,
        "long-channel", "error 107");
    row("long channel publish", "{\"id\":2,\"publish\":{\"channel\":\"" + QByteArray(300, 'x') + "\",\"data\":1}}",
        true, "", "accepted");
    row("non ascii channel", R"({"id":2,"presence":{"channel":"频道"}})", true, "non-ascii-channel", "error 107");
    row("private without token", R"({"id":2,"subscribe":{"channel":"$secret"}})", true, "private-no-token",
        "error 103");
    row("send", R"({"send":{"data":{}}})", true, "send-unavailable", "close 3508");
    row("rpc", R"({"id":2,"rpc":{"method":"x"}})", true, "depends-on-server", "error 108");
    row("refresh without token", R"({"id":2,"refresh":{}})", true, "refresh-no-token", "close 3501");
    row("refresh bad token", R"({"id":2,"refresh":{"token":"abc"}})", true, "bad-token", "close 3500");
    row("sub_refresh not subscribed", R"({"id":2,"sub_refresh":{"channel":"a","token":"x"}})", true,
        "sub-refresh-not-subscribed", "error 103");
    row("history reverse zero", R"({"id":2,"history":{"channel":"a","limit":5,"reverse":true,"since":{"offset":0}}})",
        true, "history-reverse-zero", "error 107");
    row("history epoch", R"({"id":2,"history":{"channel":"a","since":{"offset":3,"epoch":"e"}}})", true,
        "depends-on-server", "error 112");
    row("unknown namespace", R"({"id":2,"publish":{"channel":"nope:a","data":1}})", true, "depends-on-server",
        "error 102");
    row("too big by white space", "{\"id\":2," + QByteArray(70000, ' ') + "\"presence\":{\"channel\":\"a\"}}", true,
        "too-big", "close 1009");
    row("too big invalid", "{\"id\":2,\"publish\":{\"channel\":\"a\",\"data\":\"" + QByteArray(70000, 'x'), true,
        "too-big", "close 1009");
    row("just under the limit",
        "{\"id\":2,\"publish\":{\"channel\":\"a\",\"data\":\"" + QByteArray(65536 - 44, 'x') + "\"}}", true, "",
        "accepted");
}

void TestLinter::outcomes()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, connected);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    LintContext c = permissiveContext();
    if (!connected) {
        c.connectSent = false;
        c.connected = false;
    }
    const LintReport report = Linter::lintFrame(frame, c);
    if (!code.isEmpty())
        QVERIFY2(find(report.findings, code),
                 qPrintable(QStringLiteral("expected %1, got [%2]").arg(code, codes(report.findings))));
    // Conditions this context does not grant are resolved as the test server of the differential test would.
    const LintOutcome o = report.outcome.resolved(c.grantedSettings);
    const QString got = o.kind == Kind::Accepted
                            ? QStringLiteral("accepted")
                            : QString(LintOutcome::kindName(o.kind)) + QLatin1Char(' ') + QString::number(o.code);
    QVERIFY2(got == expected,
             qPrintable(QStringLiteral("%1: %2 [%3]").arg(got, describe(report.outcome), codes(report.findings))));
    for (const LintFinding &f : report.findings)
        QVERIFY2(!f.message.isEmpty(), qPrintable(f.code));
}

void TestLinter::invalidJsonHasLineAndColumn()
{
    const QList<LintFinding> fs = Linter::lint(
        QStringLiteral("{\"id\":1,\"presence\":{\"channel\":\"a\"}}\n{\"id\":2, \"presence\":{]}"), connectedContext());
    const LintFinding *f = find(fs, QStringLiteral("invalid-json"));
    QVERIFY2(f, qPrintable(codes(fs)));
    QCOMPARE(f->line, 2);
    QCOMPARE(f->column, 22); // the "]"
}

void TestLinter::findingsOfACommandShareItsOutcome()
{
    // An ignored field, a folded name and the decisive error: one command, one outcome on every finding.
    const LintReport r = Linter::lintFrame(R"({"id":2,"Publish":{"channel":"a","extra":1}})", permissiveContext());
    QVERIFY(r.findings.size() >= 3);
    for (const LintFinding &f : r.findings)
        QVERIFY2(f.outcome == r.outcome, qPrintable(f.code + QLatin1Char(' ') + describe(f.outcome)));
    QCOMPARE(describe(r.outcome), QStringLiteral(R"({"code":107,"outcome":"error"})"));
    const LintFinding *decisive = find(r.findings, QStringLiteral("publish-no-data"));
    QVERIFY(decisive->message.contains(QStringLiteral("107")));
}

void TestLinter::pongDependsOnPing()
{
    LintContext c = connectedContext();
    QCOMPARE(Linter::lintFrame("{}", c).outcome, LintOutcome::close(3501));
    c.pingOutstanding = true;
    const LintReport r = Linter::lintFrame("{}", c);
    QVERIFY(find(r.findings, QStringLiteral("pong")));
    QVERIFY(r.outcome.isAccepted());
    // With a ping outstanding, a command without id is taken as the pong and does nothing else.
    QVERIFY(Linter::lintFrame(R"({"publish":{"channel":"a","data":1}})", c).outcome.isAccepted());
    // Only the first pong answers the ping.
    QCOMPARE(Linter::lintFrame("{}\n{}", c).outcome, LintOutcome::close(3501));
}

void TestLinter::duplicateIdInFlight()
{
    LintContext c = permissiveContext();
    const QByteArray frame = R"({"id":7,"presence":{"channel":"a"}})";
    QVERIFY(!find(Linter::lintFrame(frame, c).findings, QStringLiteral("duplicate-id")));
    c.inFlightIds.insert(7);
    const LintReport r = Linter::lintFrame(frame, c);
    QVERIFY(find(r.findings, QStringLiteral("duplicate-id")));
    QVERIFY(r.outcome.isAccepted()); // the server does not track ids
}

void TestLinter::afterFailedConnect()
{
    LintContext c = connectedContext();
    c.connected = false;
    c.connectFailed = true;
    for (const QByteArray &frame : {QByteArray(R"({"id":3,"connect":{}})"), QByteArray("not json")}) {
        const LintReport r = Linter::lintFrame(frame, c);
        QCOMPARE(codes(r.findings), QStringLiteral("after-failed-connect"));
        QCOMPARE(r.outcome, LintOutcome::close(1006));
    }
}

void TestLinter::expiredConnectStopsTheFrame()
{
    LintContext c = openContext();
    const QByteArray token = jwt(R"({"sub":"u","exp":1700000000})");
    const LintReport r = Linter::lintFrame(
        "{\"id\":1,\"connect\":{\"token\":\"" + token + "\"}}\n{\"id\":2,\"presence\":{\"channel\":\"a\"}}", c);
    QCOMPARE(r.outcome, LintOutcome::error(109));
    QVERIFY(find(r.findings, QStringLiteral("token-expired")));
    QVERIFY(find(r.findings, QStringLiteral("not-run")));
}

void TestLinter::tokens()
{
    LintContext c = connectedContext();
    c.hmacSecret = "secret";
    c.token = QString::fromUtf8(jwt(R"({"sub":"alice","exp":1900000000})"));
    auto refresh = [&c](const QByteArray &token) {
        return Linter::lintFrame("{\"id\":2,\"refresh\":{\"token\":\"" + token + "\"}}", c).outcome;
    };
    QVERIFY(refresh(jwt(R"({"sub":"alice","exp":1900000000})")).isAccepted());
    QCOMPARE(refresh(jwt(R"({"sub":"alice","exp":1700000000})")), LintOutcome::close(3005));
    QCOMPARE(refresh(jwt(R"({"sub":"alice","exp":1900000000})", "other")), LintOutcome::close(3500));
    QCOMPARE(refresh(jwt(R"({"sub":"bob","exp":1900000000})")), LintOutcome::close(3500));
    QCOMPARE(refresh("not-a-jwt"), LintOutcome::close(3500));
    // Without the secret the signature is a condition.
    c.hmacSecret.clear();
    const LintOutcome o = refresh(jwt(R"({"sub":"alice","exp":1900000000})", "other"));
    QCOMPARE(o.kind, Kind::Conditional);
    QCOMPARE(o.cases.first().unless, QStringLiteral("token-signature"));
    QCOMPARE(o.cases.first().code, 3500);
    // sub_refresh needs a token for this channel.
    c.subscriptions.insert(QStringLiteral("news"));
    c.hmacSecret = "secret";
    c.token.clear();
    auto subRefresh = [&c](const QByteArray &token) {
        return Linter::lintFrame("{\"id\":2,\"sub_refresh\":{\"channel\":\"news\",\"token\":\"" + token + "\"}}", c)
            .outcome;
    };
    QVERIFY(subRefresh(jwt(R"({"sub":"","channel":"news","exp":1900000000})")).isAccepted());
    QCOMPARE(subRefresh(jwt(R"({"sub":"","exp":1900000000})")), LintOutcome::close(3500));
    QCOMPARE(Linter::lintFrame(R"({"id":2,"sub_refresh":{"channel":"news"}})", c).outcome, LintOutcome::error(107));
}

void TestLinter::conditionsFollowKnownSettings()
{
    LintContext c = connectedContext();
    const QByteArray frame = R"({"id":2,"history":{"channel":"chat:a","limit":5}})";
    LintOutcome o = Linter::lintFrame(frame, c).outcome;
    QCOMPARE(o.kind, Kind::Conditional);
    QCOMPARE(o.cases.size(), 3);
    QCOMPARE(o.cases.at(0).unless, QStringLiteral("namespace:chat"));
    QCOMPARE(o.cases.at(0).code, 102);
    QVERIFY(o.sentence().contains(QStringLiteral("102")));
    // A namespace that answered 102 earlier stays unknown: the prediction becomes definite.
    c.missingSettings = {QStringLiteral("namespace:chat")};
    const LintReport r = Linter::lintFrame(frame, c);
    QCOMPARE(r.outcome, LintOutcome::error(102));
    QCOMPARE(find(r.findings, QStringLiteral("missing-setting"))->severity, Severity::Error);
    // Granted settings drop their conditions.
    c.missingSettings.clear();
    c.grantedSettings = {QStringLiteral("namespace:chat"), QStringLiteral("history-enabled:chat"),
                         QStringLiteral("history:chat")};
    QVERIFY(Linter::lintFrame(frame, c).outcome.isAccepted());
}

void TestLinter::subscriptionsAreTracked()
{
    LintContext c = permissiveContext();
    QVERIFY(Linter::lintFrame(R"({"id":2,"subscribe":{"channel":"a"}})", c).outcome.isAccepted());
    // The second subscribe in the same frame is answered 105, as one to a channel already subscribed.
    QCOMPARE(Linter::lintFrame("{\"id\":2,\"subscribe\":{\"channel\":\"a\"}}\n{\"id\":3,\"subscribe\":{\"channel\":"
                               "\"a\"}}",
                               c)
                 .outcome,
             LintOutcome::error(105));
    c.subscriptions.insert(QStringLiteral("a"));
    QCOMPARE(Linter::lintFrame(R"({"id":2,"subscribe":{"channel":"a"}})", c).outcome, LintOutcome::error(105));
    QVERIFY(Linter::lintFrame("{\"id\":2,\"unsubscribe\":{\"channel\":\"a\"}}\n{\"id\":3,\"subscribe\":{\"channel\":"
                              "\"a\"}}",
                              c)
                .outcome.isAccepted());
}

void TestLinter::unknownFieldIsAnErrorInProtobuf()
{
    LintContext c = permissiveContext();
    const QByteArray frame = R"({"id":2,"subscribe":{"channel":"x","bogus":1}})";
    QCOMPARE(find(Linter::lintFrame(frame, c).findings, QStringLiteral("unknown-field"))->severity, Severity::Warning);
    c.format = Protocol::Format::Protobuf;
    QCOMPARE(find(Linter::lintFrame(frame, c).findings, QStringLiteral("unknown-field"))->severity, Severity::Error);
}

void TestLinter::readerFollowsTheServer_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("object") << QByteArray(R"( {"a":[1,-0,2.5e-3,true,false,null,"x"]} )") << true;
    QTest::newRow("rest ignored") << QByteArray(R"({"a":1} {"b":)") << true;
    QTest::newRow("huge number") << QByteArray("[1e400, -123456789012345678901234567890]") << true;
    QTest::newRow("lone surrogate") << QByteArray(R"(["\ud800"])") << true;
    QTest::newRow("surrogate pair") << QByteArray(R"(["\ud83d\ude00"])") << true;
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{}") << false;
    QTest::newRow("tab in string") << QByteArray("[\"a\tb\"]") << false;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << false;
    QTest::newRow("short unicode") << QByteArray(R"(["\u12"])") << false;
    QTest::newRow("leading zero") << QByteArray("[007]") << false;
    QTest::newRow("bare fraction") << QByteArray("[.5]") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << false;
    QTest::newRow("form feed is no space") << QByteArray("\f{}") << false;
    QTest::newRow("unterminated") << QByteArray(R"({"a":"b)") << false;
}

void TestLinter::readerFollowsTheServer()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    const ServerJsonReader::Result r = ServerJsonReader::read(text);
    QVERIFY2(r.ok == ok, qPrintable(r.error));
    if (!ok)
        QVERIFY(!r.error.isEmpty());
}

void TestLinter::deepNestingDoesNotOverflow()
{
    const int depth = 60000;
    const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
    QVERIFY(ServerJsonReader::read(deep).ok);
    QVERIFY(!ServerJsonReader::read(QByteArray(depth, '[') + QByteArray(depth - 1, ']')).ok);
    const LintReport r = Linter::lintFrame(
        "{\"id\":2,\"publish\":{\"channel\":\"a\",\"data\":" + QByteArray(3000, '[') + QByteArray(3000, ']') + "}}",
        permissiveContext());
    QVERIFY2(r.outcome.isAccepted(), qPrintable(codes(r.findings)));
}

void TestLinter::keyFolding()
{
    QVERIFY(ServerJsonReader::keyMatches("id", "id"));
    QVERIFY(ServerJsonReader::keyMatches("ID", "id"));
    QVERIFY(ServerJsonReader::keyMatches("Presence_Stats", "presence_stats"));
    QVERIFY(ServerJsonReader::keyMatches("\xc5\xbf"
                                         "end",
                                         "send")); // U+017F long s
    QVERIFY(ServerJsonReader::keyMatches("pre\xc5\xbf"
                                         "ence",
                                         "presence"));
    // In a non-ASCII key a plain 's' folds to U+017F: checked against the server ("ſubscribe" closes with 3501).
    QVERIFY(!ServerJsonReader::keyMatches("\xc5\xbf"
                                          "ubscribe",
                                          "subscribe"));
    QVERIFY(!ServerJsonReader::keyMatches("presenceStats", "presence_stats"));
    QVERIFY(!ServerJsonReader::keyMatches("i d", "id"));
}

void TestLinter::outcomeJsonAndChain()
{
    QCOMPARE(describe(LintOutcome::accepted()), QStringLiteral(R"({"outcome":"accepted"})"));
    QCOMPARE(describe(LintOutcome::close(3501)), QStringLiteral(R"({"code":3501,"outcome":"close"})"));
    LintOutcome o = LintOutcome::unless(QStringLiteral("rpc-proxy"), Kind::Error, 108);
    o.chain(LintOutcome::close(3501));
    QCOMPARE(describe(o), QStringLiteral(R"({"cases":[{"code":108,"outcome":"error","unless":"rpc-proxy"}],)"
                                         R"("otherwise":{"code":3501,"outcome":"close"},"outcome":"conditional"})"));
    QCOMPARE(o.resolved({}), LintOutcome::error(108));
    QCOMPARE(o.resolved({QStringLiteral("rpc-proxy")}), LintOutcome::close(3501));
    // Once a frame fails for sure, later commands change nothing.
    LintOutcome failed = LintOutcome::error(107);
    failed.chain(LintOutcome::close(3501));
    QCOMPARE(failed, LintOutcome::error(107));
    QVERIFY(o.sentence().startsWith(QStringLiteral("Unless the server has an RPC proxy")));
}

void TestLinter::validCommandsAreClean_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("connected");
    QTest::newRow("connect") << QByteArray(R"({"id":1,"connect":{"name":"x"}})") << false;
    QTest::newRow("subscribe") << QByteArray(R"({"id":2,"subscribe":{"channel":"chat:a","recoverable":true}})") << true;
    QTest::newRow("publish") << QByteArray(R"({"id":3,"publish":{"channel":"chat:a","data":{"t":1}}})") << true;
    QTest::newRow("history") << QByteArray(R"({"id":4,"history":{"channel":"chat:a","limit":10}})") << true;
    QTest::newRow("two lines") << QByteArray("{\"id\":5,\"presence\":{\"channel\":\"a\"}}\n"
                                             "{\"id\":6,\"presence_stats\":{\"channel\":\"a\"}}\n")
                               << true;
}

void TestLinter::validCommandsAreClean()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, connected);
    LintContext c = permissiveContext();
    c.connectSent = connected;
    c.connected = connected;
    const LintReport r = Linter::lintFrame(frame, c);
    QVERIFY(r.outcome.isAccepted());
    for (const LintFinding &f : r.findings)
        QVERIFY2(f.severity == Severity::Info, qPrintable(codes(r.findings)));
}

void TestLinter::nestedPlaceholderIsFoundOnItsValue()
{
    // The publish template's placeholder sits in data.text: the finding names its path and points at the value.
    const QByteArray wire = R"({"id":4,"publish":{"channel":"chat","data":{"text":"<message>"}}})";
    const LintReport r = Linter::lintFrame(wire, connectedContext());
    const auto it = std::find_if(r.findings.cbegin(), r.findings.cend(),
                                 [](const LintFinding &f) { return f.code == QLatin1String("placeholder"); });
    QVERIFY2(it != r.findings.cend(), qPrintable(codes(r.findings)));
    QVERIFY2(it->message.contains(QLatin1String("publish.data.text")), qPrintable(it->message));
    QCOMPARE(it->line, 1);
    QCOMPARE(it->column, wire.indexOf("\"<message>") + 1);
}

void TestLinter::templatesHaveOnlyPlaceholderFindings()
{
    // Every template is valid protocol once its placeholders are filled; ping and send carry their server notes.
    for (Protocol::Method m : Protocol::allMethods()) {
        const QString text = CommandTemplates::text(m, 42);
        LintContext c = permissiveContext();
        if (m == Protocol::Method::Connect) {
            c.connectSent = false;
            c.connected = false;
        }
        // The composer sends the compact form, one line.
        const QByteArray wire = QJsonDocument::fromJson(text.toUtf8()).toJson(QJsonDocument::Compact);
        for (const LintFinding &f : Linter::lintFrame(wire, c).findings) {
            const bool expected =
                f.severity == Severity::Info || f.code == QLatin1String("placeholder") ||
                f.outcome.kind == Kind::Conditional ||
                (m == Protocol::Method::Ping && f.code == QLatin1String("ping-command")) ||
                (m == Protocol::Method::Send && f.code == QLatin1String("send-unavailable")) ||
                (m == Protocol::Method::SubRefresh && f.code == QLatin1String("sub-refresh-not-subscribed")) ||
                (m == Protocol::Method::Refresh && f.code == QLatin1String("bad-token"));
            QVERIFY2(expected, qPrintable(QString(Protocol::methodName(m)) + QLatin1String(": ") + f.code));
        }
    }
}

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
