// Reconnect, recovery and token refresh against a real Centrifugo server.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "jwt.h"
#include "reconnector.h"
#include "session.h"
#include "sessionrecorder.h"
#include "testtokens.h"
#include "tokenclaims.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

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
    return m.json().value(Protocol::methodName(m.method)).toObject();
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
    void killedServerIsTheTransportAndReconnects();
    void refreshesConnectionTokenBeforeExpiry();
    void expiredTokenIsExplained();
    void refreshesSubscriptionTokenBeforeExpiry();
    void expiredSubscriptionTokenIsExplained();
    void traceLogMasksSecrets();

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
        first->json().value(QStringLiteral("push")).toObject().value(QStringLiteral("pub")).toObject();
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

void TestLifecycleLive::killedServerIsTheTransportAndReconnects()
{
    // kill -9 of Centrifugo: the kernel closes its sockets without a WebSocket close frame. That is a lost
    // connection (1006, the socket's error), not "1000 normal closure", and a reconnect follows.
    CentrifugoServer doomed;
    QVERIFY2(doomed.start(), qPrintable(doomed.errorString()));
    Session session;
    SessionRecorder rec(&session);
    SessionOptions o;
    o.url = doomed.webSocketUrl();
    session.open(o);
    QVERIFY(rec.waitForState(Session::State::Connected));
    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);
    QCOMPARE(::kill(pid_t(doomed.processId()), SIGKILL), 0);
    const auto close = rec.waitForClose();
    QVERIFY2(close, qPrintable(rec.dump()));
    QCOMPARE(close->code, 1006);
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Transport);
    QVERIFY(session.lastClose().hasSocketError);
    QCOMPARE(rec.frames().last().closedBy, CloseInfo::Side::Transport);
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.contains(QStringLiteral("without a close frame")), qPrintable(words));
    QVERIFY(scheduled.count() == 1 || scheduled.wait(5000));
    reconnector.setEnabled(false);
    doomed.stop();
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

void TestLifecycleLive::refreshesSubscriptionTokenBeforeExpiry()
{
    const QString user = QStringLiteral("sub-refresh-user");
    const QString channel = QStringLiteral("$sub-refresh");
    Session session;
    SessionRecorder rec(&session);
    session.setRefreshMarginSec(2);
    QStringList asked;
    session.setSubscriptionTokenProvider([&](const QString &ch) {
        asked.append(ch);
        return TestSupport::subscriptionToken(m_server.hmacSecret(), user, ch, 600);
    });
    QSignalSpy refreshSent(&session, &Session::tokenRefreshSent);
    QVERIFY(connectSession(&session, &rec, connectionToken(m_server.hmacSecret(), user, 3600)));

    // ttl 3 s, margin 2 s: sub_refresh goes out about 1 s after the subscribe reply.
    SubscribeOptions sub;
    sub.channel = channel;
    sub.token = TestSupport::subscriptionToken(m_server.hmacSecret(), user, channel, 3);
    const auto subscribed = rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub))));
    QVERIFY2(subscribed && subscribed->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QVERIFY2(result(*subscribed).value(QStringLiteral("expires")).toBool(), qPrintable(rec.dump()));
    QVERIFY(result(*subscribed).value(QStringLiteral("ttl")).toInt() <= 3);

    QVERIFY2(refreshSent.wait(6000), qPrintable(rec.dump()));
    QCOMPARE(refreshSent.first().at(0).toString(), channel);
    QCOMPARE(asked, QStringList{channel});
    const quint32 id = refreshSent.first().at(1).toUInt();
    QVERIFY(id != 0);

    // The command on the wire: sub_refresh for the channel with the provider's fresh token.
    bool commandSeen = false;
    for (const Frame &f : rec.frames()) {
        for (const ProtocolMessage &m : f.messages) {
            if (f.direction == Protocol::Direction::Out && m.id == id) {
                QCOMPARE(m.method, Method::SubRefresh);
                QCOMPARE(m.channel, channel);
                const QString token =
                    m.json().value(QStringLiteral("sub_refresh")).toObject().value(QStringLiteral("token")).toString();
                QVERIFY(token.startsWith(QStringLiteral("eyJ")));
                QVERIFY(token != sub.token);
                commandSeen = true;
            }
        }
    }
    QVERIFY2(commandSeen, qPrintable(rec.dump()));

    const auto reply = rec.waitForReply(id);
    QVERIFY2(reply && reply->kind == MessageKind::Reply, qPrintable(rec.dump()));
    QCOMPARE(reply->method, Method::SubRefresh);
    QCOMPARE(reply->channel, channel);
    QVERIFY2(result(*reply).value(QStringLiteral("expires")).toBool(), qPrintable(rec.dump()));
    QVERIFY2(result(*reply).value(QStringLiteral("ttl")).toInt() > 500, qPrintable(rec.dump()));
    // Past the first token's expiry the subscription is still there: no 2501 unsubscribe came.
    const auto late = rec.waitForIncoming(
        [](const ProtocolMessage &m) { return m.kind == MessageKind::Push && m.push == PushType::Unsubscribe; }, 3000);
    QVERIFY2(!late, qPrintable(rec.dump()));
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestLifecycleLive::expiredSubscriptionTokenIsExplained()
{
    const QString user = QStringLiteral("sub-expired-user");
    const QString channel = QStringLiteral("$sub-expired");
    Session session;
    SessionRecorder rec(&session);
    QVERIFY(connectSession(&session, &rec, connectionToken(m_server.hmacSecret(), user, 3600)));
    SubscribeOptions sub;
    sub.channel = channel;
    sub.token = TestSupport::subscriptionToken(m_server.hmacSecret(), user, channel, -10);
    const auto reply = rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub))));
    QVERIFY2(reply && reply->kind == MessageKind::Error, qPrintable(rec.dump()));
    QCOMPARE(reply->code, 109);
    QCOMPARE(reply->method, Method::Subscribe);
    QVERIFY(Explainer::describe(*reply).contains(QStringLiteral("token expired")));
    QCOMPARE(session.state(), Session::State::Connected); // a subscribe error is not a disconnect
}

