#pragma once

#include "closeinfo.h"
#include "frame.h"
#include "socketreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

// Counts what a run saw, cheaply enough for every frame of a flood; text only at the end.
class RunSummary
{
    Q_DECLARE_TR_FUNCTIONS(RunSummary)

public:
    RunSummary() { m_clock.start(); }
    Q_DISABLE_COPY_MOVE(RunSummary) // m_lastKindCount points into m_kinds

    void add(const Frame &frame);

    qint64 framesIn() const { return m_framesIn; }
    qint64 framesOut() const { return m_framesOut; }
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    // Messages per ProtocolMessage::kindName() and per channel (both directions).
    QHash<QString, qint64> kinds() const;
    QHash<QString, qint64> channels() const;

    // How the connection ended and how reading went (back-pressure), for the report.
    void setClose(const CloseInfo &close) { m_close = close; }
    void setReadStats(const SocketReader::Stats &stats) { m_read = stats; }

    // The report printed by --summary.
    QString text() const;

private:
    // Kind, method and push packed into one number: no string per message while counting.
    static quint32 kindKey(const ProtocolMessage &m)
    {
        return quint32(m.kind) << 16 | quint32(m.method) << 8 | quint32(m.push);
    }

    QElapsedTimer m_clock;
    qint64 m_firstInNs = -1;
    qint64 m_lastInNs = -1;
    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    qint64 m_messages = 0;
    QHash<quint32, qint64> m_kinds;
    // The counter of the last kind counted: a flood's messages mostly share one kind.
    quint32 m_lastKindKey = 0;
    qint64 *m_lastKindCount = nullptr;
    QHash<quint32, ProtocolMessage> m_kindSamples; // one message per key, to name it at the end
    QHash<QString, qint64> m_channels;
    // A flood is mostly one channel: runs of the same channel are counted here before they reach the hash, so a
    // flood's messages are not hashed one by one.
    QString m_runChannel;
    qint64 m_runCount = 0;
    CloseInfo m_close;
    SocketReader::Stats m_read;
};
