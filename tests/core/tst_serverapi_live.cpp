// ServerApiClient against a real Centrifugo started by the test: every method of the server API with a real client
// connected, and every failure (wrong key, unknown method, API error, malformed body, unreachable, timeout) in
// words.
#include "centrifugoserver.h"
#include "logging.h"
#include "serverapiclient.h"
#include "serverapitemplates.h"
#include "session.h"
#include "sessionrecorder.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = ServerApiReply::Outcome;
using Protocol::MessageKind;
using Protocol::PushType;

namespace {

QStringList g_apiLog;

void captureApiLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category) == "inspector.api")
        g_apiLog << message;
}

} // namespace

class TestServerApiLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMethodAgainstTheServer();
    void baseUrlOrApiPrefix();
    void wrongKey();
    void unknownMethod();
    void apiErrorInWords();
    void malformedBody();
    void unreachable();
    void timeout();
    void apiKeyMaskedInLogs();

private:
    ServerApiReply callApi(ServerApiClient *client, const QString &method, const QJsonObject &body);
    void configure(ServerApiClient *client, const QString &url = QString());

    CentrifugoServer m_server;
};

void TestServerApiLive::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(!m_server.apiKey().isEmpty());
}

void TestServerApiLive::configure(ServerApiClient *client, const QString &url)
{
    QVERIFY(client->setBaseUrl(url.isEmpty() ? m_server.httpUrl().toString() : url));
    client->setApiKey(m_server.apiKey());
}

ServerApiReply TestServerApiLive::callApi(ServerApiClient *client, const QString &method, const QJsonObject &body)
{
    QSignalSpy spy(client, &ServerApiClient::finished);
    const quint64 id = client->call(method, body);
    if (!spy.wait(15000)) {
        ServerApiReply none;
        none.errorMessage = QStringLiteral("no finished() within 15 s");
        return none;
    }
    [&]() { QCOMPARE(spy.first().at(0).toULongLong(), id); }();
    return spy.first().at(1).value<ServerApiReply>();
}

