// Reconnect, recovery and token refresh against a real Centrifugo server.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "jwt.h"
#include "reconnector.h"
#include "session.h"
#include "sessionrecorder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

QString connectionToken(const QString &secret, const QString &user, qint64 expiresInSec)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("sub"), user}, {QStringLiteral("exp"), now + expiresInSec}};
    return Jwt::sign(QJsonDocument(claims).toJson(QJsonDocument::Compact), secret.toUtf8());
}

QJsonObject result(const ProtocolMessage &m)
{
    return m.json.value(Protocol::methodName(m.method)).toObject();
}

} // namespace

class TestLifecycleLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reconnectsAndRecoversMissedPublications();
    void stopsOnTerminalDisconnect();
    void clientCloseDoesNotReconnect();
    void refreshesConnectionTokenBeforeExpiry();
    void expiredTokenIsExplained();

private:
    bool connectSession(Session *session, SessionRecorder *rec, const QString &token = {});
    CentrifugoServer m_server;
};

void TestLifecycleLive::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

bool TestLifecycleLive::connectSession(Session *session, SessionRecorder *rec, const QString &token)
{
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.token = token;
    session->open(o);
    return rec->waitForState(Session::State::Connected);
}

void TestLifecycleLive::reconnectsAndRecoversMissedPublications()
{
    const QString user = QStringLiteral("reconnect-user");
    const QString channel = QStringLiteral("chat:recover");
    Session session;
    SessionRecorder rec(&session);
    session.setTokenProvider([&]() { return connectionToken(m_server.hmacSecret(), user, 3600); });
    QVERIFY2(connectSession(&session, &rec, connectionToken(m_server.hmacSecret(), user, 3600)),
             qPrintable(rec.dump()));

    SubscribeOptions sub;
    sub.channel = channel;
    sub.recoverable = true;
    const auto subscribed = rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub))));
    QVERIFY2(subscribed && subscribed->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QVERIFY(m_server.publish(channel, QJsonObject{{QStringLiteral("n"), 1}}).contains(QStringLiteral("result")));
    const auto first = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
    QVERIFY(first);
    const QJsonObject pub =
        first->json.value(QStringLiteral("push")).toObject().value(QStringLiteral("pub")).toObject();
    const quint64 lastOffset = quint64(pub.value(QStringLiteral("offset")).toInteger());
    // The first publication of a stream carries its epoch (observed), else the subscribe reply has it.
    QString epoch = result(*subscribed).value(QStringLiteral("epoch")).toString();
    QVERIFY(!epoch.isEmpty());

    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    reconnector.setJitterForTesting(0.0);
    reconnector.setSubscriptionSource([&]() {
        SubscribeOptions o = sub;
        o.recover = true;
        o.offset = lastOffset;
        o.epoch = epoch;
        return QList<SubscribeOptions>{o};
    });
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);
    QSignalSpy restored(&reconnector, &Reconnector::restored);
    // While the client is away, two publications arrive at the channel.
    connect(&session, &Session::closed, this, [&]() {
        m_server.publish(channel, QJsonObject{{QStringLiteral("n"), 2}});
        m_server.publish(channel, QJsonObject{{QStringLiteral("n"), 3}});
    });

    // 3011 force reconnect: a code in the reconnect range.
    const QJsonObject api = m_server.apiCall(
        QStringLiteral("disconnect"),
        QJsonObject{{QStringLiteral("user"), user},
                    {QStringLiteral("disconnect"),
                     QJsonObject{{QStringLiteral("code"), 3011}, {QStringLiteral("reason"), QStringLiteral("test")}}}});
    QVERIFY2(api.contains(QStringLiteral("result")), QJsonDocument(api).toJson().constData());
    const auto close = rec.waitForClose();
    QVERIFY2(close, qPrintable(rec.dump()));
    QCOMPARE(close->code, 3011);
    QVERIFY(scheduled.count() == 1 || scheduled.wait());
    QCOMPARE(scheduled.first().at(1).toInt(), 500); // no jitter: the minimum delay

    QVERIFY2(rec.waitForState(Session::State::Connected, 10000), qPrintable(rec.dump()));
    QVERIFY(restored.count() == 1 || restored.wait());
    QCOMPARE(restored.first().at(1).toStringList(), QStringList{channel});

    const auto again = rec.waitForIncoming(
        [](const ProtocolMessage &m) { return m.kind == MessageKind::Reply && m.method == Method::Subscribe; });
    QVERIFY2(again, qPrintable(rec.dump()));
    const QJsonObject r = result(*again);
    QVERIFY(r.value(QStringLiteral("was_recovering")).toBool());
    QVERIFY2(r.value(QStringLiteral("recovered")).toBool(), QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QStringLiteral("publications")).toArray().size(), 2);
    QCOMPARE(again->channel, channel);
    QVERIFY(Explainer::describe(*again).contains(QStringLiteral("recovered 2 missed")));
}

