// Each application connection through the proxy is a session view of its own, against a real Centrifugo: two
// applications (two inspector Sessions pointed at the proxy) get two views, each with only its own frames and
// channels, titled with its client id; a close injected from the proxy dock into one shows in that one only, which
// stays, marked closed with the reason.
#include "centrifugoserver.h"
#include "logmodel.h"
#include "proxyappview.h"
#include "proxyappviews.h"
#include "proxypanel.h"
#include "proxyserver.h"
#include "session.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"

#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestProxyAppViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void twoApplicationsTwoViews();

private:
    // Rows of the view's timeline whose channel is `channel`.
    static int rowsOfChannel(TimelineModel *model, const QString &channel)
    {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            n += model->index(row, 0).data(TimelineModel::ChannelRole).toString() == channel;
        return n;
    }
    static int injectedRows(TimelineModel *model)
    {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            n += model->index(row, TimelineModel::DirectionColumn).data().toString().contains(u"injected"_s);
        return n;
    }

    CentrifugoServer m_server;
};

void TestProxyAppViews::twoApplicationsTwoViews()
{
    ProxyServer server;
    ProxyPanel panel(&server);
    ProxyAppViews views(&server);
    std::vector<std::unique_ptr<ProxyAppView>> owned; // the window would place and own them
    QSignalSpy added(&views, &ProxyAppViews::viewAdded);
    connect(&views, &ProxyAppViews::viewAdded, this, [&owned](ProxyAppView *v) { owned.emplace_back(v); });
    panel.setListenAddress(u"127.0.0.1:0"_s);
    panel.setUpstreamUrl(m_server.webSocketUrl().toString());
    QVERIFY2(panel.start(), qPrintable(panel.statusText()));

    // Two applications, one after the other so that their numbers are known: A is 1, B is 2.
    Session a;
    Session b;
    int framesA = 0;
    int framesB = 0;
    connect(&a, &Session::frame, this, [&framesA] { ++framesA; });
    connect(&b, &Session::frame, this, [&framesB] { ++framesB; });
    SessionOptions o;
    o.url = server.url();
    const QList<std::pair<Session *, QString>> apps = {{&a, u"app-a"_s}, {&b, u"app-b"_s}};
    for (const auto &[session, channel] : apps) {
        QSignalSpy connected(session, &Session::connected);
        session->open(o);
        QVERIFY(connected.wait(10000));
        session->sendCommand({{u"subscribe"_s, QJsonObject{{u"channel"_s, channel}}}});
    }
    QCOMPARE(added.count(), 2);
    ProxyAppView *viewA = views.view(1);
    ProxyAppView *viewB = views.view(2);
    QVERIFY(viewA && viewB);
    QCOMPARE(views.views(), (QList<ProxyAppView *>{viewA, viewB}));
    QTRY_COMPARE_WITH_TIMEOUT(viewA->tracker()->channel(u"app-a"_s).status, ChannelState::Status::Subscribed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(viewB->tracker()->channel(u"app-b"_s).status, ChannelState::Status::Subscribed, 10000);
    QVERIFY(viewA->title().contains(a.clientId()));
    QVERIFY(viewB->title().contains(b.clientId()));

    // Each view holds its own application's frames, and only those: every frame the application sent or got.
    QTRY_COMPARE_WITH_TIMEOUT((viewA->timelineModel()->flush(), viewA->timelineModel()->frameCount()), qint64(framesA),
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT((viewB->timelineModel()->flush(), viewB->timelineModel()->frameCount()), qint64(framesB),
                              10000);
    QVERIFY(rowsOfChannel(viewA->timelineModel(), u"app-a"_s) >= 2); // subscribe and its reply
    QCOMPARE(rowsOfChannel(viewA->timelineModel(), u"app-b"_s), 0);
    QVERIFY(rowsOfChannel(viewB->timelineModel(), u"app-b"_s) >= 2);
    QCOMPARE(rowsOfChannel(viewB->timelineModel(), u"app-a"_s), 0);
    QVERIFY(!viewA->tracker()->contains(u"app-b"_s));

    // A close injected into B from the dock shows in B's view, marked, and B's view stays, closed, with the reason.
    QSignalSpy closedB(&b, &Session::closed);
    panel.selectConnection(2);
    QCOMPARE(panel.selectedConnection(), server.connection(2));
    QPushButton *close = nullptr;
    for (QPushButton *button : panel.findChildren<QPushButton *>()) {
        if (button->text() == u"Close as the server"_s)
            close = button;
    }
    QVERIFY(close);
    close->click(); // 3001 "shutdown" by default
    QVERIFY(closedB.wait(10000));
    QCOMPARE(closedB.first().at(0).toInt(), 3001);
    QTRY_VERIFY_WITH_TIMEOUT((viewB->timelineModel()->flush(), injectedRows(viewB->timelineModel()) == 1), 10000);
    QCOMPARE(injectedRows(viewA->timelineModel()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(viewB->isClosed(), 10000);
    QVERIFY2(viewB->title().endsWith(u"(closed)"_s), qPrintable(viewB->title()));
    QVERIFY2(viewB->stateText().contains(u"closed"_s), qPrintable(viewB->stateText()));
    QVERIFY(!viewA->isClosed());
    QTRY_VERIFY_WITH_TIMEOUT(viewB->logModel()->rowCount() > 0, 5000); // the proxy's words about connection 2
    QCOMPARE(views.views().size(), 2);
    a.close();
    panel.stop();
}

QTEST_MAIN(TestProxyAppViews)
#include "tst_proxyappviews_live.moc"
