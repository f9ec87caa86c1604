// LintContextTracker with a real Centrifugo: it follows the session's subscriptions and learns from replies what
// the server has (or lacks).
#include "centrifugoserver.h"
#include "lintcontexttracker.h"
#include "linter.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>

class TestLintContextTrackerLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void followsTheSession();

private:
    CentrifugoServer m_server;
};

void TestLintContextTrackerLive::followsTheSession()
{
    Session session;
    LintContextTracker tracker(&session);
    QSignalSpy changed(&tracker, &LintContextTracker::contextChanged);
    QVERIFY(!tracker.context().socketOpen);

    SessionOptions o;
    o.url = m_server.webSocketUrl();
    session.open(o);
    QTRY_VERIFY_WITH_TIMEOUT(tracker.context().connected, 10000);
    QVERIFY(changed.count() > 0);
    // Connecting without a token worked: the server allows it.
    QVERIFY(tracker.context().grantedSettings.contains(QStringLiteral("anonymous-connect")));

    session.sendCommand(QJsonObject{
        {QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat:tracked")}}}});
    QTRY_VERIFY_WITH_TIMEOUT(tracker.context().grantedSettings.contains(QStringLiteral("subscribe:chat")), 10000);
    QVERIFY(tracker.context().subscriptions.contains(QStringLiteral("chat:tracked")));
    QVERIFY(tracker.context().grantedSettings.contains(QStringLiteral("namespace:chat")));
    // The linter now knows a second subscribe is refused.
    QCOMPARE(Linter::lintFrame(R"({"id":50,"subscribe":{"channel":"chat:tracked"}})", tracker.context()).outcome,
             LintOutcome::error(105));

    // A namespace that answered 102 is known to be unknown.
    session.sendCommand(
        QJsonObject{{QStringLiteral("presence"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("nope:x")}}}});
    QTRY_VERIFY_WITH_TIMEOUT(tracker.context().missingSettings.contains(QStringLiteral("namespace:nope")), 10000);
    QCOMPARE(Linter::lintFrame(R"({"id":51,"publish":{"channel":"nope:y","data":1}})", tracker.context()).outcome,
             LintOutcome::error(102));

    session.sendCommand(QJsonObject{
        {QStringLiteral("unsubscribe"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat:tracked")}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!tracker.context().subscriptions.contains(QStringLiteral("chat:tracked")), 10000);

    // What replies taught outlives the connection; subscriptions do not.
    session.sendCommand(QJsonObject{
        {QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat:again")}}}});
    QTRY_VERIFY_WITH_TIMEOUT(tracker.context().subscriptions.contains(QStringLiteral("chat:again")), 10000);
    session.close();
    QTRY_VERIFY_WITH_TIMEOUT(!tracker.context().socketOpen, 10000);
    QVERIFY(tracker.context().subscriptions.isEmpty());
    QVERIFY(tracker.context().missingSettings.contains(QStringLiteral("namespace:nope")));
}

QTEST_GUILESS_MAIN(TestLintContextTrackerLive)
#include "tst_lintcontexttracker_live.moc"
