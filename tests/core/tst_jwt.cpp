#include "jwt.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

// Known vectors were computed independently with Python's hmac + hashlib + base64 when the test was written.
class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void signKnownVectors_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<QString>("expected");
        QTest::newRow("HS256 protocol doc example")
            << QByteArray(R"({"sub":"42","exp":1767225600,"iat":1766620800,"info":{"name":"Alice"}})")
            << QByteArray("dev-only-hmac-secret-change-me") << int(Jwt::Algorithm::HS256)
            << QStringLiteral(
                   "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6MTc2NzIyNTYwMCwiaWF0IjoxNzY2"
                   "NjIwODAwLCJpbmZvIjp7Im5hbWUiOiJBbGljZSJ9fQ.wf614xg2Vd9GZil8zR_RSYgXaHv6wzp9r2r_knklRCw");
        QTest::newRow("HS384") << QByteArray(R"({"sub":"42"})") << QByteArray("secret") << int(Jwt::Algorithm::HS384)
                               << QStringLiteral(
                                      "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9._XqjM_YHAu4CWMH7"
                                      "hzfxehwzIF-YR7dACRjxtIVmJX5xNtZlNRiNQT77cP9PWVPM");
        QTest::newRow("HS512") << QByteArray(R"({"sub":"42"})") << QByteArray("secret") << int(Jwt::Algorithm::HS512)
                               << QStringLiteral(
                                      "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.OOnmim08R5KPn3wN"
                                      "hfsu5HW2EyBxHZKIDBHSjSRDrCOhWlmKZr9e10Ktf-JcrAjCDBi6c-wB5_5HlUnSd2KN1g");
        QTest::newRow("empty claims") << QByteArray("{}") << QByteArray("k") << int(Jwt::Algorithm::HS256)
                                      << QStringLiteral(
                                             "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sdq8hlcnGupCQofW8T3WXS8lMHP"
                                             "KjY78f7plDHoTsoI");
        QTest::newRow("UTF-8 subject, private channel")
            << QStringLiteral(u"{\"sub\":\"用户\",\"channel\":\"$secret\"}").toUtf8()
            << QByteArray("test-only-hmac-secret") << int(Jwt::Algorithm::HS256)
            << QStringLiteral(
                   "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiLnlKjmiLciLCJjaGFubmVsIjoiJHNlY3JldCJ9.4YD8_"
                   "JEb7f0JDG06wEiC9m1UOWkwFPebLqhZMsUeTgk");
    }

    void signKnownVectors()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, secret);
        QFETCH(int, algorithm);
        QFETCH(QString, expected);
        QCOMPARE(Jwt::sign(payload, secret, Jwt::Algorithm(algorithm)), expected);

        const Jwt jwt = Jwt::decode(expected);
        QVERIFY2(jwt.isValid(), qPrintable(jwt.errorString()));
        QCOMPARE(jwt.payloadJson(), payload);
        QCOMPARE(jwt.algorithm(), Jwt::Algorithm(algorithm));
        QCOMPARE(jwt.verify(secret), Jwt::Verification::Valid);
        QCOMPARE(jwt.verify(secret + 'x'), Jwt::Verification::BadSignature);
        QCOMPARE(jwt.verify(QByteArray()), Jwt::Verification::EmptySecret);
    }

    void headerMatchesCentrifugoLibrary()
    {
        // cristalhq/jwt's predefined HS256 header, which `centrifugo gentoken` writes.
        QCOMPARE(Jwt::base64UrlEncode(Jwt::headerJson(Jwt::Algorithm::HS256)),
                 QByteArray("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"));
    }

    void decodeClaims()
    {
        const Jwt jwt = Jwt::decode(QStringLiteral(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6MTc2NzIyNTYwMCwiaWF0IjoxNzY2NjIwODAwLCJpbmZvI"
            "jp7Im5hbWUiOiJBbGljZSJ9fQ.wf614xg2Vd9GZil8zR_RSYgXaHv6wzp9r2r_knklRCw"));
        QVERIFY(jwt.isValid());
        QCOMPARE(jwt.error(), Jwt::DecodeError::NoError);
        QVERIFY(jwt.errorString().isEmpty());
        QCOMPARE(jwt.header().value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(jwt.algorithmText(), QStringLiteral("HS256"));
        QCOMPARE(jwt.subject(), QStringLiteral("42"));
        QVERIFY(!jwt.isSubscriptionToken());
        QCOMPARE(jwt.claims().value(QLatin1String("info")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Alice"));
        QCOMPARE(jwt.expiresAt(), QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(jwt.issuedAt(), QDateTime(QDate(2025, 12, 25), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(!jwt.notBefore().isValid());
        QVERIFY(jwt.claimWarnings().isEmpty());
    }

    void pastedForms_data()
    {
        QTest::addColumn<QString>("text");
        const QString token = Jwt::sign("{\"sub\":\"1\"}", "secret");
        QTest::newRow("white space") << QStringLiteral("  \n") + token + QStringLiteral("\t\n");
        QTest::newRow("Bearer prefix") << QStringLiteral("Bearer ") + token;
        QTest::newRow("bearer lower case") << QStringLiteral("bearer  ") + token;
        QTest::newRow("quoted") << QStringLiteral("\"") + token + QStringLiteral("\"");
    }

    void pastedForms()
    {
        QFETCH(QString, text);
        const Jwt jwt = Jwt::decode(text);
        QVERIFY2(jwt.isValid(), qPrintable(jwt.errorString()));
        QCOMPARE(jwt.subject(), QStringLiteral("1"));
        QCOMPARE(jwt.verify("secret"), Jwt::Verification::Valid);
    }

    void garbage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("mentions");
        const QString header = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
        const QString payload = QStringLiteral("eyJzdWIiOiI0MiJ9");
        QTest::newRow("empty") << QString() << int(Jwt::DecodeError::Empty) << QStringLiteral("empty");
        QTest::newRow("spaces") << QStringLiteral("   ") << int(Jwt::DecodeError::Empty) << QStringLiteral("empty");
        QTest::newRow("one part") << QStringLiteral("hello") << int(Jwt::DecodeError::WrongPartCount)
                                  << QStringLiteral("found: 1");
        QTest::newRow("two parts") << header + QStringLiteral(".") + payload << int(Jwt::DecodeError::WrongPartCount)
                                   << QStringLiteral("found: 2");
        QTest::newRow("four parts") << QStringLiteral("a.b.c.d") << int(Jwt::DecodeError::WrongPartCount)
                                    << QStringLiteral("found: 4");
        QTest::newRow("JWE") << QStringLiteral("a.b.c.d.e") << int(Jwt::DecodeError::WrongPartCount)
                             << QStringLiteral("JWE");
        QTest::newRow("bad header char") << QStringLiteral("eyJh$GciOi.") + payload + QStringLiteral(".abc")
                                         << int(Jwt::DecodeError::BadHeaderBase64)
                                         << QStringLiteral("'$' at position 5");
        QTest::newRow("plain base64 in payload")
            << header + QStringLiteral(".eyJzdWIi+OiI0MiJ9.abc") << int(Jwt::DecodeError::BadPayloadBase64)
            << QStringLiteral("'+' at position 46 of the token. This looks like standard base64");
        QTest::newRow("impossible length") << header + QStringLiteral(".eyJzd.abc")
                                           << int(Jwt::DecodeError::BadPayloadBase64) << QStringLiteral("length of 5");
        QTest::newRow("bad signature") << header + QStringLiteral(".") + payload + QStringLiteral(".a b")
                                       << int(Jwt::DecodeError::BadSignatureBase64) << QStringLiteral("signature");
        QTest::newRow("header not JSON") << QStringLiteral("aGVsbG8.") + payload + QStringLiteral(".abc")
                                         << int(Jwt::DecodeError::BadHeaderJson) << QStringLiteral("not to JSON");
        QTest::newRow("payload not JSON") << header + QStringLiteral(".eyJzdWIiOjQy.abc")
                                          << int(Jwt::DecodeError::BadPayloadJson) << QStringLiteral("payload");
        QTest::newRow("payload array") << header + QStringLiteral(".WzEsMl0.abc")
                                       << int(Jwt::DecodeError::PayloadNotObject) << QStringLiteral("JSON object");
        QTest::newRow("header array") << QStringLiteral("WzEsMl0.") + payload + QStringLiteral(".abc")
                                      << int(Jwt::DecodeError::HeaderNotObject) << QStringLiteral("header");
        QTest::newRow("only dots") << QStringLiteral("..") << int(Jwt::DecodeError::BadHeaderJson)
                                   << QStringLiteral("header");
    }

    void garbage()
    {
        QFETCH(QString, text);
        QFETCH(int, error);
        QFETCH(QString, mentions);
        const Jwt jwt = Jwt::decode(text);
        QVERIFY(!jwt.isValid());
        QCOMPARE(int(jwt.error()), error);
        QVERIFY2(jwt.errorString().contains(mentions, Qt::CaseInsensitive), qPrintable(jwt.errorString()));
        QCOMPARE(jwt.verify("secret"), Jwt::Verification::Malformed);
        QVERIFY(jwt.claims().isEmpty());
        QVERIFY(jwt.expirySentence(QDateTime::currentDateTimeUtc()).isEmpty());
        QVERIFY(jwt.claimWarnings().isEmpty());
    }

    void unsignedTokenDecodesButDoesNotVerify()
    {
        // {"alg":"none"} . {"sub":"1"} . (empty signature)
        const QString token = QString::fromLatin1(Jwt::base64UrlEncode("{\"alg\":\"none\"}") + '.' +
                                                  Jwt::base64UrlEncode("{\"sub\":\"1\"}") + '.');
        const Jwt jwt = Jwt::decode(token);
        QVERIFY2(jwt.isValid(), qPrintable(jwt.errorString()));
        QCOMPARE(jwt.algorithm(), Jwt::Algorithm::None);
        QCOMPARE(jwt.verify("secret"), Jwt::Verification::UnsupportedAlgorithm);
        QCOMPARE(jwt.claimWarnings().size(), 1);
        QVERIFY(jwt.claimWarnings().first().contains(QLatin1String("unsigned")));
    }

    void rsaTokenIsNotVerifiableWithSecret()
    {
        const QString token = QString::fromLatin1(Jwt::base64UrlEncode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + '.' +
                                                  Jwt::base64UrlEncode("{\"sub\":\"1\"}") + ".c2ln");
        const Jwt jwt = Jwt::decode(token);
        QVERIFY(jwt.isValid());
        QCOMPARE(jwt.algorithm(), Jwt::Algorithm::Other);
        QCOMPARE(jwt.verify("secret"), Jwt::Verification::UnsupportedAlgorithm);
        QVERIFY(jwt.claimWarnings().join(QLatin1Char(' ')).contains(QLatin1String("RS256")));
    }

    void tamperedPayloadFailsVerification()
    {
        const QString token = Jwt::sign(R"({"sub":"42"})", "secret");
        const QStringList parts = token.split(QLatin1Char('.'));
        const QString forged = parts.at(0) + QLatin1Char('.') +
                               QString::fromLatin1(Jwt::base64UrlEncode(R"({"sub":"admin"})")) + QLatin1Char('.') +
                               parts.at(2);
        const Jwt jwt = Jwt::decode(forged);
        QVERIFY(jwt.isValid());
        QCOMPARE(jwt.subject(), QStringLiteral("admin"));
        QCOMPARE(jwt.verify("secret"), Jwt::Verification::BadSignature);
        QVERIFY(Jwt::verificationText(Jwt::Verification::BadSignature).contains(QLatin1String("3500")));
    }

    void base64Url_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("decoded");
        QTest::addColumn<int>("errorPosition");
        QTest::newRow("empty") << QByteArray() << true << QByteArray() << -1;
        QTest::newRow("a") << QByteArray("YQ") << true << QByteArray("a") << -1;
        QTest::newRow("padded") << QByteArray("YQ==") << true << QByteArray("a") << -1;
        QTest::newRow("url alphabet") << QByteArray("-_8") << true << QByteArray("\xfb\xff") << -1;
        QTest::newRow("one char") << QByteArray("Y") << false << QByteArray() << 1;
        QTest::newRow("plus") << QByteArray("a+b") << false << QByteArray() << 1;
        QTest::newRow("three equals") << QByteArray("YQ===") << false << QByteArray() << 2;
        QTest::newRow("space") << QByteArray("YQ ") << false << QByteArray() << 2;
    }

    void base64Url()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, decoded);
        QFETCH(int, errorPosition);
        QByteArray out;
        qsizetype position = -1;
        QCOMPARE(Jwt::base64UrlDecode(text, &out, &position), ok);
        if (ok) {
            QCOMPARE(out, decoded);
            QCOMPARE(Jwt::base64UrlEncode(out), text.endsWith('=') ? text.left(text.indexOf('=')) : text);
        } else {
            QCOMPARE(int(position), errorPosition);
        }
    }

    void randomGarbageNeverCrashes()
    {
        // Deterministic: a fixed seed, so a failure can be reproduced.
        QRandomGenerator random(20260101);
        const QByteArray alphabet = "eyJ.abcXYZ019-_+/=\" {}:,[]\\\x01\xff";
        int valid = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray text;
            const int length = int(random.bounded(0, 80));
            for (int c = 0; c < length; ++c)
                text += alphabet.at(random.bounded(int(alphabet.size())));
            const Jwt jwt = Jwt::decode(QString::fromLatin1(text));
            if (jwt.isValid())
                ++valid;
            else
                QVERIFY(!jwt.errorString().isEmpty());
            jwt.verify("k");
            jwt.expirySentence(QDateTime::currentDateTimeUtc());
            jwt.claimWarnings();
        }
        // Also mutations of a real token: every single-character change must decode or explain.
        const QString token = Jwt::sign(R"({"sub":"42","exp":1767225600})", "secret");
        const Jwt original = Jwt::decode(token);
        for (int i = 0; i < token.size(); ++i) {
            for (const QChar c : {QChar(u'.'), QChar(u'A'), QChar(u'%'), QChar(u'\0')}) {
                QString mutated = token;
                mutated[i] = c;
                const Jwt jwt = Jwt::decode(mutated);
                QVERIFY(jwt.isValid() || !jwt.errorString().isEmpty());
                // Only a change in the unused low bits of the last character keeps the bytes, and so the signature.
                if (jwt.verify("secret") == Jwt::Verification::Valid) {
                    QCOMPARE(jwt.payloadJson(), original.payloadJson());
                    QCOMPARE(jwt.signature(), original.signature());
                }
            }
        }
        QVERIFY(valid < 20000);
    }

    void timeState_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("offsetSeconds"); // now relative to 1767225600
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no exp") << QByteArray(R"({"sub":"1"})") << 0 << int(Jwt::TimeState::NoExpiry)
                                << QStringLiteral("never expires");
        QTest::newRow("expires in 5 min") << QByteArray(R"({"exp":1767225600})") << -300 << int(Jwt::TimeState::Valid)
                                          << QStringLiteral("Expires in 5 min (");
        QTest::newRow("expires in 4 min 59 s") << QByteArray(R"({"exp":1767225600})") << -299
                                               << int(Jwt::TimeState::Valid) << QStringLiteral("Expires in 4 min 59 s");
        QTest::newRow("expired at exactly exp") << QByteArray(R"({"exp":1767225600})") << 0
                                                << int(Jwt::TimeState::Expired) << QStringLiteral("Expired 0 s ago");
        QTest::newRow("expired 2 h ago") << QByteArray(R"({"exp":1767225600})") << 7200 << int(Jwt::TimeState::Expired)
                                         << QStringLiteral("Expired 2 h ago");
        QTest::newRow("expires in 3 d 4 h") << QByteArray(R"({"exp":1767225600})") << -(3 * 86400 + 4 * 3600 + 59)
                                            << int(Jwt::TimeState::Valid) << QStringLiteral("Expires in 3 d 4 h");
        QTest::newRow("not yet valid") << QByteArray(R"({"exp":1767229200,"nbf":1767225600})") << -10
                                       << int(Jwt::TimeState::NotYetValid) << QStringLiteral("valid in 10 s");
        QTest::newRow("exp as string") << QByteArray(R"({"exp":"1767225600"})") << 0 << int(Jwt::TimeState::NoExpiry)
                                       << QStringLiteral("never expires");
    }

    void timeState()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, offsetSeconds);
        QFETCH(int, state);
        QFETCH(QString, sentence);
        const Jwt jwt = Jwt::decode(Jwt::sign(payload, "k"));
        QVERIFY(jwt.isValid());
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600 + offsetSeconds, QTimeZone::utc());
        QCOMPARE(int(jwt.timeState(now)), state);
        QVERIFY2(jwt.expirySentence(now).contains(sentence), qPrintable(jwt.expirySentence(now)));
    }

    void claimWarnings()
    {
        const Jwt stringExp = Jwt::decode(Jwt::sign(R"({"exp":"soon","sub":42})", "k"));
        const QStringList warnings = stringExp.claimWarnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.at(0).contains(QLatin1String("\"soon\"")), qPrintable(warnings.at(0)));
        QVERIFY(warnings.at(1).contains(QLatin1String("sub")));

        const Jwt mixed = Jwt::decode(Jwt::sign(R"({"channel":"$x","channels":["a"]})", "k"));
        QVERIFY(mixed.isSubscriptionToken());
        QCOMPARE(mixed.claimWarnings().size(), 1);

        const Jwt expireAt = Jwt::decode(Jwt::sign(R"({"expire_at":0})", "k"));
        QVERIFY(!expireAt.expireAtClaim().isValid()); // 0 = never
        QCOMPARE(Jwt::decode(Jwt::sign(R"({"expire_at":1767225600})", "k")).expireAtClaim().toSecsSinceEpoch(),
                 1767225600);
    }

    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("59") << qint64(59) << QStringLiteral("59 s");
        QTest::newRow("60") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("3599") << qint64(3599) << QStringLiteral("59 min 59 s");
        QTest::newRow("3600") << qint64(3600) << QStringLiteral("1 h");
        QTest::newRow("86399") << qint64(86399) << QStringLiteral("23 h 59 min");
        QTest::newRow("7 days") << qint64(604800) << QStringLiteral("7 d");
        QTest::newRow("negative") << qint64(-90) << QStringLiteral("1 min 30 s");
    }

    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(Jwt::humanDuration(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
