#include "connectionprofile.h"
#include "jwt.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private:
    static ConnectionProfile fullProfile()
    {
        ConnectionProfile p = ConnectionProfile::create(QStringLiteral("Staging"));
        p.url = QUrl(QStringLiteral("wss://staging.example.com/connection/websocket"));
        p.format = Protocol::Format::Protobuf;
        p.headers = {{"X-Trace", "on", false}, {"Authorization", "Bearer eyJsecret", true}};
        p.connectData = R"({"z": 1, "a": 2})";
        p.tokenSource = ConnectionProfile::TokenSource::Generated;
        p.tokenClaims.sub = QStringLiteral("42");
        p.tokenClaims.info = R"({"name": "Alice", "age": 3})";
        p.tokenClaims.channels = QStringList{QStringLiteral("news")};
        p.tokenClaims.expireAt = 0;
        p.tokenTtlSec = 600;
        p.generateSubscriptionTokens = false;
        SubscribeOptions s;
        s.channel = QStringLiteral("chat:room");
        s.recover = true;
        s.epoch = QStringLiteral("abc");
        s.offset = 18446744073709551615ull;
        s.data = R"({"x":1})";
        p.subscriptions << s;
        p.apiUrl = QUrl(QStringLiteral("https://staging.example.com/api"));
        p.caCertificatesFile = QStringLiteral("/etc/ssl/staging-ca.pem");
        p.ignoreCertificateErrors = true;
        p.handshakeTimeoutMs = 2500;
        return p;
    }

