// The server API panel against a real Centrifugo: the form, the reply in words, the chaos controls on a connected
// session, and the log entries marked as server calls.
#include "centrifugoserver.h"
#include "serverapiclient.h"
#include "serverapitemplates.h"
#include "serverpanel.h"
#include "session.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerApiPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void apiUrlFromTheWebSocketUrl();
    void everyMethodHasItsTemplate();
    void channelFromTheSelectedSubscription();
    void callShowsReplyInWordsAndLogsIt();
    void failuresInWords();
    void chaosDisconnectsThisClient();

private:
    ServerApiReply waitForReply(ServerPanel *panel, const std::function<void()> &action);

    CentrifugoServer m_server;
};

void TestServerApiPanel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

ServerApiReply TestServerApiPanel::waitForReply(ServerPanel *panel, const std::function<void()> &action)
{
    QSignalSpy spy(panel, &ServerPanel::replyShown);
    action();
    if (!spy.wait(15000))
        return ServerApiReply::timedOut(u"none"_s, 15000);
    return spy.first().at(0).value<ServerApiReply>();
}

void TestServerApiPanel::apiUrlFromTheWebSocketUrl()
{
    QCOMPARE(ServerPanel::apiUrlForWebSocket(QUrl(u"ws://127.0.0.1:8000/connection/websocket"_s)),
             u"http://127.0.0.1:8000"_s);
    QCOMPARE(ServerPanel::apiUrlForWebSocket(QUrl(u"wss://example.com/connection/websocket"_s)),
             u"https://example.com"_s);
    QCOMPARE(ServerPanel::apiUrlForWebSocket(QUrl(u"http://x"_s)), QString());
}

void TestServerApiPanel::everyMethodHasItsTemplate()
{
    Session session;
    ServerPanel panel(&session);
    auto *methods = panel.findChild<QComboBox *>(u"apiMethod"_s);
    QVERIFY(methods);
    QCOMPARE(methods->count(), 13);
    for (int i = 0; i < methods->count(); ++i) {
        methods->setCurrentIndex(i);
        QCOMPARE(panel.body(), ServerApiTemplates::text(methods->itemText(i)));
    }
}

void TestServerApiPanel::channelFromTheSelectedSubscription()
{
    Session session;
    ServerPanel panel(&session);
    QString selected = u"chat:selected"_s;
    panel.setChannelProvider([&]() { return selected; });
    QCOMPARE(panel.channel(), u"chat:selected"_s);
    panel.setChannel(u"typed"_s);
    QCOMPARE(panel.channel(), u"typed"_s); // what the user typed wins
    panel.setChannel(QString());
    selected.clear();
    QCOMPARE(panel.channel(), QString());
}

void TestServerApiPanel::callShowsReplyInWordsAndLogsIt()
{
    Session session;
    ServerPanel panel(&session);
    QSignalSpy logged(&panel, &ServerPanel::logged);
    panel.setApiUrl(m_server.httpUrl().toString() + u"/api"_s);
    panel.setApiKey(m_server.apiKey());
    panel.setMethod(u"publish"_s);
    panel.setBody(u"{\"channel\": \"panel\", \"data\": {\"key\": \"%1\"}}"_s.arg(m_server.apiKey()));
    const ServerApiReply r = waitForReply(&panel, [&]() { QVERIFY(panel.send()); });
    QVERIFY2(r.isOk(), qPrintable(r.sentence()));
    QVERIFY2(panel.replySentence().contains(u"offset 1"_s), qPrintable(panel.replySentence()));
    QVERIFY(panel.replyText().contains(u"\"offset\": 1"_s));
    // The call and the reply, marked as server calls, with the key masked.
    QCOMPARE(logged.count(), 2);
    for (const QList<QVariant> &args : std::as_const(logged)) {
        const LogEntry e = args.at(0).value<LogEntry>();
        QCOMPARE(e.category, u"inspector.api"_s);
        QVERIFY2(e.message.startsWith(u"server "_s), qPrintable(e.message));
        QVERIFY2(!e.message.contains(m_server.apiKey()), qPrintable(e.message));
    }
}

void TestServerApiPanel::failuresInWords()
{
    Session session;
    ServerPanel panel(&session);
    panel.setApiUrl(m_server.httpUrl().toString());
    panel.setApiKey(u"wrong-key"_s);
    panel.setMethod(u"info"_s);
    ServerApiReply r = waitForReply(&panel, [&]() { QVERIFY(panel.send()); });
    QCOMPARE(r.outcome, ServerApiReply::Outcome::WrongKey);
    QVERIFY2(panel.replySentence().contains(u"API key"_s), qPrintable(panel.replySentence()));

    panel.setBody(u"[1, 2]"_s);
    QVERIFY(!panel.send());
    QVERIFY2(panel.replySentence().contains(u"JSON object"_s), qPrintable(panel.replySentence()));
    panel.setBody(u"{}"_s);
    panel.setApiUrl(u"ws://127.0.0.1:1"_s);
    QVERIFY(!panel.send());
    QVERIFY2(panel.replySentence().contains(u"http://"_s), qPrintable(panel.replySentence()));
}

void TestServerApiPanel::chaosDisconnectsThisClient()
{
    Session session;
    ServerPanel panel(&session);
    panel.setApiKey(m_server.apiKey());
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    QSignalSpy connected(&session, &Session::connected);
    session.open(o);
    QVERIFY(connected.wait(10000));
    // The API URL comes from the session's URL.
    QCOMPARE(panel.apiUrl(), m_server.httpUrl().toString());

    const QString channel = u"chat:panel-chaos"_s;
    session.sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, channel}}}});
    panel.setChannel(channel);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&]() {
            const ServerApiReply r = waitForReply(&panel, [&]() { panel.presence(); });
            return r.result.value(QLatin1String("presence")).toObject().contains(session.clientId());
        }(),
        10000);

    QSignalSpy closed(&session, &Session::closed);
    auto *code = panel.findChild<QSpinBox *>();
    QVERIFY(code);
    code->setValue(4503);
    const ServerApiReply r = waitForReply(&panel, [&]() { panel.disconnectThisClient(); });
    QVERIFY2(r.isOk(), qPrintable(r.sentence()));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
    QCOMPARE(closed.first().at(0).toInt(), 4503);
    QCOMPARE(closed.first().at(1).toString(), u"disconnected by the inspector"_s);
}

QTEST_MAIN(TestServerApiPanel)
#include "tst_serverapi_panel.moc"
