#include "loadrunner.h"

#include "loadshard.h"
#include "serverapiclient.h"

#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <cmath>
#include <cstring>

#include <netinet/in.h>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

// User + system CPU seconds of this process so far, and its peak resident memory in KB.
double cpuSeconds(qint64 *maxRssKb = nullptr)
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    if (maxRssKb)
        *maxRssKb = usage.ru_maxrss;
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#else
    if (maxRssKb)
        *maxRssKb = 0;
    return 0;
#endif
}

// Resident memory now, in KB (Linux /proc; 0 elsewhere).
qint64 currentRssKb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

// Connections per worker thread, and at most this many threads: each thread's dispatcher polls all of its sockets
// on every wake-up, so fewer sockets per thread cost less per wake-up; a thread costs its stack and event loop.
constexpr int kConnectionsPerShard = 100;
constexpr int kMaxShards = 128;

// The socket address, the HTTP upgrade request and the format every connection of a run shares.
LoadConnection::Target makeTarget(const QUrl &url, const QHostAddress &host, Protocol::Format format)
{
    LoadConnection::Target t;
    t.format = format;
    const auto port = quint16(url.port(80));
    if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&t.address);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = host.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        t.addressLength = sizeof(sockaddr_in6);
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&t.address);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(host.toIPv4Address());
        t.addressLength = sizeof(sockaddr_in);
    }
    // Any base64 of 16 bytes will do as the key: the server's accept value is not checked, only its 101 status.
    const QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    t.upgradeRequest = "GET " + (path.isEmpty() ? QByteArray("/") : path) +
                       " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':' + QByteArray::number(port) +
                       "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (format == Protocol::Format::Protobuf)
        t.upgradeRequest += "Sec-WebSocket-Protocol: centrifuge-protobuf\r\n";
    t.upgradeRequest += "\r\n";
    return t;
}

} // namespace

LoadRunner::LoadRunner(QObject *parent)
    : QObject(parent)
    , m_api(new ServerApiClient(this))
{
    m_openTimer.setInterval(10);
    connect(&m_openTimer, &QTimer::timeout, this, &LoadRunner::openMore);
    m_publishTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_publishTimer, &QTimer::timeout, this, &LoadRunner::publishOne);
    m_phaseTimer.setSingleShot(true);
    connect(m_api, &ServerApiClient::finished, this, [this](quint64, const ServerApiReply &reply) {
        if (!reply.isOk())
            ++m_report.errors[QStringLiteral("api %1").arg(reply.shortStatus())];
    });
}

LoadRunner::~LoadRunner()
{
    stopShards();
}

void LoadRunner::stopShards()
{
    // The sockets and their notifiers belong to the shards' threads: closed there, then the threads end.
    for (LoadShard *shard : m_shards)
        QMetaObject::invokeMethod(
            shard, [shard] { shard->closeAll(); }, Qt::BlockingQueuedConnection);
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    qDeleteAll(m_shards);
    m_shards.clear();
    m_threads.clear();
    if (m_publisherShard)
        m_publisherShard->closeAll();
    m_publisherShard.reset();
    m_publisher = nullptr;
}

