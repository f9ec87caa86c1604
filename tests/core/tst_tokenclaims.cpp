#include "centrifugoserver.h"
#include "jsontext.h"
#include "jwt.h"
#include "testsupport.h"
#include "tokenclaims.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

// Claim order and escaping follow Centrifugo's Go structs. The rich vectors were printed by Go 1.26's
// encoding/json over structs with the same field order and tags as Centrifugo v6.9.1's ConnectTokenClaims and
// SubscribeTokenClaims; the gentoken tests run the real binary.
class TestTokenClaims : public QObject
{
    Q_OBJECT

private:
    QString m_binary;
    QString m_config;
    QByteArray m_secret;

    // Runs `centrifugo <args>` and returns its standard output (the token with -q).
    QString runCentrifugo(const QStringList &args)
    {
        QProcess process;
        process.start(m_binary, args);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning() << "centrifugo" << args << "failed:" << process.readAllStandardError()
                       << process.readAllStandardOutput();
            return {};
        }
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

private slots:
    void initTestCase()
    {
        m_binary = CentrifugoServer::findBinary();
        m_config = CentrifugoServer::defaultConfigPath();
        QFile file(m_config);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(m_config));
        m_secret = QJsonDocument::fromJson(file.readAll())
                       .object()
                       .value(QLatin1String("client"))
                       .toObject()
                       .value(QLatin1String("token"))
                       .toObject()
                       .value(QLatin1String("hmac_secret_key"))
                       .toString()
                       .toUtf8();
        QVERIFY(!m_secret.isEmpty());
    }

    void connectionOrderLikeGo()
    {
        TokenClaims c;
        c.sub = QStringLiteral("42");
        c.exp = 1767225600;
        c.iat = 1767222000;
        c.nbf = 1767222000;
        c.expireAt = 1767300000;
        c.jti = QStringLiteral("id-1");
        c.aud = QStringList{QStringLiteral("aud1")};
        c.iss = QStringLiteral("issuer");
        c.info = "{ \"name\": \"Alice <admin>\", \"age\" : 30 }";
        c.channels = QStringList{QStringLiteral("news"), QStringLiteral("chat:room")};
        c.subs = R"({"user:42": {"info": {"a": 1}}})";
        c.meta = "[1, 2]";
        QVERIFY(c.problems().isEmpty());
        QCOMPARE(c.toJson(),
                 QByteArray(R"({"expire_at":1767300000,"info":{"name":"Alice \u003cadmin\u003e","age":30},)"
                            R"("channels":["news","chat:room"],"subs":{"user:42":{"info":{"a":1}}},"meta":[1,2],)"
                            R"("jti":"id-1","aud":"aud1","iss":"issuer","sub":"42","exp":1767225600,)"
                            R"("iat":1767222000,"nbf":1767222000})"));
    }

    void subscriptionOrderLikeGo()
    {
        TokenClaims c;
        c.kind = TokenClaims::Kind::Subscription;
        c.aud = QStringList{QStringLiteral("a"), QStringLiteral("b")};
        c.sub = QStringLiteral("42");
        c.exp = 1767225600;
        c.iat = 1767222000;
        c.info = "\"x\"";
        c.b64info = QStringLiteral("aGk=");
        c.data = R"({"z":1,"a":2})";
        c.b64data = QStringLiteral("aGk=");
        c.optionOverride = R"({"presence":{"value":true}})";
        c.channel = QStringLiteral("$secret");
        c.client = QStringLiteral("client-id");
        c.expireAt = 0;
        QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(QLatin1Char('\n'))));
        QCOMPARE(c.toJson(), QByteArray(R"({"aud":["a","b"],"sub":"42","exp":1767225600,"iat":1767222000,"info":"x",)"
                                        R"("b64info":"aGk=","data":{"z":1,"a":2},"b64data":"aGk=",)"
                                        R"("override":{"presence":{"value":true}},"channel":"$secret",)"
                                        R"("client":"client-id","expire_at":0})"));
    }

    void emptyClaims()
    {
        QCOMPARE(TokenClaims().toJson(), QByteArray("{}"));
        TokenClaims sub;
        sub.kind = TokenClaims::Kind::Subscription;
        QCOMPARE(sub.toJson(), QByteArray("{}"));
        QCOMPARE(sub.problems().size(), 1); // channel missing
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<QByteArray>("subs");
        QTest::addColumn<QStringList>("channels");
        QTest::addColumn<QString>("b64info");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad info") << QByteArray("{name: 1}") << QByteArray() << QStringList() << QString()
                                  << QStringLiteral("info is not valid JSON");
        QTest::newRow("subs array") << QByteArray() << QByteArray("[1]") << QStringList() << QString()
                                    << QStringLiteral("subs must be a JSON object");
        QTest::newRow("empty channel name")
            << QByteArray() << QByteArray() << QStringList{QStringLiteral("news"), QStringLiteral(" ")} << QString()
            << QStringLiteral("empty channel name");
        QTest::newRow("bad b64info") << QByteArray() << QByteArray() << QStringList() << QStringLiteral("**")
                                     << QStringLiteral("b64info");
    }

    void problems()
    {
        QFETCH(QByteArray, info);
        QFETCH(QByteArray, subs);
        QFETCH(QStringList, channels);
        QFETCH(QString, b64info);
        QFETCH(QString, mentions);
        TokenClaims c;
        c.info = info;
        c.subs = subs;
        c.channels = channels;
        // An exp before iat is no problem: expired tokens are wanted to test error 109.
        c.iat = 1000;
        c.exp = 999;
        c.b64info = b64info;
        const QStringList problems = c.problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(mentions), qPrintable(problems.first()));
        // Invalid JSON claims are left out rather than producing an invalid payload.
        QVERIFY(JsonText::isValid(c.toJson()));
    }

    void roundTripThroughDecode()
    {
        TokenClaims c;
        c.sub = QStringLiteral("7");
        c.exp = 2000000000;
        c.info = R"({"b":1,"a":[true,null]})";
        c.channels = QStringList{QStringLiteral("x")};
        const Jwt jwt = Jwt::decode(Jwt::sign(c.toJson(), "k"));
        QVERIFY(jwt.isValid());
        QCOMPARE(jwt.payloadJson(), c.toJson());
        const TokenClaims back = TokenClaims::fromJson(jwt.claims());
        QCOMPARE(back.kind, TokenClaims::Kind::Connection);
        QCOMPARE(back.sub, c.sub);
        QCOMPARE(back.exp, c.exp);
        QVERIFY(!back.iat);
        QCOMPARE(back.channels, c.channels);
        QCOMPARE(back.info, QByteArray(R"({"a":[true,null],"b":1})")); // QJsonDocument's order after decoding
        QCOMPARE(TokenClaims::fromJson(QJsonObject{{QStringLiteral("channel"), QStringLiteral("$c")}}).kind,
                 TokenClaims::Kind::Subscription);
    }

    void gentokenEquivalence_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("ttl");
        QTest::newRow("user 42, 1 h") << QStringLiteral("42") << 3600;
        QTest::newRow("default ttl 7 d") << QStringLiteral("alice") << 604800;
        QTest::newRow("anonymous, no expiry") << QString() << -1;
        QTest::newRow("ttl 0 means no exp") << QStringLiteral("42") << 0;
        QTest::newRow("characters Go escapes") << QStringLiteral(u"<a&b> \"q\" \\ é用户😀 \u2028") << 60;
    }

    void gentokenEquivalence()
    {
        QFETCH(QString, user);
        QFETCH(int, ttl);
        if (m_binary.isEmpty())
            QSKIP("no centrifugo binary");
        QStringList args{QStringLiteral("gentoken"), QStringLiteral("-c"), m_config,
                         QStringLiteral("-t"),       QString::number(ttl), QStringLiteral("-q")};
        if (!user.isEmpty())
            args << QStringLiteral("-u") << user;
        const QString theirs = runCentrifugo(args);
        QVERIFY(!theirs.isEmpty());
        const Jwt decoded = Jwt::decode(theirs);
        QVERIFY2(decoded.isValid(), qPrintable(decoded.errorString()));
        QCOMPARE(decoded.subject(), user);

        // Same claims, time stamps taken from their token; the bytes must be identical.
        TokenClaims claims;
        claims.sub = user;
        claims.iat = decoded.issuedAt().toSecsSinceEpoch();
        if (decoded.expiresAt().isValid())
            claims.exp = decoded.expiresAt().toSecsSinceEpoch();
        QCOMPARE(bool(claims.exp), ttl > 0);
        QCOMPARE(claims.toJson(), decoded.payloadJson());
        QCOMPARE(Jwt::sign(claims.toJson(), m_secret), theirs);
    }

    void gensubtokenEquivalence_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("channel");
        QTest::newRow("private channel") << QStringLiteral("42") << QStringLiteral("$secret");
        QTest::newRow("namespace channel") << QStringLiteral("bob") << QStringLiteral("chat:<room>&1");
    }

    void gensubtokenEquivalence()
    {
        QFETCH(QString, user);
        QFETCH(QString, channel);
        if (m_binary.isEmpty())
            QSKIP("no centrifugo binary");
        const QString theirs = runCentrifugo({QStringLiteral("gensubtoken"), QStringLiteral("-c"), m_config,
                                              QStringLiteral("-u"), user, QStringLiteral("-s"), channel,
                                              QStringLiteral("-t"), QStringLiteral("600"), QStringLiteral("-q")});
        QVERIFY(!theirs.isEmpty());
        const Jwt decoded = Jwt::decode(theirs);
        QVERIFY(decoded.isValid());
        QVERIFY(decoded.isSubscriptionToken());

        TokenClaims claims;
        claims.kind = TokenClaims::Kind::Subscription;
        claims.sub = user;
        claims.channel = channel;
        claims.iat = decoded.issuedAt().toSecsSinceEpoch();
        claims.exp = decoded.expiresAt().toSecsSinceEpoch();
        QCOMPARE(claims.toJson(), decoded.payloadJson());
        QCOMPARE(Jwt::sign(claims.toJson(), m_secret), theirs);
    }
};

QTEST_GUILESS_MAIN(TestTokenClaims)
#include "tst_tokenclaims.moc"
