#include "inflighttracker.h"

using Protocol::MessageKind;
using Protocol::Method;

void InFlightTracker::sent(const ProtocolMessage &m)
{
    if (m.kind != MessageKind::Command || m.id == 0)
        return;
    m_sentNs.insert(m.id, m_clock.nsecsElapsed());
    m_method.insert(m.id, m.method);
    if (!m.channel.isEmpty() && (m.method == Method::Subscribe || m.method == Method::SubRefresh))
        m_subscribeChannel.insert(m.id, m.channel);
}

bool InFlightTracker::answered(ProtocolMessage *m)
{
    const auto it = m_sentNs.find(m->id);
    const bool waited = it != m_sentNs.end();
    if (waited) {
        m->rttMs = double(m_clock.nsecsElapsed() - it.value()) / 1e6;
        m_lastRttMs = m->rttMs;
        if (m->kind == MessageKind::Error)
            m->method = m_method.value(m->id);
        m_sentNs.erase(it);
        m_method.remove(m->id);
    }
    if (m->channel.isEmpty())
        m->channel = m_subscribeChannel.take(m->id);
    return waited;
}

void InFlightTracker::clear()
{
    m_sentNs.clear();
    m_method.clear();
    m_subscribeChannel.clear();
}
