#include "deltatracker.h"

#include "fossildelta.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

ProtobufCodec::DeltaPublication jsonPublication(const QJsonObject &pub)
{
    return {pub.value(QLatin1String("offset")).toInteger(), pub.value(QLatin1String("delta")).toBool(),
            pub.value(QLatin1String("data")).toString().toUtf8()};
}

// The delta fields of a subscribe reply or a publication push. JSON carries a delta channel's data as a string,
// its UTF-8 the payload; Protobuf as bytes, read from the message's own bytes (its JSON form re-encodes them).
bool deltaFields(const ProtocolMessage &m, ProtobufCodec::DeltaFields *out)
{
    if (m.hasJsonConverter())
        return ProtobufCodec::deltaFields(m.raw, out);
    if (m.kind == MessageKind::Reply) {
        const QJsonObject result = m.json().value(QLatin1String("subscribe")).toObject();
        *out = {result.value(QLatin1String("delta")).toBool(), result.value(QLatin1String("recovered")).toBool(), {}};
        const QJsonArray pubs = result.value(QLatin1String("publications")).toArray();
        for (const QJsonValue &pub : pubs)
            out->publications.append(jsonPublication(pub.toObject()));
        return true;
    }
    *out = {false,
            false,
            {jsonPublication(m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject())}};
    return true;
}

} // namespace

bool DeltaTracker::handle(const ProtocolMessage &m, Publication *out)
{
    m_recovered.clear();
    ProtobufCodec::DeltaFields fields;
    if (m.kind == MessageKind::Reply && m.method == Method::Subscribe && !m.channel.isEmpty()) {
        if (!deltaFields(m, &fields) || !fields.delta) {
            m_previous.remove(m.channel);
            return false;
        }
        // The live publications go on from the last recovered one; a recovery that missed nothing goes on from the
        // payload of the subscription before (the server sends deltas against it, as the SDK keeps it).
        QByteArray base;
        if (fields.recovered && fields.publications.isEmpty())
            base = m_previous.contains(m.channel) ? m_previous.value(m.channel) : m_kept.value(m.channel);
        m_previous.insert(m.channel, base);
        m_kept.remove(m.channel);
        for (const ProtobufCodec::DeltaPublication &pub : std::as_const(fields.publications))
            m_recovered.append(rebuild(m.channel, pub));
        return false;
    }
    if (m.kind == MessageKind::Push && (m.push == PushType::Unsubscribe || m.push == PushType::Subscribe)) {
        m_previous.remove(m.channel);
        return false;
    }
    if (m.kind != MessageKind::Push || m.push != PushType::Pub || !m_previous.contains(m.channel) ||
        !deltaFields(m, &fields) || fields.publications.size() != 1)
        return false;
    *out = rebuild(m.channel, fields.publications.first());
    return true;
}

DeltaTracker::Publication DeltaTracker::rebuild(const QString &channel, const ProtobufCodec::DeltaPublication &pub)
{
    Publication out;
    out.channel = channel;
    out.offset = pub.offset;
    out.delta = pub.delta;
    const QByteArray &wire = pub.data;
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
