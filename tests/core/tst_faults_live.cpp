// Faults with the real Centrifugo: the server is killed with SIGKILL in the middle of a flood of publications and
// started again on the same port. The session reconnects (Reconnector, subscriptions from the SubscriptionTracker
// as the application wires them), keeps every frame from before and recovers what it missed:
// - Redis engine (history outlives the process): the publisher floods through a second node sharing the Redis;
//   every publication sent while the client's node was dead is recovered, counted exactly.
// - Memory engine (history dies with the process): recovery cannot succeed; the client reports it in words, and
//   the publications published after the restart arrive.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "reconnector.h"
#include "session.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// A client as the application wires it: session, timeline, tracker and reconnector; it notes every publication
// offset of one channel, live or recovered.
class Client : public QObject
{
public:
    explicit Client(const QString &channel)
        : channel(channel)
        , reconnector(&session)
    {
        tracker.setSession(&session);
        timeline.setCap(4000000);
        reconnector.setEnabled(true);
        reconnector.setJitterForTesting(0.0);
        ReconnectPolicy policy;
        policy.minDelayMs = 200;
        policy.maxDelayMs = 1000;
        reconnector.setPolicy(policy);
        reconnector.setSubscriptionSource([this] { return tracker.restorableSubscriptions(); });
        connect(&session, &Session::frame, this, [this](const Frame &f) {
            timeline.appendFrame(f);
            for (const ProtocolMessage &m : f.messages)
                note(m, f.direction);
        });
    }

    void note(const ProtocolMessage &m, Direction direction)
    {
        if (direction != Direction::In || m.channel != channel)
            return;
        if (m.push == PushType::Pub) {
            const QJsonObject pub =
                m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
            live.append(quint64(pub.value(QLatin1String("offset")).toInteger()));
        } else if (m.kind == MessageKind::Reply && m.method == Method::Subscribe) {
            const QJsonObject result = m.json().value(QLatin1String("subscribe")).toObject();
            subscribeReplies.append(m);
            for (const QJsonValue &p : result.value(QLatin1String("publications")).toArray())
                recovered.append(quint64(p.toObject().value(QLatin1String("offset")).toInteger()));
        }
    }

    bool subscribe()
    {
        SubscribeOptions sub;
        sub.channel = channel;
        sub.recoverable = true;
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(sub)));
        return QTest::qWaitFor([this] { return !subscribeReplies.isEmpty(); }, 10000);
    }

    // Every offset seen, live or recovered, in arrival order.
    QList<quint64> allOffsets() const { return live + recovered; }

    QString channel;
    Session session;
    TimelineModel timeline;
    SubscriptionTracker tracker;
    Reconnector reconnector;
    QList<quint64> live;
    QList<quint64> recovered;
    QList<ProtocolMessage> subscribeReplies;
};

// The first `count` rows of the timeline as bytes, to check that nothing before a fault changed after it.
QList<QByteArray> firstRows(const TimelineModel &timeline, int count)
{
    QList<QByteArray> out;
    for (int row = 0; row < count; ++row)
        out.append(timeline.data(timeline.index(row, 0), TimelineModel::RawRole).toByteArray());
    return out;
}

} // namespace

class TestFaultsLive : public QObject
{
    Q_OBJECT

private slots:
    void killNineWithRedisEngineRecoversEveryPublication();
    void killNineWithMemoryEngineReportsLostHistory();

private:
    bool startRedis(QProcess *redis, quint16 *port);
};

bool TestFaultsLive::startRedis(QProcess *redis, quint16 *port)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty())
        return false;
    *port = freePort();
    redis->setProcessChannelMode(QProcess::MergedChannels);
    redis->start(binary, {QStringLiteral("--port"), QString::number(*port), QStringLiteral("--bind"),
                          QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                          QStringLiteral("--appendonly"), QStringLiteral("no")});
    if (!redis->waitForStarted())
        return false;
    const quint16 p = *port;
    return QTest::qWaitFor(
        [p] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, p);
            return probe.waitForConnected(200);
        },
        10000);
}

