#pragma once

#include "closeinfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// The deadlines of one connection, in the Session's place: the WebSocket handshake, the reply to connect, and the
// server's pings. Each one that passes is a signal; the Session closes the connection and says why.
class ConnectionWatchdog : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionWatchdog(QObject *parent = nullptr);

    // Handshake started (timeoutMs <= 0: no limit); webSocket: a WebSocket upgrade, else an HTTP stream's start.
    void startHandshake(int timeoutMs, bool webSocket = true);
    void handshakeDone();
    // Connect sent (timeoutMs <= 0: no limit).
    void startConnectReply(int timeoutMs);
    // The connect reply came: from now on a ping is due every intervalSec (0: the server sends none).
    void connectReplied(int intervalSec, int toleranceMs);
    // Anything came from the server: it is not silent. Cheap enough to call for every frame of a flood.
    void activity() { m_lastActivityMs = m_clock.elapsed(); }
    void stop();

    bool isPingLate() const { return m_late; }

signals:
    void handshakeTimedOut(int timeoutMs);
    void connectReplyTimedOut(int timeoutMs);
    // Nothing from the server for the ping interval plus the tolerance: a warning.
    void pingLate(int silentMs);
    // Nothing for the ping interval plus twice the tolerance: time to close.
    void pingSilent(int silentMs);
    // Each deadline that closes the connection, with the rule it stands for and why in words.
    void expired(CloseInfo::Rule rule, const QString &why);

private:
    void checkPing();

    QElapsedTimer m_clock;
    QTimer m_handshake;
    QTimer m_connectReply;
    QTimer m_ping;
    qint64 m_lastActivityMs = 0;
    int m_intervalMs = 0;
    int m_toleranceMs = 0;
    bool m_late = false;
    bool m_webSocket = true;
};