void LoadRunner::start(const Options &options)
{
    m_options = options;
    m_report = LoadReport();
    m_report.format = QLatin1String(Protocol::formatName(options.format));
    m_report.publishVia = options.publishVia == PublishVia::Client ? QStringLiteral("client") : QStringLiteral("api");
    m_report.connectionsWanted = options.connections;
    m_report.channels = options.channels;
    stopShards();
    m_channelNames.clear();
    const QString prefix = QString::number(QRandomGenerator::global()->generate(), 16);
    for (int i = 0; i < options.channels; ++i)
        m_channelNames << QStringLiteral("load-%1-%2").arg(prefix).arg(i);
    m_subscribers = std::make_unique<std::atomic<int>[]>(size_t(options.channels));
    m_api->setBaseUrl(options.apiUrl);
    m_api->setApiKey(options.apiKey);
    m_subscribedCount = 0;
    m_publisherReady = false;
    m_opened = 0;
    m_published = 0;
    m_publishing = false;
    m_finished = false;
    m_cpuAtStart = cpuSeconds();
    m_rssAtStart = currentRssKb();
    const quint64 run = ++m_run;
    const QHostAddress literal(options.url.host());
    if (!literal.isNull()) {
        begin(literal);
        return;
    }
    // A host name is looked up without blocking the caller's thread (the GUI's, for the Load tab).
    QHostInfo::lookupHost(options.url.host(), this, [this, run](const QHostInfo &info) {
        if (run != m_run || m_finished || m_publishing) // another run, or stopped meanwhile
            return;
        if (info.addresses().isEmpty()) {
            m_report.errors[QStringLiteral("host not found")] += m_options.connections;
            stop();
            return;
        }
        // One address for all connections: IPv4 when there is one (servers often listen on 127.0.0.1 only).
        const QList<QHostAddress> all = info.addresses();
        const auto v4 = std::find_if(all.begin(), all.end(), [](const QHostAddress &a) {
            return a.protocol() == QAbstractSocket::IPv4Protocol;
        });
        begin(v4 != all.end() ? *v4 : all.constFirst());
    });
}

void LoadRunner::begin(const QHostAddress &host)
{
    m_clock.start();
    const int shards = std::clamp((m_options.connections + kConnectionsPerShard - 1) / kConnectionsPerShard, 1,
                                  qMin(m_options.channels, kMaxShards));
    // Connection i subscribes to channel i mod M, in the shard of its channel. They are opened shard after shard, so
    // that each tick of the opening wakes one or two threads, not all.
    std::vector<std::vector<int>> byShard(static_cast<size_t>(shards));
    for (int i = 0; i < m_options.connections; ++i)
        byShard[size_t((i % m_options.channels) % shards)].push_back(i % m_options.channels);
    m_openOrder.clear();
    for (const auto &channels : byShard)
        m_openOrder.insert(m_openOrder.end(), channels.begin(), channels.end());
    m_channelBytes.clear();
    for (const QString &name : std::as_const(m_channelNames))
        m_channelBytes << name.toUtf8();
    const QByteArrayList &names = m_channelBytes;
    const LoadConnection::Target target = makeTarget(m_options.url, host, m_options.format);
    if (m_options.publishVia == PublishVia::Client) {
        // First, so that it is connected when the subscribers are; its socket is polled by this thread's loop.
        m_publisherShard = std::make_unique<LoadShard>(this, target, names, m_clock);
        m_publisher = m_publisherShard->openPublisher();
    }
    for (int i = 0; i < shards; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("load shard %1").arg(i));
        auto *shard = new LoadShard(this, target, names, m_clock);
        shard->moveToThread(thread);
        thread->start();
        m_threads.push_back(thread);
        m_shards.push_back(shard);
    }
    m_openTimer.start();
    // Publishing starts once every connection is subscribed, or after the timeout with those that are.
    m_phaseTimer.disconnect(this);
    connect(&m_phaseTimer, &QTimer::timeout, this, &LoadRunner::startPublishing);
    m_phaseTimer.start(m_options.subscribeTimeoutMs);
}

void LoadRunner::openMore()
{
    // As many as the rate allows by now (the timer is coarse; the clock is not).
    const auto due = qMin<qint64>(m_options.connections,
                                  qint64(std::ceil(double(m_clock.elapsed()) / 1000.0 * m_options.connectRate)) + 1);
    std::vector<QList<int>> batches(m_shards.size());
    for (; m_opened < due; ++m_opened) {
        const int channel = m_openOrder[size_t(m_opened)];
        batches[size_t(channel) % m_shards.size()].append(channel);
    }
    for (size_t i = 0; i < m_shards.size(); ++i) {
        if (batches[i].isEmpty())
            continue;
        LoadShard *shard = m_shards[i];
        QMetaObject::invokeMethod(
            shard, [shard, b = std::move(batches[i])] { shard->open(b); }, Qt::QueuedConnection);
    }
    if (m_opened >= m_options.connections)
        m_openTimer.stop();
    emit progress(tr("%1 opened, %2 subscribed").arg(m_opened).arg(m_subscribedCount.load()));
}

bool LoadRunner::allSubscribed() const
{
    return m_subscribedCount == m_options.connections && (m_options.publishVia == PublishVia::Api || m_publisherReady);
}

