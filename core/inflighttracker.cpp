#include "inflighttracker.h"

using Protocol::MessageKind;

void InFlightTracker::sent(const ProtocolMessage &m)
{
    if (m.kind != MessageKind::Command || m.id == 0)
        return;
    m_pending.insert(m.id, {m_clock.nsecsElapsed(), m.method, m.channel});
}

bool InFlightTracker::answered(ProtocolMessage *m)
{
    const auto it = m_pending.find(m->id);
    if (it == m_pending.end())
        return false;
    m->rttMs = double(m_clock.nsecsElapsed() - it->sentNs) / 1e6;
    m_lastRttMs = m->rttMs;
    if (m->kind == MessageKind::Error)
        m->method = it->method;
    if (m->channel.isEmpty())
        m->channel = it->channel;
    m_pending.erase(it);
    return true;
}

void InFlightTracker::clear()
{
    m_pending.clear();
}
