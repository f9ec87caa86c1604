// The core Session against a real Centrifugo server started by the test, and the official JS SDK.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "linter.h"
#include "nodescript.h"
#include "session.h"
#include "sessionrecorder.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

// The "data" object of a publication push.
QJsonObject publicationData(const ProtocolMessage &push)
{
    return push.json()
        .value(QStringLiteral("push"))
        .toObject()
        .value(QStringLiteral("pub"))
        .toObject()
        .value(QStringLiteral("data"))
        .toObject();
}

// Publication pushes received so far (a frame may carry several).
int publicationCount(const SessionRecorder &rec)
{
    int n = 0;
    for (const Frame &f : rec.frames()) {
        for (const ProtocolMessage &m : f.messages)
            n += m.push == PushType::Pub ? 1 : 0;
    }
    return n;
}

QJsonObject payload(const ProtocolMessage &m, const char *field)
{
    return m.json().value(QLatin1String(field)).toObject();
}

} // namespace

class TestSessionLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectsAnonymously();
    void reactionsAreRecordedAfterTheirCause();
    void subscribeReceivesApiPublication();
    void historyAndPresenceDecode();
    void floodArrivesWholeInBoundedReads();
    void frameLargerThanReadChunkArrives();
    void largePublicationsAtServerPaceAllArrive();
    void sdkPublicationArrives();
    void ourPublicationArrivesAtSdk();
    void missingMethodIsDisconnectedAsBadRequest();
    void autoPongKeepsConnectionAlive();
    void withoutPongServerCloses();
    void connectionRefusedIsReported();

private:
    // Opens a session and waits for the connect reply.
    bool connectSession(Session *session, SessionRecorder *recorder, const QUrl &url, bool autoPong = true);

    CentrifugoServer m_server;
};

void TestSessionLive::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    qInfo("Centrifugo %s at %s", qPrintable(m_server.version()), qPrintable(m_server.webSocketUrl().toString()));
}

bool TestSessionLive::connectSession(Session *session, SessionRecorder *recorder, const QUrl &url, bool autoPong)
{
    SessionOptions o;
    o.url = url;
    o.autoPong = autoPong;
    session->open(o);
    return recorder->waitForState(Session::State::Connected, 10000);
}

void TestSessionLive::connectsAnonymously()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy connected(&session, &Session::connected);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    QCOMPARE(connected.count(), 1);
    QVERIFY(!session.clientId().isEmpty());
    QCOMPARE(connected.first().first().toString(), session.clientId());
    QVERIFY(session.serverVersion().endsWith(QLatin1String("OSS")));
    QCOMPARE(session.pingIntervalSec(), 25);
    QVERIFY(session.pongRequired());

    // The connect reply was correlated with the connect command: it has a round-trip time.
    const auto reply = rec.waitForIncoming([](const ProtocolMessage &m) { return m.method == Method::Connect; });
    QVERIFY(reply);
    QCOMPARE(reply->kind, MessageKind::Reply);
    QVERIFY(reply->rttMs >= 0);
    QCOMPARE(session.lastRttMs(), reply->rttMs);
    QCOMPARE(rec.count(Protocol::Direction::Out, MessageKind::Command), 1);
}

void TestSessionLive::reactionsAreRecordedAfterTheirCause()
{
    // A subscribe sent from the connected signal must come after the connect reply in the frame stream.
    Session session;
    SessionRecorder rec(&session);
    quint32 subscribeId = 0;
    connect(&session, &Session::connected, this, [&]() {
        SubscribeOptions s;
        s.channel = QStringLiteral("chat:order");
        subscribeId = session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(s)));
    });
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    QVERIFY(rec.waitForReply(subscribeId));
    const QList<Frame> frames = rec.frames();
    qsizetype replyAt = -1;
    qsizetype subscribeAt = -1;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        for (const ProtocolMessage &m : frames.at(i).messages) {
            if (m.kind == MessageKind::Reply && m.method == Method::Connect)
                replyAt = i;
            if (m.kind == MessageKind::Command && m.method == Method::Subscribe)
                subscribeAt = i;
        }
    }
    QVERIFY2(replyAt >= 0 && subscribeAt > replyAt, qPrintable(rec.dump()));
}

