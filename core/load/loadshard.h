#pragma once

#include "loadconnection.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <memory>
#include <vector>

class LoadRunner;
struct LoadReport;

// The connections of a load run that one thread serves (LoadRunner puts each shard in a QThread of its own and the
// connections of a channel in one shard). Qt's event dispatcher polls every socket it watches on each wake-up, and
// a publication wakes the thread of each shard its channel's subscribers are in: with the subscribers of a channel
// together, a publication wakes one thread, whose poll covers a fraction of the sockets.
class LoadShard : public QObject
{
    Q_OBJECT

public:
    LoadShard(LoadRunner *runner, const LoadConnection::Target &target, const QByteArrayList &channelNames,
              const QElapsedTimer &clock);
    ~LoadShard() override;

    // In the shard's thread (LoadRunner queues these).
    void open(const QList<int> &channels); // one new connection for each channel index
    void closeAll();                       // sends each a close frame and lets it go
    LoadConnection *openPublisher();       // a connection that publishes (LoadConnection::kPublisher)

    // From its connections, in the shard's thread.
    const LoadConnection::Target &target() const { return m_target; }
    const QByteArray &channelName(int channel) const { return m_channelNames.at(channel); }
    QByteArray &readBuffer() { return m_readBuffer; }
    void subscribed(LoadConnection *c);
    void publisherReady(LoadConnection *c);
    void lost(LoadConnection *c, const QString &why);
    void error(const QString &key);
    void delivered(qint64 sentNs);

    // Any thread: adds this shard's errors and latencies to `report`.
    void collect(LoadReport *report) const;

private:
    LoadRunner *m_runner;
    const LoadConnection::Target m_target;
    const QByteArrayList m_channelNames;
    const QElapsedTimer m_clock;
    std::vector<std::unique_ptr<LoadConnection>> m_connections;
    QByteArray m_readBuffer;
    mutable QMutex m_mutex; // guards the two below, which the runner's thread reads for its figures
    QMap<QString, qint64> m_errors;
    std::vector<qint64> m_latencyNs;
};
