#pragma once

#include "reconnectpolicy.h"
#include "subscribeoptions.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>
#include <functional>

class Session;

// Reconnects a Session like a real client: backoff with jitter after a disconnect in a reconnect range, stop on
// terminal codes (saying why), and restore subscriptions (with recovery positions) once connected again.
class Reconnector : public QObject
{
    Q_OBJECT

public:
    // Subscriptions to restore after a reconnect, with recover/epoch/offset filled where known.
    using SubscriptionSource = std::function<QList<SubscribeOptions>()>;

    explicit Reconnector(Session *session, QObject *parent = nullptr);

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    void setPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    ReconnectPolicy policy() const { return m_policy; }
    void setSubscriptionSource(SubscriptionSource source) { m_source = std::move(source); }
    // For tests: a fixed "random" value in [0, 1); negative means real randomness.
    void setJitterForTesting(double value) { m_fixedJitter = value; }

    bool isScheduled() const { return m_timer.isActive(); }
    int attempt() const { return m_attempt; }
    // Milliseconds until the next attempt, -1 when none is scheduled.
    int remainingMs() const { return m_timer.isActive() ? m_timer.remainingTime() : -1; }
    // Cancels a scheduled attempt (the user disconnected or changed settings).
    void cancel();

signals:
    void scheduled(int attempt, int delayMs);
    void attempting(int attempt);
    // No more attempts: the reason in words (terminal code, user close, disabled).
    void stopped(const QString &reason);
    // Subscriptions sent again after a reconnect; recovering lists those asking for missed publications.
    void restored(const QStringList &channels, const QStringList &recovering);

private:
    void onClosed(int code, const QString &reason);
    void onConnected();
    void attemptNow();
    void onConnectFailed(int code, const QString &message);

    Session *m_session;
    ReconnectPolicy m_policy;
    SubscriptionSource m_source;
    QTimer m_timer;
    bool m_enabled = false;
    bool m_reconnecting = false;
    int m_attempt = 0;
    int m_connectError = 0; // error code of a failed connect on the current socket
    double m_fixedJitter = -1;
};