void TestSessionLive::subscribeReceivesApiPublication()
{
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));

    SubscribeOptions s;
    s.channel = QStringLiteral("chat:live");
    const quint32 id = session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(s)));
    QVERIFY(id > 0);
    const auto reply = rec.waitForReply(id);
    QVERIFY2(reply, qPrintable(rec.dump()));
    QCOMPARE(reply->kind, MessageKind::Reply);
    QCOMPARE(reply->method, Method::Subscribe);
    QVERIFY(payload(*reply, "subscribe").value(QStringLiteral("recoverable")).toBool()); // force_recovery

    const QJsonObject api = m_server.publish(QStringLiteral("chat:live"),
                                             QJsonObject{{QStringLiteral("text"), QStringLiteral("from api")}});
    QVERIFY2(api.contains(QStringLiteral("result")), QJsonDocument(api).toJson().constData());

    const auto pub = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
    QVERIFY2(pub, qPrintable(rec.dump()));
    QCOMPARE(pub->kind, MessageKind::Push);
    QCOMPARE(pub->channel, QStringLiteral("chat:live"));
    QCOMPARE(pub->kindName(), QStringLiteral("push_pub"));
    const QJsonObject data = publicationData(*pub);
    QCOMPARE(data.value(QStringLiteral("text")).toString(), QStringLiteral("from api"));
}

void TestSessionLive::historyAndPresenceDecode()
{
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    const QString channel = QStringLiteral("chat:history");
    for (int i = 1; i <= 3; ++i) {
        const QJsonObject r = m_server.publish(channel, QJsonObject{{QStringLiteral("n"), i}});
        QVERIFY(r.contains(QStringLiteral("result")));
    }
    QVERIFY(rec.subscribe(channel));

    const quint32 hid =
        session.sendCommand(CommandBuilder::command(0, Method::History, CommandBuilder::history(channel, 10)));
    const auto history = rec.waitForReply(hid);
    QVERIFY2(history, qPrintable(rec.dump()));
    QCOMPARE(history->method, Method::History);
    const QJsonObject h = payload(*history, "history");
    const QJsonArray pubs = h.value(QStringLiteral("publications")).toArray();
    QCOMPARE(pubs.size(), 3);
    QCOMPARE(pubs.at(2).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(), 3);
    QCOMPARE(h.value(QStringLiteral("offset")).toInteger(), 3);
    QVERIFY(!h.value(QStringLiteral("epoch")).toString().isEmpty());

    const quint32 pid =
        session.sendCommand(CommandBuilder::command(0, Method::Presence, CommandBuilder::presence(channel)));
    const auto presence = rec.waitForReply(pid);
    QVERIFY(presence);
    QCOMPARE(presence->method, Method::Presence);
    const QJsonObject clients = payload(*presence, "presence").value(QStringLiteral("presence")).toObject();
    QVERIFY2(clients.contains(session.clientId()), QJsonDocument(clients).toJson().constData());

    const quint32 sid =
        session.sendCommand(CommandBuilder::command(0, Method::PresenceStats, CommandBuilder::presenceStats(channel)));
    const auto stats = rec.waitForReply(sid);
    QVERIFY(stats);
    QCOMPARE(payload(*stats, "presence_stats").value(QStringLiteral("num_clients")).toInt(), 1);
}