private slots:
    void jsonRoundTrip()
    {
        ConnectionProfile p = fullProfile();
        const QJsonObject json = p.toJson();
        ConnectionProfile back;
        QString error;
        QVERIFY2(ConnectionProfile::fromJson(json, &back, &error), qPrintable(error));
        // The secret header's value is not saved: everything else round-trips.
        p.headers[1].value.clear();
        QCOMPARE(back, p);
        QCOMPARE(back.subscriptions.first().offset, 18446744073709551615ull);
        QCOMPARE(back.tokenClaims.info, QByteArray(R"({"name": "Alice", "age": 3})")); // user's text kept
    }

    void jsonNeverContainsSecretHeaderValues()
    {
        const QByteArray text = QJsonDocument(fullProfile().toJson()).toJson();
        QVERIFY(!text.contains("Bearer"));
        QVERIFY(!text.contains("eyJsecret"));
        QVERIFY(text.contains("Authorization"));
    }

    void fromJsonDefaultsAndErrors()
    {
        ConnectionProfile p;
        QString error;
        QVERIFY(!ConnectionProfile::fromJson(QJsonObject{}, &p, &error));
        QVERIFY(error.contains(QLatin1String("name")));
        QVERIFY(ConnectionProfile::fromJson({{QStringLiteral("name"), QStringLiteral("Bare")}}, &p, &error));
        QCOMPARE(p.name, QStringLiteral("Bare"));
        QCOMPARE(p.url, QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket")));
        QCOMPARE(p.tokenSource, ConnectionProfile::TokenSource::None);
        QCOMPARE(p.tokenTtlSec, 3600);
        QVERIFY(p.generateSubscriptionTokens);
        QCOMPARE(p.handshakeTimeoutMs, SessionOptions().handshakeTimeoutMs);
    }

    void secretKeys()
    {
        ConnectionProfile p;
        p.id = QStringLiteral("abc");
        QCOMPARE(p.secretKey(ConnectionProfile::Secret::ConnectionToken), QStringLiteral("profile/abc/token"));
        QCOMPARE(p.secretKey(ConnectionProfile::Secret::HmacSecret), QStringLiteral("profile/abc/hmac"));
        QCOMPARE(p.secretKey(ConnectionProfile::Secret::ApiKey), QStringLiteral("profile/abc/apikey"));
        QCOMPARE(p.secretKey(ConnectionProfile::Secret::Header, "X-Api-Key"),
                 QStringLiteral("profile/abc/header/x-api-key"));
        // One rule (SecretMasker::isSecretHeader): by name, or a JWT in the value, whether marked or not.
        const auto secret = [](const char *name, const char *value) {
            return ConnectionProfile::Header{name, value, false}.isSecret();
        };
        QVERIFY(secret("Authorization", "Bearer x"));
        QVERIFY(secret("x-api-key", "k"));
        QVERIFY(secret("Cookie", "a=b"));
        QVERIFY(!secret("User-Agent", "curl"));
        QVERIFY(!secret("Origin", "http://a"));
        QVERIFY(secret("X-Whatever", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnop"));
        QVERIFY((ConnectionProfile::Header{"Origin", "http://a", true}.isSecret()));
        // An X-Api-Key left unmarked is still kept out of the settings and export form.
        ConnectionProfile unmarked = ConnectionProfile::create(QStringLiteral("p"));
        unmarked.headers << ConnectionProfile::Header{"X-Api-Key", "k-123", false};
        const QByteArray json = QJsonDocument(unmarked.toJson()).toJson();
        QVERIFY2(!json.contains("k-123"), json.constData());
    }

    void sessionOptions()
    {
        const ConnectionProfile p = fullProfile();
        const SessionOptions o = p.toSessionOptions(QStringLiteral("tok"), {{"authorization", "Bearer real", true}});
        QCOMPARE(o.url, p.url);
        QCOMPARE(o.format, Protocol::Format::Protobuf);
        QCOMPARE(o.token, QStringLiteral("tok"));
        QCOMPARE(o.connectData, QByteArray(R"({"z":1,"a":2})"));
        QCOMPARE(o.headers.size(), 2);
        QCOMPARE(o.headers.at(1).second, QByteArray("Bearer real"));
        QCOMPARE(o.caCertificatesFile, p.caCertificatesFile);
        QVERIFY(o.ignoreCertificateErrors);
        QCOMPARE(o.handshakeTimeoutMs, 2500);
    }

    void generatedTokens()
    {
        ConnectionProfile p = fullProfile();
        const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
        QVERIFY(p.generateToken({}, now).isEmpty());
        const Jwt token = Jwt::decode(p.generateToken("secret", now));
        QVERIFY(token.isValid());
        QCOMPARE(token.verify("secret"), Jwt::Verification::Valid);
        QCOMPARE(token.payloadJson(),
                 QByteArray(R"({"expire_at":0,"info":{"name":"Alice","age":3},"channels":["news"],"sub":"42",)"
                            R"("exp":1767269400,"iat":1767268800})"));
        p.tokenTtlSec = 0;
        QVERIFY(!Jwt::decode(p.generateToken("secret", now)).expiresAt().isValid());

        const Jwt sub = Jwt::decode(p.generateSubscriptionToken(QStringLiteral("$room"), "secret", now));
        QVERIFY(sub.isSubscriptionToken());
        QCOMPARE(sub.payloadJson(), QByteArray(R"({"sub":"42","iat":1767268800,"channel":"$room"})"));
    }

    void problems()
    {
        ConnectionProfile p = ConnectionProfile::create(QStringLiteral("x"));
        QVERIFY(p.problems().isEmpty());
        p.url = QUrl(QStringLiteral("http://localhost:8000"));
        p.connectData = "{oops";
        p.tokenSource = ConnectionProfile::TokenSource::Generated;
        p.tokenClaims.info = "[1,";
        p.caCertificatesFile = QStringLiteral("/nonexistent/ca.pem");
        const QStringList problems = p.problems();
        QCOMPARE(problems.size(), 4);
        QVERIFY(problems.at(0).contains(QLatin1String("ws://")));
        QVERIFY(problems.at(1).contains(QLatin1String("connect data")));
        QVERIFY(problems.at(2).contains(QLatin1String("info")));
        QVERIFY(problems.at(3).contains(QLatin1String("/nonexistent/ca.pem")));
    }

    void apiUrl()
    {
        ConnectionProfile p;
        p.url = QUrl(QStringLiteral("wss://host:9000/connection/websocket?cf_ws=1"));
        QCOMPARE(p.effectiveApiUrl(), QUrl(QStringLiteral("https://host:9000/api")));
        p.url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
        QCOMPARE(p.effectiveApiUrl(), QUrl(QStringLiteral("http://127.0.0.1:8000/api")));
    }

    void neededSecrets()
    {
        ConnectionProfile p = fullProfile();
        QCOMPARE(p.neededSecrets(), (QList<ConnectionProfile::Secret>{ConnectionProfile::Secret::HmacSecret,
                                                                      ConnectionProfile::Secret::Header}));
        p.tokenSource = ConnectionProfile::TokenSource::Fixed;
        p.headers.clear();
        QCOMPARE(p.neededSecrets(), QList<ConnectionProfile::Secret>{ConnectionProfile::Secret::ConnectionToken});
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
