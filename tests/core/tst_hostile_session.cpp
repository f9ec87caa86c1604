// The Session's deadlines and close attribution against a FAKE server (tests/support/FakeHostileServer) that
// misbehaves in ways a real Centrifugo never does: no answer to the handshake, no reply to connect, silence
// after promising pings, a TCP reset, frames QWebSocket must reject. Each close must say who closed it and why.
#include "explainer.h"
#include "fakehostileserver.h"
#include "framerecord.h"
#include "reconnector.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using Protocol::Direction;
using Protocol::MessageKind;
using Side = CloseInfo::Side;
using Rule = CloseInfo::Rule;

namespace {

// Collects what a session emits.
struct Collected
{
    QList<Frame> frames;
    QStringList warnings;
};

void collect(Session *session, Collected *c)
{
    QObject::connect(session, &Session::frame, session, [c](const Frame &f) { c->frames.append(f); });
    QObject::connect(session, &Session::logged, session, [c](const LogEntry &e) {
        if (e.level >= LogEntry::Level::Warning)
            c->warnings.append(e.message);
    });
}

// A connect reply that promises a ping every intervalSec.
QByteArray connectReplyWithPing(quint32 id, int intervalSec)
{
    return QStringLiteral(
               R"({"id":%1,"connect":{"client":"fake-client","version":"0.0.0-fake","ping":%2,"pong":true}})")
        .arg(id)
        .arg(intervalSec)
        .toUtf8();
}

// Opens the session on the fake and waits for the connect reply (the fake's automatic one: no pings).
bool openConnected(Session *session, FakeHostileServer *fake, SessionOptions options = {})
{
    fake->setAutoConnectReply(true);
    options.url = fake->url();
    session->open(options);
    QSignalSpy connected(session, &Session::connected);
    return connected.wait(10000);
}

// Runs `action` (what the fake server does) and waits until the session has closed.
bool closedAfter(Session *session, const std::function<void()> &action)
{
    QSignalSpy closed(session, &Session::closed);
    action();
    return closed.wait(10000);
}

} // namespace

class TestHostileSession : public QObject
{
    Q_OBJECT

private slots:
    void handshakeTimeoutClosesAndSaysSo();
    void refusedUpgradeEndsTheAttempt();
    void connectReplyTimeoutClosesAndSaysSo();
    void silentServerIsWarnedClosedAndReconnected();
    void pingsKeepTheConnection();
    void tcpResetIsTheTransportNotNormalClosure();
    void serverCloseFrameIsTheServers();
    void invalidUtf8TextIsARejectedFrameClosedByClient();
    void badCloseFrameIsClosedByClient_data();
    void badCloseFrameIsClosedByClient();
    void closeInfoIsRecorded();
};

void TestHostileSession::handshakeTimeoutClosesAndSaysSo()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    fake.setHandshake(FakeHostileServer::Handshake::Never);
    Session session;
    Collected c;
    collect(&session, &c);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = fake.url();
    o.handshakeTimeoutMs = 300;
    session.open(o);
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.state(), Session::State::Disconnected);
    QCOMPARE(session.lastClose().side, Side::Client);
    QCOMPARE(session.lastClose().rule, Rule::HandshakeTimeout);
    QCOMPARE(session.closeCode(), 1006);
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.contains(QStringLiteral("did not answer the WebSocket handshake")), qPrintable(words));
    QVERIFY2(c.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("300 ms")),
             qPrintable(c.warnings.join(QLatin1Char('\n'))));
}

void TestHostileSession::refusedUpgradeEndsTheAttempt()
{
    // HTTP 200 instead of 101: QWebSocket reports it and keeps the TCP connection; the session ends the attempt
    // at once (no deadline needed) and says why.
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    fake.setHandshake(FakeHostileServer::Handshake::Custom,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
    Session session;
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = fake.url();
    o.handshakeTimeoutMs = 0;
    session.open(o);
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.closeCode(), 1006);
    QCOMPARE(session.lastClose().side, Side::Transport);
    QVERIFY2(session.closeReason().contains(QStringLiteral("200")), qPrintable(session.closeReason()));
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.contains(QStringLiteral("abnormal closure")) &&
                 words.contains(QStringLiteral("upgrade was refused")),
             qPrintable(words));
}

void TestHostileSession::connectReplyTimeoutClosesAndSaysSo()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = fake.url();
    o.connectTimeoutMs = 300;
    session.open(o); // no automatic connect reply: the fake never answers connect
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.lastClose().side, Side::Client);
    QCOMPARE(session.lastClose().rule, Rule::ConnectReplyTimeout);
    QVERIFY(Explainer::describeClose(session.lastClose()).contains(QStringLiteral("did not reply to connect")));
}

void TestHostileSession::silentServerIsWarnedClosedAndReconnected()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    fake.setMessageHandler([&fake](const FakeHostileServer::ClientMessage &m) {
        const quint32 id = FakeHostileServer::connectCommandId(m.payload, false);
        if (id)
            fake.sendText(connectReplyWithPing(id, 1)); // then silence
    });
    Session session;
    Collected c;
    collect(&session, &c);
    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    QSignalSpy late(&session, &Session::pingLate);
    QSignalSpy closed(&session, &Session::closed);
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);
    SessionOptions o;
    o.url = fake.url();
    o.pingToleranceMs = 300;
    session.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Connected, 10000);
    QVERIFY(closed.wait(10000));
    QCOMPARE(late.size(), 1); // the warning came first
    QCOMPARE(session.lastClose().side, Side::Client);
    QCOMPARE(session.lastClose().rule, Rule::PingSilence);
    QVERIFY(Explainer::describeClose(session.lastClose()).contains(QStringLiteral("no ping from the server")));
    QVERIFY2(c.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("ping is late")),
             qPrintable(c.warnings.join(QLatin1Char('\n'))));
    // The usual policy: a reconnect is scheduled, and it connects again.
    QVERIFY(scheduled.size() == 1 || scheduled.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(fake.connectionCount(), 2, 10000);
    reconnector.setEnabled(false);
}