void TestSessionLive::floodArrivesWholeInBoundedReads()
{
    // Many times the read chunk at once: the session reads it in bounded turns and loses nothing.
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    QCOMPARE(session.readBufferSize(), Session::kReadChunkBytes);
    const QString channel = QStringLiteral("flood-bounded");
    QVERIFY(rec.subscribe(channel));

    constexpr int kCount = 4000;
    const QString filler(200, QLatin1Char('x'));
    for (int from = 0; from < kCount; from += 1000) {
        QJsonArray commands;
        for (int i = from; i < from + 1000; ++i) {
            commands.append(
                QJsonObject{{QStringLiteral("publish"),
                             QJsonObject{{QStringLiteral("channel"), channel},
                                         {QStringLiteral("data"),
                                          QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("f"), filler}}}}}});
        }
        const QJsonObject r = m_server.apiCall(QStringLiteral("batch"), {{QStringLiteral("commands"), commands}});
        QVERIFY2(r.contains(QStringLiteral("replies")), QJsonDocument(r).toJson().constData());
    }
    // Publications only: the channel also pushes this client's own join.
    const auto publications = [&rec] { return publicationCount(rec); };
    QTRY_COMPARE_WITH_TIMEOUT(publications(), kCount, 20000);
    int expected = 0;
    for (const Frame &f : rec.frames()) {
        for (const ProtocolMessage &m : f.messages) {
            if (m.push != PushType::Pub)
                continue;
            const QJsonObject data = publicationData(m);
            QCOMPARE(data.value(QStringLiteral("n")).toInt(), expected++); // in order, none missing
        }
    }
    QCOMPARE(expected, kCount);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestSessionLive::frameLargerThanReadChunkArrives()
{
    // QWebSocket reads a frame only when all of it is buffered: the buffer grows for it and shrinks after.
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    const QString channel = QStringLiteral("large-frame");
    QVERIFY(rec.subscribe(channel));

    const int size = int(Session::kReadChunkBytes) * 5 + 123;
    const QString big = TestSupport::letters(size);
    QVERIFY(m_server.publish(channel, QJsonObject{{QStringLiteral("big"), big}}).contains(QStringLiteral("result")));
    QVERIFY(m_server.publish(channel, QJsonObject{{QStringLiteral("small"), 1}}).contains(QStringLiteral("result")));

    const auto first = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; }, 15000);
    QVERIFY2(first, qPrintable(rec.dump()));
    QVERIFY(first->raw.size() > size);
    const QJsonObject data = publicationData(*first);
    QCOMPARE(data.value(QStringLiteral("big")).toString(), big);
    const auto second = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
    QVERIFY2(second, qPrintable(rec.dump()));
    QVERIFY(second->raw.contains("\"small\":1"));
    QCOMPARE(session.readBufferSize(), Session::kReadChunkBytes);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestSessionLive::largePublicationsAtServerPaceAllArrive()
{
    // ~100 KB publications in API batches of 10, sent as fast as the server acknowledges them: every one the API
    // acknowledged must arrive, in order, and the session must still be reading afterwards.
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    const QString channel = QStringLiteral("large-flood");
    QVERIFY(rec.subscribe(channel));

    constexpr int kBatches = 30;
    constexpr int kPerBatch = 10;
    const QString filler = TestSupport::letters(100 * 1000);
    int acknowledged = 0;
    for (int b = 0; b < kBatches; ++b) {
        QJsonArray commands;
        for (int i = 0; i < kPerBatch; ++i) {
            commands.append(
                QJsonObject{{QStringLiteral("publish"),
                             QJsonObject{{QStringLiteral("channel"), channel},
                                         {QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), b * kPerBatch + i},
                                                                              {QStringLiteral("f"), filler}}}}}});
        }
        const QJsonObject r = m_server.apiCall(QStringLiteral("batch"), {{QStringLiteral("commands"), commands}});
        QVERIFY2(r.contains(QStringLiteral("replies")), QJsonDocument(r).toJson().constData());
        acknowledged += int(r.value(QStringLiteral("replies")).toArray().size());
    }
    QCOMPARE(acknowledged, kBatches * kPerBatch);
    const auto publications = [&rec] { return publicationCount(rec); };
    QTRY_COMPARE_WITH_TIMEOUT(publications(), acknowledged, 60000);
    int expected = 0;
    for (const Frame &f : rec.frames()) {
        for (const ProtocolMessage &m : f.messages) {
            if (m.push == PushType::Pub)
                QCOMPARE(publicationData(m).value(QStringLiteral("n")).toInt(), expected++);
        }
    }
    QCOMPARE(session.state(), Session::State::Connected);
    // Still reading: a small publication after the flood arrives too.
    QVERIFY(m_server.publish(channel, QJsonObject{{QStringLiteral("after"), 1}}).contains(QStringLiteral("result")));
    QVERIFY2(rec.waitForIncoming([](const ProtocolMessage &m) { return m.raw.contains("\"after\":1"); }, 15000),
             qPrintable(rec.dump()));
}