void TestFaultsLive::killNineWithRedisEngineRecoversEveryPublication()
{
    QProcess redis;
    quint16 redisPort = 0;
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty())
        QSKIP("redis-server is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(startRedis(&redis, &redisPort), redis.readAll().constData());
    const QString address = QStringLiteral("redis://127.0.0.1:%1").arg(redisPort);

    // Node A serves the client; node B, on the same Redis, takes the publisher's API calls.
    CentrifugoServer nodeA;
    CentrifugoServer nodeB;
    for (CentrifugoServer *node : {&nodeA, &nodeB}) {
        node->setEnvironmentOverride(QStringLiteral("engine.type"), QStringLiteral("redis"));
        node->setEnvironmentOverride(QStringLiteral("engine.redis.address"), address);
        QVERIFY2(node->start(), qPrintable(node->errorString()));
    }
    nodeA.setPort(nodeA.port());

    // "chat" keeps 100 publications of history with recovery.
    Client client(QStringLiteral("chat:faults-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
    SessionOptions options;
    options.url = nodeA.webSocketUrl();
    client.session.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(client.session.state(), Session::State::Connected, 10000);
    QVERIFY(client.subscribe());
    QSignalSpy restored(&client.reconnector, &Reconnector::restored);

    // The flood: 150 publications through node B; node A is killed after the 60th.
    const int total = 150;
    const int killAfter = 60;
    qint64 framesBeforeKill = 0;
    QList<QByteArray> rowsBeforeKill;
    for (int n = 1; n <= total; ++n) {
        const QJsonObject reply = nodeB.publish(client.channel, QJsonObject{{QStringLiteral("n"), n}});
        QVERIFY2(reply.contains(QLatin1String("result")), QJsonDocument(reply).toJson().constData());
        if (n == killAfter) {
            nodeA.kill();
            QTRY_VERIFY_WITH_TIMEOUT(client.session.state() != Session::State::Connected, 10000);
            client.timeline.flush();
            framesBeforeKill = client.timeline.frameCount();
            rowsBeforeKill = firstRows(client.timeline, client.timeline.rowCount());
        }
    }
    const int receivedBeforeRestart = int(client.live.size());
    QVERIFY2(receivedBeforeRestart <= killAfter, qPrintable(QString::number(receivedBeforeRestart)));

    QVERIFY2(nodeA.start(), qPrintable(nodeA.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(client.subscribeReplies.size() == 2, 20000);
    QTRY_COMPARE(restored.count(), 1);
    QCOMPARE(restored.first().at(1).toStringList(), QStringList{client.channel});

    const ProtocolMessage again = client.subscribeReplies.last();
    const QJsonObject result = again.json().value(QLatin1String("subscribe")).toObject();
    QVERIFY(result.value(QLatin1String("was_recovering")).toBool());
    QVERIFY2(result.value(QLatin1String("recovered")).toBool(), QJsonDocument(result).toJson().constData());
    // Exactly what was missed: every publication after the last one received before the kill.
    QCOMPARE(client.recovered.size(), total - receivedBeforeRestart);
    QVERIFY2(
        Explainer::describe(again).contains(QStringLiteral("recovered %1 missed").arg(total - receivedBeforeRestart)),
        qPrintable(Explainer::describe(again)));
    QList<quint64> expected;
    for (int n = 1; n <= total; ++n)
        expected.append(quint64(n));
    QCOMPARE(client.allOffsets(), expected); // each once, in order
    qInfo("redis engine: %d publications, %d received before SIGKILL, %lld recovered", total, receivedBeforeRestart,
          qint64(client.recovered.size()));

    // Every frame from before the kill is still there, unchanged.
    client.timeline.flush();
    QVERIFY(client.timeline.frameCount() > framesBeforeKill);
    QCOMPARE(firstRows(client.timeline, int(rowsBeforeKill.size())), rowsBeforeKill);

    // And the stream goes on live.
    QVERIFY(
        nodeB.publish(client.channel, QJsonObject{{QStringLiteral("n"), total + 1}}).contains(QLatin1String("result")));
    QTRY_COMPARE(client.live.constLast(), quint64(total + 1));

    client.reconnector.setEnabled(false);
    client.session.close();
    redis.terminate();
    redis.waitForFinished();
}

void TestFaultsLive::killNineWithMemoryEngineReportsLostHistory()
{
    CentrifugoServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    server.setPort(server.port());
    Client client(QStringLiteral("chat:memory-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
    SessionOptions options;
    options.url = server.webSocketUrl();
    client.session.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(client.session.state(), Session::State::Connected, 10000);
    QVERIFY(client.subscribe());
    const QString epochBefore = client.subscribeReplies.first()
                                    .json()
                                    .value(QLatin1String("subscribe"))
                                    .toObject()
                                    .value(QLatin1String("epoch"))
                                    .toString();

    const int beforeKill = 40;
    for (int n = 1; n <= beforeKill; ++n)
        QVERIFY(
            server.publish(client.channel, QJsonObject{{QStringLiteral("n"), n}}).contains(QLatin1String("result")));
    QTRY_COMPARE(client.live.size(), beforeKill); // the flood's publications before the kill arrived
    client.timeline.flush();
    const QList<QByteArray> rowsBeforeKill = firstRows(client.timeline, client.timeline.rowCount());
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(client.session.state() != Session::State::Connected, 10000);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(client.subscribeReplies.size() == 2, 20000);
    const ProtocolMessage again = client.subscribeReplies.last();
    const QJsonObject result = again.json().value(QLatin1String("subscribe")).toObject();
    // The memory engine lost the stream: a new epoch, nothing recovered, and the client says so.
    QVERIFY(result.value(QLatin1String("was_recovering")).toBool());
    QVERIFY2(!result.value(QLatin1String("recovered")).toBool(), QJsonDocument(result).toJson().constData());
    QVERIFY(result.value(QLatin1String("epoch")).toString() != epochBefore);
    QCOMPARE(client.recovered.size(), 0);
    QVERIFY2(Explainer::describe(again).contains(QStringLiteral("could not be recovered")),
             qPrintable(Explainer::describe(again)));

    // Publications after the restart arrive (a new stream, from offset 1).
    const int afterRestart = 25;
    for (int n = 1; n <= afterRestart; ++n)
        QVERIFY(
            server.publish(client.channel, QJsonObject{{QStringLiteral("n"), n}}).contains(QLatin1String("result")));
    QTRY_COMPARE(client.live.size(), beforeKill + afterRestart);
    QCOMPARE(client.live.mid(beforeKill).constFirst(), quint64(1));
    QCOMPARE(client.live.constLast(), quint64(afterRestart));
    qInfo("memory engine: %d publications before SIGKILL kept, 0 recovered (epoch changed), %d after the restart",
          beforeKill, afterRestart);

    client.timeline.flush();
    QCOMPARE(firstRows(client.timeline, int(rowsBeforeKill.size())), rowsBeforeKill);
    client.reconnector.setEnabled(false);
    client.session.close();
}

QTEST_GUILESS_MAIN(TestFaultsLive)
#include "tst_faults_live.moc"
