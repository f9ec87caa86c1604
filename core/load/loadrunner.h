#pragma once

#include "loadreport.h"
#include "protocol.h"
#include "serverapireply.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <memory>
#include <vector>

class LoadConnection;
class LoadShard;
class QHostAddress;
class QThread;
class ServerApiClient;

// A load run (docs/load.md): opens N lightweight connections at a rate, each subscribed to one of M channels,
// publishes through the server API or one more connection of its own at a rate for a duration, then reports latency
// percentiles, deliveries and losses, errors by code, CPU and memory (LoadReport). The connections live in a few worker
// threads (LoadShard), the connections of a channel in one; the publisher, the timers and the figures in the runner's
// thread.
class LoadRunner : public QObject
{
    Q_OBJECT

public:
    enum class PublishVia {
        Api,   // HTTP calls to the server API
        Client // publish commands over one more connection, not subscribed and not counted as a subscriber
    };

    struct Options
    {
        QUrl url = QUrl(QStringLiteral("ws://127.0.0.1:8000/connection/websocket"));
        QString apiUrl = QStringLiteral("http://127.0.0.1:8000");
        QString apiKey;
        Protocol::Format format = Protocol::Format::Json;
        int connections = 100;
        double connectRate = 1000; // new connections per second
        int channels = 10;
        double publishRate = 100;       // publications per second (round-robin over the channels)
        double durationSec = 10;        // of publishing
        int subscribeTimeoutMs = 30000; // publishing starts when all are subscribed or after this
        int drainMs = 1000;             // after the last publication, for the last deliveries
        PublishVia publishVia = PublishVia::Api;
    };

    explicit LoadRunner(QObject *parent = nullptr);
    ~LoadRunner() override;

    void start(const Options &options);
    void stop(); // ends publishing now and reports
    const LoadReport &report() const { return m_report; }
    // The figures so far, for a live view (the final report once finished).
    LoadReport snapshot() const;
    bool isRunning() const { return !m_finished; }

    // From the shards' threads: a connection to channel index `channel` subscribed, or a subscribed one was lost.
    void channelSubscribed(int channel);
    void channelLost(int channel);
    // From the publisher connection (in this thread): its connect was answered.
    void publisherReady();

signals:
    void progress(const QString &text);
    void finished(const LoadReport &report);

private:
    void begin(const QHostAddress &host); // once the host's address is known
    void openMore();
    void startPublishing();
    void publishOne();
    void finish();
    void collect(LoadReport *report) const;
    void stopShards();
    bool allSubscribed() const;

    Options m_options;
    LoadReport m_report;
    std::vector<LoadShard *> m_shards;
    std::vector<QThread *> m_threads;
    std::unique_ptr<std::atomic<int>[]> m_subscribers; // by channel index: subscribed connections now
    QStringList m_channelNames;
    QByteArrayList m_channelBytes;               // the same, for the publisher connection
    std::unique_ptr<LoadShard> m_publisherShard; // in this thread; with PublishVia::Client
    LoadConnection *m_publisher = nullptr;       // its one connection
    std::vector<int> m_openOrder;                // the channel index of each connection, in the order they are opened
    ServerApiClient *m_api = nullptr;            // child
    QTimer m_openTimer;
    QTimer m_publishTimer;
    QTimer m_phaseTimer;
    QElapsedTimer m_clock;
    QElapsedTimer m_publishClock;
    std::atomic<int> m_subscribedCount = 0;
    std::atomic<bool> m_publisherReady = false;
    int m_opened = 0;
    quint64 m_run = 0; // start()s so far: a host lookup answers only the run that asked
    qint64 m_published = 0;
    double m_cpuAtStart = 0;
    qint64 m_rssAtStart = 0;
    bool m_publishing = false;
    bool m_finished = true;
};
