#pragma once

#include "logentry.h"
#include "protocolmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

class Session;

// Keeps a Session's tokens fresh: reads "expires"/"ttl" from connect, refresh, subscribe and sub_refresh replies,
// and sends refresh / sub_refresh with a token from the providers shortly before expiry.
class TokenRefresher : public QObject
{
    Q_OBJECT

public:
    using TokenProvider = std::function<QString()>;
    using SubscriptionTokenProvider = std::function<QString(const QString &channel)>;

    explicit TokenRefresher(Session *session);

    void setTokenProvider(TokenProvider provider) { m_tokenProvider = std::move(provider); }
    bool hasTokenProvider() const { return bool(m_tokenProvider); }
    QString freshToken() const { return m_tokenProvider ? m_tokenProvider() : QString(); }
    void setSubscriptionTokenProvider(SubscriptionTokenProvider provider) { m_subTokenProvider = std::move(provider); }
    void setRefreshMarginSec(int seconds) { m_refreshMarginSec = seconds; }

    quint32 refreshToken();
    quint32 refreshSubscriptionToken(const QString &channel);
    int connectionExpiresInSec() const;

    // A successful reply: schedules a refresh when it says the token expires.
    void handleReply(const ProtocolMessage &reply);
    // The channel is no longer subscribed: its refresh is dropped.
    void forget(const QString &channel);
    // The connection ended: every scheduled refresh is dropped.
    void reset();

signals:
    void logged(LogEntry::Level level, const QString &text);
    void tokenRefreshSent(const QString &channel, quint32 id);

private:
    void scheduleConnectionRefresh(int ttlSec);
    void scheduleSubscriptionRefresh(const QString &channel, int ttlSec);

    Session *m_session;
    TokenProvider m_tokenProvider;
    SubscriptionTokenProvider m_subTokenProvider;
    int m_refreshMarginSec = 5;
    QElapsedTimer m_clock;
    QTimer m_refreshTimer;
    qint64 m_expiresAtMs = -1; // on m_clock, ms
    QHash<QString, QTimer *> m_subRefreshTimers;
};
