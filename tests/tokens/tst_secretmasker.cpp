#include "jwt.h"
#include "secretmasker.h"

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
};

QTEST_GUILESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
