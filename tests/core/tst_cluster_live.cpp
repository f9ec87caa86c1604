// A real two-node Centrifugo cluster with the Redis engine (Debian's redis-server, started here on a free loopback
// port): sessions on different nodes, publications through node A's API reaching subscribers on node B, presence
// and history across nodes, a disconnect through one node's API closing a client of the other, and `info` listing
// both nodes.
#include "centrifugoserver.h"
#include "redisserver.h"
#include "serverapiclient.h"
#include "serverapitemplates.h"
#include "session.h"
#include "sessionrecorder.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Protocol::PushType;

class TestClusterLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void infoListsBothNodes();
    void publicationsCrossNodes();
    void presenceAndHistoryCountBothNodes();
    void disconnectThroughTheOtherNode();

private:
    ServerApiReply call(CentrifugoServer &node, const QString &method, const QJsonObject &body);
    bool connectTo(CentrifugoServer &node, Session *session, SessionRecorder *recorder, const QString &channel);

    RedisServer m_redis;
    CentrifugoServer m_nodeA;
    CentrifugoServer m_nodeB;
};

void TestClusterLive::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    CentrifugoServer *nodes[] = {&m_nodeA, &m_nodeB};
    const QString names[] = {u"node-a"_s, u"node-b"_s};
    for (int i = 0; i < 2; ++i) {
        nodes[i]->setEnvironmentOverride(u"engine.type"_s, u"redis"_s);
        nodes[i]->setEnvironmentOverride(u"engine.redis.address"_s, m_redis.url());
        nodes[i]->setEnvironmentOverride(u"node.name"_s, names[i]);
        QVERIFY2(nodes[i]->start(), qPrintable(nodes[i]->errorString()));
    }
}

void TestClusterLive::cleanupTestCase()
{
    m_nodeA.stop();
    m_nodeB.stop();
    m_redis.stop();
}

ServerApiReply TestClusterLive::call(CentrifugoServer &node, const QString &method, const QJsonObject &body)
{
    ServerApiClient api;
    api.setBaseUrl(node.httpUrl().toString());
    api.setApiKey(node.apiKey());
    QSignalSpy spy(&api, &ServerApiClient::finished);
    api.call(method, body);
    if (!spy.wait(15000))
        return ServerApiReply::timedOut(method, 15000);
    return spy.first().at(1).value<ServerApiReply>();
}

bool TestClusterLive::connectTo(CentrifugoServer &node, Session *session, SessionRecorder *recorder,
                                const QString &channel)
{
    SessionOptions o;
    o.url = node.webSocketUrl();
    session->open(o);
    if (!recorder->waitForState(Session::State::Connected))
        return false;
    const quint32 id = session->sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, channel}}}});
    const auto reply = recorder->waitForReply(id);
    return reply && reply->kind == Protocol::MessageKind::Reply;
}

void TestClusterLive::infoListsBothNodes()
{
    // Nodes learn of each other through Redis every few seconds.
    QStringList names;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&]() {
            const ServerApiReply r = call(m_nodeA, u"info"_s, {});
            names.clear();
            for (const QJsonValue &node : r.result.value(QLatin1String("nodes")).toArray())
                names << node.toObject().value(QLatin1String("name")).toString();
            names.sort();
            return names.size() == 2;
        }(),
        30000);
    QCOMPARE(names, (QStringList{u"node-a"_s, u"node-b"_s}));
    const ServerApiReply fromB = call(m_nodeB, u"info"_s, {});
    QCOMPARE(fromB.result.value(QLatin1String("nodes")).toArray().size(), 2);
    QVERIFY2(fromB.sentence().contains(QLatin1String("2 node(s)")), qPrintable(fromB.sentence()));
    qInfo("info: %d nodes (%s)", int(names.size()), qPrintable(names.join(u", "_s)));
}

