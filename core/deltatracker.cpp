#include "deltatracker.h"

#include "fossildelta.h"

#include <QCoreApplication>
#include <QJsonObject>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

bool DeltaTracker::handle(const ProtocolMessage &m, Publication *out)
{
    if (m.kind == MessageKind::Reply && m.method == Method::Subscribe && !m.channel.isEmpty()) {
        if (m.json().value(QLatin1String("subscribe")).toObject().value(QLatin1String("delta")).toBool())
            m_previous.insert(m.channel, QByteArray());
        else
            m_previous.remove(m.channel);
        return false;
    }
    if (m.kind == MessageKind::Push && m.push == PushType::Unsubscribe) {
        m_previous.remove(m.channel);
        return false;
    }
    if (m.kind != MessageKind::Push || m.push != PushType::Pub || !m_previous.contains(m.channel))
        return false;
    const QJsonObject pub = m.json().value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
    *out = Publication();
    out->channel = m.channel;
    out->offset = pub.value(QLatin1String("offset")).toInteger();
    out->delta = pub.value(QLatin1String("delta")).toBool();
    const QByteArray wire = pub.value(QLatin1String("data")).toString().toUtf8();
    out->wireBytes = wire.size();
    QByteArray &previous = m_previous[m.channel];
    if (!out->delta) {
        out->data = wire;
        previous = wire;
        return true;
    }
    if (previous.isEmpty()) {
        out->error = QCoreApplication::translate("DeltaTracker",
                                                 "a delta came before any full payload on this channel: nothing to "
                                                 "apply it to");
        return true;
    }
    out->data = FossilDelta::apply(previous, wire, &out->error);
    if (out->error.isEmpty())
        previous = out->data;
    else
        previous.clear(); // the chain is broken: later deltas cannot be trusted either
    return true;
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