void TestSessionLive::sdkPublicationArrives()
{
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    SubscribeOptions s;
    s.channel = QStringLiteral("chat:interop-in");
    QVERIFY(rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Method::Subscribe, CommandBuilder::subscribe(s)))));

    NodeScript publisher;
    QVERIFY2(publisher.start(QStringLiteral("sdk-publisher.js"),
                             {m_server.webSocketUrl().toString(), s.channel, QStringLiteral(R"({"from":"sdk"})")}),
             qPrintable(publisher.failureContext()));
    QVERIFY2(publisher.waitForLine(QStringLiteral("published")), qPrintable(publisher.failureContext()));

    const auto pub = rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == PushType::Pub; });
    QVERIFY2(pub, qPrintable(rec.dump()));
    const QJsonObject p = pub->json().value(QStringLiteral("push")).toObject().value(QStringLiteral("pub")).toObject();
    QCOMPARE(p.value(QStringLiteral("data")).toObject().value(QStringLiteral("from")).toString(),
             QStringLiteral("sdk"));
    // A client-side publish carries the publisher's client info.
    QVERIFY(!p.value(QStringLiteral("info")).toObject().value(QStringLiteral("client")).toString().isEmpty());
}

void TestSessionLive::ourPublicationArrivesAtSdk()
{
    const QString channel = QStringLiteral("chat:interop-out");
    NodeScript subscriber;
    QVERIFY2(subscriber.start(QStringLiteral("sdk-subscriber.js"),
                              {m_server.webSocketUrl().toString(), channel, QStringLiteral("1")}),
             qPrintable(subscriber.failureContext()));
    QVERIFY2(subscriber.waitForLine(QStringLiteral("subscribed")), qPrintable(subscriber.failureContext()));

    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));
    const quint32 id = session.sendCommand(CommandBuilder::command(
        0, Method::Publish,
        CommandBuilder::publish(channel, QJsonObject{{QStringLiteral("from"), QStringLiteral("inspector")}})));
    const auto reply = rec.waitForReply(id);
    QVERIFY2(reply && reply->kind == MessageKind::Reply, qPrintable(rec.dump()));

    const auto line = subscriber.waitForLine(QStringLiteral("publication"));
    QVERIFY2(line, qPrintable(subscriber.failureContext()));
    QCOMPARE(line->value(QStringLiteral("data")).toObject().value(QStringLiteral("from")).toString(),
             QStringLiteral("inspector"));
}

