#pragma once

#include "protobufcodec.h"
#include "protocolmessage.h"

#include <QHash>
#include <QMetaType>

// Delta compression on the subscriptions of one connection. A subscribe reply with delta true starts a chain for
// its channel; each publication on it then carries its data (a JSON string in JSON, bytes in Protobuf), the full
// payload or (pub.delta) a fossil delta against the previous one. The tracker keeps the previous payload per
// channel and rebuilds each.
class DeltaTracker
{
public:
    struct Publication
    {
        QString channel;
        qint64 offset = 0;
        bool delta = false;      // the payload came as a delta
        QByteArray data;         // the full payload, rebuilt for a delta
        qsizetype wireBytes = 0; // bytes of the payload as received
        QString error;           // why a delta could not be applied (data is then empty)
        qsizetype savedBytes() const { return error.isEmpty() ? data.size() - wireBytes : 0; }
        // For the log: the delta rebuilt (sizes, saving, the start of the payload) or why it was not.
        QString words() const;
    };

    // A reply, push or command of the session: true with *out filled for a publication on a delta channel.
    bool handle(const ProtocolMessage &m, Publication *out);
    // The publications a subscribe reply with delta true recovered (the first whole, the others deltas against the
    // one before), rebuilt by the last handle() of that reply; empty after any other message.
    const QList<Publication> &recovered() const { return m_recovered; }
    void clear()
    {
        m_previous.clear();
        m_kept.clear();
    }
    // A new connection: no chain is active until its subscribe reply, but the last payloads are kept for a
    // subscription that recovers without missed publications (the server's next delta builds on them).
    void newConnection()
    {
        m_kept.insert(m_previous);
        m_previous.clear();
    }
    // Starts a chain for the channel as a subscribe reply with delta true does (its full payload still to come).
    void track(const QString &channel) { m_previous.insert(channel, QByteArray()); }
    void forget(const QString &channel)
    {
        m_previous.remove(channel);
        m_kept.remove(channel);
    }
    bool isDeltaChannel(const QString &channel) const { return m_previous.contains(channel); }

private:
    // One publication object of a delta channel against the channel's previous payload.
    Publication rebuild(const QString &channel, const ProtobufCodec::DeltaPublication &pub);

    QList<Publication> m_recovered;
    QHash<QString, QByteArray> m_previous; // channel -> last full payload (empty before the first)
    QHash<QString, QByteArray> m_kept;     // the last payloads of the connection before
};

Q_DECLARE_METATYPE(DeltaTracker::Publication)