void TestLifecycleLive::traceLogMasksSecrets()
{
    const QString user = QStringLiteral("masked-user");
    const QString token = connectionToken(m_server.hmacSecret(), user, 3600);
    const QString signature = token.section(QLatin1Char('.'), 2);
    const QString opaque = QStringLiteral("opaque-subscription-token-4711");
    const QString header = QStringLiteral("Bearer header-secret-0815");
    // What --log-level trace prints on stderr goes through the Qt message handler: capture it.
    static QStringList printed;
    printed.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("inspector.*=true"));
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &message) {
            if (QByteArray(context.category).startsWith("inspector."))
                printed.append(message);
        });
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });

    Session session;
    session.setLogLevel(LogEntry::Level::Trace);
    SessionRecorder rec(&session);
    QStringList lines;
    connect(&session, &Session::logged, this, [&](const LogEntry &e) { lines.append(e.message); });

    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.token = token;
    o.headers.append({"Authorization", header.toUtf8()});
    session.open(o);
    QVERIFY2(rec.waitForState(Session::State::Connected), qPrintable(rec.dump()));
    // A subscribe with a token that is not a JWT (the server refuses it; the log must not show it).
    SubscribeOptions sub;
    sub.channel = QStringLiteral("chat:masked");
    sub.token = opaque;
    QVERIFY(rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub)))));

    const QString masked = lines.join(QLatin1Char('\n'));
    QVERIFY2(!masked.contains(signature), qPrintable(masked));
    QVERIFY2(!masked.contains(opaque), qPrintable(masked));
    QVERIFY2(!masked.contains(QStringLiteral("header-secret-0815")), qPrintable(masked));
    QVERIFY2(masked.contains(QStringLiteral("\"token\":\"eyJhbGciOi…(masked)\"")), qPrintable(masked));
    QVERIFY2(masked.contains(QStringLiteral("> Authorization: ***(masked)")), qPrintable(masked));
    QVERIFY2(masked.contains(QStringLiteral("\"token\":\"***(masked)\"")), qPrintable(masked));
    const QString onStderr = printed.join(QLatin1Char('\n'));
    QVERIFY2(onStderr.contains(QStringLiteral("eyJhbGciOi…(masked)")), qPrintable(onStderr));
    QVERIFY(!onStderr.contains(signature) && !onStderr.contains(opaque) &&
            !onStderr.contains(QStringLiteral("header-secret-0815")));
    // The frames themselves are never changed: the timeline and recordings stay lossless.
    QVERIFY(rec.frames().first().raw.contains(token.toUtf8()));

    // The explicit switch shows them.
    lines.clear();
    session.setShowSecrets(true);
    QVERIFY(rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub)))));
    const QString shown = lines.join(QLatin1Char('\n'));
    QVERIFY2(shown.contains(opaque), qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestLifecycleLive)
#include "tst_lifecycle_live.moc"