void TestSessionLive::missingMethodIsDisconnectedAsBadRequest()
{
    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, m_server.webSocketUrl()), qPrintable(rec.dump()));

    // The linter warns before sending ...
    const QString typed = QStringLiteral(R"({"id":2})");
    const QList<LintFinding> findings = Linter::lint(typed, session.lintContext());
    QVERIFY(Linter::hasErrors(findings));
    QCOMPARE(findings.first().code, QStringLiteral("no-method"));
    QVERIFY(findings.first().message.contains(QStringLiteral("3501")));

    // ... and the server does what it said: close 3501 "bad request".
    QSignalSpy closed(&session, &Session::closed);
    session.sendRaw(typed.toUtf8());
    const auto close = rec.waitForClose();
    QVERIFY2(close, qPrintable(rec.dump()));
    QCOMPARE(close->code, 3501);
    QCOMPARE(close->text, QStringLiteral("bad request"));
    QCOMPARE(closed.count(), 1);
    QCOMPARE(session.closeCode(), 3501);
    QCOMPARE(session.state(), Session::State::Disconnected);
    const CodeExplanation e = Explainer::disconnect(close->code);
    QCOMPARE(e.name, QStringLiteral("bad request"));
    QCOMPARE(e.advice, CodeExplanation::Advice::Stop);
    QVERIFY(Explainer::describe(*close).contains(QStringLiteral("3501")));
}

void TestSessionLive::autoPongKeepsConnectionAlive()
{
    CentrifugoServer fast;
    fast.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
    fast.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("1s"));
    QVERIFY2(fast.start(), qPrintable(fast.errorString()));

    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, fast.webSocketUrl()), qPrintable(rec.dump()));
    QCOMPARE(session.pingIntervalSec(), 2);
    QSignalSpy closed(&session, &Session::closed);

    // Three pings span more than two ping periods and more than the pong timeout after each.
    for (int i = 0; i < 3; ++i) {
        const auto ping =
            rec.waitForIncoming([](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; }, 6000);
        QVERIFY2(ping, qPrintable(rec.dump()));
    }
    QCOMPARE(rec.count(Protocol::Direction::Out, MessageKind::Pong), 3);
    // The pong timeout after the third ping passes while we wait for the fourth: still connected.
    QVERIFY2(rec.waitForIncoming([](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; }, 6000),
             qPrintable(rec.dump()));
    QCOMPARE(closed.count(), 0);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestSessionLive::withoutPongServerCloses()
{
    CentrifugoServer fast;
    fast.setEnvironmentOverride(QStringLiteral("client.ping_interval"), QStringLiteral("2s"));
    fast.setEnvironmentOverride(QStringLiteral("client.pong_timeout"), QStringLiteral("1s"));
    QVERIFY2(fast.start(), qPrintable(fast.errorString()));

    Session session;
    SessionRecorder rec(&session);
    QVERIFY2(connectSession(&session, &rec, fast.webSocketUrl(), false), qPrintable(rec.dump()));
    QVERIFY(rec.waitForIncoming([](const ProtocolMessage &m) { return m.kind == MessageKind::Ping; }, 6000));
    const auto close = rec.waitForClose(6000);
    QVERIFY2(close, qPrintable(rec.dump()));
    QCOMPARE(close->code, 3012);
    QCOMPARE(close->text, QStringLiteral("no pong"));
    QCOMPARE(rec.count(Protocol::Direction::Out, MessageKind::Pong), 0);
    QCOMPARE(Explainer::disconnect(3012).name, QStringLiteral("no pong"));
}

void TestSessionLive::connectionRefusedIsReported()
{
    // A port with nothing listening: the session must end in Disconnected with a reason, not hang.
    CentrifugoServer probe;
    QVERIFY(probe.start());
    const QUrl url = probe.webSocketUrl();
    probe.stop();

    Session session;
    SessionRecorder rec(&session);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = url;
    session.open(o);
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.state(), Session::State::Disconnected);
    QCOMPARE(closed.first().at(0).toInt(), 1006);
    QVERIFY2(closed.first().at(1).toString().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(closed.first().at(1).toString()));
    // Said as the transport's failure, with the socket error in words.
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Transport);
    QVERIFY(session.lastClose().hasSocketError);
    QCOMPARE(session.lastClose().socketError, QAbstractSocket::ConnectionRefusedError);
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.contains(QStringLiteral("was refused")), qPrintable(words));
}

QTEST_GUILESS_MAIN(TestSessionLive)
#include "tst_session_live.moc"
