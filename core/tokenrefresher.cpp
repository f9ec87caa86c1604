#include "tokenrefresher.h"

#include "commandbuilder.h"
#include "session.h"

#include <QJsonObject>

using Protocol::Method;
using Level = LogEntry::Level;

TokenRefresher::TokenRefresher(Session *session)
    : QObject(session)
    , m_session(session)
{
    m_clock.start();
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this]() { refreshToken(); });
}

void TokenRefresher::handleReply(const ProtocolMessage &reply)
{
    const QJsonObject result = reply.json().value(Protocol::methodName(reply.method)).toObject();
    if (!result.value(QLatin1String("expires")).toBool())
        return;
    const int ttl = result.value(QLatin1String("ttl")).toInt();
    switch (reply.method) {
    case Method::Connect:
    case Method::Refresh:
        scheduleConnectionRefresh(ttl);
        break;
    case Method::Subscribe:
    case Method::SubRefresh:
        if (!reply.channel.isEmpty())
            scheduleSubscriptionRefresh(reply.channel, ttl);
        break;
    default:
        break;
    }
}

void TokenRefresher::forget(const QString &channel)
{
    delete m_subRefreshTimers.take(channel);
}

void TokenRefresher::reset()
{
    m_refreshTimer.stop();
    m_expiresAtMs = -1;
    qDeleteAll(m_subRefreshTimers);
    m_subRefreshTimers.clear();
}

void TokenRefresher::scheduleConnectionRefresh(int ttlSec)
{
    m_expiresAtMs = m_clock.elapsed() + qint64(ttlSec) * 1000;
    if (!m_tokenProvider) {
        emit logged(Level::Warning, tr("The connection token expires in %1 s and no token source is set for "
                                       "refresh: the server will close the connection with 3005 connection "
                                       "expired.")
                                        .arg(ttlSec));
        return;
    }
    const int delay = qMax(1, ttlSec - m_refreshMarginSec);
    emit logged(Level::Info, tr("The connection token expires in %1 s; refreshing in %2 s.").arg(ttlSec).arg(delay));
    m_refreshTimer.start(delay * 1000);
}

void TokenRefresher::scheduleSubscriptionRefresh(const QString &channel, int ttlSec)
{
    if (!m_subTokenProvider) {
        emit logged(Level::Warning, tr("The subscription token of %1 expires in %2 s and no token source is set for "
                                       "refresh: the server will unsubscribe with 2501 subscription expired.")
                                        .arg(channel)
                                        .arg(ttlSec));
        return;
    }
    QTimer *&timer = m_subRefreshTimers[channel];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, channel]() { refreshSubscriptionToken(channel); });
    }
    const int delay = qMax(1, ttlSec - m_refreshMarginSec);
    emit logged(
        Level::Info,
        tr("The subscription token of %1 expires in %2 s; refreshing in %3 s.").arg(channel).arg(ttlSec).arg(delay));
    timer->start(delay * 1000);
}

int TokenRefresher::connectionExpiresInSec() const
{
    if (m_expiresAtMs < 0)
        return -1;
    return int(qMax<qint64>(0, (m_expiresAtMs - m_clock.elapsed()) / 1000));
}

quint32 TokenRefresher::refreshToken()
{
    const QString token = freshToken();
    if (token.isEmpty()) {
        emit logged(Level::Warning, tr("No new connection token to refresh with."));
        return 0;
    }
    const quint32 id =
        m_session->sendCommand(CommandBuilder::command(0, Method::Refresh, CommandBuilder::refresh(token)));
    if (id)
        emit tokenRefreshSent(QString(), id);
    return id;
}

quint32 TokenRefresher::refreshSubscriptionToken(const QString &channel)
{
    const QString token = m_subTokenProvider ? m_subTokenProvider(channel) : QString();
    if (token.isEmpty()) {
        emit logged(Level::Warning, tr("No new subscription token for %1.").arg(channel));
        return 0;
    }
    const quint32 id = m_session->sendCommand(
        CommandBuilder::command(0, Method::SubRefresh, CommandBuilder::subRefresh(channel, token)));
    if (id)
        emit tokenRefreshSent(channel, id);
    return id;
}