void TestLifecycleLive::stopsOnTerminalDisconnect()
{
    const QString user = QStringLiteral("terminal-user");
    Session session;
    SessionRecorder rec(&session);
    QVERIFY(connectSession(&session, &rec, connectionToken(m_server.hmacSecret(), user, 3600)));
    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    QSignalSpy stopped(&reconnector, &Reconnector::stopped);
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);

    // The API's default disconnect is 3503 force disconnect: terminal.
    QVERIFY(m_server.apiCall(QStringLiteral("disconnect"), QJsonObject{{QStringLiteral("user"), user}})
                .contains(QStringLiteral("result")));
    const auto close = rec.waitForClose();
    QVERIFY(close);
    QCOMPARE(close->code, 3503);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(stopped.first().first().toString().contains(QStringLiteral("3503")));
    QCOMPARE(scheduled.count(), 0);
    QVERIFY(!reconnector.isScheduled());
}

void TestLifecycleLive::clientCloseDoesNotReconnect()
{
    Session session;
    SessionRecorder rec(&session);
    QVERIFY(connectSession(&session, &rec));
    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);
    session.close();
    QVERIFY(rec.waitForClose());
    QVERIFY(session.closedByClient());
    QCOMPARE(scheduled.count(), 0);
}

void TestLifecycleLive::refreshesConnectionTokenBeforeExpiry()
{
    const QString user = QStringLiteral("refresh-user");
    Session session;
    SessionRecorder rec(&session);
    session.setRefreshMarginSec(2);
    int provided = 0;
    session.setTokenProvider([&]() {
        ++provided;
        return connectionToken(m_server.hmacSecret(), user, 600);
    });
    QSignalSpy refreshSent(&session, &Session::tokenRefreshSent);
    // ttl 3 s, margin 2 s: the refresh goes out about 1 s after connect.
    QVERIFY(connectSession(&session, &rec, connectionToken(m_server.hmacSecret(), user, 3)));
    const QJsonObject connectResult = session.connectResult();
    QVERIFY(connectResult.value(QStringLiteral("expires")).toBool());
    QVERIFY(session.connectionExpiresInSec() >= 0);

    QVERIFY(refreshSent.wait(5000));
    const quint32 id = refreshSent.first().at(1).toUInt();
    const auto reply = rec.waitForReply(id);
    QVERIFY2(reply && reply->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QCOMPARE(reply->method, Method::Refresh);
    QVERIFY(result(*reply).value(QStringLiteral("ttl")).toInt() > 500);
    QCOMPARE(provided, 1);
    QVERIFY(session.connectionExpiresInSec() > 500);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestLifecycleLive::expiredTokenIsExplained()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy failed(&session, &Session::connectFailed);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.token = connectionToken(m_server.hmacSecret(), QStringLiteral("late"), -10);
    session.open(o);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().toInt(), 109);
    const auto error = rec.waitForIncoming([](const ProtocolMessage &m) { return m.kind == MessageKind::Error; });
    QVERIFY(error);
    QCOMPARE(error->method, Method::Connect);
    QVERIFY(Explainer::describe(*error).contains(QStringLiteral("token expired")));
    QVERIFY(session.hasConnectFailed());
    QVERIFY(session.lintContext().connectFailed);
}

QTEST_GUILESS_MAIN(TestLifecycleLive)
#include "tst_lifecycle_live.moc"