void TestClusterLive::publicationsCrossNodes()
{
    const QString channel = u"chat:cluster-pubs"_s;
    Session onA, onB;
    SessionRecorder recA(&onA), recB(&onB);
    QVERIFY2(connectTo(m_nodeA, &onA, &recA, channel), qPrintable(recA.dump()));
    QVERIFY2(connectTo(m_nodeB, &onB, &recB, channel), qPrintable(recB.dump()));

    constexpr int kPublications = 50;
    int sent = 0;
    for (int n = 1; n <= kPublications; ++n) {
        const ServerApiReply r =
            call(m_nodeA, u"publish"_s, {{u"channel"_s, channel}, {u"data"_s, QJsonObject{{u"n"_s, n}}}});
        QVERIFY2(r.isOk(), qPrintable(r.sentence()));
        QCOMPARE(r.result.value(QLatin1String("offset")).toInt(), n);
        ++sent;
    }
    // Every publication reaches both nodes' subscribers, in order.
    int received[2] = {0, 0}; // on B, on A
    SessionRecorder *recorders[] = {&recB, &recA};
    for (int i = 0; i < 2; ++i) {
        SessionRecorder *rec = recorders[i];
        for (int n = 1; n <= kPublications; ++n) {
            const auto pub = rec->waitForIncoming(
                [&](const ProtocolMessage &m) { return m.push == PushType::Pub && m.channel == channel; });
            QVERIFY2(pub, qPrintable(QStringLiteral("publication %1 missing").arg(n)));
            const QJsonObject push = pub->json().value(QLatin1String("push")).toObject();
            QCOMPARE(push.value(QLatin1String("pub"))
                         .toObject()
                         .value(QLatin1String("data"))
                         .toObject()
                         .value(QLatin1String("n")),
                     QJsonValue(n));
            ++received[i];
        }
    }
    QCOMPARE(received[0], kPublications);
    qInfo("publications: %d sent through node A's API, received by the subscriber on node B: %d, on node A: %d", sent,
          received[0], received[1]);
}

void TestClusterLive::presenceAndHistoryCountBothNodes()
{
    const QString channel = u"chat:cluster-presence"_s;
    Session onA, onB;
    SessionRecorder recA(&onA), recB(&onB);
    QVERIFY2(connectTo(m_nodeA, &onA, &recA, channel), qPrintable(recA.dump()));
    QVERIFY2(connectTo(m_nodeB, &onB, &recB, channel), qPrintable(recB.dump()));

    for (CentrifugoServer *node : {&m_nodeA, &m_nodeB}) {
        const ServerApiReply presence = call(*node, u"presence"_s, {{u"channel"_s, channel}});
        QVERIFY2(presence.isOk(), qPrintable(presence.sentence()));
        const QJsonObject clients = presence.result.value(QLatin1String("presence")).toObject();
        QCOMPARE(clients.size(), 2);
        QVERIFY(clients.contains(onA.clientId()));
        QVERIFY(clients.contains(onB.clientId()));
        const ServerApiReply stats = call(*node, u"presence_stats"_s, {{u"channel"_s, channel}});
        QCOMPARE(stats.result.value(QLatin1String("num_clients")).toInt(), 2);
    }
    // History lives in Redis: a publication through B is in A's history.
    QVERIFY(call(m_nodeB, u"publish"_s, {{u"channel"_s, channel}, {u"data"_s, QJsonObject{}}}).isOk());
    const ServerApiReply history = call(m_nodeA, u"history"_s, {{u"channel"_s, channel}, {u"limit"_s, 10}});
    QCOMPARE(history.result.value(QLatin1String("publications")).toArray().size(), 1);
    qInfo("presence: 2 clients (one per node) seen through both nodes' APIs");
}

void TestClusterLive::disconnectThroughTheOtherNode()
{
    const QString channel = u"chat:cluster-chaos"_s;
    Session onA;
    SessionRecorder recA(&onA);
    QVERIFY2(connectTo(m_nodeA, &onA, &recA, channel), qPrintable(recA.dump()));
    QSignalSpy closed(&onA, &Session::closed);
    const ServerApiReply r =
        call(m_nodeB, u"disconnect"_s,
             ServerApiTemplates::disconnectClient(QString(), onA.clientId(), 4002, u"from the other node"_s));
    QVERIFY2(r.isOk(), qPrintable(r.sentence()));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
    QCOMPARE(closed.first().at(0).toInt(), 4002);
    QCOMPARE(closed.first().at(1).toString(), u"from the other node"_s);
}

QTEST_GUILESS_MAIN(TestClusterLive)
#include "tst_cluster_live.moc"
