// The Session against a FAKE server (tests/support/FakeHostileServer) that misbehaves in ways a real Centrifugo
// never does. Each case checks: no crash, the right words (log and close), every frame kept, memory bounded.
#include "fakehostileserver.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>

using Protocol::Direction;
using Protocol::MessageKind;

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void fakeServerUpgradesAndConnects();
};

void TestHostileServer::fakeServerUpgradesAndConnects()
{
    FakeHostileServer fake;
    QVERIFY(fake.listen());
    fake.setAutoConnectReply(true);
    Session session;
    QList<Frame> frames;
    connect(&session, &Session::frame, this, [&frames](const Frame &f) { frames.append(f); });
    SessionOptions options;
    options.url = fake.url();
    session.open(options);
    QTRY_COMPARE(session.state(), Session::State::Connected);
    QCOMPARE(session.clientId(), QStringLiteral("fake-client"));
    fake.sendText(R"({"push":{"channel":"c","pub":{"data":{"n":1}}}})");
    QTRY_COMPARE(frames.size(), 3);
    session.close();
    QTRY_COMPARE(session.state(), Session::State::Disconnected);
    QCOMPARE(session.closeCode(), 1000);
}

QTEST_MAIN(TestHostileServer)
#include "tst_hostile_server.moc"
