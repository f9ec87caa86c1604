#pragma once

#include "protocolmessage.h"

#include <QHash>
#include <QMetaType>

// Delta compression on the subscriptions of one connection. A subscribe reply with delta true starts a chain for
// its channel; each publication on it then carries its data as a JSON string, the full payload or (pub.delta) a
// fossil delta against the previous one. The tracker keeps the previous payload per channel and rebuilds each.
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
    void clear() { m_previous.clear(); }
    // Starts a chain for the channel as a subscribe reply with delta true does (its full payload still to come).
    void track(const QString &channel) { m_previous.insert(channel, QByteArray()); }
    void forget(const QString &channel) { m_previous.remove(channel); }
    bool isDeltaChannel(const QString &channel) const { return m_previous.contains(channel); }

private:
    QHash<QString, QByteArray> m_previous; // channel -> last full payload (empty before the first)
};

Q_DECLARE_METATYPE(DeltaTracker::Publication)
