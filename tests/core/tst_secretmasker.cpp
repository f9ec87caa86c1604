#include "jwt.h"
#include "secretmasker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

class TestSecretMasker : public QObject
{
    Q_OBJECT

private slots:
    void jwtsAreMaskedWithoutKnownSecrets_data()
    {
        const QString token = Jwt::sign(R"({"sub":"42"})", "secret");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("connect command") << QStringLiteral("{\"id\":1,\"connect\":{\"token\":\"") + token +
                                                QStringLiteral("\"}}")
                                         << QStringLiteral(
                                                "{\"id\":1,\"connect\":{\"token\":\"eyJhbGciOi…(masked)\"}}");
        QTest::newRow("two tokens") << token + QStringLiteral(" and ") + token
                                    << QStringLiteral("eyJhbGciOi…(masked) and eyJhbGciOi…(masked)");
        QTest::newRow("unsigned token") << QStringLiteral("x eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. y")
                                        << QStringLiteral("x eyJhbGciOi…(masked) y");
        QTest::newRow("no token") << QStringLiteral("eyJ is a prefix, a.b.c is not a token")
                                  << QStringLiteral("eyJ is a prefix, a.b.c is not a token");
        QTest::newRow("empty") << QString() << QString();
    }

    void jwtsAreMaskedWithoutKnownSecrets()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SecretMasker::maskJwts(text), expected);
        QCOMPARE(SecretMasker().mask(text), expected);
    }

    void knownSecrets()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("test-api-key"));
        masker.addSecret(QStringLiteral("test-only-hmac-secret"));
        masker.addSecret(QStringLiteral("abc")); // too short: ignored
        QCOMPARE(masker.secrets().size(), 2);
        QCOMPARE(masker.mask(QStringLiteral("X-API-Key: test-api-key; secret test-only-hmac-secret; abc")),
                 QStringLiteral("X-API-Key: ***(masked); secret ***(masked); abc"));
        masker.removeSecret(QStringLiteral("test-api-key"));
        QCOMPARE(masker.mask(QStringLiteral("test-api-key")), QStringLiteral("test-api-key"));
        masker.clear();
        QVERIFY(masker.secrets().isEmpty());
        QCOMPARE(masker.mask(QStringLiteral("test-only-hmac-secret")), QStringLiteral("test-only-hmac-secret"));
    }

    void escapedFormsAndOverlaps()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("pa\"ss/wo rd"));
        masker.addSecret(QStringLiteral("pass"));
        // JSON-escaped, percent-encoded and raw forms; the longer secret wins over the one it contains.
        QCOMPARE(masker.mask(QStringLiteral("{\"k\":\"pa\\\"ss/wo rd\"} ?k=pa%22ss%2Fwo%20rd pa\"ss/wo rd pass")),
                 QStringLiteral("{\"k\":\"***(masked)\"} ?k=***(masked) ***(masked) ***(masked)"));
        // Regular-expression characters in a secret are literal.
        masker.addSecret(QStringLiteral(".*+?"));
        QCOMPARE(masker.mask(QStringLiteral("a.*+?b xyz")), QStringLiteral("a***(masked)b xyz"));
    }

    void knownTokenIsMaskedCompletely()
    {
        const QString token = Jwt::sign(R"({"sub":"42"})", "secret");
        SecretMasker masker;
        masker.addSecret(token);
        QCOMPARE(masker.mask(QStringLiteral("t=") + token), QStringLiteral("t=***(masked)"));
        const QString other = Jwt::sign(R"({"sub":"43"})", "secret");
        QCOMPARE(masker.mask(other), QStringLiteral("eyJhbGciOi…(masked)"));
    }

    void bytes()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral(u"秘密秘密"));
        QCOMPARE(masker.mask(QStringLiteral(u"x 秘密秘密 y").toUtf8()), QByteArray("x ***(masked) y"));
        // Bytes without anything to mask come back untouched, even when they are not UTF-8.
        const QByteArray binary("\xff\xfe\x00 raw", 7);
        QCOMPARE(masker.mask(binary), binary);
    }

    void tokensAndJwts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("jwt");
        QTest::newRow("signed") << Jwt::sign(R"({"sub":"42"})", "secret") << true;
        QTest::newRow("unsigned") << QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.") << true;
        QTest::newRow("opaque") << QStringLiteral("opaque-token-123") << false;
        QTest::newRow("jwt inside text") << QStringLiteral("x ") + Jwt::sign(R"({"sub":"42"})", "s") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void tokensAndJwts()
    {
        QFETCH(QString, text);
        QFETCH(bool, jwt);
        QCOMPARE(SecretMasker::isJwt(text), jwt);
        // addToken leaves whole JWTs to the JWT rule and keeps the rest as known secrets.
        SecretMasker masker;
        masker.addToken(text);
        QCOMPARE(masker.secrets().isEmpty(), jwt || text.size() < SecretMasker::kMinimumSecretLength);
    }

    void secretHeaderNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("Authorization") << QStringLiteral("Authorization") << true;
        QTest::newRow("lower case") << QStringLiteral("authorization") << true;
        QTest::newRow("Cookie") << QStringLiteral("Cookie") << true;
        QTest::newRow("X-API-Key") << QStringLiteral("X-API-Key") << true;
        QTest::newRow("X-Auth-Token") << QStringLiteral("X-Auth-Token") << true;
        QTest::newRow("X-Session-Id") << QStringLiteral("X-Session-Id") << true;
        QTest::newRow("X-Trace-Id") << QStringLiteral("X-Trace-Id") << false;
        QTest::newRow("Origin") << QStringLiteral("Origin") << false;
        QTest::newRow("User-Agent") << QStringLiteral("User-Agent") << false;
    }

    void secretHeaderNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(SecretMasker::isSecretHeaderName(name), secret);
    }

    void sameLength()
    {
        const QString token = Jwt::sign(R"({"sub":"42"})", "secret");
        SecretMasker masker;
        masker.addSecret(QStringLiteral("api-key-0815"));
        const QByteArray bytes = QByteArray("\x0a\x05\x00\xffT") + token.toUtf8() + QByteArray("\x12\x0c") +
                                 QByteArray("api-key-0815") + QByteArray("\x00end", 4);
        QVERIFY(masker.needsMasking(bytes));
        const QByteArray out = masker.maskSameLength(bytes);
        QCOMPARE(out.size(), bytes.size());
        // Everything around the secrets is untouched, byte for byte.
        QCOMPARE(out.left(5), bytes.left(5));
        QCOMPARE(out.right(4), bytes.right(4));
        QVERIFY(out.contains("eyJhbGciOi***"));
        QVERIFY(!out.contains(token.toUtf8()));
        QVERIFY(!out.contains(token.section(QLatin1Char('.'), 2).toUtf8()));
        QVERIFY(out.contains("\x12\x0c************"));
        QVERIFY(!masker.needsMasking(out));
        // Nothing to mask: the same bytes.
        const QByteArray plain("\x00\x01 eyJ but no token", 19);
        QVERIFY(!masker.needsMasking(plain));
        QCOMPARE(masker.maskSameLength(plain), plain);
    }

    void jsonValues()
    {
        const QString token = Jwt::sign(R"({"sub":"42"})", "secret");
        SecretMasker masker;
        masker.addSecret(QStringLiteral("opaque-0815"));
        const QJsonObject in{
            {QStringLiteral("connect"),
             QJsonObject{{QStringLiteral("token"), token},
                         {QStringLiteral("data"), QJsonArray{QStringLiteral("opaque-0815"), 7, true, QJsonValue()}}}},
            {QStringLiteral("id"), 1}};
        const QJsonObject out = masker.mask(QJsonValue(in)).toObject();
        const QJsonObject connect = out.value(QStringLiteral("connect")).toObject();
        QCOMPARE(connect.value(QStringLiteral("token")).toString(), QStringLiteral("eyJhbGciOi…(masked)"));
        const QJsonArray data = connect.value(QStringLiteral("data")).toArray();
        QCOMPARE(data, (QJsonArray{QStringLiteral("***(masked)"), 7, true, QJsonValue()}));
        QCOMPARE(out.value(QStringLiteral("id")).toInt(), 1);
    }

    void addSecretsOfAnother()
    {
        SecretMasker store;
        store.addSecret(QStringLiteral("hmac-secret-1"));
        SecretMasker session;
        session.addSecret(QStringLiteral("token-2-opaque"));
        session.addSecrets(store);
        QCOMPARE(session.mask(QStringLiteral("hmac-secret-1 token-2-opaque")),
                 QStringLiteral("***(masked) ***(masked)"));
    }
};

QTEST_GUILESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
