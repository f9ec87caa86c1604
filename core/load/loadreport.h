#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <vector>

// The figures of one load run (docs/load.md): connections held, publish-to-receive latency percentiles,
// delivered and lost publications, errors by code, CPU and memory of this process.
struct LoadReport
{
    QString format;     // "json" or "protobuf"
    QString publishVia; // "api" or "client"
    int connectionsWanted = 0;
    int connectionsHeld = 0; // connected and subscribed at the end
    int channels = 0;
    double durationSec = 0;
    qint64 published = 0;
    qint64 expected = 0;  // deliveries owed: each publication times the subscribers of its channel then
    qint64 delivered = 0; // publications received
    qint64 lost() const { return expected > delivered ? expected - delivered : 0; }
    QMap<QString, qint64> errors;  // "connect 109", "close 3501", "socket refused", "api 102" -> count
    std::vector<qint64> latencyNs; // publish call to receive, one per delivery
    double cpuSec = 0;             // user + system time of the process during the run
    qint64 maxRssKb = 0;           // peak resident memory of the process
    qint64 connectionsRssKb = 0;   // resident memory the run added (connections and their buffers), at its end

    // Nanoseconds at the percentile p (0..100) of the sorted latencies; -1 when there are none.
    static qint64 percentile(const std::vector<qint64> &sorted, double p);
    QJsonObject toJson() const; // sorts latencyNs
    QString text() const;       // a few lines for a terminal
};