void TestServerApiLive::everyMethodAgainstTheServer()
{
    Session session;
    SessionRecorder rec(&session);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    session.open(o);
    QVERIFY2(rec.waitForState(Session::State::Connected), qPrintable(rec.dump()));
    const QString client = session.clientId();
    const QString channel = QStringLiteral("chat:api");
    const quint32 sub = session.sendCommand({{QStringLiteral("subscribe"), QJsonObject{{u"channel"_s, channel}}}});
    QVERIFY2(rec.waitForReply(sub), qPrintable(rec.dump()));

    ServerApiClient api;
    configure(&api);
    QStringList exercised;
    const auto ok = [&](const QString &method, const QJsonObject &body) {
        const ServerApiReply r = callApi(&api, method, body);
        if (r.isOk())
            exercised << method;
        else
            qWarning("%s: %s %s", qPrintable(method), qPrintable(r.sentence()), r.body.constData());
        return r;
    };

    // publish: the subscribed client gets the publication.
    ServerApiReply r =
        ok(QStringLiteral("publish"), {{u"channel"_s, channel}, {u"data"_s, QJsonObject{{u"text"_s, u"one"_s}}}});
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("offset")).toInt(), 1);
    QVERIFY2(r.sentence().contains(QLatin1String("offset 1")), qPrintable(r.sentence()));
    QVERIFY(
        rec.waitForIncoming([&](const ProtocolMessage &m) { return m.push == PushType::Pub && m.channel == channel; }));

    r = ok(QStringLiteral("broadcast"), {{u"channels"_s, QJsonArray{channel, QStringLiteral("chat:other")}},
                                         {u"data"_s, QJsonObject{{u"text"_s, u"two"_s}}}});
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("responses")).toArray().size(), 2);
    QVERIFY2(r.sentence().contains(QLatin1String("2 channel(s)")), qPrintable(r.sentence()));

    r = ok(QStringLiteral("presence"), {{u"channel"_s, channel}});
    QVERIFY(r.isOk());
    QVERIFY2(r.result.value(QLatin1String("presence")).toObject().contains(client), r.body.constData());
    r = ok(QStringLiteral("presence_stats"), {{u"channel"_s, channel}});
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("num_clients")).toInt(), 1);

    r = ok(QStringLiteral("history"), {{u"channel"_s, channel}, {u"limit"_s, 10}});
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("publications")).toArray().size(), 2);
    QCOMPARE(r.result.value(QLatin1String("offset")).toInt(), 2);

    r = ok(QStringLiteral("channels"), {{u"pattern"_s, u"chat:*"_s}});
    QVERIFY(r.isOk());
    QVERIFY2(r.result.value(QLatin1String("channels")).toObject().contains(channel), r.body.constData());

    r = ok(QStringLiteral("info"), {});
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("nodes")).toArray().size(), 1);
    QVERIFY(!r.result.value(QLatin1String("nodes")).toArray().first().toObject().value(u"uid"_s).toString().isEmpty());

    // subscribe / unsubscribe on the server side: the client is told with a push.
    const QString serverSide = QStringLiteral("chat:server-side");
    r = ok(QStringLiteral("subscribe"), {{u"user"_s, QString()}, {u"client"_s, client}, {u"channel"_s, serverSide}});
    QVERIFY(r.isOk());
    QVERIFY2(rec.waitForIncoming(
                 [&](const ProtocolMessage &m) { return m.push == PushType::Subscribe && m.channel == serverSide; }),
             qPrintable(rec.dump()));
    r = ok(QStringLiteral("unsubscribe"), ServerApiTemplates::unsubscribeClient(channel, QString(), client));
    QVERIFY(r.isOk());
    QVERIFY2(rec.waitForIncoming(
                 [&](const ProtocolMessage &m) { return m.push == PushType::Unsubscribe && m.channel == channel; }),
             qPrintable(rec.dump()));

    r = ok(QStringLiteral("refresh"), {{u"user"_s, QString()}, {u"client"_s, client}, {u"expire_at"_s, 4102444800LL}});
    QVERIFY(r.isOk());

    r = ok(QStringLiteral("history_remove"), {{u"channel"_s, channel}});
    QVERIFY(r.isOk());
    r = callApi(&api, QStringLiteral("history"), {{u"channel"_s, channel}, {u"limit"_s, 10}});
    QCOMPARE(r.result.value(QLatin1String("publications")).toArray().size(), 0);
    QCOMPARE(r.result.value(QLatin1String("offset")).toInt(), 2); // the position stays

    const QJsonObject batch{
        {u"commands"_s,
         QJsonArray{
             QJsonObject{{u"publish"_s, QJsonObject{{u"channel"_s, serverSide}, {u"data"_s, QJsonObject{}}}}},
             QJsonObject{{u"presence_stats"_s, QJsonObject{{u"channel"_s, serverSide}}}},
             QJsonObject{{u"publish"_s, QJsonObject{{u"channel"_s, u"nosuchns:x"_s}, {u"data"_s, QJsonObject{}}}}}}}};
    r = ok(QStringLiteral("batch"), batch);
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("replies")).toArray().size(), 3);
    QCOMPARE(r.batchErrors, 1);
    QVERIFY2(r.sentence().contains(QLatin1String("1 of them refused")), qPrintable(r.sentence()));

    // disconnect with a chosen code and reason: the client sees exactly those.
    QSignalSpy closed(&session, &Session::closed);
    r = ok(QStringLiteral("disconnect"),
           ServerApiTemplates::disconnectClient(QString(), client, 4001, QStringLiteral("chaos from the inspector")));
    QVERIFY(r.isOk());
    // The close may arrive before the API reply.
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
    QCOMPARE(closed.first().at(0).toInt(), 4001);
    QCOMPARE(closed.first().at(1).toString(), QStringLiteral("chaos from the inspector"));

    exercised.sort();
    QStringList all = ServerApiTemplates::methods();
    all.sort();
    QCOMPARE(exercised, all);
    qInfo("exercised against Centrifugo %s: %s", qPrintable(m_server.version()), qPrintable(exercised.join(u", "_s)));
}

void TestServerApiLive::baseUrlOrApiPrefix()
{
    for (const QString &suffix :
         {QStringLiteral(""), QStringLiteral("/"), QStringLiteral("/api"), QStringLiteral("/api/")}) {
        ServerApiClient api;
        configure(&api, m_server.httpUrl().toString() + suffix);
        const ServerApiReply r = callApi(&api, QStringLiteral("info"), {});
        QVERIFY2(r.isOk(), qPrintable(suffix + QLatin1String(": ") + r.sentence()));
    }
}

