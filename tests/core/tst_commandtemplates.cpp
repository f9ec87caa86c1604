#include "commandbuilder.h"
#include "commandtemplates.h"
#include "jsoncodec.h"
#include "linter.h"

#include <QJsonDocument>
#include <QTest>

using Protocol::Method;

class TestCommandTemplates : public QObject
{
    Q_OBJECT

private slots:
    void everyMethodHasATemplate();
    void sendHasNoId();
    void subscribeVariantsLintClean();
    void connectWithHeadersAndFlagLintsClean();
    void builderMakesValidCommands();
    void jsonValueKeepsEverything_data();
    void jsonValueKeepsEverything();
};

void TestCommandTemplates::everyMethodHasATemplate()
{
    QCOMPARE(Protocol::allMethods().size(), 12);
    for (Method m : Protocol::allMethods()) {
        const QString text = CommandTemplates::text(m, 9);
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(text));
        const ProtocolMessage msg = JsonCodec::classifyClientObject(doc.object(), {});
        QCOMPARE(msg.method, m);
        QVERIFY(!CommandTemplates::description(m).isEmpty());
        if (Protocol::expectsReply(m))
            QCOMPARE(msg.id, 9u);
    }
    QVERIFY(!CommandTemplates::serverNote(Method::Ping).isEmpty());
    QVERIFY(!CommandTemplates::serverNote(Method::Send).isEmpty());
    QVERIFY(CommandTemplates::serverNote(Method::Subscribe).isEmpty());
}

void TestCommandTemplates::sendHasNoId()
{
    const QJsonObject o = QJsonDocument::fromJson(CommandTemplates::text(Method::Send, 3).toUtf8()).object();
    QVERIFY(!o.contains(QStringLiteral("id")));
}

void TestCommandTemplates::builderMakesValidCommands()
{
    SubscribeOptions s;
    s.channel = QStringLiteral("chat:a");
    s.recover = true;
    s.epoch = QStringLiteral("ep");
    s.offset = 12;
    s.joinLeave = true;
    s.data = R"({"k":1})";
    const QJsonObject sub = CommandBuilder::command(5, Method::Subscribe, CommandBuilder::subscribe(s));
    const QByteArray line = QJsonDocument(sub).toJson(QJsonDocument::Compact);
    QCOMPARE(
        line,
        QByteArray(
            R"({"id":5,"subscribe":{"channel":"chat:a","data":{"k":1},"epoch":"ep","join_leave":true,"offset":12,"recover":true}})"));

    CommandBuilder::ConnectParams p;
    p.name = QStringLiteral("n");
    QCOMPARE(QJsonDocument(CommandBuilder::command(1, Method::Connect, CommandBuilder::connect(p)))
                 .toJson(QJsonDocument::Compact),
             QByteArray(R"({"connect":{"name":"n"},"id":1})"));
    const QJsonObject h = CommandBuilder::history(QStringLiteral("a"), -1, false, 10, QStringLiteral("e"));
    QCOMPARE(h.value(QStringLiteral("since")).toObject().value(QStringLiteral("offset")).toInt(), 10);
    QCOMPARE(h.value(QStringLiteral("limit")).toInt(), -1);
}

void TestCommandTemplates::jsonValueKeepsEverything_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("object") << QByteArray(R"({"a":1})") << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}});
    QTest::newRow("number") << QByteArray("5") << QJsonValue(5);
    QTest::newRow("string") << QByteArray(R"("x")") << QJsonValue(QStringLiteral("x"));
    QTest::newRow("not json") << QByteArray("hello") << QJsonValue(QStringLiteral("hello"));
}

void TestCommandTemplates::jsonValueKeepsEverything()
{
    QFETCH(QByteArray, raw);
    QFETCH(QJsonValue, value);
    QCOMPARE(CommandBuilder::jsonValue(raw), value);
}

void TestCommandTemplates::subscribeVariantsLintClean()
{
    LintContext connected;
    connected.socketOpen = true;
    connected.connectSent = true;
    connected.connected = true;
    for (const QString &variant :
         {CommandTemplates::subscribeWithTagsFilter(), CommandTemplates::subscribeWithDelta()}) {
        QJsonObject command = QJsonDocument::fromJson(variant.toUtf8()).object();
        QVERIFY2(command.contains(QStringLiteral("subscribe")), qPrintable(variant));
        command.insert(QStringLiteral("id"), 5);
        QString text = QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact));
        text.replace(QStringLiteral("<channel>"), QStringLiteral("chat:x"))
            .replace(QStringLiteral("<tag>"), QStringLiteral("kind"))
            .replace(QStringLiteral("<value>"), QStringLiteral("news"));
        const QList<LintFinding> findings = Linter::lint(text, connected);
        QStringList words;
        for (const LintFinding &f : findings)
            words << f.code + QLatin1String(": ") + f.message;
        QVERIFY2(!Linter::hasErrors(findings), qPrintable(words.join(QLatin1Char('\n'))));
    }
    // The linter knows the filter tree: a field it does not have is named.
    const QList<LintFinding> bad = Linter::lint(
        QStringLiteral(R"({"id":5,"subscribe":{"channel":"chat:x","tf":{"key":"k","cmp":"eq","value":"v"}}})"),
        connected);
    bool named = false;
    for (const LintFinding &f : bad)
        named = named || f.message.contains(QLatin1String("value"));
    QVERIFY(named);
}

void TestCommandTemplates::connectWithHeadersAndFlagLintsClean()
{
    const QString variant = CommandTemplates::connectWithHeadersAndFlag();
    QJsonObject command = QJsonDocument::fromJson(variant.toUtf8()).object();
    const QJsonObject connect = command.value(QStringLiteral("connect")).toObject();
    QVERIFY2(connect.value(QStringLiteral("headers")).isObject(), qPrintable(variant));
    QVERIFY2(connect.value(QStringLiteral("flag")).isDouble(), qPrintable(variant));
    command.insert(QStringLiteral("id"), 1);
    LintContext fresh; // connect is the first command on an open socket
    fresh.socketOpen = true;
    const auto lint = [&fresh](const QString &text) {
        const QList<LintFinding> findings = Linter::lint(text, fresh);
        QStringList words;
        for (const LintFinding &f : findings)
            words << f.code + QLatin1String(": ") + f.message;
        return std::make_pair(Linter::hasErrors(findings), words.join(QLatin1Char('\n')));
    };
    QString text = QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact));
    text.replace(QStringLiteral("<header name>"), QStringLiteral("X-Tenant"))
        .replace(QStringLiteral("<value>"), QStringLiteral("acme"));
    const auto clean = lint(text);
    QVERIFY2(!clean.first, qPrintable(clean.second));
    // The linter knows both fields' types: a header value that is no string, a flag that is no integer.
    const auto badHeader = lint(QString(text).replace(QStringLiteral("\"acme\""), QStringLiteral("1")));
    QVERIFY2(badHeader.first && badHeader.second.contains(QLatin1String("headers")), qPrintable(badHeader.second));
    const auto badFlag = lint(QString(text).replace(QStringLiteral("\"flag\":0"), QStringLiteral("\"flag\":\"x\"")));
    QVERIFY2(badFlag.first && badFlag.second.contains(QLatin1String("flag")), qPrintable(badFlag.second));
}

QTEST_GUILESS_MAIN(TestCommandTemplates)
#include "tst_commandtemplates.moc"
