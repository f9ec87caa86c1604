#include "connectionwatchdog.h"

ConnectionWatchdog::ConnectionWatchdog(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    for (QTimer *t : {&m_handshake, &m_connectReply, &m_ping})
        t->setSingleShot(true);
    connect(&m_handshake, &QTimer::timeout, this, [this] {
        const int ms = m_handshake.interval();
        emit handshakeTimedOut(ms);
        emit expired(CloseInfo::Rule::HandshakeTimeout,
                     m_webSocket
                         ? tr("The server accepted the TCP connection but did not answer the WebSocket "
                              "handshake within %1 ms: giving up.")
                               .arg(ms)
                         : tr("The server did not start the streaming response within %1 ms: giving up.").arg(ms));
    });
    connect(&m_connectReply, &QTimer::timeout, this, [this] {
        const int ms = m_connectReply.interval();
        emit connectReplyTimedOut(ms);
        emit expired(CloseInfo::Rule::ConnectReplyTimeout,
                     tr("No reply to connect within %1 ms: closing the connection.").arg(ms));
    });
    connect(&m_ping, &QTimer::timeout, this, &ConnectionWatchdog::checkPing);
}

void ConnectionWatchdog::startHandshake(int timeoutMs, bool webSocket)
{
    stop();
    m_webSocket = webSocket;
    if (timeoutMs > 0)
        m_handshake.start(timeoutMs);
}

void ConnectionWatchdog::handshakeDone()
{
    m_handshake.stop();
}

void ConnectionWatchdog::startConnectReply(int timeoutMs)
{
    if (timeoutMs > 0)
        m_connectReply.start(timeoutMs);
}

void ConnectionWatchdog::connectReplied(int intervalSec, int toleranceMs)
{
    m_connectReply.stop();
    m_intervalMs = intervalSec > 0 ? intervalSec * 1000 : 0;
    m_toleranceMs = qMax(0, toleranceMs);
    m_late = false;
    activity();
    if (m_intervalMs > 0)
        m_ping.start(m_intervalMs + m_toleranceMs);
}

void ConnectionWatchdog::stop()
{
    m_handshake.stop();
    m_connectReply.stop();
    m_ping.stop();
    m_intervalMs = 0;
    m_late = false;
}

void ConnectionWatchdog::checkPing()
{
    if (m_intervalMs <= 0)
        return;
    // One timer, re-armed for what is left: restarting a timer for every frame of a flood would cost more.
    const qint64 silent = m_clock.elapsed() - m_lastActivityMs;
    const qint64 lateAt = m_intervalMs + m_toleranceMs;
    const qint64 closeAt = lateAt + m_toleranceMs;
    if (silent < lateAt) {
        m_late = false;
        m_ping.start(int(lateAt - silent));
        return;
    }
    if (silent < closeAt) {
        if (!m_late) {
            m_late = true;
            emit pingLate(int(silent));
        }
        m_ping.start(int(closeAt - silent));
        return;
    }
    emit pingSilent(int(silent));
    emit expired(CloseInfo::Rule::PingSilence,
                 tr("No ping from the server for %1 ms (interval %2 s plus tolerance): the connection is "
                    "considered dead and closed, as the official SDKs do.")
                     .arg(silent)
                     .arg(m_intervalMs / 1000));
}
