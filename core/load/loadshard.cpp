#include "loadshard.h"

#include "loadreport.h"
#include "loadrunner.h"

LoadShard::LoadShard(LoadRunner *runner, const LoadConnection::Target &target, const QByteArrayList &channelNames,
                     const QElapsedTimer &clock)
    : m_runner(runner)
    , m_target(target)
    , m_channelNames(channelNames)
    , m_clock(clock)
    , m_readBuffer(16 * 1024, Qt::Uninitialized)
{
}

LoadShard::~LoadShard() = default;

void LoadShard::open(const QList<int> &channels)
{
    for (const int channel : channels) {
        m_connections.push_back(std::make_unique<LoadConnection>(this, channel));
        m_connections.back()->open();
    }
}

LoadConnection *LoadShard::openPublisher()
{
    m_connections.push_back(std::make_unique<LoadConnection>(this, LoadConnection::kPublisher));
    LoadConnection *c = m_connections.back().get();
    c->open();
    return c;
}

void LoadShard::closeAll()
{
    for (auto &c : m_connections)
        c->close();
    m_connections.clear();
}

void LoadShard::subscribed(LoadConnection *c)
{
    m_runner->channelSubscribed(c->channel());
}

void LoadShard::publisherReady(LoadConnection *)
{
    m_runner->publisherReady();
}

void LoadShard::lost(LoadConnection *c, const QString &why)
{
    error(why);
    if (c->isSubscribed())
        m_runner->channelLost(c->channel());
}

void LoadShard::error(const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    ++m_errors[key];
}

void LoadShard::delivered(qint64 sentNs)
{
    const qint64 now = m_clock.nsecsElapsed();
    const QMutexLocker lock(&m_mutex);
    m_latencyNs.push_back(now - sentNs);
}

void LoadShard::collect(LoadReport *report) const
{
    const QMutexLocker lock(&m_mutex);
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it)
        report->errors[it.key()] += it.value();
    report->latencyNs.insert(report->latencyNs.end(), m_latencyNs.begin(), m_latencyNs.end());
}
