// The window against a real Centrifugo: expiry errors and closes explained where the user looks (109 for connect
// and subscribe, 3005, 2501), and TLS: the orange warning while certificate errors are ignored, the refused
// certificate explained, a trusted CA file. Waits on signals and QTRY_*, never on sleeps.
#include "centrifugoserver.h"
#include "connectionpanel.h"
#include "jwt.h"
#include "mainwindow.h"
#include "session.h"
#include "subscriptionpanel.h"
#include "subscriptiontracker.h"
#include "testsupport.h"
#include "testtokens.h"
#include "tokenclaims.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Status = ChannelState::Status;

namespace {

QString connectionToken(const QString &secret, const QString &user, qint64 expiresInSec)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    TokenClaims claims;
    claims.sub = user;
    claims.iat = now;
    claims.exp = now + expiresInSec;
    return Jwt::sign(claims.toJson(), secret.toUtf8());
}

} // namespace

class TestLifecycleGuiLive : public QObject
{
    Q_OBJECT

private:
    CentrifugoServer m_server;
    CentrifugoServer m_tlsServer;
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    ConnectionPanel *panel() const { return m_window->connectionPanel(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Opens the window, connects as user and subscribes to channel with a token that expires in ttlSec.
    bool connectAndSubscribe(const QString &user, const QString &channel, qint64 ttlSec)
    {
        openWindow(m_server.webSocketUrl());
        panel()->setToken(connectionToken(m_server.hmacSecret(), user, 3600));
        QSignalSpy connected(m_session.get(), &Session::connected);
        if (!panel()->connectToServer() || !connected.wait(10000))
            return false;
        SubscribeOptions o;
        o.channel = channel;
        o.token = TestSupport::subscriptionToken(m_server.hmacSecret(), user, channel, ttlSec);
        return m_window->subscriptionPanel()->subscribe(o);
    }

    void openWindow(const QUrl &url)
    {
        m_settings =
            std::make_unique<QSettings>(path(QStringLiteral("s-%1.ini").arg(++m_counter)), QSettings::IniFormat);
        m_session = std::make_unique<Session>();
        m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        panel()->setUrl(url.toString());
        // Closes are what these tests look at: no reconnect afterwards.
        panel()->findChild<QCheckBox *>(QStringLiteral("reconnect"))->setChecked(false);
        m_window->show();
    }

    void waitConnectedOrClosed(int timeoutMs = 10000)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->state() == Session::State::Connected ||
                                     (m_session->state() == Session::State::Disconnected && m_session->closeCode()),
                                 timeoutMs);
    }

private slots:
    void initTestCase()
    {
        if (CentrifugoServer::findBinary().isEmpty())
            QSKIP("centrifugo not installed (scripts/install-deps.sh)");
        QVERIFY(m_dir.isValid());
        // Expired connections and subscriptions are closed 1 s after expiry instead of 25 s.
        m_server.setEnvironmentOverride(QStringLiteral("client.expired_close_delay"), QStringLiteral("1s"));
        m_server.setEnvironmentOverride(QStringLiteral("client.expired_sub_close_delay"), QStringLiteral("1s"));
        // Subscription expiry is checked with the presence update, every 27 s by default.
        m_server.setEnvironmentOverride(QStringLiteral("client.presence_update_interval"), QStringLiteral("1s"));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(TestSupport::makeTestCertificates(m_dir.path(), QStringLiteral("Inspector GUI Test CA")));
        m_tlsServer.setTls(path(QStringLiteral("server.pem")), path(QStringLiteral("server.key")));
        QVERIFY2(m_tlsServer.start(), qPrintable(m_tlsServer.errorString()));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
    }

    void expiredConnectionTokenIsExplained()
    {
        openWindow(m_server.webSocketUrl());
        panel()->setToken(connectionToken(m_server.hmacSecret(), QStringLiteral("late"), -30));
        QSignalSpy failed(m_session.get(), &Session::connectFailed);
        QVERIFY(panel()->connectToServer());
        QVERIFY(failed.wait(10000));
        QCOMPARE(panel()->stateText(), QStringLiteral("connect failed: error 109"));
        QVERIFY2(panel()->explanationText().contains(QLatin1String("token has expired")),
                 qPrintable(panel()->explanationText()));
    }

