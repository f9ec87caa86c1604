#include "loadrunner.h"

#include "loadconnection.h"
#include "serverapiclient.h"

#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <cmath>

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
            error(QStringLiteral("api %1").arg(reply.shortStatus()));
    });
}

LoadRunner::~LoadRunner() = default;

void LoadRunner::start(const Options &options)
{
    m_options = options;
    m_report = LoadReport();
    m_report.format = QLatin1String(Protocol::formatName(options.format));
    m_report.connectionsWanted = options.connections;
    m_report.channels = options.channels;
    m_connections.clear();
    m_subscribers.clear();
    m_channelNames.clear();
    const QString run = QString::number(QRandomGenerator::global()->generate(), 16);
    for (int i = 0; i < options.channels; ++i)
        m_channelNames << QStringLiteral("load-%1-%2").arg(run).arg(i);
    m_api->setBaseUrl(options.apiUrl);
    m_api->setApiKey(options.apiKey);
    m_subscribedCount = 0;
    m_published = 0;
    m_publishing = false;
    m_finished = false;
    m_cpuAtStart = cpuSeconds();
    m_rssAtStart = currentRssKb();
    m_clock.start();
    m_openTimer.start();
    // Publishing starts once every connection is subscribed, or after the timeout with those that are.
    m_phaseTimer.disconnect(this);
    connect(&m_phaseTimer, &QTimer::timeout, this, &LoadRunner::startPublishing);
    m_phaseTimer.start(options.subscribeTimeoutMs);
}

void LoadRunner::openMore()
{
    // As many as the rate allows by now (the timer is coarse; the clock is not).
    const auto due = qMin<qint64>(m_options.connections,
                                  qint64(std::ceil(double(m_clock.elapsed()) / 1000.0 * m_options.connectRate)) + 1);
    while (qint64(m_connections.size()) < due) {
        const QString &channel = m_channelNames.at(int(m_connections.size()) % m_channelNames.size());
        m_connections.push_back(std::make_unique<LoadConnection>(this, m_options.url, m_options.format, channel));
        m_connections.back()->open();
    }
    if (int(m_connections.size()) >= m_options.connections)
        m_openTimer.stop();
    emit progress(tr("%1 opened, %2 subscribed").arg(m_connections.size()).arg(m_subscribedCount));
}

void LoadRunner::connectionSubscribed(LoadConnection *c)
{
    ++m_subscribedCount;
    ++m_subscribers[c->channel()];
    if (m_subscribedCount == m_options.connections && !m_publishing)
        startPublishing();
}

void LoadRunner::connectionLost(LoadConnection *c, const QString &why)
{
    error(why);
    if (c->isSubscribed()) {
        --m_subscribedCount;
        --m_subscribers[c->channel()];
    }
}

void LoadRunner::startPublishing()
{
    if (m_publishing || m_finished)
        return;
    m_publishing = true;
    emit progress(tr("%1 of %2 subscribed; publishing").arg(m_subscribedCount).arg(m_options.connections));
    m_publishClock.start();
    m_publishTimer.start(qMax(1, int(1000.0 / m_options.publishRate)));
    m_phaseTimer.disconnect(this);
    connect(&m_phaseTimer, &QTimer::timeout, this, &LoadRunner::stop);
    m_phaseTimer.start(int(m_options.durationSec * 1000));
}

void LoadRunner::publishOne()
{
    // Catch up to the rate: a timer tick may stand for several publications.
    const auto due = qint64(double(m_publishClock.elapsed()) / 1000.0 * m_options.publishRate) + 1;
    while (m_published < due) {
        const QString &channel = m_channelNames.at(int(m_published % m_channelNames.size()));
        m_report.expected += m_subscribers.value(channel);
        ++m_published;
        m_api->call(QStringLiteral("publish"),
                    {{QStringLiteral("channel"), channel},
                     {QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("t"), m_clock.nsecsElapsed()}, {QStringLiteral("n"), m_published}}}});
    }
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
    m_report.published = m_published;
    m_report.delivered = qint64(m_report.latencyNs.size());
    m_report.connectionsHeld = m_subscribedCount;
    m_report.cpuSec = cpuSeconds(&m_report.maxRssKb) - m_cpuAtStart;
    m_report.connectionsRssKb = currentRssKb() - m_rssAtStart;
    for (auto &c : m_connections)
        c->close();
    emit finished(m_report);
}
