// The proxy dock against a real Centrifugo: start from the form, an application connection in the list, and a
// fault injected from its buttons reaches the application.
#include "centrifugoserver.h"
#include "proxypanel.h"
#include "proxyserver.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QWebSocket>

class TestProxyPanelLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void startConnectAndClose();
    void refusesRemoteAddress();

private:
    QPushButton *button(ProxyPanel &panel, const QString &text)
    {
        const auto buttons = panel.findChildren<QPushButton *>();
        for (QPushButton *b : buttons) {
            if (b->text() == text)
                return b;
        }
        return nullptr;
    }

    CentrifugoServer m_server;
};

void TestProxyPanelLive::startConnectAndClose()
{
    ProxyServer server;
    ProxyPanel panel(&server);
    panel.setListenAddress(QStringLiteral("127.0.0.1:0"));
    panel.setUpstreamUrl(m_server.webSocketUrl().toString());
    QPushButton *startStop = panel.findChild<QPushButton *>(QStringLiteral("proxyStartStop"));
    QVERIFY(startStop);
    startStop->click();
    QVERIFY(server.isListening());
    QVERIFY2(panel.statusText().contains(server.url().toString()), qPrintable(panel.statusText()));

    QWebSocket app; // a fake application
    QSignalSpy text(&app, &QWebSocket::textMessageReceived);
    QSignalSpy closed(&app, &QWebSocket::disconnected);
    connect(&app, &QWebSocket::connected, &app,
            [&app] { app.sendTextMessage(QStringLiteral(R"({"id":1,"connect":{}})")); });
    app.open(server.url());
    QVERIFY(text.wait(10000));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("proxyConnections"));
    QVERIFY(list);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!list->topLevelItem(0)->text(3).isEmpty(), 5000); // the client id
    QCOMPARE(panel.selectedConnection(), server.connection(1));

    QPushButton *close = button(panel, QStringLiteral("Close as the server"));
    QVERIFY(close);
    QVERIFY(close->isEnabled());
    close->click(); // 3001 "shutdown" by default
    QVERIFY(closed.wait(10000));
    QCOMPARE(int(app.closeCode()), 3001);
    QCOMPARE(app.closeReason(), QStringLiteral("shutdown"));
    QTRY_VERIFY_WITH_TIMEOUT(!close->isEnabled(), 5000); // the connection is closed: nothing to inject into

    startStop->click();
    QVERIFY(!server.isListening());
}

void TestProxyPanelLive::refusesRemoteAddress()
{
    ProxyServer server;
    ProxyPanel panel(&server);
    panel.setListenAddress(QStringLiteral("0.0.0.0:0"));
    panel.setUpstreamUrl(m_server.webSocketUrl().toString());
    QVERIFY(!panel.start());
    QVERIFY(!server.isListening());
    QVERIFY2(panel.statusText().contains(QStringLiteral("loopback")), qPrintable(panel.statusText()));
    panel.setListenAddress(QStringLiteral("nonsense"));
    QVERIFY(!panel.start());
}

QTEST_MAIN(TestProxyPanelLive)
#include "tst_proxypanel_live.moc"