    void expiredSubscriptionTokenIsExplained()
    {
        const QString user = QStringLiteral("gui-sub-user");
        const QString channel = QStringLiteral("$gui-expired");
        QVERIFY(connectAndSubscribe(user, channel, -30));
        QTRY_COMPARE(m_window->tracker()->channel(channel).status, Status::Failed);
        const ChannelState s = m_window->tracker()->channel(channel);
        QCOMPARE(s.code, 109);
        QVERIFY2(s.explanation.contains(QLatin1String("token has expired")), qPrintable(s.explanation));
    }

    void connectionExpiryIsExplained()
    {
        // No token source: the server closes with 3005 once the token expires (plus the 1 s delay).
        openWindow(m_server.webSocketUrl());
        panel()->setToken(connectionToken(m_server.hmacSecret(), QStringLiteral("gui-expiring"), 2));
        QSignalSpy closed(m_session.get(), &Session::closed);
        QVERIFY(panel()->connectToServer());
        QVERIFY(closed.wait(15000));
        QCOMPARE(closed.first().first().toInt(), 3005);
        QCOMPARE(panel()->stateText(), QStringLiteral("Closed by the server: 3005 connection expired"));
        QVERIFY2(panel()->explanationText().contains(QLatin1String("not refreshed in time")),
                 qPrintable(panel()->explanationText()));
    }

    void subscriptionExpiryIsExplained()
    {
        const QString user = QStringLiteral("gui-sub-expiring");
        const QString channel = QStringLiteral("$gui-expiring");
        QVERIFY(connectAndSubscribe(user, channel, 2));
        QTRY_COMPARE(m_window->tracker()->channel(channel).status, Status::Subscribed);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tracker()->channel(channel).status, Status::Unsubscribed, 15000);
        const ChannelState s = m_window->tracker()->channel(channel);
        QCOMPARE(s.code, 2501);
        QVERIFY2(s.explanation.contains(QLatin1String("subscription expired")), qPrintable(s.explanation));
        QCOMPARE(m_session->state(), Session::State::Connected);
    }

    void ignoredCertificateErrorsShowAWarning()
    {
        openWindow(m_tlsServer.webSocketUrl());
        auto *ignore = panel()->findChild<QCheckBox *>(QStringLiteral("ignoreCertificateErrors"));
        ignore->setChecked(true);
        QVERIFY(panel()->tlsWarningText().contains(QLatin1String("will be ignored")));
        QVERIFY(panel()->connectToServer());
        waitConnectedOrClosed();
        QCOMPARE(m_session->state(), Session::State::Connected);
        const QString warning = panel()->tlsWarningText();
        QVERIFY2(warning.contains(QLatin1String("Certificate errors are ignored for this connection")),
                 qPrintable(warning));
        // The errors themselves, in words: the test CA is not trusted.
        QVERIFY2(warning.contains(QLatin1String("Inspector GUI Test CA")), qPrintable(warning));
        QSignalSpy closed(m_session.get(), &Session::closed);
        panel()->disconnectFromServer();
        QVERIFY(closed.count() == 1 || closed.wait(10000));
        QVERIFY(panel()->tlsWarningText().contains(QLatin1String("will be ignored")));
        ignore->setChecked(false);
        QVERIFY(panel()->tlsWarningText().isEmpty());
    }

    void refusedCertificateIsExplained()
    {
        openWindow(m_tlsServer.webSocketUrl());
        QSignalSpy closed(m_session.get(), &Session::closed);
        QVERIFY(panel()->connectToServer());
        QVERIFY(closed.wait(10000));
        QVERIFY2(panel()->explanationText().contains(QLatin1String("certificate was not accepted")),
                 qPrintable(panel()->explanationText()));
        QVERIFY(panel()->explanationText().contains(QLatin1String("Inspector GUI Test CA")));
        QVERIFY(panel()->tlsWarningText().isEmpty());
    }

    void trustedCaFileConnectsWithoutWarning()
    {
        openWindow(m_tlsServer.webSocketUrl());
        panel()->findChild<QLineEdit *>(QStringLiteral("caFile"))->setText(path(QStringLiteral("ca.pem")));
        QVERIFY(panel()->connectToServer());
        waitConnectedOrClosed();
        QCOMPARE(m_session->state(), Session::State::Connected);
        QVERIFY(panel()->tlsWarningText().isEmpty());
    }
};

QTEST_MAIN(TestLifecycleGuiLive)
#include "tst_lifecyclegui_live.moc"
