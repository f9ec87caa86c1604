#pragma once

#include "protocolmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

// The commands of one connection still waiting for their reply: when each was sent, its method, and the channel
// of a subscribe. A reply is matched by id and gets its round-trip time, an error the method it answers, a
// subscribe reply its channel (replies carry none).
class InFlightTracker
{
public:
    InFlightTracker() { m_clock.start(); }

    // A message just sent: commands with an id are waited for.
    void sent(const ProtocolMessage &m);
    // A reply or error from the server: completed with what the command said; false when nothing waited for it.
    bool answered(ProtocolMessage *m);
    void clear();

    QList<quint32> ids() const { return m_sentNs.keys(); }
    bool isEmpty() const { return m_sentNs.isEmpty(); }
    double lastRttMs() const { return m_lastRttMs; }

private:
    QElapsedTimer m_clock;
    QHash<quint32, qint64> m_sentNs; // id -> send time (ns on m_clock)
    QHash<quint32, Protocol::Method> m_method;
    QHash<quint32, QString> m_subscribeChannel; // subscribe / sub_refresh id -> channel
    double m_lastRttMs = -1;
};
