#include "jwt.h"
#include "profileresolver.h"
#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

class TestProfileResolver : public QObject
{
    Q_OBJECT

private:
    static ProfileResolver::Result resolve(SecretStore *secrets, const ConnectionProfile &profile)
    {
        ProfileResolver resolver(secrets);
        QSignalSpy resolved(&resolver, &ProfileResolver::resolved);
        resolver.resolve(profile);
        if (!resolved.wait(10000))
            return {};
        return resolved.first().first().value<ProfileResolver::Result>();
    }

private slots:
    void fixedToken()
    {
        SecretStore secrets(QStringLiteral("t"), SecretStore::Mode::MemoryOnly);
        ConnectionProfile p = ConnectionProfile::create(QStringLiteral("Fixed"));
        p.tokenSource = ConnectionProfile::TokenSource::Fixed;
        p.headers = {{"X-Plain", "1", false}, {"X-Api-Key", {}, true}};
        secrets.write(p.secretKey(ConnectionProfile::Secret::ConnectionToken), QStringLiteral("the-token"));
        secrets.write(p.secretKey(ConnectionProfile::Secret::Header, "X-Api-Key"), QStringLiteral("hdr"));
        secrets.write(p.secretKey(ConnectionProfile::Secret::ApiKey), QStringLiteral("api"));
        const ProfileResolver::Result r = resolve(&secrets, p);
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(r.options.token, QStringLiteral("the-token"));
        QCOMPARE(r.options.headers.size(), 2);
        QCOMPARE(r.options.headers.at(1), (QPair<QByteArray, QByteArray>("X-Api-Key", "hdr")));
        QCOMPARE(r.apiKey, QStringLiteral("api"));
        QVERIFY(r.tokenProvider());
        QCOMPARE(r.tokenProvider()(), QStringLiteral("the-token"));
    }

    void generatedTokenAndSubscriptionTokens()
    {
        SecretStore secrets(QStringLiteral("t"), SecretStore::Mode::MemoryOnly);
        ConnectionProfile p = ConnectionProfile::create(QStringLiteral("Gen"));
        p.tokenSource = ConnectionProfile::TokenSource::Generated;
        p.tokenClaims.sub = QStringLiteral("42");
        p.tokenTtlSec = 120;
        secrets.write(p.secretKey(ConnectionProfile::Secret::HmacSecret), QStringLiteral("s3cret"));
        const ProfileResolver::Result r = resolve(&secrets, p);
        QVERIFY(r.warnings.isEmpty());
        const Jwt token = Jwt::decode(r.options.token);
        QCOMPARE(token.verify("s3cret"), Jwt::Verification::Valid);
        QCOMPARE(token.subject(), QStringLiteral("42"));
        QCOMPARE(token.issuedAt().secsTo(token.expiresAt()), 120);
        QCOMPARE(Jwt::decode(r.tokenProvider()()).verify("s3cret"), Jwt::Verification::Valid);
        const Jwt sub = Jwt::decode(r.subscriptionTokenProvider()(QStringLiteral("$x")));
        QCOMPARE(sub.claims().value(QLatin1String("channel")).toString(), QStringLiteral("$x"));
        QCOMPARE(sub.verify("s3cret"), Jwt::Verification::Valid);
    }

    void missingSecretsAreWarnedNotBlocking()
    {
        SecretStore secrets(QStringLiteral("t"), SecretStore::Mode::MemoryOnly);
        ConnectionProfile p = ConnectionProfile::create(QStringLiteral("Imported"));
        p.tokenSource = ConnectionProfile::TokenSource::Generated;
        p.headers = {{"Authorization", {}, true}};
        const ProfileResolver::Result r = resolve(&secrets, p);
        QCOMPARE(r.warnings.size(), 2);
        QVERIFY(r.warnings.at(0).contains(QLatin1String("HMAC secret")));
        QVERIFY(r.warnings.at(1).contains(QLatin1String("Authorization")));
        QVERIFY(r.options.token.isEmpty());
        QVERIFY(!r.tokenProvider());
        QVERIFY(!r.subscriptionTokenProvider());
    }

    void newerResolveWins()
    {
        SecretStore secrets(QStringLiteral("t"), SecretStore::Mode::MemoryOnly);
        ConnectionProfile a = ConnectionProfile::create(QStringLiteral("A"));
        ConnectionProfile b = ConnectionProfile::create(QStringLiteral("B"));
        ProfileResolver resolver(&secrets);
        QSignalSpy resolved(&resolver, &ProfileResolver::resolved);
        resolver.resolve(a);
        resolver.resolve(b);
        QVERIFY(resolved.wait(10000));
        QTest::qWait(0); // let any stale answer arrive
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(resolved.first().first().value<ProfileResolver::Result>().profile.name, QStringLiteral("B"));
    }
};

QTEST_GUILESS_MAIN(TestProfileResolver)
#include "tst_profileresolver.moc"