void LoadRunner::channelSubscribed(int channel)
{
    ++m_subscribers[size_t(channel)];
    ++m_subscribedCount;
    if (allSubscribed())
        QMetaObject::invokeMethod(this, &LoadRunner::startPublishing, Qt::QueuedConnection);
}

void LoadRunner::publisherReady()
{
    m_publisherReady = true;
    if (allSubscribed())
        QMetaObject::invokeMethod(this, &LoadRunner::startPublishing, Qt::QueuedConnection);
}

void LoadRunner::channelLost(int channel)
{
    --m_subscribers[size_t(channel)];
    --m_subscribedCount;
}

void LoadRunner::startPublishing()
{
    if (m_publishing || m_finished)
        return;
    m_publishing = true;
    emit progress(tr("%1 of %2 subscribed; publishing").arg(m_subscribedCount.load()).arg(m_options.connections));
    m_publishClock.start();
    m_publishTimer.start(qMax(1, int(1000.0 / m_options.publishRate)));
    m_phaseTimer.disconnect(this);
    m_phaseTimer.stop();
}

void LoadRunner::publishOne()
{
    // Catch up to the rate: a timer tick may stand for several publications. The run ends after the rate times the
    // duration, so that a busy machine delays the publications but never changes how many there are.
    const qint64 total = qMax<qint64>(1, std::llround(m_options.publishRate * m_options.durationSec));
    const auto due = qMin(total, qint64(double(m_publishClock.elapsed()) / 1000.0 * m_options.publishRate) + 1);
    while (m_published < due) {
        const auto index = int(m_published % m_channelNames.size());
        const QString &channel = m_channelNames.at(index);
        m_report.expected += m_subscribers[size_t(index)].load();
        ++m_published;
        if (m_options.publishVia == PublishVia::Client) {
            if (!m_publisher || !m_publisher->publish(m_channelBytes.at(index), m_clock.nsecsElapsed(), m_published))
                ++m_report.errors[QStringLiteral("publisher not connected")];
            continue;
        }
        m_api->call(QStringLiteral("publish"),
                    {{QStringLiteral("channel"), channel},
                     {QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("t"), m_clock.nsecsElapsed()}, {QStringLiteral("n"), m_published}}}});
    }
    if (m_published >= total)
        stop();
}

void LoadRunner::stop()
{
    if (m_finished)
        return;
    m_openTimer.stop();
    m_publishTimer.stop();
    m_phaseTimer.disconnect(this);
    m_report.durationSec = m_publishing ? double(m_publishClock.elapsed()) / 1000.0 : 0;
    m_publishing = true; // no publishing starts from now on
    // The last publications are still on their way.
    connect(&m_phaseTimer, &QTimer::timeout, this, &LoadRunner::finish);
    m_phaseTimer.start(m_options.drainMs);
}

LoadReport LoadRunner::snapshot() const
{
    if (m_finished)
        return m_report;
    LoadReport r = m_report;
    collect(&r);
    r.published = m_published;
    r.delivered = qint64(r.latencyNs.size());
    r.connectionsHeld = m_subscribedCount;
    r.durationSec = m_publishing && m_publishClock.isValid() ? double(m_publishClock.elapsed()) / 1000.0 : 0;
    r.cpuSec = cpuSeconds(&r.maxRssKb) - m_cpuAtStart;
    r.connectionsRssKb = currentRssKb() - m_rssAtStart;
    return r;
}

void LoadRunner::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_phaseTimer.disconnect(this);
    m_report.connectionsHeld = m_subscribedCount;
    m_report.cpuSec = cpuSeconds(&m_report.maxRssKb) - m_cpuAtStart;
    m_report.connectionsRssKb = currentRssKb() - m_rssAtStart;
    collect(&m_report);
    m_report.published = m_published;
    m_report.delivered = qint64(m_report.latencyNs.size());
    stopShards();
    emit finished(m_report);
}

void LoadRunner::collect(LoadReport *report) const
{
    for (const LoadShard *shard : m_shards)
        shard->collect(report);
    if (m_publisherShard)
        m_publisherShard->collect(report);
}
