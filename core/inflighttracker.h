#pragma once

#include "protocolmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

// The commands of one connection still waiting for their reply: when each was sent, its method and channel. A
// reply is matched by id and gets its round-trip time, an error the method it answers, and both the channel of
// their command (replies carry none), so that a channel filter keeps a command's answer with it. Used by the
// session and by each proxied connection.
class InFlightTracker
{
public:
    InFlightTracker() { m_clock.start(); }

    // A message just sent: commands with an id are waited for.
    void sent(const ProtocolMessage &m);
    // A reply or error from the server: completed with what the command said; false when nothing waited for it.
    bool answered(ProtocolMessage *m);
    void clear();

    QList<quint32> ids() const { return m_pending.keys(); }
    bool isEmpty() const { return m_pending.isEmpty(); }
    double lastRttMs() const { return m_lastRttMs; }

private:
    struct Pending
    {
        qint64 sentNs = 0; // on m_clock
        Protocol::Method method = Protocol::Method::None;
        QString channel;
    };
    QElapsedTimer m_clock;
    QHash<quint32, Pending> m_pending; // command id -> what the reply is completed with
    double m_lastRttMs = -1;
};
