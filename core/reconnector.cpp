#include "reconnector.h"

#include "commandbuilder.h"
#include "explainer.h"
#include "logging.h"
#include "session.h"

#include <QRandomGenerator>
#include <utility>

Reconnector::Reconnector(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Reconnector::attemptNow);
    connect(session, &Session::closed, this, &Reconnector::onClosed);
    connect(session, &Session::connected, this, &Reconnector::onConnected);
    connect(session, &Session::connectFailed, this, &Reconnector::onConnectFailed);
}

void Reconnector::onConnectFailed(int code, const QString &message)
{
    Q_UNUSED(message);
    m_connectError = code;
}

void Reconnector::setEnabled(bool on)
{
    m_enabled = on;
    if (!on && m_timer.isActive()) {
        m_timer.stop();
        emit stopped(tr("Automatic reconnect was turned off."));
    }
}

void Reconnector::cancel()
{
    const bool wasActive = m_timer.isActive() || m_reconnecting;
    m_timer.stop();
    m_reconnecting = false;
    m_attempt = 0;
    if (wasActive)
        emit stopped(tr("Reconnecting was cancelled."));
}

void Reconnector::onClosed(int code, const QString &reason)
{
    Q_UNUSED(reason);
    if (!m_enabled)
        return;
    if (m_session->closedByClient()) {
        m_reconnecting = false;
        m_attempt = 0;
        return;
    }
    const int connectError = std::exchange(m_connectError, 0);
    if (connectError != 0) {
        // Centrifugo drops the socket after a connect error (1006); whether to retry depends on the error.
        const CodeExplanation ce = Explainer::error(connectError);
        const bool canRetry =
            ce.advice == CodeExplanation::Advice::Retry && (connectError != 109 || m_session->hasTokenProvider());
        if (!canRetry) {
            m_reconnecting = false;
            m_attempt = 0;
            emit stopped(tr("Not reconnecting: connect failed with %1").arg(ce.sentence()));
            return;
        }
    }
    const CloseInfo &info = m_session->lastClose();
    if (!info.retryable()) {
        m_reconnecting = false;
        m_attempt = 0;
        emit stopped(tr("Not reconnecting: %1").arg(Explainer::describeClose(info)));
        return;
    }
    const CodeExplanation e = Explainer::disconnect(code);
    // Closes of our own rules (timeouts, a silent server) and lost connections are retried whatever the code; the
    // server's own close decides by its code.
    const bool terminal = info.side == CloseInfo::Side::Server && e.advice == CodeExplanation::Advice::Stop;
    if (terminal) {
        m_reconnecting = false;
        m_attempt = 0;
        emit stopped(tr("Not reconnecting: %1").arg(e.sentence()));
        return;
    }
    const double jitter = m_fixedJitter >= 0 ? m_fixedJitter : QRandomGenerator::global()->generateDouble();
    const int delay = m_policy.delayMs(m_attempt, jitter);
    m_reconnecting = true;
    qCInfo(lcSession) << "reconnect attempt" << m_attempt + 1 << "in" << delay << "ms after close" << code << "by"
                      << CloseInfo::sideName(info.side);
    m_timer.start(delay);
    emit scheduled(m_attempt + 1, delay);
}

void Reconnector::attemptNow()
{
    ++m_attempt;
    emit attempting(m_attempt);
    SessionOptions options = m_session->options();
    if (m_session->hasTokenProvider()) {
        // A reconnect needs a token that is valid now, not the one the last connect used.
        const QString token = m_session->freshToken();
        if (!token.isEmpty())
            options.token = token;
    }
    m_session->open(options);
}

void Reconnector::onConnected()
{
    if (!m_reconnecting)
        return;
    m_reconnecting = false;
    m_attempt = 0;
    if (!m_source)
        return;
    const QList<SubscribeOptions> subs = m_source();
    if (subs.isEmpty())
        return;
    QList<QJsonObject> commands;
    QStringList channels;
    QStringList recovering;
    for (const SubscribeOptions &o : subs) {
        commands.append(CommandBuilder::command(0, Protocol::Method::Subscribe, CommandBuilder::subscribe(o)));
        channels.append(o.channel);
        if (o.recover)
            recovering.append(o.channel);
    }
    // One frame, as the official SDK does after connect.
    m_session->sendCommands(commands);
    emit restored(channels, recovering);
}