void TestServerApiLive::wrongKey()
{
    ServerApiClient api;
    configure(&api);
    api.setApiKey(QStringLiteral("not-the-key"));
    const ServerApiReply r = callApi(&api, QStringLiteral("info"), {});
    QCOMPARE(r.outcome, Outcome::WrongKey);
    QCOMPARE(r.httpStatus, 401);
    QVERIFY2(r.sentence().contains(QLatin1String("refused the API key")), qPrintable(r.sentence()));
}

void TestServerApiLive::unknownMethod()
{
    ServerApiClient api;
    configure(&api);
    const ServerApiReply r = callApi(&api, QStringLiteral("no_such_method"), {});
    QCOMPARE(r.outcome, Outcome::MethodNotAvailable);
    QCOMPARE(r.httpStatus, 404);
    QVERIFY2(r.sentence().contains(QLatin1String("\"no_such_method\"")), qPrintable(r.sentence()));
}

void TestServerApiLive::apiErrorInWords()
{
    ServerApiClient api;
    configure(&api);
    ServerApiReply r =
        callApi(&api, QStringLiteral("publish"), {{u"channel"_s, u"nosuchns:x"_s}, {u"data"_s, QJsonObject{}}});
    QCOMPARE(r.outcome, Outcome::ApiError);
    QCOMPARE(r.errorCode, 102);
    QVERIFY2(r.sentence().contains(QLatin1String("namespace")), qPrintable(r.sentence()));
    // The "locked" namespace has no presence: 108 not available.
    r = callApi(&api, QStringLiteral("presence"), {{u"channel"_s, u"locked:x"_s}});
    QCOMPARE(r.outcome, Outcome::ApiError);
    QCOMPARE(r.errorCode, 108);
    // No channel at all: 107 bad request.
    r = callApi(&api, QStringLiteral("history"), {});
    QCOMPARE(r.outcome, Outcome::ApiError);
    QCOMPARE(r.errorCode, 107);
}

void TestServerApiLive::malformedBody()
{
    ServerApiClient api;
    configure(&api);
    QSignalSpy spy(&api, &ServerApiClient::finished);
    api.callRaw(QStringLiteral("publish"), "{not json");
    QVERIFY(spy.wait(10000));
    const ServerApiReply r = spy.first().at(1).value<ServerApiReply>();
    QCOMPARE(r.outcome, Outcome::BadRequest);
    QCOMPARE(r.httpStatus, 400);
}

void TestServerApiLive::unreachable()
{
    // A port that was free a moment ago and has nobody listening now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ServerApiClient api;
    QVERIFY(api.setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const ServerApiReply r = callApi(&api, QStringLiteral("info"), {});
    QCOMPARE(r.outcome, Outcome::Unreachable);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY2(r.sentence().contains(QLatin1String("cannot be reached")), qPrintable(r.sentence()));
    QVERIFY2(r.errorMessage.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(r.errorMessage));
}

void TestServerApiLive::timeout()
{
    // A fake server that accepts the connection and never answers (a real Centrifugo always answers).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ServerApiClient api;
    QVERIFY(api.setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    api.setTimeout(300);
    const ServerApiReply r = callApi(&api, QStringLiteral("info"), {});
    QCOMPARE(r.outcome, Outcome::Timeout);
    QVERIFY2(r.sentence().contains(QLatin1String("300 ms")), qPrintable(r.sentence()));
    QCOMPARE(api.pendingCount(), 0);
}

void TestServerApiLive::apiKeyMaskedInLogs()
{
    g_apiLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureApiLog);
    QLoggingCategory::setFilterRules(QStringLiteral("inspector.api.debug=true"));
    ServerApiClient api;
    configure(&api);
    // The key pasted into a body by mistake must not reach the log either.
    const ServerApiReply r =
        callApi(&api, QStringLiteral("publish"),
                {{u"channel"_s, u"chat:log"_s}, {u"data"_s, QJsonObject{{u"oops"_s, m_server.apiKey()}}}});
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(r.isOk());
    QVERIFY(!g_apiLog.isEmpty());
    const QString all = g_apiLog.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(m_server.apiKey()), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("***(masked)")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("/api/publish")), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestServerApiLive)
#include "tst_serverapi_live.moc"
