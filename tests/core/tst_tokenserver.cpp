// Tokens we generate against a real Centrifugo: accepted, rejected with the right codes, and claims that work.
#include "centrifugoserver.h"
#include "jwt.h"
#include "session.h"
#include "tokenclaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {

// Collects what the server sends, to wait for a reply by id.
class Inbox : public QObject
{
public:
    explicit Inbox(Session *session)
    {
        connect(session, &Session::frame, this, [this](const Frame &frame) {
            if (frame.direction == Protocol::Direction::In)
                messages += frame.messages;
        });
    }
    const ProtocolMessage *reply(quint32 id) const
    {
        for (const ProtocolMessage &m : messages) {
            if (m.id == id)
                return &m;
        }
        return nullptr;
    }
    QList<ProtocolMessage> messages;
};

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestTokenServer : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;
    QByteArray m_secret;

    QString connectionToken(const QString &user, qint64 expOffset = 3600, const QByteArray &secret = {})
    {
        TokenClaims claims;
        claims.sub = user;
        claims.iat = now();
        claims.exp = now() + expOffset;
        return Jwt::sign(claims.toJson(), secret.isEmpty() ? m_secret : secret);
    }

    void open(Session *session, const QString &token)
    {
        SessionOptions options;
        options.url = m_server.webSocketUrl();
        options.token = token;
        session->open(options);
    }

    // Sends a command and waits for the reply with its id.
    ProtocolMessage request(Session *session, Inbox *inbox, const QJsonObject &command)
    {
        const quint32 id = session->sendCommand(command);
        if (!QTest::qWaitFor([&] { return inbox->reply(id) != nullptr; }, 10000))
            return {}; // kind Invalid: the caller's comparison fails and shows it
        return *inbox->reply(id);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_secret = m_server.hmacSecret().toUtf8();
        QVERIFY(!m_secret.isEmpty());
    }

    void generatedTokenIsAccepted()
    {
        TokenClaims claims;
        claims.sub = QStringLiteral("alice");
        claims.iat = now();
        claims.exp = now() + 3600;
        claims.info = R"({"name": "Alice", "role": "<tester>"})";
        const QString token = Jwt::sign(claims.toJson(), m_secret);

        Session session;
        Inbox inbox(&session);
        QSignalSpy connected(&session, &Session::connected);
        QSignalSpy closed(&session, &Session::closed);
        open(&session, token);
        QVERIFY2(connected.wait(10000), qPrintable(m_server.logTail()));
        QCOMPARE(closed.count(), 0);
        // The exp claim made the connection expiring: the reply says when the token must be refreshed.
        const QJsonObject result = session.connectResult();
        QVERIFY2(result.value(QLatin1String("expires")).toBool(), QJsonDocument(result).toJson().constData());
        const int ttl = result.value(QLatin1String("ttl")).toInt();
        QVERIFY2(ttl > 3500 && ttl <= 3600, qPrintable(QString::number(ttl)));

        // The server knows the user and the info claim: presence shows both.
        const ProtocolMessage subscribed = request(
            &session, &inbox,
            {{QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat:tokens")}}}});
        QCOMPARE(subscribed.kind, Protocol::MessageKind::Reply);
        const QJsonObject presence =
            m_server.apiCall(QStringLiteral("presence"), {{QStringLiteral("channel"), QStringLiteral("chat:tokens")}});
        const QJsonObject clientInfo = presence.value(QLatin1String("result"))
                                           .toObject()
                                           .value(QLatin1String("presence"))
                                           .toObject()
                                           .value(session.clientId())
                                           .toObject();
        QCOMPARE(clientInfo.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(clientInfo.value(QLatin1String("conn_info")).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("Alice")},
                              {QStringLiteral("role"), QStringLiteral("<tester>")}}));
        session.close();
    }

    void wrongSecretIsClosedWith3500()
    {
        Session session;
        QSignalSpy connected(&session, &Session::connected);
        QSignalSpy closed(&session, &Session::closed);
        open(&session, connectionToken(QStringLiteral("mallory"), 3600, "not-the-server-secret"));
        QVERIFY(closed.wait(10000));
        QCOMPARE(connected.count(), 0);
        QCOMPARE(closed.first().at(0).toInt(), 3500);
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("invalid token"));
        // The decoder agrees before anything is sent.
        QCOMPARE(Jwt::decode(connectionToken(QStringLiteral("mallory"), 3600, "x")).verify(m_secret),
                 Jwt::Verification::BadSignature);
    }

    void garbageTokenIsClosedWith3500()
    {
        Session session;
        QSignalSpy closed(&session, &Session::closed);
        open(&session, QStringLiteral("not.a.jwt"));
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.first().at(0).toInt(), 3500);
    }

    void expiredTokenGivesError109()
    {
        Session session;
        QSignalSpy connected(&session, &Session::connected);
        QSignalSpy failed(&session, &Session::connectFailed);
        const QString token = connectionToken(QStringLiteral("bob"), -60);
        QCOMPARE(Jwt::decode(token).timeState(QDateTime::currentDateTimeUtc()), Jwt::TimeState::Expired);
        open(&session, token);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toInt(), 109);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("token expired"));
        QCOMPARE(connected.count(), 0);
        session.close();
    }

    void channelsClaimSubscribesOnServer()
    {
        TokenClaims claims;
        claims.sub = QStringLiteral("carol");
        claims.exp = now() + 600;
        claims.channels = QStringList{QStringLiteral("chat:serverside")};
        Session session;
        QSignalSpy connected(&session, &Session::connected);
        open(&session, Jwt::sign(claims.toJson(), m_secret));
        QVERIFY(connected.wait(10000));
        const QJsonObject subs = session.connectResult().value(QLatin1String("subs")).toObject();
        QVERIFY2(subs.contains(QLatin1String("chat:serverside")),
                 QJsonDocument(session.connectResult()).toJson().constData());
        session.close();
    }

    void subscriptionTokenForPrivateChannel_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("user") << QStringLiteral("dave");
        QTest::newRow("anonymous") << QString();
    }

    void subscriptionTokenForPrivateChannel()
    {
        QFETCH(QString, user);
        Session session;
        Inbox inbox(&session);
        QSignalSpy connected(&session, &Session::connected);
        QSignalSpy closed(&session, &Session::closed);
        open(&session, user.isEmpty() ? QString() : connectionToken(user));
        QVERIFY(connected.wait(10000));

        const QString channel = QStringLiteral("$private-room");
        // Without a token, a $ channel is refused.
        const ProtocolMessage refused = request(
            &session, &inbox, {{QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), channel}}}});
        QCOMPARE(refused.kind, Protocol::MessageKind::Error);
        QCOMPARE(refused.code, 103);

        // A token signed with another secret is refused too.
        TokenClaims claims;
        claims.kind = TokenClaims::Kind::Subscription;
        claims.sub = user;
        claims.channel = channel;
        claims.iat = now();
        claims.exp = now() + 600;
        const ProtocolMessage forged =
            request(&session, &inbox,
                    {{QStringLiteral("subscribe"),
                      QJsonObject{{QStringLiteral("channel"), channel},
                                  {QStringLiteral("token"), Jwt::sign(claims.toJson(), "wrong-secret")}}}});
        QCOMPARE(forged.kind, Protocol::MessageKind::Error);
        QCOMPARE(forged.code, 103);

        // Signed with the server's secret: subscribed, and the reply says the subscription expires.
        const ProtocolMessage accepted =
            request(&session, &inbox,
                    {{QStringLiteral("subscribe"),
                      QJsonObject{{QStringLiteral("channel"), channel},
                                  {QStringLiteral("token"), Jwt::sign(claims.toJson(), m_secret)}}}});
        QVERIFY2(accepted.kind == Protocol::MessageKind::Reply, qPrintable(QString::fromUtf8(accepted.raw)));
        const QJsonObject result = accepted.json().value(QLatin1String("subscribe")).toObject();
        QVERIFY2(result.value(QLatin1String("expires")).toBool(), qPrintable(QString::fromUtf8(accepted.raw)));
        QCOMPARE(closed.count(), 0);
        session.close();
    }

    void expiredSubscriptionTokenGivesError109()
    {
        Session session;
        Inbox inbox(&session);
        QSignalSpy connected(&session, &Session::connected);
        open(&session, connectionToken(QStringLiteral("erin")));
        QVERIFY(connected.wait(10000));
        TokenClaims claims;
        claims.kind = TokenClaims::Kind::Subscription;
        claims.sub = QStringLiteral("erin");
        claims.channel = QStringLiteral("$expired");
        claims.exp = now() - 60;
        const ProtocolMessage reply =
            request(&session, &inbox,
                    {{QStringLiteral("subscribe"),
                      QJsonObject{{QStringLiteral("channel"), claims.channel},
                                  {QStringLiteral("token"), Jwt::sign(claims.toJson(), m_secret)}}}});
        QCOMPARE(reply.kind, Protocol::MessageKind::Error);
        QCOMPARE(reply.code, 109);
        session.close();
    }

    void subscriptionTokenForAnotherUserIsClosedWith3500()
    {
        Session session;
        Inbox inbox(&session);
        QSignalSpy connected(&session, &Session::connected);
        QSignalSpy closed(&session, &Session::closed);
        open(&session, connectionToken(QStringLiteral("frank")));
        QVERIFY(connected.wait(10000));
        TokenClaims claims;
        claims.kind = TokenClaims::Kind::Subscription;
        claims.sub = QStringLiteral("someone-else");
        claims.channel = QStringLiteral("$mismatch");
        claims.exp = now() + 600;
        session.sendCommand({{QStringLiteral("subscribe"),
                              QJsonObject{{QStringLiteral("channel"), claims.channel},
                                          {QStringLiteral("token"), Jwt::sign(claims.toJson(), m_secret)}}}});
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.first().at(0).toInt(), 3500);
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestTokenServer)
#include "tst_tokenserver.moc"
