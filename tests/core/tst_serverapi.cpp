// ServerApiClient's pieces without a server: URLs, reply parsing and words, templates. The live counterpart is
// tst_serverapi_live.cpp.
#include "explainer.h"
#include "serverapiclient.h"
#include "serverapireply.h"
#include "serverapitemplates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Outcome = ServerApiReply::Outcome;

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    void apiPrefixAcceptsBaseUrlAndApiPrefix_data();
    void apiPrefixAcceptsBaseUrlAndApiPrefix();
    void methodUrl();
    void parsesResult();
    void parsesApiErrorWithTheExplainersWords();
    void parsesApiErrorInTransportErrorMode();
    void httpStatusesInWords_data();
    void httpStatusesInWords();
    void unreachableAndTimeout();
    void batchCountsRefusedCommands();
    void resultsInWords();
    void everyMethodHasATemplate();
    void chaosBodies();
};

void TestServerApi::apiPrefixAcceptsBaseUrlAndApiPrefix_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("base") << "http://127.0.0.1:8000"
                          << "http://127.0.0.1:8000/api";
    QTest::newRow("base/") << "http://127.0.0.1:8000/"
                           << "http://127.0.0.1:8000/api";
    QTest::newRow("api") << "http://127.0.0.1:8000/api"
                         << "http://127.0.0.1:8000/api";
    QTest::newRow("api/") << "http://127.0.0.1:8000/api/"
                          << "http://127.0.0.1:8000/api";
    QTest::newRow("no scheme") << "localhost:8000"
                               << "http://localhost:8000/api";
    QTest::newRow("https prefix") << "https://example.com/centrifugo/api"
                                  << "https://example.com/centrifugo/api";
    QTest::newRow("https base") << "https://example.com/centrifugo"
                                << "https://example.com/centrifugo/api";
    QTest::newRow("websocket") << "ws://127.0.0.1:8000"
                               << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestServerApi::apiPrefixAcceptsBaseUrlAndApiPrefix()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QUrl url = ServerApiClient::apiPrefix(input);
    QCOMPARE(url.isValid() ? url.toString() : QString(), expected);
}

void TestServerApi::methodUrl()
{
    ServerApiClient client;
    QVERIFY(!client.setBaseUrl(QStringLiteral("ftp://x")));
    QVERIFY(client.setBaseUrl(QStringLiteral("http://127.0.0.1:8000/api/")));
    QCOMPARE(client.methodUrl(QStringLiteral("presence_stats")).toString(),
             QStringLiteral("http://127.0.0.1:8000/api/presence_stats"));
    QVERIFY(!client.setBaseUrl(QStringLiteral("ws://127.0.0.1:9")));
    QCOMPARE(client.apiUrl().toString(), QStringLiteral("http://127.0.0.1:8000/api"));
}

void TestServerApi::parsesResult()
{
    const ServerApiReply r =
        ServerApiReply::fromHttp(QStringLiteral("publish"), 200, R"({"result":{"offset":7,"epoch":"AbCd"}})");
    QVERIFY(r.isOk());
    QCOMPARE(r.result.value(QLatin1String("offset")).toInt(), 7);
    QCOMPARE(r.shortStatus(), QStringLiteral("ok"));
    QVERIFY2(r.sentence().contains(QLatin1String("offset 7")), qPrintable(r.sentence()));
    QVERIFY(r.sentence().contains(QLatin1String("AbCd")));

    const ServerApiReply empty = ServerApiReply::fromHttp(QStringLiteral("publish"), 200, "{}");
    QVERIFY(empty.isOk());
    QVERIFY2(empty.sentence().contains(QLatin1String("no history")), qPrintable(empty.sentence()));
}

void TestServerApi::parsesApiErrorWithTheExplainersWords()
{
    const ServerApiReply r = ServerApiReply::fromHttp(QStringLiteral("presence"), 200,
                                                      R"({"error":{"code":108,"message":"not available"}})");
    QCOMPARE(r.outcome, Outcome::ApiError);
    QCOMPARE(r.errorCode, 108);
    QCOMPARE(r.errorMessage, QStringLiteral("not available"));
    QCOMPARE(r.shortStatus(), QStringLiteral("error 108"));
    // The meaning is the Explainer's, not a copy.
    QVERIFY2(r.sentence().contains(Explainer::error(108).meaning), qPrintable(r.sentence()));
    QVERIFY(r.sentence().contains(QLatin1String("\"presence\"")));

    const ServerApiReply unknown =
        ServerApiReply::fromHttp(QStringLiteral("info"), 200, R"({"error":{"code":9999,"message":"odd"}})");
    QCOMPARE(unknown.outcome, Outcome::ApiError);
    QVERIFY2(unknown.sentence().contains(QLatin1String("9999 (odd)")), qPrintable(unknown.sentence()));
}

void TestServerApi::parsesApiErrorInTransportErrorMode()
{
    // X-Centrifugo-Error-Mode: transport answers 404 with the API error in the body: the body's error wins.
    const ServerApiReply r =
        ServerApiReply::fromHttp(QStringLiteral("publish"), 404, R"({"code":102,"message":"unknown channel"})");
    QCOMPARE(r.outcome, Outcome::MethodNotAvailable); // a bare {"code"} is not the {"error"} shape
    const ServerApiReply wrapped = ServerApiReply::fromHttp(QStringLiteral("publish"), 404,
                                                            R"({"error":{"code":102,"message":"unknown channel"}})");
    QCOMPARE(wrapped.outcome, Outcome::ApiError);
    QCOMPARE(wrapped.errorCode, 102);
}

