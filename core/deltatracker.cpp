#include "deltatracker.h"

#include "fossildelta.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

bool DeltaTracker::handle(const ProtocolMessage &m, Publication *out)
{
    m_recovered.clear();
    if (m.kind == MessageKind::Reply && m.method == Method::Subscribe && !m.channel.isEmpty()) {
        // Protobuf data reaches the JSON form re-encoded, not as the exact bytes a delta applies to: not tracked.
        if (m.hasJsonConverter()) {
            m_previous.remove(m.channel);
            return false;
        }
        const QJsonObject result = m.json().value(QLatin1String("subscribe")).toObject();
        if (!result.value(QLatin1String("delta")).toBool()) {
            m_previous.remove(m.channel);
            return false;
        }
        // The live publications go on from the last recovered one; a recovery that missed nothing goes on from the
        // payload of the subscription before (the server sends deltas against it, as the SDK keeps it).
        const QJsonArray pubs = result.value(QLatin1String("publications")).toArray();
        QByteArray base;
        if (result.value(QLatin1String("recovered")).toBool() && pubs.isEmpty())
            base = m_previous.contains(m.channel) ? m_previous.value(m.channel) : m_kept.value(m.channel);
        m_previous.insert(m.channel, base);
        m_kept.remove(m.channel);
        for (const QJsonValue &pub : pubs)
            m_recovered.append(rebuild(m.channel, pub.toObject()));
        return false;
    }
    if (m.kind == MessageKind::Push && (m.push == PushType::Unsubscribe || m.push == PushType::Subscribe)) {
        m_previous.remove(m.channel);
        return false;
    }
    if (m.kind != MessageKind::Push || m.push != PushType::Pub || !m_previous.contains(m.channel))
        return false;
    *out = rebuild(m.channel, m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject());
    return true;
}

DeltaTracker::Publication DeltaTracker::rebuild(const QString &channel, const QJsonObject &pub)
{
    Publication out;
    out.channel = channel;
    out.offset = pub.value(QLatin1String("offset")).toInteger();
    out.delta = pub.value(QLatin1String("delta")).toBool();
    const QByteArray wire = pub.value(QLatin1String("data")).toString().toUtf8();
    out.wireBytes = wire.size();
    QByteArray &previous = m_previous[channel];
    if (!out.delta) {
        out.data = wire;
        previous = wire;
        return out;
    }
    if (previous.isEmpty()) {
        out.error = QCoreApplication::translate("DeltaTracker",
                                                "a delta came before any full payload on this channel: nothing to "
                                                "apply it to");
        return out;
    }
    out.data = FossilDelta::apply(previous, wire, &out.error);
    if (out.error.isEmpty())
        previous = out.data;
    else
        previous.clear(); // the chain is broken: later deltas cannot be trusted either
    return out;
}

QString DeltaTracker::Publication::words() const
{
    if (!error.isEmpty())
        return QCoreApplication::translate("DeltaTracker", "%1 offset %2: the delta cannot be applied: %3.")
            .arg(channel)
            .arg(offset)
            .arg(error);
    return QCoreApplication::translate("DeltaTracker", "%1 offset %2: delta of %3 bytes rebuilt into %4 bytes (%5 "
                                                       "saved): %6")
        .arg(channel)
        .arg(offset)
        .arg(wireBytes)
        .arg(data.size())
        .arg(savedBytes())
        .arg(QString::fromUtf8(data.left(200)));
}
