// wss:// against a real Centrifugo serving TLS with certificates this test makes (openssl): a trusted CA, an
// untrusted one, a hostname mismatch, and the deliberate "ignore certificate errors" choice.
#include "centrifugoserver.h"
#include "commandbuilder.h"
#include "explainer.h"
#include "reconnector.h"
#include "session.h"
#include "sessionrecorder.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestTlsLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trustedCaConnects();
    void untrustedCertificateIsRefusedAndExplained();
    void untrustedCertificateIsNotRetried();
    void hostnameMismatchIsExplained();
    void ignoringErrorsConnectsWithWarning();
    void frameLargerThanReadChunkArrivesAlone();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Opens a session and waits until it is connected or closed.
    void openAndWait(Session *session, SessionRecorder *rec, const SessionOptions &options);

    QTemporaryDir m_dir;
    CentrifugoServer m_server;
};

void TestTlsLive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The server certificate names only 127.0.0.1: "localhost" is the hostname-mismatch case.
    QVERIFY(TestSupport::makeTestCertificates(m_dir.path(), QStringLiteral("Inspector Test CA")));
    m_server.setTls(path(QStringLiteral("server.pem")), path(QStringLiteral("server.key")));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QCOMPARE(m_server.webSocketUrl().scheme(), QStringLiteral("wss"));
}

void TestTlsLive::openAndWait(Session *session, SessionRecorder *rec, const SessionOptions &options)
{
    QSignalSpy closed(session, &Session::closed);
    session->open(options);
    QDeadlineTimer deadline(10000);
    while (session->state() != Session::State::Connected && closed.isEmpty() && !deadline.hasExpired())
        rec->waitForState(Session::State::Connected, int(qMax<qint64>(1, deadline.remainingTime())));
}

void TestTlsLive::trustedCaConnects()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy errors(&session, &Session::certificateErrors);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.caCertificatesFile = path(QStringLiteral("ca.pem"));
    openAndWait(&session, &rec, o);
    QCOMPARE(session.state(), Session::State::Connected);
    QCOMPARE(errors.count(), 0);
}

void TestTlsLive::untrustedCertificateIsRefusedAndExplained()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy errors(&session, &Session::certificateErrors);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = m_server.webSocketUrl(); // the system's CAs only
    session.open(o);
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.state(), Session::State::Disconnected);
    QVERIFY(errors.count() >= 1);
    const QString words = errors.first().first().toStringList().join(QLatin1Char('\n'));
    QVERIFY2(words.contains(QStringLiteral("Inspector Test CA")), qPrintable(words));
    QVERIFY(!errors.first().at(1).toBool());
}

void TestTlsLive::untrustedCertificateIsNotRetried()
{
    // Retrying cannot help until the user trusts the CA: the reconnector stops and says why.
    Session session;
    SessionRecorder rec(&session);
    Reconnector reconnector(&session);
    reconnector.setEnabled(true);
    QSignalSpy closed(&session, &Session::closed);
    QSignalSpy scheduled(&reconnector, &Reconnector::scheduled);
    QSignalSpy stopped(&reconnector, &Reconnector::stopped);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    session.open(o);
    QVERIFY(closed.wait(10000));
    QCOMPARE(session.lastClose().side, CloseInfo::Side::Transport);
    QVERIFY(session.lastClose().certificateRejected);
    QCOMPARE(scheduled.count(), 0);
    QCOMPARE(stopped.count(), 1);
    const QString why = stopped.first().first().toString();
    QVERIFY2(why.contains(QStringLiteral("certificate")), qPrintable(why));
    QVERIFY2(!Explainer::describeClose(session.lastClose()).contains(QStringLiteral("should reconnect")),
             qPrintable(Explainer::describeClose(session.lastClose())));
}

void TestTlsLive::hostnameMismatchIsExplained()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy errors(&session, &Session::certificateErrors);
    QSignalSpy closed(&session, &Session::closed);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.url.setHost(QStringLiteral("localhost"));
    o.caCertificatesFile = path(QStringLiteral("ca.pem"));
    session.open(o);
    QVERIFY(closed.wait(10000));
    QVERIFY(errors.count() >= 1);
    const QString words = errors.first().first().toStringList().join(QLatin1Char('\n'));
    QVERIFY2(words.contains(QStringLiteral("host name"), Qt::CaseInsensitive), qPrintable(words));
    QVERIFY(words.contains(QStringLiteral("127.0.0.1")));
}

void TestTlsLive::ignoringErrorsConnectsWithWarning()
{
    Session session;
    SessionRecorder rec(&session);
    QSignalSpy errors(&session, &Session::certificateErrors);
    QStringList warnings;
    connect(&session, &Session::logged, this, [&](const LogEntry &e) {
        if (e.level == LogEntry::Level::Warning)
            warnings.append(e.message);
    });
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.ignoreCertificateErrors = true;
    openAndWait(&session, &rec, o);
    QCOMPARE(session.state(), Session::State::Connected);
    QVERIFY(errors.count() >= 1);
    QVERIFY(errors.first().at(1).toBool());
    QVERIFY2(warnings.join(QLatin1Char('\n')).contains(QStringLiteral("ignored")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
}

void TestTlsLive::frameLargerThanReadChunkArrivesAlone()
{
    // The session reads at most Session::kReadChunkBytes per turn and grows the limit for a larger frame. Over TLS
    // the limit applies to decrypted bytes; one large frame with nothing after it must still arrive at once, not
    // when the next bytes (a server ping, 25 s later) wake the socket up.
    Session session;
    SessionRecorder rec(&session);
    SessionOptions o;
    o.url = m_server.webSocketUrl();
    o.caCertificatesFile = path(QStringLiteral("ca.pem"));
    openAndWait(&session, &rec, o);
    QCOMPARE(session.state(), Session::State::Connected);
    const QString channel = QStringLiteral("tls-large-frame");
    SubscribeOptions s;
    s.channel = channel;
    QVERIFY(rec.waitForReply(
        session.sendCommand(CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(s)))));

    const int size = int(Session::kReadChunkBytes) * 5 + 123;
    const QString big = TestSupport::letters(size);
    QVERIFY(m_server.publish(channel, QJsonObject{{QStringLiteral("big"), big}}).contains(QStringLiteral("result")));
    const auto pub =
        rec.waitForIncoming([](const ProtocolMessage &m) { return m.push == Protocol::PushType::Pub; }, 10000);
    QVERIFY2(pub, qPrintable(rec.dump()));
    QVERIFY(pub->raw.size() > size);
    QVERIFY(pub->raw.contains(big.left(1000).toUtf8()));
    QCOMPARE(session.readBufferSize(), Session::kReadChunkBytes);
}

QTEST_GUILESS_MAIN(TestTlsLive)
#include "tst_tls_live.moc"