void TestHostileSession::pingsKeepTheConnection()
{
    // The same fake, but it pings every second: no warning, no close.
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    fake.setMessageHandler([&fake](const FakeHostileServer::ClientMessage &m) {
        const quint32 id = FakeHostileServer::connectCommandId(m.payload, false);
        if (id)
            fake.sendText(connectReplyWithPing(id, 1));
    });
    QTimer pinger;
    connect(&pinger, &QTimer::timeout, &fake, [&fake] { fake.sendText("{}"); });
    pinger.start(500);
    Session session;
    QSignalSpy late(&session, &Session::pingLate);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = fake.url();
    o.pingToleranceMs = 300;
    session.open(o);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Connected, 10000);
    // Longer than interval + 2 x tolerance: the close would have come by now.
    QVERIFY(!closed.wait(3000));
    QCOMPARE(late.size(), 0);
    QCOMPARE(session.state(), Session::State::Connected);
}

void TestHostileSession::tcpResetIsTheTransportNotNormalClosure()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    Collected c;
    collect(&session, &c);
    QVERIFY(openConnected(&session, &fake));
    QVERIFY(closedAfter(&session, [&] { fake.resetClient(); }));
    QCOMPARE(session.closeCode(), 1006);
    QCOMPARE(session.lastClose().side, Side::Transport);
    QVERIFY(session.lastClose().hasSocketError);
    QCOMPARE(c.frames.last().closedBy, Side::Transport);
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.contains(QStringLiteral("without a close frame")), qPrintable(words));
}

void TestHostileSession::serverCloseFrameIsTheServers()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    QVERIFY(openConnected(&session, &fake));
    QVERIFY(closedAfter(&session, [&] { fake.sendClose(3501, "bad request"); }));
    QCOMPARE(session.lastClose().side, Side::Server);
    QCOMPARE(session.closeCode(), 3501);
    QCOMPARE(session.closeReason(), QStringLiteral("bad request"));
    QVERIFY(Explainer::describeClose(session.lastClose()).startsWith(QStringLiteral("The server closed")));
}

void TestHostileSession::invalidUtf8TextIsARejectedFrameClosedByClient()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    Collected c;
    collect(&session, &c);
    QVERIFY(openConnected(&session, &fake));
    QVERIFY(closedAfter(&session, [&] { fake.sendText(QByteArray("{\"push\":\"\xff\xfe\"}")); }));
    QCOMPARE(session.closeCode(), 1007);
    QCOMPARE(session.lastClose().side, Side::Client);
    QCOMPARE(session.lastClose().rule, Rule::InvalidUtf8);
    // The frame is gone, but a rejected-frame row stands in for it, just before the close.
    QVERIFY(c.frames.size() >= 2);
    const Frame &rejected = c.frames.at(c.frames.size() - 2);
    QVERIFY(rejected.rejected);
    QCOMPARE(rejected.direction, Direction::In);
    QCOMPARE(rejected.messages.size(), 1);
    QCOMPARE(rejected.messages.first().kind, MessageKind::Invalid);
    QVERIFY2(rejected.messages.first().text.contains(QStringLiteral("UTF-8")),
             qPrintable(rejected.messages.first().text));
    QVERIFY(c.frames.last().close);
    QCOMPARE(c.frames.last().closedBy, Side::Client);
}

void TestHostileSession::badCloseFrameIsClosedByClient_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("reason over 123 bytes") << 3000 << QByteArray(200, 'x');
    QTest::newRow("invalid close code") << 999 << QByteArray("bad code");
}

void TestHostileSession::badCloseFrameIsClosedByClient()
{
    // QWebSocket answers a close frame it must reject with its own 1002: this client closed, not the server.
    QFETCH(int, code);
    QFETCH(QByteArray, reason);
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    QVERIFY(openConnected(&session, &fake));
    QVERIFY(closedAfter(&session, [&] { fake.sendClose(code, reason); }));
    QCOMPARE(session.closeCode(), 1002);
    QCOMPARE(session.lastClose().side, Side::Client);
    QCOMPARE(session.lastClose().rule, Rule::ProtocolViolation);
    const QString words = Explainer::describeClose(session.lastClose());
    QVERIFY2(words.startsWith(QStringLiteral("This client closed")), qPrintable(words));
}

void TestHostileSession::closeInfoIsRecorded()
{
    // The record keeps who closed, and a rejected frame, through a write and a read.
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    Session session;
    Collected c;
    collect(&session, &c);
    QVERIFY(openConnected(&session, &fake));
    QVERIFY(closedAfter(&session, [&] { fake.sendText(QByteArray("\xc3\x28")); }));
    for (const Frame &f : std::as_const(c.frames)) {
        Frame back;
        QString error;
        const QByteArray line = FrameRecord::toJsonLine(f);
        QVERIFY2(FrameRecord::fromJsonLine(line, &back, &error), qPrintable(error));
        QCOMPARE(back.closedBy, f.closedBy);
        QCOMPARE(back.rejected, f.rejected);
        if (f.rejected)
            QVERIFY2(line.contains("\"rejected\":true"), line.constData());
        if (f.close)
            QVERIFY2(line.contains("\"closed_by\":\"client\""), line.constData());
    }
}

QTEST_MAIN(TestHostileSession)
#include "tst_hostile_session.moc"