void TestServerApi::httpStatusesInWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("401") << 401 << QByteArray() << Outcome::WrongKey << "API key";
    QTest::newRow("404") << 404 << QByteArray("404 page not found") << Outcome::MethodNotAvailable << "no API method";
    QTest::newRow("400") << 400 << QByteArray("Bad Request") << Outcome::BadRequest << "could not decode";
    QTest::newRow("500") << 500 << QByteArray() << Outcome::HttpError << "HTTP 500";
    QTest::newRow("200 html") << 200 << QByteArray("<html>") << Outcome::BadResponse << "not with a JSON object";
}

void TestServerApi::httpStatusesInWords()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Outcome, outcome);
    QFETCH(QString, words);
    const ServerApiReply r = ServerApiReply::fromHttp(QStringLiteral("publish"), status, body);
    QCOMPARE(r.outcome, outcome);
    QVERIFY(!r.isOk());
    QCOMPARE(r.shortStatus(), QStringLiteral("HTTP %1").arg(status));
    QVERIFY2(r.sentence().contains(words), qPrintable(r.sentence()));
}

void TestServerApi::unreachableAndTimeout()
{
    const ServerApiReply r =
        ServerApiReply::fromHttp(QStringLiteral("info"), 0, QByteArray(), QStringLiteral("Connection refused"));
    QCOMPARE(r.outcome, Outcome::Unreachable);
    QCOMPARE(r.shortStatus(), QStringLiteral("unreachable"));
    QVERIFY2(r.sentence().contains(QLatin1String("Connection refused")), qPrintable(r.sentence()));
    QVERIFY(r.sentence().contains(QLatin1String("running")));

    const ServerApiReply t = ServerApiReply::timedOut(QStringLiteral("info"), 1500);
    QCOMPARE(t.outcome, Outcome::Timeout);
    QVERIFY2(t.sentence().contains(QLatin1String("1500 ms")), qPrintable(t.sentence()));
}

void TestServerApi::batchCountsRefusedCommands()
{
    const ServerApiReply r = ServerApiReply::fromHttp(
        QStringLiteral("batch"), 200,
        R"({"replies":[{"publish":{}},{"error":{"code":102,"message":"unknown channel"}},{"info":{"nodes":[]}}]})");
    QVERIFY(r.isOk());
    QCOMPARE(r.batchErrors, 1);
    QCOMPARE(r.result.value(QLatin1String("replies")).toArray().size(), 3);
    QVERIFY2(r.sentence().contains(QLatin1String("3 command(s)")), qPrintable(r.sentence()));
    QVERIFY(r.sentence().contains(QLatin1String("1 of them refused")));
    QCOMPARE(r.shortStatus(), QStringLiteral("ok, 1 error(s)"));
}

void TestServerApi::resultsInWords()
{
    const auto words = [](const char *method, const char *body) {
        return ServerApiReply::fromHttp(QString::fromLatin1(method), 200, QByteArray(body)).sentence();
    };
    QVERIFY(words("presence", R"({"result":{"presence":{"a":{},"b":{}}}})").contains(QLatin1String("2 client(s)")));
    QVERIFY(words("presence_stats", R"({"result":{"num_clients":3,"num_users":2}})")
                .contains(QLatin1String("3 client(s) of 2 user(s)")));
    QVERIFY(words("history", R"({"result":{"publications":[{},{}],"offset":9,"epoch":"e"}})")
                .contains(QLatin1String("2 publication(s)")));
    QVERIFY(words("info", R"({"result":{"nodes":[{"name":"a"},{"name":"b"}]}})")
                .contains(QLatin1String("2 node(s) in the cluster: a, b")));
    QVERIFY(words("channels", R"({"result":{"channels":{"x":{"num_clients":1}}}})")
                .contains(QLatin1String("1 active channel(s)")));
    QVERIFY(words("broadcast", R"({"result":{"responses":[{"result":{}},{"error":{"code":102}}]}})")
                .contains(QLatin1String("1 of them failed")));
}

void TestServerApi::everyMethodHasATemplate()
{
    const QStringList methods = ServerApiTemplates::methods();
    QCOMPARE(methods.size(), 13);
    for (const QString &method : methods) {
        QVERIFY2(!ServerApiTemplates::description(method).isEmpty(), qPrintable(method));
        const QJsonDocument doc = QJsonDocument::fromJson(ServerApiTemplates::text(method).toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(method));
        QCOMPARE(doc.object(), ServerApiTemplates::body(method));
    }
    QVERIFY(ServerApiTemplates::body(QStringLiteral("info")).isEmpty());
    QVERIFY(ServerApiTemplates::text(QStringLiteral("publish")).contains(QLatin1String("<channel>")));
    const QJsonArray batch =
        ServerApiTemplates::body(QStringLiteral("batch")).value(QLatin1String("commands")).toArray();
    QCOMPARE(batch.size(), 2);
    QVERIFY(!ServerApiTemplates::isKnownMethod(QStringLiteral("rpc")));
}

void TestServerApi::chaosBodies()
{
    const QJsonObject d =
        ServerApiTemplates::disconnectClient(QStringLiteral("u"), QStringLiteral("c-1"), 4001, QStringLiteral("bye"));
    QCOMPARE(d.value(QLatin1String("client")).toString(), QStringLiteral("c-1"));
    QCOMPARE(d.value(QLatin1String("disconnect")).toObject().value(QLatin1String("code")).toInt(), 4001);
    QCOMPARE(d.value(QLatin1String("disconnect")).toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("bye"));
    const QJsonObject u = ServerApiTemplates::unsubscribeClient(QStringLiteral("chat"), QString(), QString());
    QCOMPARE(u.value(QLatin1String("channel")).toString(), QStringLiteral("chat"));
    QVERIFY(!u.contains(QLatin1String("client")));
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
